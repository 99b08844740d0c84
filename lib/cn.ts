/** Joins class names, skipping falsy ones (shadcn's `cn`, without class-conflict merging). */
export const cn = (...classes: (string | false | null | undefined)[]): string => classes.filter(Boolean).join(' ')
