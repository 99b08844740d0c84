// The rollout board as CSV (one row per inventory service), for spreadsheets and status reports. Pure.
import Papa from 'papaparse'
import type { BoardService } from './board-repository'

const percent = (ratio: number | null, digits = 2) => (ratio === null ? '' : (ratio * 100).toFixed(digits))

export function boardCsv(services: readonly BoardService[]): string {
  return Papa.unparse(
    services.map((service) => ({
      service: service.name,
      wave: service.wave ?? '',
      team: service.team ?? '',
      owner: service.owner ?? '',
      tier: service.tier ?? '',
      status: service.status,
      computed_status: service.computed?.status ?? '',
      override_reason: service.override?.reason ?? '',
      planned_date: service.plannedDate ?? '',
      go_live: service.goLiveAt?.toISOString() ?? '',
      days_late: service.late?.daysLate ?? '',
      expected_operations_seen: service.coverage.expected ? `${service.coverage.expectedSeen}/${service.coverage.expected}` : '',
      operations_seen: service.coverage.seen,
      trace_reliability_percent: percent(service.quality.reliability, 3),
      key_attribute_percent: percent(service.quality.keyAttributeShare, 1),
      sampling_rate_percent: percent(service.quality.samplingRate, 1),
      latest_overhead_ms: service.overhead?.overheadMs.toFixed(2) ?? '',
      overhead_measured_at: service.overhead?.measuredAt.toISOString() ?? '',
      traced_last_24h: service.tracedLast24h,
    })),
    { newline: '\r\n' },
  )
}
