/**
 * The 包裹与追加 list at scale (issue 11 item 7): 1 000 000 orders, each with its first package,
 * 5 % of them with a split or appended package or two. Medians of the first page (200 rows) and
 * of its count, unfiltered and filtered, and of a search by a tracking number's tail.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase, type WritableDB } from '../src/main/core/db/connection'
import { reverseText } from '../src/main/core/db/orders-repo'
import { listPackages, type PackageListSearch } from '../src/main/core/db/packages-list-query'
import { median, type Bench, type Figure } from './harness'

const ORDERS = Number(process.env.PACKAGES_LIST_BENCH_ORDERS ?? '1000000')
const RUNS = 50
const BASE_TIME = Date.UTC(2026, 0, 1)
const round = (n: number): number => Math.round(n * 1000) / 1000

/**
 * Orders, a first package each, and every 20th order one or two more (split or appended), all
 * written by SQL in one transaction (a recursive CTE), so 1M orders take seconds, not minutes.
 */
export function seedPackagesList(db: WritableDB, orders: number): void {
  db.function('wb_rev', { deterministic: true }, (text: unknown) => reverseText(String(text)))
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @orders)
       INSERT INTO orders (id, shop_id, platform_order_id, status, receiver_name, receiver_phone,
         receiver_phone_rev, province, city, district, address_detail, created_at, paid_at,
         shipped_at, updated_at)
       SELECT i, 1, 'KS' || (2611000000000 + i), 'shipped', '王五', '13800000000', '00000000831',
         '浙江省', '杭州市', '西湖区', '文三路 1 号', @t + i * 1000, @t + i * 1000, @t + i * 1000 + 3600000,
         @t + i * 1000 FROM n`
    ).run({ orders, t: BASE_TIME })
    db.prepare(
      `INSERT INTO order_items (order_id, line_no, sku, title, quantity, quantity_shipped, unit_weight_g)
       SELECT id, 1, 'SK-1', '运动袜', 1, 1, 100 FROM orders`
    ).run()
    const carrier = (expr: string): string =>
      `CASE (${expr}) % 5 WHEN 0 THEN 'ZTO' WHEN 1 THEN 'YTO' WHEN 2 THEN 'STO' WHEN 3 THEN 'YUNDA' ELSE 'SF' END`
    db.prepare(
      `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, tracking_number_rev,
         print_state, ship_state, printed_at, shipped_at, created_at)
       SELECT id, 1, 'first', ${carrier('id')}, '731' || printf('%010d', id),
         wb_rev('731' || printf('%010d', id)), 'printed', 'shipped', shipped_at, shipped_at, shipped_at
       FROM orders`
    ).run()
    for (const s of [2, 3]) {
      db.prepare(
        `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, tracking_number_rev,
           created_at)
         SELECT id, @s, CASE WHEN id % 40 = 0 THEN 'split' ELSE 'appended' END, ${carrier('id + @s')},
           '73' || @s || printf('%010d', id), wb_rev('73' || @s || printf('%010d', id)),
           shipped_at + @s * 86400000
         FROM orders WHERE id % 20 = 0 AND (@s = 2 OR id % 3 = 0)`
      ).run({ s })
    }
  })()
}

function timed(db: WritableDB, search: PackageListSearch): { ms: number; rows: number } {
  const started = performance.now()
  const page = listPackages(db, search)
  return { ms: performance.now() - started, rows: page.rows.length }
}

function figure(db: WritableDB, name: string, search: PackageListSearch): Figure {
  for (let i = 0; i < 5; i += 1) {
    timed(db, search)
  }
  const times: number[] = []
  let rows = 0
  for (let i = 0; i < RUNS; i += 1) {
    const r = timed(db, search)
    times.push(r.ms)
    rows = r.rows
  }
  return { name, value: round(median(times)), unit: 'ms', runs: RUNS, rows, orders: ORDERS }
}

export const packagesListBench: Bench = {
  name: 'packages',
  run: (report) => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-bench-packages-list-'))
    try {
      const db = openDatabase(join(dir, 'bench.sqlite'))
      const started = performance.now()
      seedPackagesList(db, ORDERS)
      report({
        name: 'packages.list seed',
        value: Math.round(performance.now() - started),
        unit: 'ms',
        orders: ORDERS
      })
      const page = { query: '', offset: 0, limit: 200, count: false } as const
      report(figure(db, 'packages.list first page', page))
      report(figure(db, 'packages.list count', { ...page, limit: 1, count: true }))
      report(
        figure(db, 'packages.list filtered first page (appended, STO)', {
          ...page,
          role: 'appended',
          carrier: 'STO'
        })
      )
      report(
        figure(db, 'packages.list filtered count (appended, STO)', {
          ...page,
          role: 'appended',
          carrier: 'STO',
          limit: 1,
          count: true
        })
      )
      report(
        figure(db, 'packages.list filtered first page (appended last 30 days)', {
          ...page,
          role: 'appended',
          addedFrom: BASE_TIME + ORDERS * 1000 - 30 * 86_400_000
        })
      )
      // The slow form, reported so it is seen: a filter on every package (not only split or
      // appended ones) that matches none walks all the listed orders' packages.
      report(
        figure(db, 'packages.list first page (sync failed, no match)', {
          ...page,
          syncState: 'failed'
        })
      )
      report(
        figure(db, 'packages.list search tracking tail', {
          ...page,
          query: `2${String(Math.floor(ORDERS / 2 / 20) * 20).padStart(10, '0')}`.slice(-8),
          count: true
        })
      )
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
    return Promise.resolve()
  }
}
