import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase, type WritableDB } from '../src/main/core/db/connection'
import { insertOrders, listOrders, type NewOrder } from '../src/main/core/db/orders-repo'
import { median, percentile, type Bench, type Figure } from './harness'
import { makeOrder, rng } from './support/order-data'

const BATCH = 1000
const BASE_TIME = Date.UTC(2026, 0, 1)

function insertRange(
  db: WritableDB,
  from: number,
  to: number,
  random: () => number,
  keep: NewOrder[]
): number {
  const started = performance.now()
  for (let start = from; start < to; start += BATCH) {
    const batch: NewOrder[] = []
    for (let i = start; i < Math.min(to, start + BATCH); i += 1) {
      const order = makeOrder(i, random, BASE_TIME)
      batch.push(order)
      if (i % 997 === 0) {
        keep.push(order)
      }
    }
    insertOrders(db, batch)
  }
  return performance.now() - started
}

/** What a packer types: a whole order id, its start, a name, a phone, a phone's last four digits. */
function queriesFrom(samples: readonly NewOrder[], random: () => number, count: number): string[] {
  const queries: string[] = []
  for (let i = 0; i < count; i += 1) {
    const o = samples[Math.floor(random() * samples.length)]
    if (!o) {
      continue
    }
    const kinds = [
      o.platformOrderId,
      o.platformOrderId.slice(0, -2),
      o.receiver.name,
      o.receiver.phone,
      o.receiver.phone.slice(-4)
    ]
    queries.push(kinds[i % kinds.length] ?? o.platformOrderId)
  }
  return queries
}

function searchFigures(db: WritableDB, samples: readonly NewOrder[], label: string): Figure[] {
  const random = rng(7)
  const queries = queriesFrom(samples, random, 300)
  // Warm the page cache the way a running app has it warm.
  for (const q of queries.slice(0, 30)) {
    listOrders(db, { query: q, status: undefined, offset: 0, limit: 100 })
  }
  const times: number[] = []
  let misses = 0
  for (const q of queries) {
    const started = performance.now()
    const page = listOrders(db, { query: q, status: undefined, offset: 0, limit: 100 })
    times.push(performance.now() - started)
    if (page.total === 0) {
      misses += 1
    }
  }
  if (misses > 0) {
    throw new Error(`${String(misses)} searches for existing orders found nothing`)
  }
  return [
    {
      name: `orders.search.${label}.p50`,
      value: round(median(times)),
      unit: 'ms',
      queries: queries.length
    },
    {
      name: `orders.search.${label}.p95`,
      value: round(percentile(times, 95)),
      unit: 'ms',
      target: '<= 30'
    }
  ]
}

const round = (n: number) => Math.round(n * 100) / 100

export const ordersBench: Bench = {
  name: 'orders',
  run: async (report) => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-bench-orders-'))
    try {
      const db = openDatabase(join(dir, 'bench.sqlite'))
      const random = rng(42)
      const samples: NewOrder[] = []
      const insertMs = insertRange(db, 0, 100_000, random, samples)
      report({
        name: 'orders.insert.100k',
        value: Math.round(100_000 / (insertMs / 1000)),
        unit: 'orders/s',
        items_per_order: 3,
        batch: BATCH,
        target: '>= 30000'
      })
      for (const f of searchFigures(db, samples, '100k')) {
        report(f)
      }
      insertRange(db, 100_000, 1_000_000, random, samples)
      db.pragma('optimize')
      for (const f of searchFigures(db, samples, '1M')) {
        report(f)
      }
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    await Promise.resolve()
  }
}
