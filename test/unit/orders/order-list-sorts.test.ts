import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { insertOrders, type NewOrder } from '../../../src/main/core/db/orders-repo'
import type { MethodInput } from '../../../src/shared/contract'
import { ORDER_SORTS, type OrderListPage, type OrderSort } from '../../../src/shared/schemas/order'
import {
  insertTrackedPackage,
  newOrderRow,
  openTestCore,
  type TestCore
} from '../../support/core-fixtures'

/**
 * The order list's sorts, region filter and keyset pages (issue 3 §6), through dispatch. The
 * expected orders are computed here from the seeded values with plain array sorts, independently
 * of the SQL.
 */

const HOUR = 3_600_000
const NOW = 1_800_000_000_000

type Seed = {
  readonly id: string
  readonly shopId: number
  readonly created: number
  readonly paid: number | null
  readonly province: string
  readonly city: string
  readonly district: string
}

// Ties on purpose: equal created times (B-2/B-3), equal paid times (B-5/B-6), one id in two shops.
const SEEDS: readonly Seed[] = [
  {
    id: 'B-4',
    shopId: 1,
    created: 10,
    paid: 30,
    province: '浙江省',
    city: '杭州市',
    district: '西湖区'
  },
  {
    id: 'B-2',
    shopId: 1,
    created: 20,
    paid: 21,
    province: '广东省',
    city: '深圳市',
    district: '南山区'
  },
  {
    id: 'B-3',
    shopId: 1,
    created: 20,
    paid: null,
    province: '浙江省',
    city: '宁波市',
    district: '海曙区'
  },
  {
    id: 'B-1',
    shopId: 2,
    created: 5,
    paid: 40,
    province: '广东省',
    city: '广州市',
    district: '天河区'
  },
  {
    id: 'B-1',
    shopId: 1,
    created: 7,
    paid: 8,
    province: '浙江省',
    city: '杭州市',
    district: '上城区'
  },
  {
    id: 'B-6',
    shopId: 2,
    created: 3,
    paid: 50,
    province: '广东省',
    city: '深圳市',
    district: '福田区'
  },
  {
    id: 'B-5',
    shopId: 1,
    created: 4,
    paid: 50,
    province: '浙江省',
    city: '杭州市',
    district: '滨江区'
  },
  {
    id: 'A-9',
    shopId: 2,
    created: 30,
    paid: 31,
    province: '北京市',
    city: '北京市',
    district: '朝阳区'
  }
]

let t: TestCore
/** Seed index → database id. */
let dbIds: number[]

beforeAll(() => {
  t = openTestCore({ now: () => NOW })
  const db = t.core.db
  db.prepare(
    `INSERT INTO shops (id, platform, name, created_at) VALUES (2, 'kuaishou', '快手店', 0)`
  ).run()
  dbIds = insertOrders(
    db,
    SEEDS.map((s): NewOrder =>
      newOrderRow(s.id, {
        shopId: s.shopId,
        createdAt: NOW - 100 * HOUR + s.created * HOUR,
        paidAt: s.paid === null ? null : NOW - 100 * HOUR + s.paid * HOUR,
        receiver: { province: s.province, city: s.city, district: s.district }
      })
    )
  )
  insertTrackedPackage(db, dbIds[1] ?? 0, 'ZT100', { carrier: 'ZTO' })
})

afterAll(() => {
  t.dispose()
})

type Row = { key: string; dbId: number; seed: Seed }

const rowsOf = (): Row[] =>
  SEEDS.map((seed, i) => ({ key: `${seed.id}@${String(seed.shopId)}`, dbId: dbIds[i] ?? 0, seed }))

const cmp = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0)

/** The list order each sort promises, as a comparator over the seeds. */
const EXPECTED: Readonly<Record<OrderSort, (a: Row, b: Row) => number>> = {
  created_desc: (a, b) => cmp(b.seed.created, a.seed.created) || cmp(b.dbId, a.dbId),
  created_asc: (a, b) => cmp(a.seed.created, b.seed.created) || cmp(a.dbId, b.dbId),
  // No paid time: the created time stands in.
  paid_desc: (a, b) =>
    cmp(b.seed.paid ?? b.seed.created, a.seed.paid ?? a.seed.created) || cmp(b.dbId, a.dbId),
  paid_asc: (a, b) =>
    cmp(a.seed.paid ?? a.seed.created, b.seed.paid ?? b.seed.created) || cmp(a.dbId, b.dbId),
  order_id_asc: (a, b) => cmp(a.seed.id, b.seed.id) || cmp(a.seed.shopId, b.seed.shopId),
  order_id_desc: (a, b) => cmp(b.seed.id, a.seed.id) || cmp(b.seed.shopId, a.seed.shopId),
  // Text order of the names (SQLite's BINARY collation = UTF-8 byte order = code point order).
  region_asc: (a, b) =>
    cmp(a.seed.province, b.seed.province) ||
    cmp(a.seed.city, b.seed.city) ||
    cmp(a.seed.created, b.seed.created) ||
    cmp(a.dbId, b.dbId),
  // No sheet time: every shop's promise is the default 48 h after payment (or creation).
  ship_by_asc: (a, b) =>
    cmp(a.seed.paid ?? a.seed.created, b.seed.paid ?? b.seed.created) || cmp(a.dbId, b.dbId)
}

async function list(query: MethodInput<'orders.list'>): Promise<OrderListPage> {
  const result = await t.core.dispatch('orders.list', query)
  if (!result.ok) {
    throw new Error(`${result.error.code}: ${result.error.message}`)
  }
  return result.value as OrderListPage
}

const keysOf = (page: OrderListPage): string[] =>
  page.rows.map((r) => `${r.platformOrderId}@${String(r.shopId)}`)

describe('sorts', () => {
  test.each(ORDER_SORTS.map((s) => [s]))('%s returns every order in its order', async (sort) => {
    const expected = rowsOf()
      .sort(EXPECTED[sort])
      .map((r) => r.key)
    const page = await list({ sort })
    expect(keysOf(page)).toEqual(expected)
    expect(page.total).toBe(SEEDS.length)
  })

  test.each(ORDER_SORTS.map((s) => [s]))(
    '%s: pages by key (after the last row) are the same rows as pages by offset',
    async (sort) => {
      const byOffset: string[] = []
      const byKey: string[] = []
      let cursor: OrderListPage['last'] = null
      for (let offset = 0; offset < SEEDS.length; offset += 3) {
        byOffset.push(...keysOf(await list({ sort, offset, limit: 3, count: false })))
        const page = await list({
          sort,
          limit: 3,
          count: false,
          ...(cursor ? { after: cursor } : {})
        })
        byKey.push(...keysOf(page))
        cursor = page.last
      }
      expect(byKey).toEqual(
        rowsOf()
          .sort(EXPECTED[sort])
          .map((r) => r.key)
      )
      expect(byKey).toEqual(byOffset)
      // Past the end: nothing, and no cursor.
      const end = await list({ sort, limit: 3, ...(cursor ? { after: cursor } : {}) })
      expect(end.rows).toEqual([])
      expect(end.last).toBeNull()
    }
  )

  test('before a row: the rows just above it, still in list order', async () => {
    const all = keysOf(await list({ sort: 'paid_desc' }))
    const tail = await list({ sort: 'paid_desc', offset: 5, limit: 3 })
    expect(keysOf(tail)).toEqual(all.slice(5, 8))
    if (!tail.first) {
      throw new Error('no cursor')
    }
    const above = await list({ sort: 'paid_desc', before: tail.first, limit: 3 })
    expect(keysOf(above)).toEqual(all.slice(2, 5))
  })

  test('a keyset page keeps the filters', async () => {
    const zhejiang = rowsOf()
      .filter((r) => r.seed.province === '浙江省')
      .sort(EXPECTED.created_desc)
      .map((r) => r.key)
    const first = await list({ province: '浙江省', limit: 2 })
    expect(first.total).toBe(zhejiang.length)
    if (!first.last) {
      throw new Error('no cursor')
    }
    const second = await list({ province: '浙江省', limit: 2, after: first.last })
    expect([...keysOf(first), ...keysOf(second)]).toEqual(zhejiang)
  })

  test('a cursor of another sort, or of the wrong shape, is a validation error', async () => {
    const page = await list({ sort: 'created_desc', limit: 1 })
    const bad = [
      { sort: 'paid_desc', after: page.last },
      { sort: 'region_asc', after: { sort: 'region_asc', key: [1, 2] } },
      { after: { sort: 'created_desc', key: ['x', 1] } },
      { after: page.last, before: page.last }
    ]
    for (const query of bad) {
      expect(await t.core.dispatch('orders.list', query)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' }
      })
    }
  })
})

describe('region filter', () => {
  test('province and city, each sort', async () => {
    for (const sort of ORDER_SORTS) {
      const hangzhou = rowsOf()
        .filter((r) => r.seed.province === '浙江省' && r.seed.city === '杭州市')
        .sort(EXPECTED[sort])
        .map((r) => r.key)
      const page = await list({ province: '浙江省', city: '杭州市', sort })
      expect(keysOf(page)).toEqual(hangzhou)
      expect(page.total).toBe(hangzhou.length)
    }
  })

  test('a city is a city of the province: the same name elsewhere matches nothing', async () => {
    const page = await list({ province: '广东省', city: '杭州市' })
    expect(page.rows).toEqual([])
    expect(page.total).toBe(0)
  })

  test('a city without a province is refused', async () => {
    expect(await t.core.dispatch('orders.list', { city: '杭州市' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
  })

  test('region with carrier and the region sort', async () => {
    const page = await list({ province: '广东省', carrier: 'ZTO', sort: 'region_asc' })
    expect(keysOf(page)).toEqual(['B-2@1'])
    expect(page.rows[0]?.trackingNumbers).toEqual(['ZT100'])
  })
})

describe('rows carry what the sorts show', () => {
  test('paid time (null without one)', async () => {
    const page = await list({ sort: 'order_id_asc' })
    const bySeed = new Map(rowsOf().map((r) => [r.key, r.seed.paid]))
    for (const row of page.rows) {
      const paid = bySeed.get(`${row.platformOrderId}@${String(row.shopId)}`)
      expect(row.paidAt).toBe(
        paid === null || paid === undefined ? null : NOW - 100 * HOUR + paid * HOUR
      )
    }
  })
})
