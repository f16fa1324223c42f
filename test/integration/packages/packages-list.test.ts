import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { insertOrders } from '../../../src/main/core/db/orders-repo'
import { insertPackage } from '../../../src/main/core/db/packages-repo'
import { listPackages } from '../../../src/main/core/db/packages-list-query'
import type { MethodInput } from '../../../src/shared/contract'
import { callOk, newOrderRow, openTestCore, type TestCore } from '../../support/core-fixtures'

/**
 * The 包裹与追加 list (issue 11 item 7) through the real core and a real SQLite file: it lists
 * every package of the orders with a split or appended package, newest order first, an order's
 * packages in sequence, and nothing of an order that has only its first package.
 */

let t: TestCore
const DAY = 86_400_000
const T0 = 1_760_000_000_000
/** Platform order id → its row id. */
const ids = new Map<string, number>()

function add(
  orderId: string,
  packages: readonly {
    role: 'first' | 'split' | 'appended'
    carrier: string
    number: string
    at: number
    sync?: string
  }[]
): void {
  const [id] = insertOrders(t.core.ctx.db, [newOrderRow(orderId)])
  if (id === undefined) {
    throw new Error('no order id')
  }
  ids.set(orderId, id)
  packages.forEach((p, i) => {
    const packageId = insertPackage(t.core.ctx.db, {
      orderId: id,
      sequence: i + 1,
      role: p.role,
      carrier: p.carrier,
      trackingNumber: p.number,
      template: null,
      createdAt: p.at
    })
    if (p.sync !== undefined) {
      t.core.ctx.db
        .prepare('UPDATE packages SET sync_state = ? WHERE id = ?')
        .run(p.sync, packageId)
    }
  })
}

type Query = MethodInput<'packages.list'>
const list = (q: Partial<Query> = {}) => callOk(t.core, 'packages.list', { query: '', ...q })
const shown = async (q: Partial<Query> = {}) =>
  (await list(q)).rows.map((r) => `${r.platformOrderId}#${String(r.sequence)}`)

beforeAll(() => {
  t = openTestCore()
  add('KS1001', [{ role: 'first', carrier: 'ZTO', number: '73100000000101', at: T0 }])
  add('KS1002', [
    { role: 'first', carrier: 'ZTO', number: '73100000000201', at: T0 },
    { role: 'appended', carrier: 'YTO', number: 'YT0000000000202', at: T0 + 2 * DAY }
  ])
  add('KS1003', [
    { role: 'first', carrier: 'SF', number: 'SF1000000000301', at: T0 },
    { role: 'split', carrier: 'SF', number: 'SF1000000000302', at: T0 },
    {
      role: 'appended',
      carrier: 'ZTO',
      number: '73100000000303',
      at: T0 + 5 * DAY,
      sync: 'failed'
    },
    { role: 'appended', carrier: 'ZTO', number: '73100000000304', at: T0 + 6 * DAY }
  ])
  add('KS2001', [{ role: 'first', carrier: 'YTO', number: 'YT0000000000401', at: T0 }])
})

afterAll(() => {
  t.dispose()
})

describe('packages.list', () => {
  test('lists every package of the orders with more than their first, newest order first', async () => {
    const page = await list()
    expect(page.total).toBe(6)
    expect(page.rows.map((r) => `${r.platformOrderId}#${String(r.sequence)}`)).toEqual([
      'KS1003#1',
      'KS1003#2',
      'KS1003#3',
      'KS1003#4',
      'KS1002#1',
      'KS1002#2'
    ])
    const appended = page.rows.find((r) => r.trackingNumber === 'YT0000000000202')
    expect(appended).toMatchObject({
      role: 'appended',
      carrier: 'YTO',
      packageCount: 2,
      createdAt: T0 + 2 * DAY,
      printState: 'none',
      syncState: 'none'
    })
    expect(page.rows.every((r) => r.items === '')).toBe(true)
  })

  test('filters by carrier, role, sync state and the date a package was added', async () => {
    expect(await shown({ carrier: 'ZTO' })).toEqual(['KS1003#3', 'KS1003#4', 'KS1002#1'])
    expect(await shown({ role: 'appended' })).toEqual(['KS1003#3', 'KS1003#4', 'KS1002#2'])
    expect(await shown({ role: 'split' })).toEqual(['KS1003#2'])
    expect(await shown({ syncState: 'failed' })).toEqual(['KS1003#3'])
    expect(
      await shown({ role: 'appended', addedFrom: T0 + 3 * DAY, addedTo: T0 + 6 * DAY })
    ).toEqual(['KS1003#3'])
    expect((await list({ role: 'appended', carrier: 'ZTO' })).total).toBe(2)
  })

  test('searches an order id by its start and a tracking number by its start or its end', async () => {
    expect(await shown({ query: 'KS1002' })).toEqual(['KS1002#1', 'KS1002#2'])
    expect(await shown({ query: 'KS100' })).toHaveLength(6)
    expect(await shown({ query: '0000202' })).toEqual(['KS1002#1', 'KS1002#2'])
    expect(await shown({ query: 'SF100000000030' })).toHaveLength(4)
    // An order with only its first package is not listed, whatever names it.
    expect(await shown({ query: 'KS1001' })).toEqual([])
    expect(await shown({ query: '73100000000101' })).toEqual([])
    // Short keywords match whole values only.
    expect(await shown({ query: '302' })).toEqual([])
  })

  test('a keyset page continues exactly where the page before ended', async () => {
    const all = await shown()
    const first = await list({ limit: 3 })
    expect(first.last).toEqual({ orderId: ids.get('KS1003'), sequence: 3 })
    const next = await list({ limit: 3, after: first.last ?? undefined, count: false })
    expect(next.total).toBe(-1)
    expect(next.rows.map((r) => `${r.platformOrderId}#${String(r.sequence)}`)).toEqual(all.slice(3))
    expect(await shown({ offset: 4, limit: 2 })).toEqual(all.slice(4))
  })

  test('its page and count walk the partial index of listed orders, never every package', () => {
    const db = t.core.ctx.db
    const statements: { sql: string; params: unknown }[] = []
    // The statements listPackages really prepares, with the parameters they run with.
    const recording = new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'prepare') {
          const value: unknown = Reflect.get(target, prop, receiver)
          return typeof value === 'function'
            ? (value as (...args: unknown[]) => unknown).bind(target)
            : value
        }
        return (sql: string) => {
          const statement = target.prepare(sql)
          const run = (params: unknown) => {
            statements.push({ sql, params })
            return statement.all(params)
          }
          return { all: run, get: (params: unknown) => run(params)[0] }
        }
      }
    })
    const plans = (search: Omit<Parameters<typeof listPackages>[1], 'offset' | 'limit'>) => {
      statements.length = 0
      listPackages(recording, { ...search, offset: 0, limit: 50 })
      expect(statements).toHaveLength(2)
      return statements.map(({ sql, params }) =>
        db
          .prepare<[unknown], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
          .all(params)
          .map((r) => r.detail)
          .join('\n')
      )
    }
    for (const plan of plans({ query: '', carrier: 'ZTO' })) {
      expect(plan).toMatch(/SCAN m USING (COVERING )?INDEX packages_extra/)
      expect(plan).not.toMatch(/SCAN (p|packages)\b(?! USING)/)
      expect(plan).not.toContain('packages_carrier_order')
    }
    // Appended packages only: the partial index is the whole walk, and the count never reads
    // the table.
    const [page, count] = plans({ query: '', carrier: 'ZTO', role: 'appended', syncState: 'none' })
    expect(page).toMatch(/SCAN p USING (COVERING )?INDEX packages_extra/)
    expect(count).toContain('SCAN p USING COVERING INDEX packages_extra')
  })
})
