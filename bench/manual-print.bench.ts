/**
 * Issue 5's bench. (1) A 5 000-order batch through the app's real print path (checkBatch →
 * allocateChunk → queueSink → print queue: record, render, encode, send, status) to a TSPL
 * printer on 127.0.0.1 that takes bytes instantly and answers status at once: time from print
 * start to the first label bytes at the printer, and software time per label (wall time until
 * the last label's bytes / labels). (2) Export of 100 000 printed rows to xlsx in a child
 * process: wall time and the child's peak RSS (VmHWM, see support/peak-rss.ts).
 *
 * The first run prints all 5 000; the next runs (fresh databases) stop after MP_BENCH_PARTIAL
 * labels, to keep the bench short: first-bytes is the median of all runs, per-label both the
 * full run's figure and the median over runs.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { type AddressInfo, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openCore, type Core } from '../src/main/core/app'
import { openDatabase, type WritableDB } from '../src/main/core/db/connection'
import { insertOrders, reverseText, type NewOrder } from '../src/main/core/db/orders-repo'
import { addPrinter } from '../src/main/core/db/printers-repo'
import { insertPool } from '../src/main/core/db/waybill-pools-repo'
import { queueSink } from '../src/main/core/manual-print/label-sink'
import { startPrintBatch } from '../src/main/core/manual-print/run-batch'
import { closePrinting } from '../src/main/core/printers/print-service'
import { expandRange } from '../src/main/core/waybills/pool-service'
import { type Bench, median } from './harness'
import { makeOrder, rng } from './support/order-data'

const ORDERS = Number(process.env.MP_BENCH_ORDERS ?? '5000')
const PARTIAL = Number(process.env.MP_BENCH_PARTIAL ?? '1000')
const RUNS = 3
const EXPORT_ROWS = Number(process.env.MP_BENCH_EXPORT_ROWS ?? '100000')
const BASE_TIME = Date.UTC(2026, 0, 1)
const round = (n: number): number => Math.round(n * 100) / 100

type InstantPrinter = {
  readonly uri: string
  /** performance.now() of the first byte, of each completed label (PRINT), in order. */
  readonly firstByteAt: () => number | null
  readonly labelsAt: number[]
  waitForLabels(count: number, timeoutMs: number): Promise<void>
  close(): Promise<void>
}

/**
 * A TSPL printer that never makes the host wait: it skips BITMAP data by its declared length,
 * counts PRINT commands as labels and answers `<ESC>!?` with 0 (ready) at once.
 */
async function startInstantPrinter(): Promise<InstantPrinter> {
  let firstByteAt: number | null = null
  const labelsAt: number[] = []
  let waiter: { count: number; resolve: () => void } | null = null
  const server = createServer((socket) => {
    socket.setNoDelay(true)
    let text = Buffer.alloc(0)
    let binary = 0
    socket.on('data', (chunk: Buffer) => {
      firstByteAt ??= performance.now()
      let data = chunk
      while (data.length > 0) {
        if (binary > 0) {
          const take = Math.min(binary, data.length)
          binary -= take
          data = data.subarray(take)
          continue
        }
        text = Buffer.concat([text, data])
        data = Buffer.alloc(0)
        for (;;) {
          if (text.length >= 3 && text[0] === 0x1b) {
            if (text[1] === 0x21 && text[2] === 0x3f) {
              socket.write(Buffer.from([0]))
            }
            text = text.subarray(3)
            continue
          }
          if (text.subarray(0, 7).toString('latin1') === 'BITMAP ') {
            let commas = 0
            let i = 0
            while (i < text.length && commas < 5) {
              if (text[i] === 0x2c) {
                commas++
              }
              i++
            }
            if (commas < 5) {
              break
            }
            const [, , wb, h] = text
              .subarray(7, i - 1)
              .toString('latin1')
              .split(',')
              .map(Number)
            binary = (wb ?? 0) * (h ?? 0)
            const rest = text.subarray(i)
            text = Buffer.alloc(0)
            data = rest
            break
          }
          const eol = text.indexOf(0x0a)
          if (eol < 0) {
            break
          }
          const line = text.subarray(0, eol).toString('latin1').trim()
          text = text.subarray(eol + 1)
          if (line.startsWith('PRINT')) {
            labelsAt.push(performance.now())
            if (waiter && labelsAt.length >= waiter.count) {
              waiter.resolve()
              waiter = null
            }
          }
        }
      }
    })
    socket.on('error', () => undefined)
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    uri: `tcp://127.0.0.1:${String(port)}`,
    firstByteAt: () => firstByteAt,
    labelsAt,
    waitForLabels: (count, timeoutMs) =>
      labelsAt.length >= count
        ? Promise.resolve()
        : new Promise((done, fail) => {
            const timer = setTimeout(() => {
              fail(
                new Error(`instant printer: ${String(labelsAt.length)} of ${String(count)} labels`)
              )
            }, timeoutMs)
            waiter = {
              count,
              resolve: () => {
                clearTimeout(timer)
                done()
              }
            }
          }),
    close: () =>
      new Promise((done) => {
        server.close(() => {
          done()
        })
      })
  }
}

function seedOrdersAndPool(db: WritableDB, count: number): void {
  const random = rng(42)
  for (let start = 0; start < count; start += 1000) {
    const batch: NewOrder[] = []
    for (let i = start; i < Math.min(count, start + 1000); i++) {
      batch.push(makeOrder(i, random, BASE_TIME))
    }
    insertOrders(db, batch)
  }
  const numbers = expandRange('73610000000001', count)
  if (!numbers.ok) {
    throw new Error(numbers.error.message)
  }
  insertPool(db, { carrier: 'ZTO', kind: 'range', label: 'bench', createdAt: 0 }, numbers.value)
}

type RunResult = { firstBytesMs: number; labels: number; msPerLabel: number }

async function printRun(full: boolean): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'wb-bench-mp-'))
  const printer = await startInstantPrinter()
  let core: Core | null = null
  try {
    core = openCore({ dataDir: dir, host: { host: 'browser', version: 'bench' } })
    const { ctx } = core
    seedOrdersAndPool(ctx.db, ORDERS)
    const row = addPrinter(
      ctx.db,
      {
        name: 'instant',
        uri: printer.uri,
        language: 'tspl',
        dpi: 203,
        labelSize: '76x130',
        darkness: 8,
        offsetXDots: 0,
        offsetYDots: 0
      },
      Date.now()
    )
    const orderIds = ctx.db
      .prepare<[], { id: number }>('SELECT id FROM orders ORDER BY created_at DESC, id DESC')
      .all()
      .map((r) => r.id)
    const want = full ? orderIds.length : Math.min(PARTIAL, orderIds.length)
    const started = performance.now()
    const batch = await startPrintBatch(ctx, queueSink(ctx), {
      orderIds,
      carrier: 'ZTO',
      template: '76x130',
      printerId: row.id,
      maskPrivacy: true
    })
    if (!batch.ok) {
      throw new Error(batch.error.message)
    }
    await printer.waitForLabels(want, 30 * 60_000)
    const last = printer.labelsAt[want - 1] ?? Number.NaN
    const first = printer.firstByteAt() ?? Number.NaN
    const done = await batch.value.finished
    if (done.error !== null) {
      throw new Error(done.error)
    }
    await closePrinting(ctx)
    return {
      firstBytesMs: first - started,
      labels: want,
      msPerLabel: (last - started) / want
    }
  } finally {
    core?.close()
    await printer.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

/** 100k printed packages (with items and a print record each) written straight through SQL. */
function seedPrinted(file: string, count: number): void {
  const db = openDatabase(file)
  const random = rng(7)
  const insertPackage = db.prepare(
    `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, tracking_number_rev, template,
       print_state, printed_at, created_at)
     VALUES (?, 1, 'first', 'ZTO', ?, ?, '76x130', 'printed', ?, ?)`
  )
  const insertItems = db.prepare(
    `INSERT INTO package_items (package_id, order_item_id, quantity)
     SELECT ?, id, quantity FROM order_items WHERE order_id = ?`
  )
  const insertRecord = db.prepare(
    `INSERT INTO print_records (package_id, tracking_number, printer, job_id, bytes_hash, state, created_at, updated_at)
     VALUES (?, ?, 'bench', 'job', 'x', 'confirmed', ?, ?)`
  )
  for (let start = 0; start < count; start += 5000) {
    const orders: NewOrder[] = []
    for (let i = start; i < Math.min(count, start + 5000); i++) {
      orders.push(makeOrder(i, random, BASE_TIME))
    }
    const ids = insertOrders(db, orders)
    db.transaction(() => {
      ids.forEach((orderId, k) => {
        const n = start + k
        const tracking = `7361${String(n + 1).padStart(10, '0')}`
        const printedAt = BASE_TIME + n * 500
        const packageId = Number(
          insertPackage.run(orderId, tracking, reverseText(tracking), printedAt, printedAt)
            .lastInsertRowid
        )
        insertItems.run(packageId, orderId)
        insertRecord.run(packageId, tracking, printedAt, printedAt)
      })
    })()
  }
  db.close()
}

export const manualPrintBench: Bench = {
  name: 'manual-print',
  async run(report) {
    const runs: RunResult[] = []
    for (let i = 0; i < RUNS; i++) {
      runs.push(await printRun(i === 0))
    }
    const full = runs[0]
    report({
      name: `print.first-label-bytes (${String(ORDERS)} orders)`,
      value: round(median(runs.map((r) => r.firstBytesMs))),
      unit: 'ms',
      runs: runs.map((r) => round(r.firstBytesMs)).join('/'),
      target: '<= 300'
    })
    report({
      name: `print.software-per-label (${String(ORDERS)} labels)`,
      value: round(full?.msPerLabel ?? Number.NaN),
      unit: 'ms',
      language: 'tspl',
      dpi: 203,
      size: '76x130',
      target: '<= 15'
    })
    report({
      name: 'print.software-per-label median of runs',
      value: round(median(runs.map((r) => r.msPerLabel))),
      unit: 'ms',
      runs: runs.map((r) => `${String(round(r.msPerLabel))}@${String(r.labels)}`).join('/'),
      target: '<= 15'
    })

    const dir = mkdtempSync(join(tmpdir(), 'wb-bench-mp-export-'))
    try {
      const file = join(dir, 'printed.sqlite')
      const seedStart = performance.now()
      seedPrinted(file, EXPORT_ROWS)
      const seedMs = performance.now() - seedStart
      const out = join(dir, 'printed.xlsx')
      const child = spawnSync(
        process.execPath,
        [
          '--import',
          'tsx',
          resolve(__dirname, '../test/support/manual-print-export-child.ts'),
          file,
          out
        ],
        { encoding: 'utf8', cwd: resolve(__dirname, '..') }
      )
      if (child.status !== 0) {
        throw new Error(`export child failed: ${child.stderr}`)
      }
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
        rows: number
        ms: number
        maxRssMb: number
      }
      if (result.rows !== EXPORT_ROWS) {
        throw new Error(`exported ${String(result.rows)} rows, expected ${String(EXPORT_ROWS)}`)
      }
      report({
        name: `export.xlsx ${String(EXPORT_ROWS)} rows`,
        value: round(result.ms / 1000),
        unit: 's',
        bytes: statSync(out).size,
        seed_s: round(seedMs / 1000),
        target: '<= 10'
      })
      report({
        name: `export.xlsx ${String(EXPORT_ROWS)} rows peak RSS`,
        value: round(result.maxRssMb),
        unit: 'MB',
        target: '<= 400'
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
