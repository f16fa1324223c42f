import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import { assignTrackingNumber } from '../../../src/main/core/db/packages-repo'
import { availableCount, takeNumber } from '../../../src/main/core/db/waybill-pools-repo'
import {
  PoolEmptyError,
  allocateChunk,
  type AllocatedPackage
} from '../../../src/main/core/manual-print/batch'
import {
  startPrintBatch,
  type BatchRequest,
  type LabelSink
} from '../../../src/main/core/manual-print/run-batch'
import { ok, type Result } from '../../../src/shared/result'
import { countRowsOf, openTestCore, type TestCore } from '../../support/core-fixtures'
import {
  numberInvariants,
  seedOrders,
  seedPool,
  seededRandom
} from '../../support/manual-print-fixtures'

let tc: TestCore
let ctx: CoreContext
beforeEach(() => {
  tc = openTestCore()
  ctx = tc.core.ctx
})
afterEach(() => {
  tc.dispose()
})

function allocate(ids: readonly number[]): AllocatedPackage[] {
  const result = allocateChunk(ctx, ids, 'ZTO', '76x130')
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  return result.value
}

function allocatedCount(): number {
  return (
    ctx.db
      .prepare<[], { n: number }>(
        "SELECT count(*) AS n FROM waybill_numbers WHERE state = 'allocated'"
      )
      .get()?.n ?? 0
  )
}

/** A sink that only records what it was given (the printer side is tested elsewhere). */
function recordingSink(): LabelSink & { calls: number[][] } {
  const calls: number[][] = []
  let job = 0
  const print = (request: {
    packageIds: readonly number[]
  }): Promise<Result<{ jobId: string }>> => {
    calls.push([...request.packageIds])
    job += 1
    return Promise.resolve(ok({ jobId: `job-${String(job)}` }))
  }
  return { calls, print, reprint: print }
}

function request(orderIds: readonly number[], printerId = 1): BatchRequest {
  return { orderIds, carrier: 'ZTO', template: '76x130', printerId, maskPrivacy: true }
}

function orderOfPackage(packageId: number): number {
  const row = ctx.db
    .prepare<[number], { order_id: number }>('SELECT order_id FROM packages WHERE id = ?')
    .get(packageId)
  if (!row) {
    throw new Error(`no package ${String(packageId)}`)
  }
  return row.order_id
}

describe('allocateChunk (invariants 1 and 2)', () => {
  test('allocating twice for the same orders gives the same numbers; the pool drops once', () => {
    const ids = seedOrders(ctx.db, 30)
    seedPool(ctx, 100)
    const first = allocate(ids)
    expect(first.every((a) => a.fresh)).toBe(true)
    expect(availableCount(ctx.db, 'ZTO')).toBe(70)

    const again = allocate(ids)
    expect(again.map((a) => [a.orderId, a.packageId, a.trackingNumber])).toEqual(
      first.map((a) => [a.orderId, a.packageId, a.trackingNumber])
    )
    expect(again.every((a) => !a.fresh)).toBe(true)
    expect(availableCount(ctx.db, 'ZTO')).toBe(70)
    expect(allocatedCount()).toBe(30)
    expect(countRowsOf(ctx.db, 'packages')).toBe(30)
    // Reversed and overlapping with new orders: old keep theirs, new get fresh ones.
    const more = seedOrders(ctx.db, 5, 'MQ')
    const mixed = allocate([...more, ...[...ids].reverse()])
    expect(mixed.filter((a) => a.fresh).map((a) => a.orderId)).toEqual(more)
    expect(availableCount(ctx.db, 'ZTO')).toBe(65)
    expect(numberInvariants(ctx.db).violations).toEqual([])
  })

  test('numbers come out oldest first, in the order of the orders, never twice', () => {
    const ids = seedOrders(ctx.db, 400)
    seedPool(ctx, 400)
    const random = seededRandom(7)
    const got: AllocatedPackage[] = []
    for (let from = 0; from < ids.length;) {
      const size = 1 + Math.floor(random() * 60)
      got.push(...allocate(ids.slice(from, from + size)))
      from += size
    }
    expect(got.map((a) => a.orderId)).toEqual(ids)
    expect(new Set(got.map((a) => a.trackingNumber)).size).toBe(400)
    expect(got.map((a) => a.trackingNumber)).toEqual(
      ids.map((_, i) => `7361${String(1 + i).padStart(10, '0')}`)
    )
    expect(availableCount(ctx.db, 'ZTO')).toBe(0)
    expect(numberInvariants(ctx.db).violations).toEqual([])
  })

  test('a pool that runs dry mid-chunk rolls the whole chunk back', () => {
    const ids = seedOrders(ctx.db, 10)
    seedPool(ctx, 6)
    allocate(ids.slice(0, 2))
    expect(() => allocateChunk(ctx, ids.slice(2), 'ZTO', '76x130')).toThrow(PoolEmptyError)
    // The first two keep theirs; the failed chunk left no package and took no number.
    expect(countRowsOf(ctx.db, 'packages')).toBe(2)
    expect(availableCount(ctx.db, 'ZTO')).toBe(4)
    expect(numberInvariants(ctx.db).violations).toEqual([])
  })

  test('the database refuses a second number for a package (UNIQUE package_id, only-if-null)', () => {
    const [id] = seedOrders(ctx.db, 1)
    seedPool(ctx, 5)
    const [a] = allocate([id ?? 0])
    if (!a) {
      throw new Error('nothing allocated')
    }
    expect(() => takeNumber(ctx.db, 'ZTO', a.packageId, 1)).toThrow(/UNIQUE/)
    expect(availableCount(ctx.db, 'ZTO')).toBe(4)
    expect(assignTrackingNumber(ctx.db, a.packageId, 'ZTO', '73619999999999')).toBe(false)
    const row = ctx.db
      .prepare<[number], { tracking_number: string }>(
        'SELECT tracking_number FROM packages WHERE id = ?'
      )
      .get(a.packageId)
    expect(row?.tracking_number).toBe(a.trackingNumber)
    expect(numberInvariants(ctx.db).violations).toEqual([])
  })
})

describe('startPrintBatch with a recording sink', () => {
  test('labels go to the sink in the order given: first chunk 10, then chunks of 250', async () => {
    const ids = seedOrders(ctx.db, 600)
    seedPool(ctx, 600)
    const random = seededRandom(11)
    const shuffled = [...ids].sort(() => random() - 0.5)
    const sink = recordingSink()
    const started = await startPrintBatch(ctx, sink, request(shuffled))
    if (!started.ok) {
      throw new Error(started.error.message)
    }
    // The first chunk is with the printer before startPrintBatch returns.
    expect(sink.calls).toHaveLength(1)
    const done = await started.value.finished
    expect(done).toMatchObject({ done: true, error: null, allocated: 600, total: 600 })
    expect(sink.calls.map((c) => c.length)).toEqual([10, 250, 250, 90])
    expect(sink.calls.flat().map(orderOfPackage)).toEqual(shuffled)
    expect(started.value.jobIds).toHaveLength(4)
  })

  test('held orders are left out and the rest keep their on-screen order', async () => {
    const ids = seedOrders(ctx.db, 40, 'MP', (i) =>
      i % 7 === 0 ? { status: 'closed' } : i % 11 === 0 ? { receiver: { detail: ' ' } } : {}
    )
    seedPool(ctx, 40)
    const order = [...ids].reverse()
    const sink = recordingSink()
    const started = await startPrintBatch(ctx, sink, request(order))
    if (!started.ok) {
      throw new Error(started.error.message)
    }
    await started.value.finished
    const heldIds = new Set(started.value.held.map((h) => h.orderId))
    expect(started.value.held.map((h) => h.reason).sort()).toEqual([
      ...Array<string>(5).fill('closed'),
      ...Array<string>(3).fill('no_address')
    ])
    expect(sink.calls.flat().map(orderOfPackage)).toEqual(order.filter((id) => !heldIds.has(id)))
    expect(availableCount(ctx.db, 'ZTO')).toBe(40 - 32)
  })

  test('a pool that cannot cover the batch is refused before anything is allocated', async () => {
    const ids = seedOrders(ctx.db, 20)
    seedPool(ctx, 19)
    const sink = recordingSink()
    const refused = await startPrintBatch(ctx, sink, request(ids))
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('RULE_VIOLATION')
      expect(refused.error.details).toMatchObject({
        code: 'pool_insufficient',
        needed: 20,
        available: 19
      })
    }
    expect(sink.calls).toEqual([])
    expect(countRowsOf(ctx.db, 'packages')).toBe(0)
    expect(availableCount(ctx.db, 'ZTO')).toBe(19)
  })

  test('orders that already hold numbers do not count against the pool', async () => {
    const ids = seedOrders(ctx.db, 20)
    seedPool(ctx, 20)
    allocate(ids.slice(0, 12))
    expect(availableCount(ctx.db, 'ZTO')).toBe(8)
    const sink = recordingSink()
    const started = await startPrintBatch(ctx, sink, request(ids))
    if (!started.ok) {
      throw new Error(started.error.message)
    }
    await started.value.finished
    expect(availableCount(ctx.db, 'ZTO')).toBe(0)
    expect(allocatedCount()).toBe(20)
    expect(numberInvariants(ctx.db).violations).toEqual([])
  })

  test('a double click (two batches of the same orders at once) draws each number once', async () => {
    const ids = seedOrders(ctx.db, 300)
    seedPool(ctx, 1000)
    const sink = recordingSink()
    const [a, b] = await Promise.all([
      startPrintBatch(ctx, sink, request(ids)),
      startPrintBatch(ctx, sink, request(ids))
    ])
    if (!a.ok || !b.ok) {
      throw new Error('a batch was refused')
    }
    await Promise.all([a.value.finished, b.value.finished])
    expect(allocatedCount()).toBe(300)
    expect(countRowsOf(ctx.db, 'packages')).toBe(300)
    expect(availableCount(ctx.db, 'ZTO')).toBe(700)
    expect(numberInvariants(ctx.db).violations).toEqual([])
  })

  test('a sink failure stops the batch; a retry reuses every number already drawn', async () => {
    const ids = seedOrders(ctx.db, 300)
    seedPool(ctx, 300)
    let calls = 0
    const failing: LabelSink = {
      print: () => {
        calls += 1
        return Promise.resolve(
          calls === 2
            ? { ok: false as const, error: { code: 'CONFLICT' as const, message: 'printer gone' } }
            : ok({ jobId: `j${String(calls)}` })
        )
      },
      reprint: () => Promise.resolve(ok({ jobId: 'r' }))
    }
    const started = await startPrintBatch(ctx, failing, request(ids))
    if (!started.ok) {
      throw new Error(started.error.message)
    }
    const done = await started.value.finished
    expect(done.error).toBe('printer gone')
    expect(done.allocated).toBe(10)
    // Chunk 2 was allocated before the sink refused it: those 250 numbers stay with their packages.
    expect(allocatedCount()).toBe(260)
    const before = new Map(
      ctx.db
        .prepare<[], { order_id: number; tracking_number: string }>(
          'SELECT order_id, tracking_number FROM packages'
        )
        .all()
        .map((r) => [r.order_id, r.tracking_number])
    )
    const sink = recordingSink()
    const retry = await startPrintBatch(ctx, sink, request(ids))
    if (!retry.ok) {
      throw new Error(retry.error.message)
    }
    await retry.value.finished
    expect(allocatedCount()).toBe(300)
    for (const [orderId, tracking] of before) {
      const now = ctx.db
        .prepare<[number], { tracking_number: string }>(
          'SELECT tracking_number FROM packages WHERE order_id = ?'
        )
        .get(orderId)
      expect(now?.tracking_number).toBe(tracking)
    }
    expect(numberInvariants(ctx.db).violations).toEqual([])
  })
})
