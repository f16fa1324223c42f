import { DEMO_NUMBER_PREFIX } from '../../../shared/demo-numbers'
import { findCarrier, trackingNumberLooksRight } from '../../../shared/carriers'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { ReadableDB, WritableDB } from '../db/connection'
import { appendAudit } from '../db/audit-repo'
import { getSetting, setSetting } from '../db/settings-repo'
import {
  availableCount,
  insertPool,
  poolCount,
  takeNumber,
  voidRemaining
} from '../db/waybill-pools-repo'

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
  readonly available: (db: ReadableDB, carrier: string) => number
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
  const result = ctx.db
    .transaction(() => {
      const added = insertPool(ctx.db, { carrier, kind, label, createdAt: ctx.now() }, numbers)
      if (!('duplicates' in added)) {
        retireDemoPool(ctx, carrier)
      }
      return added
    })
    .immediate()
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

/**
 * DESIGN §4's demo waybill pool: a fresh install can print a label (to the preview printer) with
 * nothing configured. Its numbers say DEMO and its name says 演示, so no parcel leaves with one;
 * they can never collide with a purchased range either.
 */
export const DEMO_POOL = {
  carrier: 'YTO',
  label: '演示单号池（仅供试打，不可发货）',
  prefix: DEMO_NUMBER_PREFIX,
  size: 100
} as const

/** Settings key: the demo pool's id once created, or "none" when the database did not get one. */
const DEMO_POOL_KEY = 'waybills.demoPool'

export function demoNumbers(): string[] {
  return Array.from(
    { length: DEMO_POOL.size },
    (_, i) => `${DEMO_POOL.prefix}${String(i + 1).padStart(10, '0')}`
  )
}

/**
 * Creates the demo pool on a database that has never had one and has no pool at all, once: the
 * setting records the decision, so a demo pool used up (or an install that started with real
 * pools) is never given a new one.
 */
export function ensureDemoPool(db: WritableDB, now: number): number | null {
  return db
    .transaction((): number | null => {
      if (getSetting(db, DEMO_POOL_KEY) !== null) {
        return null
      }
      const added =
        poolCount(db) === 0
          ? insertPool(
              db,
              { carrier: DEMO_POOL.carrier, kind: 'list', label: DEMO_POOL.label, createdAt: now },
              demoNumbers()
            )
          : null
      const poolId = added && 'poolId' in added ? added.poolId : null
      setSetting(db, DEMO_POOL_KEY, poolId === null ? 'none' : String(poolId))
      return poolId
    })
    .immediate()
}

/** The demo pool's id, if this database has one. */
export function demoPoolId(db: ReadableDB): number | null {
  const raw = getSetting(db, DEMO_POOL_KEY)
  const id = raw === null ? NaN : Number(raw)
  return Number.isInteger(id) ? id : null
}

/**
 * Real numbers for the demo's carrier retire the demo's remainder (voided, as used numbers are):
 * allocation takes the oldest number first, and a real batch must never draw a demo one.
 */
function retireDemoPool(ctx: CoreContext, carrier: string): void {
  const demo = demoPoolId(ctx.db)
  if (demo === null || carrier !== DEMO_POOL.carrier) {
    return
  }
  const retired = voidRemaining(ctx.db, demo, ctx.now())
  if (retired > 0) {
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      station: ctx.station,
      action: 'pool.demo_retired',
      entity: 'waybill_pool',
      entityId: demo,
      details: { carrier, retired }
    })
  }
}
