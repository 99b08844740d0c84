// The recorded Jaeger fixtures (lib/jaeger/fixtures, see SOURCES.md) as our spans, for tests that
// check trace logic against real traces (test code only).
import fs from 'node:fs'
import path from 'node:path'
import type { Trace } from '@/lib/traces/span'
import { normalizeClassic } from '../normalize-classic'
import { parseClassicTrace } from '../parse'

export const FIXTURES = path.join(import.meta.dirname, '../fixtures')

/** The one trace of a recorded classic-API fixture file, normalised. */
export const classicFixtureTrace = (file: string): Trace =>
  normalizeClassic(parseClassicTrace(JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')), file).records).traces[0]!
