// What every bench returns, and how `npm run bench` prints it.

export type Figure = {
  name: string
  value: number
  unit: string
  /** The reference measured in the same run, when the figure is compared with one. */
  reference?: { name: string; value: number; unit: string }
  /** figure ÷ reference, or the comparison the target is stated in. */
  ratio?: number
  target?: string
  met?: boolean
}

export type BenchReport = { title: string; figures: Figure[]; notes: string[] }

export type BenchContext = {
  /** A Postgres server the bench may create databases on. */
  serverUrl: string
  /** The migrated database that lib/db reads and writes in this run (the benches share it). */
  databaseUrl: string
}

const format = (value: number, unit: string) =>
  `${value >= 100 ? Math.round(value).toLocaleString('en') : value.toLocaleString('en', { maximumFractionDigits: 2 })} ${unit}`.trim()

export function printReport(report: BenchReport): void {
  console.log(`\n━━ ${report.title}`)
  for (const figure of report.figures) {
    const parts = [`  ${figure.name.padEnd(46)} ${format(figure.value, figure.unit).padStart(18)}`]
    if (figure.reference) parts.push(`vs ${figure.reference.name} ${format(figure.reference.value, figure.reference.unit)}`)
    if (figure.ratio !== undefined) parts.push(`ratio ${figure.ratio.toFixed(2)}`)
    if (figure.target) parts.push(`target ${figure.target} ${figure.met === undefined ? '' : figure.met ? '✓' : '✗'}`)
    console.log(parts.join('   '))
  }
  for (const note of report.notes) console.log(`  · ${note}`)
}
