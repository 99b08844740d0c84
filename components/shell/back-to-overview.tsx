import Link from 'next/link'
import { buttonClasses } from '@/components/ui/button'

/** The way out of an empty, forbidden or missing page. */
export function BackToOverview() {
  return (
    <Link href="/" className={buttonClasses({ variant: 'secondary' })}>
      Back to overview
    </Link>
  )
}
