import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { insertPackage } from '../../../src/main/core/db/packages-repo'
import { insertOrders } from '../../../src/main/core/db/orders-repo'
import type { MethodInput } from '../../../src/shared/contract'
import {
  insertTrackedPackage,
  newOrderRow,
  openTestCore,
  type TestCore
} from '../../support/core-fixtures'

/** 未打印 (issue 10 item 10): orders still waiting for a label, through dispatch on a real file. */

const NOW = 1_800_000_000_000
let t: TestCore
let ids: number[]

beforeAll(() => {
  t = openTestCore({ now: () => NOW })
  const db = t.core.db
  ids = insertOrders(db, [
    newOrderRow('U-0001', { createdAt: NOW - 5000 }), // pending, no package
    newOrderRow('U-0002', { createdAt: NOW - 4000 }), // pending, printed
    newOrderRow('U-0003', { createdAt: NOW - 3000 }), // pending, a package without a number
    newOrderRow('U-0004', { createdAt: NOW - 2000, status: 'closed' }), // closed, no label
    newOrderRow('U-0005', { createdAt: NOW - 1000 }) // pending, printed, number then removed
  ])
  insertTrackedPackage(db, ids[1] ?? 0, 'YT0000000002', { carrier: 'YTO' })
  insertPackage(db, {
    orderId: ids[2] ?? 0,
    sequence: 1,
    role: 'first',
    carrier: 'YTO',
    trackingNumber: null,
    template: null,
    createdAt: NOW
  })
  const voided = insertTrackedPackage(db, ids[4] ?? 0, 'YT0000000005', { carrier: 'YTO' })
  // The triggers of migration 0020 keep has_tracking: a package losing its number unprints it.
  db.prepare('UPDATE packages SET tracking_number = NULL WHERE id = ?').run(voided)
})

afterAll(() => {
  t.dispose()
})

async function list(query: MethodInput<'orders.list'>): Promise<{ total: number; ids: string[] }> {
  const result = await t.core.dispatch('orders.list', query)
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  const page = result.value as { total: number; rows: { platformOrderId: string }[] }
  return { total: page.total, ids: page.rows.map((r) => r.platformOrderId) }
}

describe('unprinted', () => {
  test('keeps pending orders no package of which has a tracking number', async () => {
    expect(await list({ unprinted: true })).toEqual({
      total: 3,
      ids: ['U-0005', 'U-0003', 'U-0001']
    })
  })

  test('combines with the status, the sort, the keyword and another filter', async () => {
    expect((await list({ unprinted: true, status: 'pending', sort: 'created_asc' })).ids).toEqual([
      'U-0001',
      'U-0003',
      'U-0005'
    ])
    expect((await list({ unprinted: true, status: 'closed' })).total).toBe(0)
    expect((await list({ unprinted: true, query: 'U-0003' })).ids).toEqual(['U-0003'])
    expect((await list({ unprinted: true, query: 'U-0002' })).ids).toEqual([])
    expect((await list({ unprinted: true, carrier: 'YTO' })).ids).toEqual(['U-0005', 'U-0003'])
  })

  test('false or absent is every order', async () => {
    expect((await list({ unprinted: false })).total).toBe(5)
    expect((await list({})).total).toBe(5)
  })
})
