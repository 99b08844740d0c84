'use client'

import { Printer } from 'lucide-react'
import { Button } from '@/components/ui/button'

/** The board prints as a status report: filters, forms and navigation are left out (print: classes). */
export function PrintButton() {
  return (
    <Button variant="secondary" size="sm" onClick={() => window.print()}>
      <Printer className="size-4" aria-hidden /> Print
    </Button>
  )
}
