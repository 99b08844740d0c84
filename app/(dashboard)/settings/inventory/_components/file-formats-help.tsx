const YAML_EXAMPLE = `services:
  - name: auth-service            # the Jaeger service name (required)
    team: identity
    owner: identity-team@example.com
    tier: 1                       # 1 (most critical) to 3
    wave: 1                       # 0 is the pilot
    plannedDate: 2026-01-12       # YYYY-MM-DD
    expectedOperations: [POST /login, POST /token]
    lifecycle: production
    system: identity-platform`

const CSV_EXAMPLE = `name,team,owner,tier,wave,planned_date,expected_operations,lifecycle,system
auth-service,identity,identity-team@example.com,1,1,2026-01-12,POST /login;POST /token,production,identity-platform`

const BACKSTAGE_EXAMPLE = `apiVersion: backstage.io/v1alpha1
kind: Component
metadata:
  name: auth
  annotations:
    spanlens.io/jaeger-service: auth-service   # when it differs from metadata.name
    spanlens.io/tier: "1"                       # annotation values are text: quote numbers
    spanlens.io/wave: "1"
    spanlens.io/planned-date: "2026-01-12"
    spanlens.io/expected-operations: POST /login, POST /token
spec:
  type: service
  lifecycle: production
  owner: group:default/identity   # team: identity
  system: identity-platform`

const code = 'overflow-x-auto rounded-md bg-surface-muted p-3 font-mono text-xs leading-relaxed'

/** The catalog formats the import reads (lib/inventory/catalog-file.ts), for the people who write them. */
export function FileFormatsHelp() {
  return (
    <details className="group rounded-lg border border-border bg-surface" data-testid="file-formats">
      <summary className="cursor-pointer px-5 py-4 text-sm font-semibold">File formats</summary>
      <div className="space-y-4 border-t border-border px-5 py-4 text-sm">
        <p className="text-muted">
          One service per entry, matched to Jaeger by its service name. Only the name is required; a field left out or blank keeps the value
          the inventory already has. A file with any problem imports nothing, and each problem is listed with its line. At most 5,000
          services; 1 MB through this page, 512 KB through <code className="font-mono">POST /api/v1/inventory/import</code>.
        </p>
        <div className="grid gap-4 lg:grid-cols-3">
          <section className="min-w-0 space-y-2">
            <h3 className="font-medium">Our YAML (.yaml, .yml)</h3>
            <p className="text-xs text-muted">
              A list of services, or a mapping with <code className="font-mono">services:</code>. Keys: name, team, owner, tier, wave,
              plannedDate (or planned_date), expectedOperations (or expected_operations), lifecycle, system.
            </p>
            <pre className={code}>{YAML_EXAMPLE}</pre>
          </section>
          <section className="min-w-0 space-y-2">
            <h3 className="font-medium">Our CSV (.csv)</h3>
            <p className="text-xs text-muted">
              A header row naming the columns (any order; only name is required). Expected operations are separated by{' '}
              <code className="font-mono">;</code> or <code className="font-mono">|</code>.
            </p>
            <pre className={code}>{CSV_EXAMPLE}</pre>
          </section>
          <section className="min-w-0 space-y-2">
            <h3 className="font-medium">Backstage catalog-info.yaml</h3>
            <p className="text-xs text-muted">
              Every <code className="font-mono">kind: Component</code> becomes a service (other kinds are skipped and counted): owner and
              team from <code className="font-mono">spec.owner</code>, lifecycle and system from <code className="font-mono">spec</code>.
              The Jaeger name is <code className="font-mono">spanlens.io/jaeger-service</code>, else{' '}
              <code className="font-mono">metadata.name</code>; <code className="font-mono">spanlens.io/tier</code>,{' '}
              <code className="font-mono">wave</code>, <code className="font-mono">planned-date</code> and{' '}
              <code className="font-mono">expected-operations</code> (comma-separated) fill in the rest.
            </p>
            <pre className={code}>{BACKSTAGE_EXAMPLE}</pre>
          </section>
        </div>
      </div>
    </details>
  )
}
