const COUNT = new Intl.NumberFormat('en', { maximumFractionDigits: 1 })

/** "12,345", "0.5": counts and rates in tooltips and tables. */
export const formatCount = (value: number) => COUNT.format(value)
