/**
 * Invariants 1 and 2 under real concurrency: four processes on ONE SQLite file draw numbers at
 * the same time with allocateChunk (an immediate transaction per chunk; WAL + busy_timeout).
 * First each for its own orders, then all four for the same orders (two windows, a CLI and a
 * double click): no number twice, no package with two, used == pool decrease, none lost.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { openDatabase, type WritableDB } from '../../../src/main/core/db/connection'
import { availableCount, insertPool } from '../../../src/main/core/db/waybill-pools-repo'
import { expandRange } from '../../../src/main/core/waybills/pool-service'
import { makeTempDir } from '../../support/core-fixtures'
import { numberInvariants, seedOrders, seededRandom } from '../../support/manual-print-fixtures'
import { type Bundle, bundleChild, spawnChild } from '../../support/manual-print-spawn'

const N = 4
const OWN = 300
const SHARED = 200

type Allocation = [orderId: number, packageId: number, trackingNumber: string, fresh: boolean]

let temp: ReturnType<typeof makeTempDir>
let bundle: Bundle
let db: WritableDB
let poolNumbers: string[]

beforeAll(() => {
  temp = makeTempDir('wb-mp-conc-')
  mkdirSync(join(temp.dir, 'logs'), { recursive: true })
  bundle = bundleChild('test/support/manual-print-alloc-child.ts')
  db = openDatabase(join(temp.dir, 'waybill.sqlite'))
  const range = expandRange('73610000000001', 1500)
  if (!range.ok) {
    throw new Error(range.error.message)
  }
  const list = Array.from(
    { length: 500 },
    (_, i) => `7362${String(999_000_000 - i * 7).padStart(10, '0')}`
  )
  poolNumbers = [...range.value, ...list]
  for (const [kind, numbers] of [
    ['range', range.value],
    ['list', list]
  ] as const) {
    const pool = insertPool(db, { carrier: 'ZTO', kind, label: kind, createdAt: 0 }, numbers)
    if ('duplicates' in pool) {
      throw new Error('pool overlap')
    }
  }
})

afterAll(() => {
  db.close()
  bundle.remove()
  temp.remove()
})

/** Starts N allocators, releases them together, returns what each says it got. */
async function race(sets: readonly (readonly number[])[], seed: number): Promise<Allocation[][]> {
  const children = sets.map((ids, i) =>
    spawnChild(bundle, [temp.dir, String(seed + i), ids.join(',')])
  )
  await Promise.all(children.map((c) => c.waitFor('loaded', 120_000)))
  for (const c of children) {
    c.process.stdin?.end('go\n')
  }
  const results = await Promise.all(
    children.map(async (c) => {
      const line = await c.waitFor('{', 120_000)
      const { code } = await c.exited
      expect(code, c.stderr()).toBe(0)
      return (JSON.parse(line) as { allocated: Allocation[] }).allocated
    })
  )
  return results
}

function ledger(): { available: number; allocated: number; voided: number; total: number } {
  const rows = db
    .prepare<[], { state: string; n: number }>(
      'SELECT state, count(*) AS n FROM waybill_numbers GROUP BY state'
    )
    .all()
  const by = Object.fromEntries(rows.map((r) => [r.state, r.n]))
  return {
    available: by.available ?? 0,
    allocated: by.allocated ?? 0,
    voided: by.voided ?? 0,
    total: rows.reduce((sum, r) => sum + r.n, 0)
  }
}

describe(`${String(N)} processes allocating on one database file`, () => {
  test('each for its own orders: every order one number, no number twice, none lost', async () => {
    const ids = seedOrders(db, N * OWN, 'OWN')
    const sets = Array.from({ length: N }, (_, i) => ids.slice(i * OWN, (i + 1) * OWN))
    const before = availableCount(db, 'ZTO')
    const results = await race(sets, 100)

    const all = results.flat()
    expect(all).toHaveLength(N * OWN)
    expect(all.every((a) => a[3])).toBe(true)
    for (const [i, got] of results.entries()) {
      expect(got.map((a) => a[0])).toEqual(sets[i])
    }
    const numbers = all.map((a) => a[2])
    expect(new Set(numbers).size).toBe(numbers.length)
    // How often consecutive pool numbers went to different processes: > N means they interleaved.
    const owner = new Map(results.flatMap((got, i) => got.map((a) => [a[2], i] as const)))
    let switches = 0
    let last = -1
    for (const n of poolNumbers) {
      const who = owner.get(n)
      if (who !== undefined && who !== last) {
        switches += 1
        last = who
      }
    }
    process.stdout.write(`concurrency: ${String(switches)} hand-overs between processes\n`)
    expect(switches).toBeGreaterThan(2 * N)
    expect(numbers.every((n) => poolNumbers.includes(n))).toBe(true)

    const after = availableCount(db, 'ZTO')
    expect(before - after).toBe(N * OWN)
    const l = ledger()
    expect(l.allocated).toBe(N * OWN)
    expect(l.total).toBe(poolNumbers.length)
    const inv = numberInvariants(db)
    expect(inv.violations).toEqual([])
    expect(inv.allocated).toBe(N * OWN)
    // What each process was told is what the database holds.
    const stored = new Map(
      db
        .prepare<[], { order_id: number; tracking_number: string }>(
          'SELECT order_id, tracking_number FROM packages'
        )
        .all()
        .map((r) => [r.order_id, r.tracking_number])
    )
    expect(all.every((a) => stored.get(a[0]) === a[2])).toBe(true)
  }, 180_000)

  test('all for the same orders (double click across processes): one number per order', async () => {
    const before = ledger()
    const ids = seedOrders(db, SHARED, 'SHR')
    const sets = Array.from({ length: N }, (_, i) => {
      const random = seededRandom(900 + i)
      return [...ids].sort(() => random() - 0.5)
    })
    const results = await race(sets, 200)

    const fresh = results.flat().filter((a) => a[3])
    expect(fresh).toHaveLength(SHARED)
    expect(new Set(fresh.map((a) => a[0])).size).toBe(SHARED)
    // Every process was told the same package and number for an order.
    const byOrder = new Map<number, string>()
    for (const [orderId, packageId, tracking] of results.flat()) {
      const key = `${String(packageId)}:${tracking}`
      const seen = byOrder.get(orderId)
      expect(seen === undefined || seen === key, `order ${String(orderId)}`).toBe(true)
      byOrder.set(orderId, key)
    }
    const after = ledger()
    expect(before.available - after.available).toBe(SHARED)
    expect(after.allocated - before.allocated).toBe(SHARED)
    expect(after.total).toBe(poolNumbers.length)
    const perOrder = db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM packages p JOIN orders o ON o.id = p.order_id
         WHERE o.platform_order_id LIKE 'SHR%' GROUP BY p.order_id`
      )
      .all()
    expect(perOrder).toHaveLength(SHARED)
    expect(perOrder.every((r) => r.n === 1)).toBe(true)
    expect(numberInvariants(db).violations).toEqual([])
  }, 180_000)
})
