// The demo's SLOs arrive as an SRE would wire them, with the demo jobs' API token (slos.write): the
// OpenSLO file fixtures/slos/demo-slos.yaml through the SLO import API. Later runs leave the SLOs as an
// SRE left them: the file is applied only while none of its SLOs exists (a dry run says which would be
// created, replaced or left unchanged).
import fs from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describeRefusal, postToApp } from './post-to-app'

export const DEMO_SLOS_FILE = fileURLToPath(new URL('../../fixtures/slos/demo-slos.yaml', import.meta.url))

export type DemoSlosOutcome = { applied: true; created: string[] } | { applied: false; existing: string[] }

type SlosImportAnswer = { created: string[]; updated: string[]; unchanged: string[] }

export async function wireDemoSlos({ appUrl, token }: { appUrl: string; token: string }): Promise<DemoSlosOutcome> {
  const headers = { authorization: `Bearer ${token}` }
  const content = fs.readFileSync(DEMO_SLOS_FILE, 'utf8')
  const post = (dryRun: boolean) => postToApp(`${appUrl}/api/v1/slos/import`, JSON.stringify({ content, dryRun }), headers)
  const preview = await post(true)
  if (preview.status !== 200) throw new Error(`SLO import (dry run) refused: ${describeRefusal(preview)}`)
  const planned = preview.json as SlosImportAnswer
  const existing = [...planned.updated, ...planned.unchanged]
  if (existing.length > 0) return { applied: false, existing }
  const applied = await post(false)
  if (applied.status !== 200) throw new Error(`SLO import refused: ${describeRefusal(applied)}`)
  return { applied: true, created: (applied.json as SlosImportAnswer).created }
}
