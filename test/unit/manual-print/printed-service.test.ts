import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import { availableCount } from '../../../src/main/core/db/waybill-pools-repo'
import { allocateChunk, type AllocatedPackage } from '../../../src/main/core/manual-print/batch'
import {
  shipOrders,
  verifyScan,
  voidPackage
} from '../../../src/main/core/manual-print/printed-service'
import { addPool } from '../../../src/main/core/waybills/pool-service'
import { RULES } from '../../../src/shared/rules'
import { openTestCore, type TestCore } from '../../support/core-fixtures'
import {
  markPrintedViaRecords,
  numberInvariants,
  seedOrders,
  seedPool
} from '../../support/manual-print-fixtures'

let tc: TestCore
let ctx: CoreContext
let clock = 1_700_000_500_000
beforeEach(() => {
  clock = 1_700_000_500_000
  tc = openTestCore({ now: () => (clock += 1000) })
  ctx = tc.core.ctx
})
afterEach(() => {
  tc.dispose()
})

function printOrders(ids: readonly number[]): AllocatedPackage[] {
  const allocated = allocateChunk(ctx, ids, 'ZTO', '76x130')
  if (!allocated.ok) {
    throw new Error(allocated.error.message)
  }
  markPrintedViaRecords(ctx.db, allocated.value, clock)
  return allocated.value
}

function outboxFor(orderId: number): { kind: string; idempotency_key: string; payload: string }[] {
  return ctx.db
    .prepare<[string], { kind: string; idempotency_key: string; payload: string }>(
      `SELECT kind, idempotency_key, payload FROM outbox WHERE json_extract(payload, '$.orderId') = CAST(? AS INTEGER)`
    )
    .all(String(orderId))
}

describe('shipOrders (FIRST_SHIPMENT_COUNTS)', () => {
  test("the first package's number and time become the shipping record, once", () => {
    const ids = seedOrders(ctx.db, 3)
    seedPool(ctx, 10)
    const printed = printOrders(ids.slice(0, 2))
    const first = shipOrders(ctx, [...ids, 424242])
    if (!first.ok) {
      throw new Error(first.error.message)
    }
    expect(first.value.map((o) => o.result)).toEqual([
      'shipped',
      'shipped',
      'not_printed',
      'not_found'
    ])
    expect(first.value[0]?.trackingNumber).toBe(printed[0]?.trackingNumber)
    const order = ctx.db
      .prepare<[number], { shipped_at: number | null; status: string }>(
        'SELECT shipped_at, status FROM orders WHERE id = ?'
      )
      .get(ids[0] ?? 0)
    expect(order?.status).toBe('shipped')
    const shippedAt = order?.shipped_at
    expect(shippedAt).toBeTypeOf('number')

    const again = shipOrders(ctx, [ids[0] ?? 0, ids[0] ?? 0, ids[1] ?? 0])
    if (!again.ok) {
      throw new Error(again.error.message)
    }
    expect(again.value.map((o) => [o.result, o.trackingNumber])).toEqual([
      ['already_shipped', printed[0]?.trackingNumber],
      ['already_shipped', printed[0]?.trackingNumber],
      ['already_shipped', printed[1]?.trackingNumber]
    ])
    expect(
      ctx.db
        .prepare<[number], { shipped_at: number }>('SELECT shipped_at FROM orders WHERE id = ?')
        .get(ids[0] ?? 0)?.shipped_at
    ).toBe(shippedAt)

    for (const [i, id] of ids.slice(0, 2).entries()) {
      const entries = outboxFor(id)
      expect(entries).toHaveLength(1)
      expect(entries[0]).toMatchObject({
        kind: 'ship_first',
        idempotency_key: `ship_first:${String(id)}`
      })
      expect(JSON.parse(entries[0]?.payload ?? '{}')).toMatchObject({
        trackingNumber: printed[i]?.trackingNumber,
        carrier: 'ZTO'
      })
    }
    expect(outboxFor(ids[2] ?? 0)).toEqual([])
  })

  test('a refund or a close that arrived after printing refuses that order, the others ship', () => {
    const ids = seedOrders(ctx.db, 4)
    seedPool(ctx, 10)
    const printed = printOrders(ids)
    const setState = ctx.db.prepare<[string, string, number]>(
      'UPDATE orders SET refund_state = ?, status = ? WHERE id = ?'
    )
    setState.run('requested', 'pending', ids[0] ?? 0)
    setState.run('refunded', 'pending', ids[1] ?? 0)
    setState.run('none', 'closed', ids[2] ?? 0)
    const out = shipOrders(ctx, ids)
    if (!out.ok) {
      throw new Error(out.error.message)
    }
    expect(out.value.map((o) => o.result)).toEqual(['refund', 'refund', 'closed', 'shipped'])
    expect(out.value[0]?.reason).toContain(RULES.AFTERSALES_WHOLE_ORDER)
    expect(out.value[0]?.reason).toContain('refund requested')
    expect(out.value[1]?.reason).toContain('refunded')
    expect(out.value[2]?.reason).toContain('closed')
    expect(out.value[3]?.reason).toBeNull()
    // The refused keep their printed number on screen (to void or keep), but nothing ships.
    expect(out.value[0]?.trackingNumber).toBe(printed[0]?.trackingNumber)
    for (const id of ids.slice(0, 3)) {
      expect(outboxFor(id)).toEqual([])
      const row = ctx.db
        .prepare<[number], { shipped_at: number | null; ship_state: string }>(
          `SELECT o.shipped_at, p.ship_state FROM orders o JOIN packages p ON p.order_id = o.id WHERE o.id = ?`
        )
        .get(id)
      expect(row).toEqual({ shipped_at: null, ship_state: 'none' })
    }
    expect(outboxFor(ids[3] ?? 0)).toHaveLength(1)
    const audits = ctx.db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM audit_events WHERE action = 'order.ship_refused'`
      )
      .get()
    expect(audits?.n).toBe(3)
  })

  test('the same order twice in one call ships once with one outbox entry', () => {
    const [id] = seedOrders(ctx.db, 1)
    seedPool(ctx, 2)
    printOrders([id ?? 0])
    const out = shipOrders(ctx, [id ?? 0, id ?? 0])
    if (!out.ok) {
      throw new Error(out.error.message)
    }
    expect(out.value.map((o) => o.result)).toEqual(['shipped', 'already_shipped'])
    expect(outboxFor(id ?? 0)).toHaveLength(1)
  })

  test('the shipping record cannot be voided', () => {
    const [id] = seedOrders(ctx.db, 1)
    seedPool(ctx, 2)
    const [pkg] = printOrders([id ?? 0])
    shipOrders(ctx, [id ?? 0])
    const voided = voidPackage(ctx, pkg?.trackingNumber ?? '')
    expect(voided.ok).toBe(false)
    if (!voided.ok) {
      expect(voided.error.code).toBe('RULE_VIOLATION')
      expect(voided.error.message).toContain(RULES.FIRST_SHIPMENT_COUNTS)
    }
  })
})

describe('voidPackage', () => {
  test('a voided number stays used and marked void; it is never allocated again', () => {
    const ids = seedOrders(ctx.db, 6)
    seedPool(ctx, 7)
    const [pkg] = printOrders([ids[0] ?? 0])
    const tracking = pkg?.trackingNumber ?? ''
    expect(voidPackage(ctx, tracking)).toEqual({ ok: true, value: { orderId: ids[0] } })
    expect(voidPackage(ctx, tracking).ok).toBe(false)
    const row = ctx.db
      .prepare<[string], { state: string; package_id: number; voided_at: number | null }>(
        'SELECT state, package_id, voided_at FROM waybill_numbers WHERE tracking_number = ?'
      )
      .get(tracking)
    expect(row).toMatchObject({ state: 'voided', package_id: pkg?.packageId })
    expect(row?.voided_at).toBeTypeOf('number')
    expect(availableCount(ctx.db, 'ZTO')).toBe(6)
    // The number cannot come back through a new pool either.
    expect(addPool(ctx, 'ZTO', 'list', 'again', [tracking]).ok).toBe(false)

    // Printing the order again gives a new first package with a new number; draining the pool
    // never hands out the voided one.
    const again = printOrders(ids)
    const all = again.map((a) => a.trackingNumber)
    expect(all).not.toContain(tracking)
    expect(new Set(all).size).toBe(6)
    expect(availableCount(ctx.db, 'ZTO')).toBe(0)
    const packages = ctx.db
      .prepare<[number], { sequence: number; print_state: string }>(
        'SELECT sequence, print_state FROM packages WHERE order_id = ? ORDER BY sequence'
      )
      .all(ids[0] ?? 0)
    expect(packages).toEqual([
      { sequence: 1, print_state: 'voided' },
      { sequence: 2, print_state: 'printed' }
    ])
    expect(numberInvariants(ctx.db).violations).toEqual([])
  })

  test('an unknown number is not found', () => {
    const out = voidPackage(ctx, '73619999999999')
    expect(out.ok).toBe(false)
    if (!out.ok) {
      expect(out.error.code).toBe('NOT_FOUND')
    }
  })
})

describe('verifyScan (scan-back check)', () => {
  test('marks the package verified; a label of another order is flagged wrong_order', () => {
    const ids = seedOrders(ctx.db, 2)
    seedPool(ctx, 2)
    const [a, b] = printOrders(ids)
    const verified = verifyScan(ctx, a?.trackingNumber ?? '', ids[0] ?? 0)
    expect(verified).toEqual({
      ok: true,
      value: { result: 'verified', orderId: ids[0], packageId: a?.packageId }
    })
    const verifiedAt = ctx.db
      .prepare<[number], { verified_at: number | null }>(
        'SELECT verified_at FROM packages WHERE id = ?'
      )
      .get(a?.packageId ?? 0)?.verified_at
    expect(verifiedAt).toBeTypeOf('number')

    const wrong = verifyScan(ctx, b?.trackingNumber ?? '', ids[0] ?? 0)
    expect(wrong).toEqual({
      ok: true,
      value: { result: 'wrong_order', orderId: ids[1], packageId: b?.packageId }
    })
    // The wrong scan did not verify the other order's package, and it was audited.
    expect(
      ctx.db
        .prepare<[number], { verified_at: number | null }>(
          'SELECT verified_at FROM packages WHERE id = ?'
        )
        .get(b?.packageId ?? 0)?.verified_at
    ).toBeNull()
    expect(
      ctx.db
        .prepare<[], { n: number }>(
          "SELECT count(*) AS n FROM audit_events WHERE action = 'package.verify_mismatch'"
        )
        .get()?.n
    ).toBe(1)

    expect(verifyScan(ctx, '73610000099999', null)).toMatchObject({
      ok: true,
      value: { result: 'not_found' }
    })
    voidPackage(ctx, b?.trackingNumber ?? '')
    expect(verifyScan(ctx, b?.trackingNumber ?? '', ids[1] ?? 0)).toMatchObject({
      ok: true,
      value: { result: 'voided' }
    })
  })
})

describe('a number two carriers share (unique per carrier only)', () => {
  const SHARED = '773277027280336'
  function printShared(): { zto: AllocatedPackage; sto: AllocatedPackage } {
    const [a, b] = seedOrders(ctx.db, 2, 'SH')
    for (const carrier of ['ZTO', 'STO']) {
      const pool = addPool(ctx, carrier, 'list', carrier, [SHARED])
      if (!pool.ok) {
        throw new Error(pool.error.message)
      }
    }
    const zto = allocateChunk(ctx, [a ?? 0], 'ZTO', '76x130')
    const sto = allocateChunk(ctx, [b ?? 0], 'STO', '76x130')
    if (!zto.ok || !sto.ok) {
      throw new Error('allocation failed')
    }
    markPrintedViaRecords(ctx.db, [...zto.value, ...sto.value], clock)
    const [z] = zto.value
    const [s] = sto.value
    if (!z || !s) {
      throw new Error('nothing allocated')
    }
    expect([z.trackingNumber, s.trackingNumber]).toEqual([SHARED, SHARED])
    return { zto: z, sto: s }
  }

  test('scan-back prefers the order on screen, or the carrier named; never a silent guess', () => {
    const { zto, sto } = printShared()
    const onScreen = verifyScan(ctx, SHARED, sto.orderId)
    expect(onScreen.ok && onScreen.value).toEqual({
      result: 'verified',
      orderId: sto.orderId,
      packageId: sto.packageId
    })
    const named = verifyScan(ctx, SHARED, null, 'ZTO')
    expect(named.ok && named.value.packageId).toBe(zto.packageId)
    const unsure = verifyScan(ctx, SHARED, null)
    expect(unsure.ok).toBe(false)
    expect(!unsure.ok && unsure.error.code).toBe('CONFLICT')
    expect(!unsure.ok && unsure.error.message).toMatch(/ZTO|STO/)
  })

  test('void needs the carrier, and voids only that package', async () => {
    const { zto, sto } = printShared()
    const unsure = voidPackage(ctx, SHARED)
    expect(!unsure.ok && unsure.error.code).toBe('CONFLICT')
    const voided = voidPackage(ctx, SHARED, 'STO')
    expect(voided.ok && voided.value.orderId).toBe(sto.orderId)
    const states = ctx.db
      .prepare<[], { id: number; print_state: string }>(
        'SELECT id, print_state FROM packages ORDER BY id'
      )
      .all()
    expect(states).toEqual([
      { id: zto.packageId, print_state: 'printed' },
      { id: sto.packageId, print_state: 'voided' }
    ])
    // With one live package left the number is no longer ambiguous for scan-back.
    expect(verifyScan(ctx, SHARED, null, 'ZTO').ok).toBe(true)
    const reprint = await tc.core.dispatch('print.reprint', {
      trackingNumber: SHARED,
      printerId: 1
    })
    expect(!reprint.ok && reprint.error.code).toBe('CONFLICT')
  })
})
