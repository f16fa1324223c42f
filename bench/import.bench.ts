import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { peakRssMb } from './support/peak-rss'
import { createFileStore } from '../src/main/core/files/file-store'
import type { CoreContext } from '../src/main/core/context'
import { openDatabase } from '../src/main/core/db/connection'
import { commitImport, previewImport } from '../src/main/core/import'
import { median, type Bench } from './harness'

/**
 * Import from file to committed rows in a fresh temp-file database:
 * - a 5 000-row .xlsx, in process, median of 5 runs (target ≤ 1 s);
 * - a 100 000-row .csv, in a child process so its peak RSS is the import's own
 *   (VmHWM, see support/peak-rss.ts), median of 2 runs (targets ≤ 15 s, ≤ 400 MB).
 */

const XLSX_ROWS = 5_000
const CSV_ROWS = 100_000
const XLSX_RUNS = 5
const CSV_RUNS = 2
const CHILD_FLAG = 'WBS_IMPORT_BENCH_CHILD'

const HEADER = [
  '订单号',
  '收货人',
  '手机',
  '收货地址',
  '商品名称',
  'SKU',
  '数量',
  '重量(kg)',
  '备注',
  '下单时间'
]
const PLACES = [
  '浙江省 杭州市 西湖区 文三路',
  '北京 北京市 朝阳区 建国路',
  '广东省深圳市南山区科技园路',
  '上海市上海市浦东新区世纪大道',
  '四川 成都 武侯区 人民南路',
  '湖北省 仙桃市 干河街道 健康路'
]

/** Row i of the generated sheet: orders of 1–3 rows each, realistic Chinese content. */
function* generatedRows(count: number): Generator<string[]> {
  let produced = 0
  for (let order = 0; produced < count; order++) {
    const items = (order % 3) + 1
    for (let k = 0; k < items && produced < count; k++, produced++) {
      yield [
        `KS${String(100_000_000 + order)}`,
        `买家${String(order % 997)}`,
        `13${String(800_000_000 + ((order * 7919) % 199_999_999)).padStart(9, '0')}`,
        `${PLACES[order % PLACES.length] ?? ''}${String((order % 300) + 1)}号`,
        `商品${String(k + 1)} 保温杯 500ml`,
        `SKU-${String(k)}-${String(order % 50)}`,
        String((order % 4) + 1),
        '0.35',
        order % 10 === 0 ? '加急' : '',
        `2026-11-${String((order % 28) + 1).padStart(2, '0')} 10:${String(order % 60).padStart(2, '0')}:00`
      ]
    }
  }
}

async function writeXlsx(file: string, rows: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: false
  })
  const sheet = workbook.addWorksheet('订单')
  sheet.addRow(HEADER).commit()
  for (const row of generatedRows(rows)) {
    sheet.addRow(row).commit()
  }
  sheet.commit()
  await workbook.commit()
}

function writeCsv(file: string, rows: number): void {
  const lines = [HEADER.join(',')]
  for (const row of generatedRows(rows)) {
    lines.push(row.join(','))
  }
  writeFileSync(file, '\ufeff' + lines.join('\r\n') + '\r\n')
}

function context(dbFile: string): CoreContext {
  return {
    db: openDatabase(dbFile),
    now: Date.now,
    actor: 'bench',
    station: 'bench',
    dataDir: tmpdir(),
    files: createFileStore(join(tmpdir(), 'wbs-bench-files')),
    log: { info: () => undefined, error: () => undefined },
    emit: () => undefined
  }
}

/** One import, file to committed rows, in a fresh database. */
async function importOnce(
  file: string,
  dbFile: string
): Promise<{ seconds: number; commitSeconds: number; orders: number }> {
  const ctx = context(dbFile)
  try {
    const started = performance.now()
    const plan = await previewImport(ctx, { file })
    const committing = performance.now()
    const done = commitImport(ctx, plan)
    const seconds = (performance.now() - started) / 1000
    const commitSeconds = (performance.now() - committing) / 1000
    if (plan.preview.rejected.length > 0) {
      throw new Error(`bench data rejected: ${plan.preview.rejected[0]?.reason ?? ''}`)
    }
    return { seconds, commitSeconds, orders: done.accepted }
  } finally {
    ctx.db.close()
  }
}

function runChild(
  file: string,
  dbFile: string
): Promise<{ seconds: number; commitSeconds: number; orders: number; maxRssMb: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      env: { ...process.env, [CHILD_FLAG]: JSON.stringify({ file, dbFile }) },
      stdio: ['ignore', 'pipe', 'inherit']
    })
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) {
        reject(new Error(`import bench child exited with ${String(code)}`))
        return
      }
      resolve(
        JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
          seconds: number
          commitSeconds: number
          orders: number
          maxRssMb: number
        }
      )
    })
  })
}

export const importBench: Bench = {
  name: 'import',
  run: async (report) => {
    const dir = mkdtempSync(join(tmpdir(), 'wbs-import-bench-'))
    try {
      const xlsx = join(dir, 'orders-5k.xlsx')
      await writeXlsx(xlsx, XLSX_ROWS)
      const xlsxTimes: number[] = []
      let xlsxOrders = 0
      for (let run = 0; run < XLSX_RUNS; run++) {
        const r = await importOnce(xlsx, join(dir, `xlsx-${String(run)}.sqlite`))
        xlsxTimes.push(r.seconds)
        xlsxOrders = r.orders
      }
      report({
        name: 'import 5 000-row xlsx → committed',
        value: median(xlsxTimes),
        unit: 's',
        runs: xlsxTimes.length,
        orders: xlsxOrders,
        bytes: statSync(xlsx).size,
        target: '≤ 1 s'
      })

      const csv = join(dir, 'orders-100k.csv')
      writeCsv(csv, CSV_ROWS)
      const csvRuns: {
        seconds: number
        commitSeconds: number
        orders: number
        maxRssMb: number
      }[] = []
      for (let run = 0; run < CSV_RUNS; run++) {
        csvRuns.push(await runChild(csv, join(dir, `csv-${String(run)}.sqlite`)))
      }
      report({
        name: 'import 100 000-row csv → committed',
        value: median(csvRuns.map((r) => r.seconds)),
        unit: 's',
        runs: csvRuns.length,
        orders: csvRuns[0]?.orders ?? 0,
        bytes: statSync(csv).size,
        target: '≤ 15 s'
      })
      report({
        // The one synchronous transaction of invariant 6: the part of an import with no cancel.
        name: 'import 100 000-row csv, commit alone',
        value: median(csvRuns.map((r) => r.commitSeconds)),
        unit: 's',
        note: 'one transaction; preview before it streams with progress and cancel'
      })
      report({
        name: 'import 100 000-row csv peak RSS',
        value: Math.max(...csvRuns.map((r) => r.maxRssMb)),
        unit: 'MB',
        note: 'max over runs of the child process peak RSS (whole process: node + tsx + import)',
        target: '≤ 400 MB'
      })
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

// Child mode: one 100k import in a process of its own, so maxRSS measures only it.
const childJob = process.env[CHILD_FLAG]
if (childJob !== undefined) {
  const { file, dbFile } = JSON.parse(childJob) as { file: string; dbFile: string }
  void importOnce(file, dbFile).then((r) => {
    process.stdout.write(JSON.stringify({ ...r, maxRssMb: Math.round(peakRssMb()) }) + '\n')
  })
}
