import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import { allocateChunk } from '../../../src/main/core/manual-print/batch'
import { DEMO_ORDER_COUNT, DEMO_SHOP_NAME } from '../../../src/shared/api/demo'
import { isMunicipality } from '../../../src/shared/regions'
import {
  callErr,
  callOk,
  openTestCore,
  validOrderInput,
  type TestCore
} from '../../support/core-fixtures'
import { markPrintedViaRecords, seedPool } from '../../support/manual-print-fixtures'

let tc: TestCore
let ctx: CoreContext

beforeEach(() => {
  tc = openTestCore()
  ctx = tc.core.ctx
})
afterEach(() => {
  tc.dispose()
})

type Row = { n: number }
const count = (sql: string, ...params: unknown[]): number =>
  (ctx.db.prepare(sql).get(...params) as Row | undefined)?.n ?? 0

/** Prints the given orders (allocation + sent records, as the queue writes them). */
function printOrders(ids: readonly number[], carrier: string): string[] {
  const allocated = allocateChunk(ctx, ids, carrier, '76x130')
  if (!allocated.ok) {
    throw new Error(allocated.error.message)
  }
  markPrintedViaRecords(ctx.db, allocated.value)
  return allocated.value.map((p) => p.trackingNumber)
}

async function exportedOrderIds(filter: Record<string, unknown> = {}): Promise<string[]> {
  const sheet = await callOk(tc.core, 'printed.export', { filter, format: 'csv' })
  const stored = await ctx.files.get(sheet.fileId)
  const rows: string[][] = parse(
    readFileSync(stored?.path ?? '')
      .subarray(3)
      .toString('utf8')
  )
  return rows.slice(1).map((r) => r[0] ?? '')
}

describe('载入示例订单 (demo orders)', () => {
  test('a fresh station is offered the demo; loading writes 36 realistic orders into 示例店铺', async () => {
    expect(await callOk(tc.core, 'demo.status', {})).toEqual({
      shopId: null,
      orders: 0,
      offer: true
    })
    const loaded = await callOk(tc.core, 'demo.load', {})
    expect(loaded.orders).toBe(DEMO_ORDER_COUNT)
    expect(loaded.offer).toBe(false)
    const shopId = loaded.shopId ?? 0
    expect(
      count('SELECT count(*) AS n FROM shops WHERE id = ? AND name = ?', shopId, DEMO_SHOP_NAME)
    ).toBe(1)

    const page = await callOk(tc.core, 'orders.list', { limit: 100 })
    expect(page.total).toBe(DEMO_ORDER_COUNT)
    expect(page.rows.every((r) => r.shopId === shopId && r.status === 'pending')).toBe(true)
    // Varied: many provinces, a municipality among them, multi-item orders, distinct buyers.
    const provinces = new Set(
      ctx.db
        .prepare<[], { province: string }>('SELECT DISTINCT province FROM orders')
        .all()
        .map((r) => r.province)
    )
    expect(provinces.size).toBeGreaterThanOrEqual(20)
    expect([...provinces].some(isMunicipality)).toBe(true)
    expect(
      count(
        'SELECT count(*) AS n FROM (SELECT order_id FROM order_items GROUP BY order_id HAVING count(*) > 1)'
      )
    ).toBeGreaterThan(5)
    expect(count('SELECT count(DISTINCT receiver_name) AS n FROM orders')).toBe(DEMO_ORDER_COUNT)
    // What lists show never says 市辖区.
    expect(page.rows.some((r) => r.region.includes('市辖区'))).toBe(false)
  })

  test('loaded twice, or on a station with real orders, the demo is refused', async () => {
    await callOk(tc.core, 'demo.load', {})
    expect((await callErr(tc.core, 'demo.load', {})).code).toBe('CONFLICT')
    expect(count('SELECT count(*) AS n FROM orders')).toBe(DEMO_ORDER_COUNT)

    const other = openTestCore()
    try {
      await callOk(other.core, 'orders.add', validOrderInput())
      expect(await callOk(other.core, 'demo.status', {})).toMatchObject({ offer: false })
      expect((await callErr(other.core, 'demo.load', {})).code).toBe('CONFLICT')
    } finally {
      other.dispose()
    }
  })

  test('remove takes the demo shop with its orders, packages and print records; the real shop is untouched', async () => {
    const { shopId } = await callOk(tc.core, 'demo.load', {})
    const real = await callOk(tc.core, 'orders.add', validOrderInput())
    seedPool(ctx, 5)
    const demoIds = ctx.db
      .prepare<[number], { id: number }>(
        'SELECT id FROM orders WHERE shop_id = ? ORDER BY id LIMIT 3'
      )
      .all(shopId ?? 0)
      .map((r) => r.id)
    const demoNumbers = printOrders(demoIds, 'YTO')
    expect(demoNumbers.every((n) => n.startsWith('DEMO'))).toBe(true)
    const [realNumber] = printOrders([real.id], 'ZTO')

    const removed = await callOk(tc.core, 'demo.remove', {})
    expect(removed).toEqual({ orders: DEMO_ORDER_COUNT, packages: 3 })
    expect(count('SELECT count(*) AS n FROM orders WHERE shop_id = ?', shopId)).toBe(0)
    expect(count('SELECT count(*) AS n FROM shops WHERE id = ?', shopId)).toBe(0)
    expect(count('SELECT count(*) AS n FROM packages')).toBe(1)
    expect(count('SELECT count(*) AS n FROM print_records')).toBe(1)
    // The real order, its package and its label are all still there.
    const left = await callOk(tc.core, 'orders.list', { limit: 10 })
    expect(left.rows.map((r) => r.id)).toEqual([real.id])
    expect(left.rows[0]?.trackingNumbers).toEqual([realNumber])
    // The demo numbers that were used stay recorded (never handed out again), now voided.
    expect(
      count(
        `SELECT count(*) AS n FROM waybill_numbers WHERE tracking_number IN (SELECT value FROM json_each(?))
         AND state = 'voided' AND package_id IS NULL`,
        JSON.stringify(demoNumbers)
      )
    ).toBe(3)
    expect(await callOk(tc.core, 'demo.status', {})).toEqual({
      shopId: null,
      orders: 0,
      offer: false
    })
    // Removing again is a no-op, not an error.
    expect(await callOk(tc.core, 'demo.remove', {})).toEqual({ orders: 0, packages: 0 })
  })

  test('exports leave the demo out when real packages are in scope, and show it when it is all there is', async () => {
    const { shopId } = await callOk(tc.core, 'demo.load', {})
    const demoIds = ctx.db
      .prepare<[number], { id: number }>(
        'SELECT id FROM orders WHERE shop_id = ? ORDER BY id LIMIT 2'
      )
      .all(shopId ?? 0)
      .map((r) => r.id)
    printOrders(demoIds, 'YTO')
    // Only demo printed: a new user trying the export sees the demo rows.
    expect(await exportedOrderIds()).toEqual(['DEMO-0001', 'DEMO-0002'])

    const real = await callOk(tc.core, 'orders.add', validOrderInput())
    seedPool(ctx, 5)
    printOrders([real.id], 'ZTO')
    // Real and demo printed: the sheet (and the platform upload) holds the real one only.
    expect(await exportedOrderIds()).toEqual([real.platformOrderId])
    const upload = await callOk(tc.core, 'printed.export', {
      filter: {},
      format: 'csv',
      preset: 'platform-upload'
    })
    expect(upload.rows).toBe(1)
    const sheet = await callOk(tc.core, 'printed.packingSheet', { filter: {} })
    expect(sheet.rows).toBe(1)
    // A selection of demo packages only still exports them.
    const demoPackages = ctx.db
      .prepare<[number], { id: number }>(
        'SELECT p.id FROM packages p JOIN orders o ON o.id = p.order_id WHERE o.shop_id = ?'
      )
      .all(shopId ?? 0)
      .map((r) => r.id)
    expect(await exportedOrderIds({ packageIds: demoPackages })).toEqual(['DEMO-0001', 'DEMO-0002'])
  })
})
