import { ImportFileForm } from '@/components/forms/import-file-form'

const EXAMPLE = `apiVersion: openslo/v1
kind: SLO
metadata:
  name: payments-latency
spec:
  service: transactions-service
  indicator:
    metadata: { name: payments-latency }
    spec:
      thresholdMetric:
        metricSource: { type: Spanlens, spec: { operation: POST /v1/payments } }
  timeWindow: [{ duration: 28d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ op: lte, value: 300, target: 0.99 }]`

export function ImportSlosForm() {
  return <ImportFileForm endpoint="/api/v1/slos/import" id="slos-file" label="OpenSLO or Sloth file (YAML)" placeholder={EXAMPLE} />
}
