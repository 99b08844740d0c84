// Trace reliability by service (the scorecard's evidence): complete ÷ seen over the last 7 days, what
// broke the rest (orphan spans), and clock skew beside it as a note. Worst offenders first.
import { db } from '@/lib/db/client'
import { addDays, dayOf, type CalendarDay } from './calendar-day'
import { listDailyQuality } from './daily-quality-repository'

export type ServiceReliability = {
  service: string
  tracesSeen: number
  tracesComplete: number
  broken: number
  reliability: number | null
  orphanSpans: number
  skewedSpans: number
  spans: number
  /** Daily complete ÷ seen, oldest first (null on a day without traces). */
  daily: (number | null)[]
}

export type ReliabilityReport = {
  days: CalendarDay[]
  fleet: { traces: number; complete: number; reliability: number | null }
  services: ServiceReliability[]
}

export async function getReliabilityReport({
  now = new Date(),
  days: span = 7,
}: { now?: Date; days?: number } = {}): Promise<ReliabilityReport> {
  const today = dayOf(now)
  const from = addDays(today, -(span - 1))
  const days = Array.from({ length: span }, (_, index) => addDays(from, index))
  const inventory = await db.service.findMany({ where: { origin: 'inventory', retiredAt: null }, select: { name: true } })
  const quality = await listDailyQuality(new Map(inventory.map(({ name }) => [name, { from, to: addDays(today, 1) }])), { now })
  let fleetTraces = 0
  let fleetComplete = 0
  const services = inventory.map(({ name }): ServiceReliability => {
    const rows = quality.get(name) ?? []
    const sum = (pick: (row: (typeof rows)[number]) => number) => rows.reduce((total, row) => total + pick(row), 0)
    fleetTraces += sum((row) => row.rootTraces)
    fleetComplete += sum((row) => row.rootTracesComplete)
    const tracesSeen = sum((row) => row.tracesSeen)
    const tracesComplete = sum((row) => row.tracesComplete)
    return {
      service: name,
      tracesSeen,
      tracesComplete,
      broken: tracesSeen - tracesComplete,
      reliability: tracesSeen ? tracesComplete / tracesSeen : null,
      orphanSpans: sum((row) => row.orphanSpans),
      skewedSpans: sum((row) => row.skewedSpans),
      spans: sum((row) => row.spans),
      daily: days.map((day) => {
        const row = rows.find((candidate) => candidate.day === day)
        return row && row.tracesSeen ? row.tracesComplete / row.tracesSeen : null
      }),
    }
  })
  services.sort((a, b) => (a.reliability ?? 2) - (b.reliability ?? 2) || b.broken - a.broken || a.service.localeCompare(b.service))
  return {
    days,
    fleet: { traces: fleetTraces, complete: fleetComplete, reliability: fleetTraces ? fleetComplete / fleetTraces : null },
    services,
  }
}
