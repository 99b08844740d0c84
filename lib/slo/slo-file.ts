// An SLO file as people keep them: OpenSLO v1, or a Sloth spec (prometheus/v1, or its Kubernetes
// resource PrometheusServiceLevel). Told apart by their version lines; both read all or nothing.
import { importOpenSlo } from './openslo'
import { importSloth } from './sloth'
import type { SloImportResult } from './yaml-errors'

const SLOTH = /^\s*(?:version:\s*["']?prometheus\/v1|apiVersion:\s*["']?sloth\.slok\.dev\/)/m

export const isSlothSpec = (text: string) => SLOTH.test(text)

export function parseSloFile(text: string): SloImportResult & { format: 'openslo' | 'sloth' } {
  return isSlothSpec(text) ? { ...importSloth(text), format: 'sloth' } : { ...importOpenSlo(text), format: 'openslo' }
}
