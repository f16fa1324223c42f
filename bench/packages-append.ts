/**
 * Batch append (批量追加, issue 11 item 10): pre-flight and commit of a 5000-row append sheet
 * against 1 000 000 shipped orders on a real SQLite file (targets: medians ≤ 500 ms each).
 * - pre-flight: every row of the parsed sheet checked against the database (the four set
 *   queries and A1's rules), what the preview does after reading the file;
 * - read + pre-flight: the whole preview of an .xlsx upload, for the record;
 * - commit: a fresh previewed batch each run (other orders, other numbers), re-checked and
 *   written in its one transaction: packages, outbox and audit rows.
 * WB_APPEND_BENCH_ORDERS overrides the order count (a quick look on a busy machine).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { CoreContext } from '../src/main/core/context'
import { openDatabase } from '../src/main/core/db/connection'
import { createFileStore } from '../src/main/core/files/file-store'
import { createFileLogger } from '../src/main/core/log'
import {
  commitAppendBatch,
  preflightBatch,
  previewAppendBatch
} from '../src/main/core/packages/append-batch'
import { readAppendSheet } from '../src/main/core/packages/append-batch-read'
import {
  appendNumber,
  DAY,
  seedShippedOrders,
  seededOrderId,
  writeSheet
} from '../test/support/append-batch-fixtures'
import { median, type Bench } from './harness'

const ORDERS = Number(process.env.WB_APPEND_BENCH_ORDERS ?? '1000000')
const ROWS = 5000
const RUNS = 5
const NOW = Date.UTC(2026, 10, 30, 4, 0, 0)
const HEADER = ['订单号', '快递公司', '运单号', '备注']
const round = (n: number): number => Math.round(n * 10) / 10

/** Run r's sheet: 5000 orders spread over the whole table, numbers no other run uses. */
function sheetRows(run: number): string[][] {
  return Array.from({ length: ROWS }, (_, k) => [
    seededOrderId((((run * ROWS + k) * 193 + run) % ORDERS) + 1),
    k % 2 === 0 ? '中通' : 'ZTO',
    appendNumber(run * ROWS + k),
    ''
  ])
}

export const packagesAppendBench: Bench = {
  name: 'packages',
  run: async (report) => {
    const dir = mkdtempSync(join(tmpdir(), 'wb-bench-append-'))
    const db = openDatabase(join(dir, 'waybill.sqlite'))
    const ctx: CoreContext = {
      db,
      now: () => NOW,
      actor: 'bench',
      station: 'bench',
      dataDir: dir,
      files: createFileStore(join(dir, 'tmp')),
      log: createFileLogger(null),
      emit: () => undefined
    }
    try {
      let t0 = performance.now()
      seedShippedOrders(db, ORDERS, { shippedAt: NOW - DAY })
      report({
        name: 'append seed orders',
        value: round(performance.now() - t0),
        unit: 'ms',
        orders: ORDERS
      })

      const preflight: number[] = []
      const preview: number[] = []
      const commit: number[] = []
      // CPU time beside wall time: on a shared, oversubscribed machine wall time mostly
      // measures waiting for a core; CPU time is what the work itself costs.
      const preflightCpu: number[] = []
      const commitCpu: number[] = []
      const cpuMs = (since: NodeJS.CpuUsage): number => {
        const used = process.cpuUsage(since)
        return (used.user + used.system) / 1000
      }
      let cpu = process.cpuUsage()
      for (let run = 0; run < RUNS; run += 1) {
        const file = join(dir, `append-${String(run)}.xlsx`)
        await writeSheet(file, HEADER, sheetRows(run))
        const sheet = await readAppendSheet(file)
        t0 = performance.now()
        cpu = process.cpuUsage()
        const checked = preflightBatch(db, sheet, sheet.rows, NOW)
        preflight.push(performance.now() - t0)
        preflightCpu.push(cpuMs(cpu))
        if (checked.accepted.length !== ROWS) {
          throw new Error(`run ${String(run)}: ${String(checked.refused.length)} rows refused`)
        }
        t0 = performance.now()
        const previewed = await previewAppendBatch(ctx, { path: file, name: 'bench.xlsx' })
        preview.push(performance.now() - t0)
        t0 = performance.now()
        cpu = process.cpuUsage()
        const done = commitAppendBatch(ctx, previewed.batchId ?? 0)
        commit.push(performance.now() - t0)
        commitCpu.push(cpuMs(cpu))
        if (done?.accepted !== ROWS) {
          throw new Error(`run ${String(run)}: commit wrote ${String(done?.accepted)} rows`)
        }
      }
      const extra = { orders: ORDERS, rows: ROWS, runs: RUNS }
      report({
        name: 'append 5000 rows pre-flight',
        value: round(median(preflight)),
        unit: 'ms',
        target: 500,
        ...extra
      })
      report({
        name: 'append 5000 rows commit',
        value: round(median(commit)),
        unit: 'ms',
        target: 500,
        ...extra
      })
      report({
        name: 'append 5000 rows pre-flight (cpu)',
        value: round(median(preflightCpu)),
        unit: 'ms',
        ...extra
      })
      report({
        name: 'append 5000 rows commit (cpu)',
        value: round(median(commitCpu)),
        unit: 'ms',
        ...extra
      })
      report({
        name: 'append 5000 rows read xlsx + pre-flight',
        value: round(median(preview)),
        unit: 'ms',
        ...extra
      })
    } finally {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
