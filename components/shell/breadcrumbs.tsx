import Link from 'next/link'
import { Fragment, type ReactNode } from 'react'

/** The pages above this one, each linked, then what is left to say about this one. */
export function Breadcrumbs({ links, children }: { links: { href: string; label: string }[]; children?: ReactNode }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      {links.map((link) => (
        <Fragment key={link.href}>
          <Link href={link.href} className="hover:text-accent hover:underline">
            {link.label}
          </Link>
          <span aria-hidden>/</span>
        </Fragment>
      ))}
      {children}
    </span>
  )
}
