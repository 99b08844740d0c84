// The SLO part of /api/v1 for lib/http/openapi.ts: SLOs with their error budgets and burn rates, their
// corrections, and OpenSLO / Sloth import and OpenSLO export. Add an SLO route here when you add one.
import { z } from 'zod'
import { correctionInput, sloInput, sloParams, sloReplaceBody, storedSloSchema } from '@/lib/slo/schemas'
import { correctionParams, sloDetailViewSchema, sloListSchema, slosExportQuery, slosImportBody } from '@/lib/slo/slo-api'
import type { RouteDoc } from './openapi-routes'

const correctionSchema = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  reason: z.string(),
  author: z.string().nullable(),
})

export const SLO_ROUTES: RouteDoc[] = [
  {
    path: '/api/v1/slos',
    summary: 'Every SLO with its error budget and burn rates',
    description:
      "Each SLO as stored, with `status`: its SLI over the window, the budget left (`budget.remaining`, 1 at the window's start; in events or minutes too), burn rates over 5m … 3d, each burn-rate tier's long and short burn and whether it holds, and when the budget runs out at the last hour's burn; `health` in a word (page, exhausted, ticket, ok, no_data); and its burn-rate alerts. Figures are as of the SLO's service's watermark (`status.atMs`), refreshed every minute by the worker.",
    response: { name: 'SloList', schema: sloListSchema },
  },
  {
    path: '/api/v1/slos',
    method: 'post',
    summary: 'Create one SLO',
    description:
      "The SLO as JSON (the editor's shape: `sli` latency with `thresholdMs`, availability, or composite with `members`; `objective` 0.5–0.99999; `window` rolling (`duration` such as 28d) or `calendar` (`unit` month or week, `timeZone`, optional local `startTime`); `budgeting`; `alerting.tiers`, `minEvents`, `channels`). Its burn-rate rules are created with it. 201 with the stored SLO, `Location` and `ETag`. Audited.",
    body: { name: 'SloInput', schema: sloInput },
    response: { name: 'StoredSlo', schema: storedSloSchema },
    tokenScope: 'slos.write',
    errors: {
      '409': {
        description:
          'An SLO has this name, or a hand-written alert rule has one of the names its burn-rate rules take: `issues: [{ path: "name" }]`',
      },
    },
  },
  {
    path: '/api/v1/slos/{id}',
    summary: 'One SLO with its figures, alerts, corrections and accounted hours',
    pathParams: { id: sloParams.shape.id },
    response: { name: 'SloDetail', schema: sloDetailViewSchema },
  },
  {
    path: '/api/v1/slos/{id}',
    method: 'put',
    summary: 'Replace one SLO',
    description:
      'Its version goes up and the window is accounted again under the new definition; with `version` (or If-Match), 409 when someone saved in between.',
    pathParams: { id: sloParams.shape.id },
    body: { name: 'SloReplace', schema: sloReplaceBody },
    response: { name: 'StoredSlo', schema: storedSloSchema },
    okStatus: '200',
    tokenScope: 'slos.write',
    errors: { '409': { description: 'Saved by someone else since `version`: `issues: [{ path: "version" }]`' } },
  },
  {
    path: '/api/v1/slos/{id}',
    method: 'delete',
    summary: 'Delete one SLO',
    description: 'With its burn-rate rules, their alerts, its corrections and accounting. 409 while a composite SLO counts it as a member.',
    pathParams: { id: sloParams.shape.id },
    okStatus: '204',
    tokenScope: 'slos.write',
  },
  {
    path: '/api/v1/slos/{id}/corrections',
    summary: "One SLO's corrections",
    pathParams: { id: sloParams.shape.id },
    response: { name: 'SloCorrections', schema: z.object({ corrections: z.array(correctionSchema) }) },
  },
  {
    path: '/api/v1/slos/{id}/corrections',
    method: 'post',
    summary: "Leave a period out of an SLO's budget",
    description:
      'A maintenance window or known-bad data: `startsAt`, `endsAt` (ISO 8601, at most 31 days apart) and a `reason`. Its minutes count for nothing from the next pass. Audited.',
    pathParams: { id: sloParams.shape.id },
    body: { name: 'CorrectionInput', schema: correctionInput },
    response: { name: 'Correction', schema: correctionSchema },
    tokenScope: 'slos.write',
  },
  {
    path: '/api/v1/slos/{id}/corrections/{correctionId}',
    method: 'delete',
    summary: 'Remove a correction',
    pathParams: { id: correctionParams.shape.id, correctionId: correctionParams.shape.correctionId },
    okStatus: '204',
    tokenScope: 'slos.write',
  },
  {
    path: '/api/v1/slos/import',
    method: 'post',
    summary: 'Import SLOs from an OpenSLO v1 or Sloth file',
    description:
      "OpenSLO v1 (`SLO`, `SLI`, `AlertPolicy` with one burn-rate `AlertCondition` each, and the other kinds) or a Sloth spec (`prometheus/v1`, or the `PrometheusServiceLevel` resource), sent as text in `content`. All or nothing: 422 with every problem's line, else what was created, replaced (by name) and left as it was. `dryRun` checks without saving.",
    body: { name: 'SlosImport', schema: slosImportBody },
    response: {
      name: 'SlosImportResult',
      schema: z.object({ dryRun: z.boolean(), created: z.array(z.string()), updated: z.array(z.string()), unchanged: z.array(z.string()) }),
    },
    okStatus: '200',
    tokenScope: 'slos.write',
    errors: {
      '422': {
        description: 'The file has problems, nothing was imported: `{ error: "invalid_slos", message, issues: [{ line, path, message }] }`',
      },
    },
  },
  {
    path: '/api/v1/slos/export',
    summary: 'SLOs as OpenSLO v1 YAML',
    description:
      'Multi-document YAML: per SLO a `kind: SLO` with its indicator inline, and one `kind: AlertPolicy` per enabled burn-rate tier. Importing it back gives the same SLOs. `name` picks one SLO; all when absent.',
    query: slosExportQuery,
  },
]
