import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase, type WritableDB } from '../src/main/core/db/connection'
import { listOrders, type OrderSearch } from '../src/main/core/db/order-list-query'
import { insertOrders, type NewOrder } from '../src/main/core/db/orders-repo'
import { ORDER_SORTS } from '../src/shared/schemas/order'
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

/**
 * Spreads the generated orders over shops, statuses, exemptions, refunds and carriers the way a
 * busy station's history looks (most shipped, a quarter pending, rare refunds, a rare carrier),
 * so each list filter meets both common and rare values. Deterministic: derived from the id.
 */
function diversify(db: WritableDB): void {
  db.transaction(() => {
    db.exec(`
INSERT INTO shops (id, platform, name, created_at)
VALUES (2, 'kuaishou', '快手店', 0), (3, 'taobao', '淘宝店', 0), (4, 'kuaishou', '快手二店', 0);
UPDATE orders SET
  shop_id = CASE WHEN (id * 7919) % 100 < 60 THEN 2 WHEN (id * 7919) % 100 < 88 THEN 3
                 WHEN (id * 7919) % 100 < 98 THEN 1 ELSE 4 END,
  status = CASE WHEN (id * 104729) % 100 < 25 THEN 'pending' WHEN (id * 104729) % 100 < 28 THEN 'partially_shipped'
                WHEN (id * 104729) % 100 < 95 THEN 'shipped' ELSE 'closed' END,
  exemption = CASE WHEN (id * 1299709) % 1000 < 960 THEN 'none' WHEN (id * 1299709) % 1000 < 990 THEN 'auto'
                   WHEN (id * 1299709) % 1000 < 995 THEN 'reported' WHEN (id * 1299709) % 1000 < 998 THEN 'approved'
                   ELSE 'rejected' END,
  refund_state = CASE WHEN (id * 15485863) % 100 = 0 THEN 'requested' ELSE 'none' END,
  paid_at = CASE WHEN (id * 32452843) % 100 < 3 THEN NULL ELSE paid_at END;
INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, tracking_number_rev, print_state, ship_state, created_at)
SELECT id, 1, 'first', c, c || printf('%012d', id), NULL, 'printed', 'shipped', created_at + 3600000 FROM (
  SELECT id, created_at,
    CASE WHEN (id * 49979687) % 100 < 35 THEN 'ZTO' WHEN (id * 49979687) % 100 < 60 THEN 'YTO'
         WHEN (id * 49979687) % 100 < 80 THEN 'YUNDA' WHEN (id * 49979687) % 100 < 95 THEN 'STO'
         WHEN (id * 49979687) % 100 < 99 THEN 'SF' ELSE 'JD' END AS c
  FROM orders WHERE status IN ('shipped', 'partially_shipped'));
`)
  })()
}

const PAGE = 200
const LIST_TARGET = '<= 50'

/** p50 and p95 of `run` over `times` runs, after two warm-up runs. */
function timed(times: number, run: () => void): { p50: number; p95: number } {
  run()
  run()
  const samples: number[] = []
  for (let i = 0; i < times; i += 1) {
    const started = performance.now()
    run()
    samples.push(performance.now() - started)
  }
  return { p50: round(median(samples)), p95: round(percentile(samples, 95)) }
}

function listFigures(db: WritableDB, report: (f: Figure) => void): void {
  const base: OrderSearch = { query: '', status: undefined, offset: 0, limit: PAGE }
  const day = 24 * 3600 * 1000
  const unshippedBefore = BASE_TIME + 900_000 * 1000
  const figure = (
    name: string,
    t: { p50: number; p95: number },
    extra: Record<string, unknown>
  ) => {
    report({ name: `${name}.p50`, value: t.p50, unit: 'ms', ...extra })
    report({ name: `${name}.p95`, value: t.p95, unit: 'ms', target: LIST_TARGET })
  }
  // What the list does on a new filter: the first page, then the count (use-order-window).
  const filters: [string, Partial<OrderSearch>][] = [
    ['none', {}],
    ['status.pending', { status: 'pending' }],
    ['status.closed', { status: 'closed' }],
    ['shop.common', { shopId: 2 }],
    ['shop.rare', { shopId: 4 }],
    ['date.1day', { createdFrom: BASE_TIME + 3 * day, createdTo: BASE_TIME + 4 * day }],
    ['province', { province: '四川省' }],
    ['province.city', { province: '四川省', city: '成都市' }],
    ['carrier.common', { carrier: 'ZTO' }],
    ['carrier.rare', { carrier: 'JD' }],
    ['exemption.auto', { exemption: 'auto' }],
    ['exemption.none', { exemption: 'none' }],
    ['problem.unshipped', { problem: 'unshipped', unshippedBefore }],
    ['problem.refund', { problem: 'refund' }],
    ['problem.closed', { problem: 'closed' }],
    ['problem.any', { problem: 'any', unshippedBefore }]
  ]
  for (const [name, filter] of filters) {
    let total = 0
    const t = timed(20, () => {
      const first = listOrders(db, { ...base, ...filter, count: false })
      total = listOrders(db, { ...base, ...filter, limit: 1, count: true }).total
      if (first.rows.length === 0 && total > 0) {
        throw new Error(`filter ${name}: a count of ${String(total)} but an empty first page`)
      }
    })
    figure(`orders.list.1M.filter.${name}`, t, { matching: total })
  }
  for (const sort of ORDER_SORTS) {
    figure(
      `orders.list.1M.sort.${sort}`,
      timed(20, () => listOrders(db, { ...base, sort, count: false })),
      { rows: PAGE }
    )
    // A jump to the middle of the list (scrollbar drag), then scrolling on from there by key.
    let deep = listOrders(db, { ...base, sort, offset: 500_000, count: false })
    figure(
      `orders.list.1M.deep.offset500k.${sort}`,
      timed(10, () => {
        deep = listOrders(db, { ...base, sort, offset: 500_000, count: false })
      }),
      { offset: 500_000 }
    )
    const after = deep.last ?? undefined
    figure(
      `orders.list.1M.deep.keyset500k.${sort}`,
      timed(20, () => listOrders(db, { ...base, sort, after, count: false })),
      { after_row: 500_000 + PAGE }
    )
  }
  // A common pairing: one filter under another sort (the filter keeps many or few orders).
  const combos: [string, Partial<OrderSearch>][] = [
    ['pending.paid_asc', { status: 'pending', sort: 'paid_asc' }],
    ['shop.rare.order_id_asc', { shopId: 4, sort: 'order_id_asc' }],
    ['province.region_asc', { province: '四川省', sort: 'region_asc' }],
    ['refund.paid_desc', { problem: 'refund', sort: 'paid_desc' }]
  ]
  for (const [name, search] of combos) {
    figure(
      `orders.list.1M.combo.${name}`,
      timed(20, () => listOrders(db, { ...base, ...search, count: false })),
      { rows: PAGE }
    )
  }
}

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
      diversify(db)
      db.pragma('optimize')
      listFigures(db, report)
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    await Promise.resolve()
  }
}
