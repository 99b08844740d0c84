// Demo trace ids carry their own position, so a trace is regenerated from its id without an index:
//
//   d MMMMMMM SSSS CCCC RRRRRRRRRRRRRRRR      (32 hex digits, 128 bits)
//   │ │       │    │    └ 64 random bits drawn by the trace's own generator
//   │ │       │    └ 16-bit checksum of (seed, minute, slot): ids from another seed do not resolve
//   │ │       └ slot within the minute (JOB_SLOT_BASE and up: scheduled jobs)
//   │ └ minute index since the Unix epoch (28 bits: good until the year 2480)
//   └ version nibble, never 0, so the id renders the same padded or unpadded
import { hash32 } from './random'

export const JOB_SLOT_BASE = 0xf000
const VERSION = 'd'

export type TraceIdParts = { minute: number; slot: number; checksum: number; randomHex: string }

export function traceChecksum(seed: number, minute: number, slot: number): number {
  return hash32(seed, minute, slot, 0x7ace) & 0xffff
}

export function encodeTraceId(seed: number, minute: number, slot: number, randomHex: string): string {
  return (
    VERSION +
    minute.toString(16).padStart(7, '0') +
    slot.toString(16).padStart(4, '0') +
    traceChecksum(seed, minute, slot).toString(16).padStart(4, '0') +
    randomHex
  )
}

/** The parts of a demo trace id (32 lowercase hex digits), or null if it cannot be one. */
export function decodeTraceId(traceIdHex: string): TraceIdParts | null {
  if (!/^[0-9a-f]{32}$/.test(traceIdHex) || traceIdHex[0] !== VERSION) return null
  return {
    minute: Number.parseInt(traceIdHex.slice(1, 8), 16),
    slot: Number.parseInt(traceIdHex.slice(8, 12), 16),
    checksum: Number.parseInt(traceIdHex.slice(12, 16), 16),
    randomHex: traceIdHex.slice(16),
  }
}
