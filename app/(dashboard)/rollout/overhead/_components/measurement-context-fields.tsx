import { Field, Input, Select } from '@/components/ui/field'
import { OVERHEAD_METHODS } from '@/lib/overhead/schemas'

const METHOD_LABELS: Record<(typeof OVERHEAD_METHODS)[number], string> = {
  load_test: 'Load test',
  canary: 'Canary',
  benchmark: 'Benchmark',
  other: 'Other',
}

/** Service, environment, method, time and notes: what both forms ask besides the figures. */
export function MeasurementContextFields({
  idPrefix,
  services,
  nowUtc,
  error,
  optionalTime = false,
}: {
  idPrefix: string
  services: readonly string[]
  /** Default of the time field, `YYYY-MM-DDTHH:MM` in UTC. */
  nowUtc: string
  error: (field: string) => string | undefined
  optionalTime?: boolean
}) {
  const id = (field: string) => `${idPrefix}-${field}`
  return (
    <>
      <Field label="Service" htmlFor={id('service')} error={error('service')}>
        <Select id={id('service')} name="service" aria-invalid={Boolean(error('service'))}>
          {services.map((service) => (
            <option key={service} value={service}>
              {service}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Environment" htmlFor={id('environment')} error={error('environment')}>
        <Input
          id={id('environment')}
          name="environment"
          defaultValue="staging"
          maxLength={100}
          aria-invalid={Boolean(error('environment'))}
        />
      </Field>
      <Field label="Method" htmlFor={id('method')} error={error('method')}>
        <Select id={id('method')} name="method" defaultValue="load_test" aria-invalid={Boolean(error('method'))}>
          {OVERHEAD_METHODS.map((method) => (
            <option key={method} value={method}>
              {METHOD_LABELS[method]}
            </option>
          ))}
        </Select>
      </Field>
      <Field
        label="Measured at (UTC)"
        htmlFor={id('measuredAt')}
        error={error('measuredAt')}
        hint={optionalTime ? 'Leave blank for now' : undefined}
      >
        <Input
          id={id('measuredAt')}
          name="measuredAt"
          type="datetime-local"
          defaultValue={optionalTime ? undefined : nowUtc}
          aria-invalid={Boolean(error('measuredAt'))}
        />
      </Field>
      <div className="md:col-span-2">
        <Field
          label="Notes"
          htmlFor={id('notes')}
          error={error('notes')}
          hint="Optional: tool, load, sampling rate, anything to compare runs by"
        >
          <textarea
            id={id('notes')}
            name="notes"
            rows={2}
            maxLength={2000}
            aria-invalid={Boolean(error('notes'))}
            className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm text-foreground placeholder:text-muted focus:border-accent focus:ring-2 focus:ring-ring focus:outline-none aria-[invalid=true]:border-bad"
          />
        </Field>
      </div>
    </>
  )
}
