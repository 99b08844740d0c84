import { twMerge } from 'tailwind-merge'

/** Joins class names, skipping falsy ones; a later Tailwind class wins over a conflicting earlier one (shadcn's `cn`). */
export const cn = (...classes: (string | false | null | undefined)[]): string => twMerge(classes.filter(Boolean).join(' '))
