import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, type WritableDB } from '../../../src/main/core/db/connection'
import {
  FEW_MATCHES,
  RARE_CARRIER_PACKAGES,
  listOrders,
  type OrderSearch
} from '../../../src/main/core/db/order-list-query'
import { insertOrders } from '../../../src/main/core/db/orders-repo'
import { ORDER_SORTS } from '../../../src/shared/schemas/order'
import { insertTrackedPackage, newOrderRow } from '../../support/core-fixtures'

/**
 * The query plans of the order list (issue 3 §6): with any single filter the count reads an
 * index range, never the whole orders table, and a page's rows come from an index. The app runs
 * without ANALYZE statistics, as this in-memory database does, so these are the app's plans.
 * The statements are the ones listOrders really prepares, captured on their way to SQLite.
 */

type Captured = { sql: string; params: unknown[] }

let db: WritableDB
let captured: Captured[] = []

/** The database, with every statement listOrders prepares and runs recorded. */
function recording(target: WritableDB): WritableDB {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (prop !== 'prepare') {
        const value: unknown = Reflect.get(obj, prop, receiver)
        return typeof value === 'function'
          ? (value as (...args: unknown[]) => unknown).bind(obj)
          : value
      }
      return (sql: string) => {
        const statement = obj.prepare(sql)
        const record =
          (run: (...args: unknown[]) => unknown) =>
          (...params: unknown[]) => {
            captured.push({ sql, params })
            return run(...params)
          }
        return new Proxy(statement, {
          get(s, p) {
            const value: unknown = Reflect.get(s, p)
            if (typeof value !== 'function') {
              return value
            }
            const bound = (value as (...args: unknown[]) => unknown).bind(s)
            return p === 'all' || p === 'get' ? record(bound) : bound
          }
        })
      }
    }
  })
}

function plan(c: Captured): string[] {
  return db
    .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${c.sql}`)
    .all(...c.params)
    .map((r) => r.detail)
}

/** A step that reads every row of orders: its table, or all of an index of it. */
const WHOLE_ORDERS = /^SCAN o(?! USING (COVERING )?INDEX orders_refund_requested)/

const BASE: OrderSearch = { query: '', status: undefined, offset: 0, limit: 50 }

function run(search: Partial<OrderSearch>): { count: string[][]; rows: string[][] } {
  captured = []
  listOrders(recording(db), { ...BASE, ...search })
  const count = captured.filter((c) => /count\(/.test(c.sql) && !/LIMIT \?\)/.test(c.sql))
  const rows = captured.filter((c) => c.sql.includes('ORDER BY'))
  return { count: count.map(plan), rows: rows.map(plan) }
}

beforeAll(() => {
  db = openDatabase(':memory:')
  db.prepare(
    `INSERT INTO shops (id, platform, name, created_at) VALUES (2, 'kuaishou', '快手店', 0)`
  ).run()
  const ids = insertOrders(
    db,
    Array.from({ length: 300 }, (_, i) =>
      newOrderRow(`PL-${String(i).padStart(4, '0')}`, {
        shopId: 1 + (i % 2),
        createdAt: 1_700_000_000_000 + i * 1000,
        paidAt: i % 7 === 0 ? null : 1_700_000_000_000 + i * 1000 + 60_000
      })
    )
  )
  ids.slice(0, 100).forEach((id, i) => {
    insertTrackedPackage(db, id, `YT${String(i).padStart(8, '0')}`, { carrier: 'YTO' })
  })
})

afterAll(() => {
  db.close()
})

const SINGLE_FILTERS: readonly [string, Partial<OrderSearch>][] = [
  ['status', { status: 'pending' }],
  ['shop', { shopId: 2 }],
  ['date range', { createdFrom: 1_700_000_050_000, createdTo: 1_700_000_090_000 }],
  ['province', { province: '广东省' }],
  ['province + city', { province: '广东省', city: '深圳市' }],
  ['carrier (rare)', { carrier: 'YTO' }],
  ['exemption', { exemption: 'auto' }],
  ['problem: unshipped', { problem: 'unshipped', unshippedBefore: 1_700_000_100_000 }],
  ['problem: refund', { problem: 'refund' }],
  ['problem: closed', { problem: 'closed' }],
  ['problem: any', { problem: 'any', unshippedBefore: 1_700_000_100_000 }],
  ['unprinted', { unprinted: true }],
  ['unprinted + pending (print step 1)', { unprinted: true, status: 'pending' }]
]

describe('single filters', () => {
  test.each(SINGLE_FILTERS)('%s: the count reads an index range', (_name, search) => {
    const { count } = run(search)
    expect(count.length).toBe(1)
    const steps = count.flat()
    expect(steps.some((s) => /^(SEARCH|SCAN) (o|packages) USING/.test(s))).toBe(true)
    expect(steps.filter((s) => WHOLE_ORDERS.test(s))).toEqual([])
  })

  test.each(SINGLE_FILTERS)('%s: the page comes from an index', (_name, search) => {
    const { rows } = run(search)
    expect(rows.length).toBe(1)
    // Every step on orders goes through an index (the outer step looks rows up by id).
    const onOrders = (rows[0] ?? []).filter((s) => /^(SEARCH|SCAN) o\b/.test(s))
    expect(onOrders.length).toBeGreaterThan(0)
    expect(onOrders.filter((s) => !/USING/.test(s))).toEqual([])
  })

  test('the unshipped problem is a range of its own partial index, count and page', () => {
    for (const problem of ['unshipped', 'any'] as const) {
      const { count, rows } = run({ problem, unshippedBefore: 1_700_000_100_000 })
      expect(count.flat().join('\n')).toContain('orders_unshipped')
      if (problem === 'unshipped') {
        expect(rows.flat().join('\n')).toContain('orders_unshipped')
      }
    }
  })

  test('未打印 is a range of the unshipped partial index, count and page', () => {
    for (const search of [{ unprinted: true }, { unprinted: true, status: 'pending' as const }]) {
      const { count, rows } = run(search)
      expect(count.flat().join('\n')).toContain('orders_unshipped')
      expect(rows.flat().join('\n')).toContain('orders_unshipped')
    }
  })

  test('a carrier with many packages is probed per order, not read whole', () => {
    expect(RARE_CARRIER_PACKAGES).toBeGreaterThan(100)
    const { rows } = run({ carrier: 'YTO' })
    // Rare: the carrier's order ids come from the (carrier, order_id) index.
    expect(rows.flat().join('\n')).toContain('packages_carrier_order')
  })
})

describe('sorts', () => {
  test.each(ORDER_SORTS.map((s) => [s]))(
    '%s: a page walks the sort index, no sort of the table',
    (sort) => {
      const { rows } = run({ sort, offset: 200 })
      const steps = rows.flat()
      // The inner step (the page's ids) walks an index (on the generated paid_sort column SQLite
      // does not call it covering, but an OFFSET walk still reads no table rows); only the outer
      // 50-row page is sorted.
      expect(steps.filter((s) => /^SCAN o USING (COVERING )?INDEX/.test(s)).length).toBe(1)
      expect(steps.filter((s) => s === 'USE TEMP B-TREE FOR ORDER BY').length).toBe(1)
    }
  )

  test.each(ORDER_SORTS.map((s) => [s]))('%s: a keyset page seeks into the sort index', (sort) => {
    const first = listOrders(db, { ...BASE, sort })
    const { rows } = run({ sort, after: first.last ?? undefined })
    const steps = rows.flat()
    expect(steps.some((s) => /^SEARCH o USING (COVERING )?INDEX \S+ \(.*[<>]/.test(s))).toBe(true)
    expect(steps.filter((s) => s === 'USE TEMP B-TREE FOR ORDER BY').length).toBe(1)
  })
})

describe('a filter keeping many orders, under a sort other than created time', () => {
  let big: WritableDB
  const many = FEW_MATCHES + 500

  beforeAll(() => {
    big = openDatabase(':memory:')
    // Paid times run against the ids, so the paid order is not the insertion order.
    insertOrders(
      big,
      Array.from({ length: many + 40 }, (_, i) =>
        newOrderRow(`MA-${String(i).padStart(6, '0')}`, {
          status: i < 40 ? 'closed' : 'pending',
          createdAt: 1_700_000_000_000 + i * 1000,
          paidAt: 1_800_000_000_000 - ((i * 7919) % many) * 1000
        })
      )
    )
  })

  afterAll(() => {
    big.close()
  })

  function pagePlan(search: Partial<OrderSearch>): { steps: string[]; ids: number[] } {
    captured = []
    const result = listOrders(recording(big), { ...BASE, ...search })
    const rows = captured.filter((c) => c.sql.includes('ORDER BY'))
    const steps = rows.flatMap((c) =>
      big
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${c.sql}`)
        .all(...c.params)
        .map((r) => r.detail)
    )
    return { steps, ids: result.rows.map((r) => r.id) }
  }

  function expectedIds(status: string): number[] {
    return big
      .prepare<[string], { id: number; paid_at: number }>(
        'SELECT id, paid_at FROM orders WHERE status = ?'
      )
      .all(status)
      .sort((a, b) => b.paid_at - a.paid_at || b.id - a.id)
      .slice(0, 50)
      .map((r) => r.id)
  }

  test('many matches: the page walks the sort index instead of sorting them', () => {
    const { steps, ids } = pagePlan({ status: 'pending', sort: 'paid_desc' })
    expect(steps.some((s) => /^SCAN o USING (COVERING )?INDEX orders_paid\b/.test(s))).toBe(true)
    expect(steps.join('\n')).not.toContain('orders_status')
    expect(ids).toEqual(expectedIds('pending'))
  })

  test('many matches under the region sort: the province stays a range of the region index', () => {
    const { steps, ids } = pagePlan({ province: '广东省', status: 'pending', sort: 'region_asc' })
    expect(steps.some((s) => /orders_region \(province=\?/.test(s))).toBe(true)
    expect(steps.join('\n')).not.toContain('orders_status')
    const expected = big
      .prepare<[], { id: number }>(
        `SELECT id FROM orders WHERE province = '广东省' AND status = 'pending'
         ORDER BY city, created_at, id LIMIT 50`
      )
      .all()
      .map((r) => r.id)
    expect(ids).toEqual(expected)
  })

  test('few matches: read from the filter index and sorted', () => {
    const { steps, ids } = pagePlan({ status: 'closed', sort: 'paid_desc' })
    expect(steps.join('\n')).toContain('orders_status')
    expect(ids).toEqual(expectedIds('closed'))
  })
})
