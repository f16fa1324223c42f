/**
 * The split plan for a 5000-order print batch (issue 11 item 10; accepted when the median is
 * ≤ 100 ms). 5000 orders of 3 items on average, on a real SQLite file: most without facts (one
 * package), some frozen beside ambient, some from a second warehouse, some heavy, a few with a
 * quantity of 500 — the shapes that make a planner allocate per unit if it is written carelessly.
 * Two figures: the pure planner over items already in memory, and the whole read + plan.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openDatabase, type WritableDB } from '../src/main/core/db/connection'
import { carrierLimits } from '../src/main/core/db/carrier-limits-repo'
import { planItemsOf } from '../src/main/core/db/order-packages-repo'
import { planPackages } from '../src/main/core/packages/split-plan'
import { median, type Bench } from './harness'

const ORDERS = 5000
const RUNS = 30
const round = (n: number): number => Math.round(n * 1000) / 1000

/** Orders 1..N with 1–5 items each (3 on average); the facts vary by the item's number. */
function seed(db: WritableDB): void {
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @orders)
       INSERT INTO orders (id, shop_id, platform_order_id, status, receiver_name, receiver_phone,
         receiver_phone_rev, province, city, district, address_detail, created_at, updated_at)
       SELECT i, 1, 'KS' || (2612000000000 + i), 'pending', '王五', '13800000000', '00000000831',
         '浙江省', '杭州市', '西湖区', '文三路 1 号', 1764000000000 + i, 1764000000000 + i FROM n`
    ).run({ orders: ORDERS })
    db.prepare(
      `WITH RECURSIVE k(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM k WHERE j < 5)
       INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_weight_g, length_mm,
         width_mm, height_mm, warehouse, temperature_zone)
       SELECT o.id, k.j, 'SK-' || k.j, '商品 ' || k.j,
         CASE WHEN (o.id + k.j) % 97 = 0 THEN 500 ELSE 1 + (o.id + k.j) % 4 END,
         CASE WHEN (o.id * k.j) % 11 = 0 THEN 12000 ELSE 150 + (o.id * 7 + k.j * 13) % 900 END,
         CASE WHEN k.j % 2 = 0 THEN 300 ELSE NULL END,
         CASE WHEN k.j % 2 = 0 THEN 200 ELSE NULL END,
         CASE WHEN k.j % 2 = 0 THEN 100 ELSE NULL END,
         CASE WHEN (o.id + k.j) % 13 = 0 THEN 'B' ELSE NULL END,
         CASE WHEN (o.id + k.j) % 7 = 0 THEN 'frozen' WHEN (o.id + k.j) % 17 = 0 THEN 'chilled'
              ELSE 'ambient' END
       FROM orders o JOIN k ON k.j <= 1 + (o.id % 5)`
    ).run()
  })()
}

export const packagesSplitBench: Bench = {
  name: 'packages',
  run: (report) => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-bench-split-'))
    const db = openDatabase(join(dir, 'station.db'))
    try {
      seed(db)
      const ids = Array.from({ length: ORDERS }, (_, i) => i + 1)
      const limits = carrierLimits(db, 'ZTO')
      const items = planItemsOf(db, ids)
      let itemCount = 0
      let packages = 0
      for (const list of items.values()) {
        itemCount += list.length
        packages += list.length === 0 ? 1 : planPackages(list, limits).length
      }
      const pure: number[] = []
      const whole: number[] = []
      for (let run = 0; run < RUNS; run += 1) {
        let t0 = performance.now()
        for (const list of items.values()) planPackages(list, limits)
        pure.push(performance.now() - t0)
        t0 = performance.now()
        const read = planItemsOf(db, ids)
        const stored = carrierLimits(db, 'ZTO')
        for (const id of ids) planPackages(read.get(id) ?? [], stored)
        whole.push(performance.now() - t0)
      }
      const extra = { orders: ORDERS, items: itemCount, packages, runs: RUNS }
      report({
        name: 'split plan 5000 orders (planner)',
        value: round(median(pure)),
        unit: 'ms',
        ...extra
      })
      report({
        name: 'split plan 5000 orders (read + plan)',
        value: round(median(whole)),
        unit: 'ms',
        ...extra
      })
    } finally {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
    return Promise.resolve()
  }
}
