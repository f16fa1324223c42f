import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import { checkBatch } from '../../../src/main/core/manual-print/batch'
import { shipOrders, verifyScan } from '../../../src/main/core/manual-print/printed-service'
import type { LabelSink } from '../../../src/main/core/manual-print/run-batch'
import { reprintLabel, scanToPrint } from '../../../src/main/core/manual-print/scan-print'
import { ORDER_HOLDS, orderHold } from '../../../src/main/core/rules/order-hold'
import { listPrinted } from '../../../src/main/core/db/printed-repo'
import { addPool } from '../../../src/main/core/waybills/pool-service'
import { openTestCore, type TestCore } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders, seedPool } from '../../support/manual-print-fixtures'

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

/** Records what reached the printer's queue; the queue itself is the printing tests' business. */
function recordingSink(): LabelSink & { printed: number[][]; reprinted: number[][] } {
  const printed: number[][] = []
  const reprinted: number[][] = []
  return {
    printed,
    reprinted,
    print: (r) => {
      printed.push([...r.packageIds])
      return Promise.resolve({ ok: true, value: { jobId: `job-${String(printed.length)}` } })
    },
    reprint: (r) => {
      reprinted.push([...r.packageIds])
      return Promise.resolve({ ok: true, value: { jobId: `re-${String(reprinted.length)}` } })
    }
  }
}

const target = { carrier: 'ZTO', template: '76x130', printerId: 1, maskPrivacy: true }

describe('one hold rule for print, scan and ship (issue 10.2)', () => {
  test('orderHold names the hold of each sheet state', () => {
    const base = { status: 'pending', refund_state: 'none' }
    expect(orderHold(base)).toBeNull()
    expect(orderHold({ ...base, status: 'shipped' })).toBe('shipped')
    expect(orderHold({ ...base, status: 'partially_shipped' })).toBe('shipped')
    expect(orderHold({ ...base, status: 'closed' })).toBe('closed')
    expect(orderHold({ ...base, refund_state: 'requested' })).toBe('refund')
    // Refund after shipping is an interception, not a print hold: shipped wins.
    expect(orderHold({ status: 'shipped', refund_state: 'requested' })).toBe('shipped')
    expect(orderHold({ ...base, receiver_name: ' ' })).toBe('no_address')
    expect(ORDER_HOLDS).toContain('shipped')
  })

  test('an order the sheet says shipped: batch holds it, scan refuses it, ship counts it as shipped', async () => {
    const [sheetShipped = 0, pending = 0] = seedOrders(ctx.db, 2, 'SH', (i) =>
      i === 1 ? { status: 'shipped' } : {}
    )
    seedPool(ctx, 10)
    const check = checkBatch(ctx, [sheetShipped, pending], 'ZTO')
    expect(check.ok && check.value.held).toEqual([
      { orderId: sheetShipped, platformOrderId: 'SH00001', reason: 'shipped' }
    ])

    const sink = recordingSink()
    const scanned = await scanToPrint(ctx, sink, { ...target, code: 'SH00001' })
    expect(scanned.ok && scanned.value).toMatchObject({ result: 'held', reason: 'shipped' })
    expect(sink.printed).toEqual([])

    const shipped = shipOrders(ctx, [sheetShipped])
    expect(shipped.ok && shipped.value[0]?.result).toBe('already_shipped')
    expect(shipped.ok && shipped.value[0]?.reason).toContain('FIRST_SHIPMENT_COUNTS')
    const outbox = ctx.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }
    expect(outbox.n).toBe(0)
  })

  test('a printed order that shipped here: scan offers its number, reprint needs the packer to confirm', async () => {
    const [orderId = 0] = seedOrders(ctx.db, 1, 'RP')
    seedPool(ctx, 10)
    const sink = recordingSink()
    const first = await scanToPrint(ctx, sink, { ...target, code: 'RP00001' })
    if (!first.ok) {
      throw new Error(first.error.message)
    }
    expect(first.value).toMatchObject({ result: 'printed', jobId: 'job-1', orderId })
    const tracking = first.value.trackingNumber ?? ''
    expect(first.value.packageId).toBe(sink.printed[0]?.[0])
    markPrintedViaRecords(ctx.db, [
      { packageId: first.value.packageId ?? 0, trackingNumber: tracking }
    ])
    expect(shipOrders(ctx, [orderId]).ok).toBe(true)

    const again = await scanToPrint(ctx, sink, { ...target, code: 'RP00001' })
    expect(again.ok && again.value).toMatchObject({
      result: 'held',
      reason: 'shipped',
      trackingNumber: tracking
    })
    const silent = await reprintLabel(ctx, sink, {
      ...target,
      trackingNumber: tracking,
      shipped: false
    })
    expect(silent.ok ? null : silent.error.details).toMatchObject({ code: 'order_shipped' })
    expect(sink.reprinted).toEqual([])
    const confirmed = await reprintLabel(ctx, sink, {
      ...target,
      trackingNumber: tracking,
      shipped: true
    })
    expect(confirmed.ok).toBe(true)
    expect(sink.reprinted).toHaveLength(1)
  })
})

describe('scan page carrier and scan-back (issues 9.5, 10.4)', () => {
  test("a number two carriers share resolves to the page's carrier, and another carrier's label is still found", async () => {
    const [a = 0, b = 0] = seedOrders(ctx.db, 2, 'CC')
    seedPool(ctx, 1, '73610000000001')
    const yto = addPool(ctx, 'YTO', 'range', 'yto', ['73610000000001'])
    expect(yto.ok).toBe(true)
    const sink = recordingSink()
    await scanToPrint(ctx, sink, { ...target, code: 'CC00001' })
    await scanToPrint(ctx, sink, { ...target, carrier: 'YTO', code: 'CC00002' })
    const shared = '73610000000001'
    expect(verifyScan(ctx, shared, null).ok).toBe(false)
    const zto = verifyScan(ctx, shared, null, undefined, 'ZTO')
    expect(zto.ok && zto.value.orderId).toBe(a)
    const onYto = verifyScan(ctx, shared, null, undefined, 'YTO')
    expect(onYto.ok && onYto.value.orderId).toBe(b)
  })

  test('a wrong label scanned for an order marks it mislabelled until a check passes', async () => {
    const [a = 0, b = 0] = seedOrders(ctx.db, 2, 'ML')
    seedPool(ctx, 10)
    const sink = recordingSink()
    const ra = await scanToPrint(ctx, sink, { ...target, code: 'ML00001' })
    const rb = await scanToPrint(ctx, sink, { ...target, code: 'ML00002' })
    if (!ra.ok || !rb.ok) {
      throw new Error('scan failed')
    }
    const ta = ra.value.trackingNumber ?? ''
    const tb = rb.value.trackingNumber ?? ''
    markPrintedViaRecords(ctx.db, [
      { packageId: ra.value.packageId ?? 0, trackingNumber: ta },
      { packageId: rb.value.packageId ?? 0, trackingNumber: tb }
    ])
    const all = {
      query: '',
      carrier: undefined,
      shipped: undefined,
      verified: undefined,
      includeVoided: false,
      packageIds: undefined
    }
    const flags = () =>
      new Map(listPrinted(ctx.db, all, 0, 10).map((r) => [r.order_id, r.mislabelled]))
    expect(flags()).toEqual(
      new Map([
        [a, 0],
        [b, 0]
      ])
    )
    const wrong = verifyScan(ctx, tb, a)
    expect(wrong.ok && wrong.value.result).toBe('wrong_order')
    expect(flags()).toEqual(
      new Map([
        [a, 1],
        [b, 0]
      ])
    )
    expect(verifyScan(ctx, ta, a).ok).toBe(true)
    expect(flags()).toEqual(
      new Map([
        [a, 0],
        [b, 0]
      ])
    )
  })
})
