import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { insertOrders } from '../../../src/main/core/db/orders-repo'
import type { MethodInput } from '../../../src/shared/contract'
import {
  insertTrackedPackage,
  newOrderRow,
  openTestCore,
  type TestCore
} from '../../support/core-fixtures'

/** The order list's filters (issue 3 §6), each alone and combined with the keyword, through dispatch. */

const HOUR = 3_600_000
const NOW = 1_800_000_000_000
let t: TestCore
let ids: number[]

beforeAll(() => {
  t = openTestCore({ now: () => NOW })
  const db = t.core.db
  db.prepare(
    `INSERT INTO shops (id, platform, name, created_at) VALUES (2, 'kuaishou', '快手店', 0)`
  ).run()
  ids = insertOrders(db, [
    newOrderRow('A-0001', { createdAt: NOW - 100 * HOUR }), // pending, old, no tracking: a problem
    newOrderRow('A-0002', {
      createdAt: NOW - 2 * HOUR,
      receiver: { province: '浙江省', city: '杭州市', district: '西湖区' }
    }),
    newOrderRow('A-0003', { createdAt: NOW - 50 * HOUR, status: 'closed' }),
    newOrderRow('A-0004', { createdAt: NOW - 60 * HOUR, shopId: 2 }),
    newOrderRow('A-0005', { createdAt: NOW - 1 * HOUR, receiver: { name: '王五' } })
  ])
  // A-0004 has a tracking number with carrier YTO: shipped-ish, not "unshipped".
  insertTrackedPackage(db, ids[3] ?? 0, 'YT1234567890', { carrier: 'YTO' })
  db.prepare(`UPDATE orders SET exemption = 'auto' WHERE id = ?`).run(ids[1] ?? 0)
  db.prepare(`UPDATE orders SET refund_state = 'requested' WHERE id = ?`).run(ids[4] ?? 0)
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

describe('filters', () => {
  test('none: every order, newest first; sort flips it', async () => {
    expect((await list({})).ids).toEqual(['A-0005', 'A-0002', 'A-0003', 'A-0004', 'A-0001'])
    expect((await list({ sort: 'created_asc' })).ids).toEqual([
      'A-0001',
      'A-0004',
      'A-0003',
      'A-0002',
      'A-0005'
    ])
  })

  test.each<[string, MethodInput<'orders.list'>, string[]]>([
    ['status', { status: 'closed' }, ['A-0003']],
    ['shop', { shopId: 2 }, ['A-0004']],
    ['province', { province: '浙江省' }, ['A-0002']],
    ['exemption', { exemption: 'auto' }, ['A-0002']],
    ['carrier', { carrier: 'YTO' }, ['A-0004']],
    [
      'created range',
      { createdFrom: NOW - 55 * HOUR, createdTo: NOW - 1.5 * HOUR },
      ['A-0002', 'A-0003']
    ],
    ['problem: unshipped after 48 h', { problem: 'unshipped' }, ['A-0001']],
    ['problem: refund', { problem: 'refund' }, ['A-0005']],
    ['problem: closed', { problem: 'closed' }, ['A-0003']],
    ['problem: any', { problem: 'any' }, ['A-0005', 'A-0003', 'A-0001']],
    ['two filters', { province: '广东省', problem: 'any' }, ['A-0005', 'A-0003', 'A-0001']]
  ])('%s', async (_name, query, expected) => {
    const page = await list(query)
    expect(page.ids).toEqual(expected)
    expect(page.total).toBe(expected.length)
  })

  test('combined with the keyword', async () => {
    expect((await list({ query: '王', problem: 'refund' })).ids).toEqual(['A-0005'])
    expect((await list({ query: '王', status: 'closed' })).ids).toEqual([])
    expect((await list({ query: 'A-0004', carrier: 'YTO' })).ids).toEqual(['A-0004'])
    expect((await list({ query: 'YT1234567890', shopId: 1 })).ids).toEqual([])
  })

  test('count: false skips counting (total -1), rows unchanged', async () => {
    const page = await list({ province: '广东省', count: false, offset: 1, limit: 2 })
    expect(page.total).toBe(-1)
    expect(page.ids).toEqual(['A-0003', 'A-0004'])
  })

  test('bad filter values are validation errors', async () => {
    const bad = await t.core.dispatch('orders.list', { problem: 'everything', exemption: 'x' })
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  test('filterOptions lists the shops and the carriers in use', async () => {
    const result = await t.core.dispatch('orders.filterOptions', {})
    expect(result).toMatchObject({
      ok: true,
      value: {
        shops: [
          { id: 1, platform: 'manual' },
          { id: 2, name: '快手店', platform: 'kuaishou' }
        ],
        carriers: ['YTO']
      }
    })
  })
})
