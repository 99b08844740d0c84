// The demo's inventory arrives as a team's would: its catalog file (our YAML) posted to the inventory
// import API with an API token holding inventory.write. A dry run first: the file is applied only when
// some of its services are not in the inventory yet (added, or adopted from those the worker already
// discovered in Jaeger), so on later runs an admin's edits to the inventory stand.
import { buildCatalog, catalogYaml } from '../catalog'
import { describeRefusal, postToApp } from './post-to-app'

export type CatalogImportOutcome = { applied: boolean; added: number; adopted: number }

type ImportAnswer = { added: number; changes: { kind: 'add' | 'update' | 'retire'; changes?: Record<string, unknown> }[] }
const joining = (answer: ImportAnswer) => {
  const adopted = answer.changes.filter((change) => change.kind === 'update' && change.changes && 'origin' in change.changes).length
  return { added: answer.added, adopted }
}

export async function importDemoCatalog({
  appUrl,
  token,
  anchor,
}: {
  appUrl: string
  token: string
  anchor: Date
}): Promise<CatalogImportOutcome> {
  const content = catalogYaml(buildCatalog(anchor))
  const post = (dryRun: boolean) =>
    postToApp(`${appUrl}/api/v1/inventory/import`, JSON.stringify({ content, fileName: 'spanlens-catalog.yaml', dryRun }), {
      authorization: `Bearer ${token}`,
    })
  const preview = await post(true)
  if (preview.status !== 200) throw new Error(`inventory import (dry run) refused: ${describeRefusal(preview)}`)
  const planned = joining(preview.json as ImportAnswer)
  if (planned.added + planned.adopted === 0) return { applied: false, ...planned }
  const applied = await post(false)
  if (applied.status !== 200) throw new Error(`inventory import refused: ${describeRefusal(applied)}`)
  return { applied: true, ...joining(applied.json as ImportAnswer) }
}
