import { findCarrier, trackingNumberLooksRight } from '../../../shared/carriers'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { WritableDB } from '../db/connection'
import { appendAudit } from '../db/audit-repo'
import { availableCount, insertPool, takeNumber } from '../db/waybill-pools-repo'

export const MAX_RANGE = 1_000_000
const NUMBER_CHARS = /^[A-Za-z0-9-]{6,40}$/

/**
 * Where tracking numbers come from. Pools of pre-purchased numbers now; the platforms' e-waybill
 * APIs (cainiao.waybill.ii.get, Kuaishou 电子面单) plug in behind the same call later.
 */
export type TrackingNumberSource = {
  readonly allocate: (
    db: WritableDB,
    carrier: string,
    packageId: number,
    now: number
  ) => string | null
  readonly available: (db: WritableDB, carrier: string) => number
}

export const poolSource: TrackingNumberSource = {
  allocate: takeNumber,
  available: availableCount
}

/** YT8962646785389 + 3 → YT8962646785389, YT8962646785390, YT8962646785391 (the digit run keeps its width). */
export function expandRange(start: string, count: number): Result<string[]> {
  const match = /^([A-Za-z]*)(\d+)$/.exec(start)
  if (!match?.[2]) {
    return fail(
      'VALIDATION',
      'The start number must be letters followed by digits, e.g. YT8962646785389',
      {
        issues: [
          {
            path: 'start',
            code: 'range_start_invalid',
            message: 'must be letters followed by digits'
          }
        ]
      }
    )
  }
  if (!Number.isInteger(count) || count < 1 || count > MAX_RANGE) {
    return fail('VALIDATION', `count must be 1 to ${String(MAX_RANGE)}`, {
      issues: [
        { path: 'count', code: 'range_count_invalid', message: `must be 1 to ${String(MAX_RANGE)}` }
      ]
    })
  }
  const prefix = match[1] ?? ''
  const width = match[2].length
  const first = BigInt(match[2])
  const last = first + BigInt(count - 1)
  if (last.toString().length > width) {
    return fail('VALIDATION', `The range overflows ${String(width)} digits`, {
      issues: [
        {
          path: 'count',
          code: 'range_overflow',
          message: 'runs past the last number of that width'
        }
      ]
    })
  }
  const numbers: string[] = []
  for (let i = 0n; i < BigInt(count); i += 1n) {
    numbers.push(prefix + (first + i).toString().padStart(width, '0'))
  }
  return ok(numbers)
}

/** One number per line (or separated by commas/whitespace); blank lines ignored; each checked. */
export function parseNumberList(text: string): Result<string[]> {
  const seen = new Set<string>()
  const numbers: string[] = []
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/)
  for (const [index, line] of lines.entries()) {
    for (const raw of line.split(/[\s,;]+/)) {
      const value = raw.trim().replace(/^'/, '')
      if (value === '') {
        continue
      }
      if (!NUMBER_CHARS.test(value)) {
        return fail(
          'VALIDATION',
          `Line ${String(index + 1)}: "${value.slice(0, 40)}" is not a tracking number`,
          {
            issues: [
              {
                path: `line.${String(index + 1)}`,
                code: 'tracking_number_invalid',
                message: 'is not a tracking number'
              }
            ]
          }
        )
      }
      if (!seen.has(value)) {
        seen.add(value)
        numbers.push(value)
      }
    }
  }
  if (numbers.length === 0) {
    return fail('VALIDATION', 'The list holds no tracking numbers')
  }
  if (numbers.length > MAX_RANGE) {
    return fail('VALIDATION', `A list holds at most ${String(MAX_RANGE)} numbers`)
  }
  return ok(numbers)
}

export type PoolAdded = {
  poolId: number
  added: number
  formatWarnings: number
  sampleMismatch: string | null
}

export function addPool(
  ctx: CoreContext,
  carrier: string,
  kind: 'range' | 'list',
  label: string,
  numbers: readonly string[]
): Result<PoolAdded> {
  if (!findCarrier(carrier)) {
    return fail('VALIDATION', `Unknown carrier ${carrier}`, {
      issues: [{ path: 'carrier', code: 'carrier_unknown', message: 'is not a known carrier' }]
    })
  }
  const result = insertPool(ctx.db, { carrier, kind, label, createdAt: ctx.now() }, numbers)
  if ('duplicates' in result) {
    return fail(
      'CONFLICT',
      `Already in a pool of ${carrier}: ${result.duplicates.slice(0, 3).join(', ')}`,
      {
        duplicates: result.duplicates
      }
    )
  }
  const mismatched = numbers.filter((n) => !trackingNumberLooksRight(carrier, n))
  appendAudit(ctx.db, {
    at: ctx.now(),
    actor: ctx.actor,
    station: ctx.station,
    action: 'pool.added',
    entity: 'waybill_pool',
    entityId: result.poolId,
    details: { carrier, kind, count: numbers.length }
  })
  return ok({
    poolId: result.poolId,
    added: numbers.length,
    formatWarnings: mismatched.length,
    sampleMismatch: mismatched[0] ?? null
  })
}
