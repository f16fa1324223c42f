/**
 * Batch append (批量追加, issue 11 item 6) against a real SQLite file holding 200 000 shipped
 * orders: a 5000-row sheet accepted and committed in one transaction; a 5001-row sheet refused
 * whole (APPEND_BATCH_MAX_5000) and taken in parts on request; every refusal kind with its
 * sheet row number, from a GBK csv with carrier aliases; the refused sheet downloaded, read back,
 * fixed and uploaded again; and a SIGKILL inside the commit leaving none of the batch.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import type { Core } from '../../../src/main/core/app'
import type { WritableDB } from '../../../src/main/core/db/connection'
import { insertPackage } from '../../../src/main/core/db/packages-repo'
import type { AppendBatchRefusal } from '../../../src/shared/api/append-batch'
import { runCli } from '../../../src/main/cli/cli'
import {
  appendNumber,
  DAY,
  firstNumberOf,
  seedShippedOrders,
  seededOrderId,
  writeSheet
} from '../../support/append-batch-fixtures'
import {
  callErr,
  callOk,
  countRowsOf,
  makeTempDir,
  openTestCore,
  type TestCore
} from '../../support/core-fixtures'
import { bundleChild, spawnChild, type Bundle } from '../../support/manual-print-spawn'

/**
 * The core's clock, an hour behind the real one: the CLI (which runs on the real clock) then
 * sees SP-EDGE's last allowed moment as an hour gone, deterministically.
 */
const NOW = Date.now() - 3_600_000
const ORDERS = 200_000
const HEADER = ['订单号', '快递公司', '运单号', '备注'] as const

let tc: TestCore
let core: Core
let db: WritableDB
let temp: ReturnType<typeof makeTempDir>

type Special = {
  readonly status?: 'pending' | 'partially_shipped' | 'shipped' | 'closed'
  readonly refund?: 'none' | 'requested'
  readonly shippedAt?: number | null
  readonly items?: readonly (readonly [quantity: number, shipped: number])[]
  readonly firstNumber?: string
  readonly appended?: readonly string[]
}

/** One hand-made order with exactly the facts a refusal needs. */
function addOrder(platformOrderId: string, s: Special = {}): number {
  const shippedAt = s.shippedAt === undefined ? NOW - DAY : s.shippedAt
  const info = db
    .prepare(
      `INSERT INTO orders (shop_id, platform_order_id, status, refund_state, receiver_name, receiver_phone,
         receiver_phone_rev, province, city, district, address_detail, created_at, shipped_at, updated_at)
       VALUES (1, ?, ?, ?, '赵六', '13700000000', '00000000731', '浙江省', '杭州市', '西湖区', '一号', ?, ?, ?)`
    )
    .run(platformOrderId, s.status ?? 'shipped', s.refund ?? 'none', NOW - 40 * DAY, shippedAt, NOW)
  const orderId = Number(info.lastInsertRowid)
  ;(s.items ?? [[1, 1]]).forEach(([quantity, shipped], i) => {
    db.prepare(
      `INSERT INTO order_items (order_id, line_no, sku, title, quantity, quantity_shipped)
       VALUES (?, ?, 'SK', '袜子', ?, ?)`
    ).run(orderId, i + 1, quantity, shipped)
  })
  if (s.firstNumber !== undefined) {
    insertPackage(db, {
      orderId,
      sequence: 1,
      role: 'first',
      carrier: 'ZTO',
      trackingNumber: s.firstNumber,
      template: null,
      createdAt: NOW - 2 * DAY
    })
  }
  ;(s.appended ?? []).forEach((n, i) => {
    insertPackage(db, {
      orderId,
      sequence: i + 2,
      role: 'appended',
      carrier: 'ZTO',
      trackingNumber: n,
      template: null,
      createdAt: NOW - DAY
    })
  })
  return orderId
}

async function upload(file: string): Promise<string> {
  const stored = await core.ctx.files.put(file.split('/').pop() ?? 'sheet', [readFileSync(file)])
  return stored.fileId
}

function appendedCount(): number {
  return (
    db
      .prepare<[], { n: number }>(`SELECT count(*) AS n FROM packages WHERE role = 'appended'`)
      .get()?.n ?? 0
  )
}

function appendOutbox(): number {
  return (
    db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM outbox WHERE kind = 'append_package' AND lane = 'appended'`
      )
      .get()?.n ?? 0
  )
}

beforeAll(() => {
  tc = openTestCore({ now: () => NOW })
  core = tc.core
  db = core.ctx.db
  temp = makeTempDir('wb-append-batch-')
  seedShippedOrders(db, ORDERS, { shippedAt: NOW - DAY })
})

afterAll(() => {
  tc.dispose()
  temp.remove()
})

describe('a 5000-row batch against 200 000 orders', () => {
  test('is accepted, committed in one go, and a second commit writes nothing', async () => {
    const rows = Array.from({ length: 5000 }, (_, k) => [
      seededOrderId(((k * 37) % ORDERS) + 1),
      k % 3 === 0 ? '中通' : k % 3 === 1 ? '中通快递' : 'ZTO',
      appendNumber(100_000 + k),
      k % 10 === 0 ? '补发' : ''
    ])
    const file = join(temp.dir, 'five-thousand.xlsx')
    await writeSheet(file, HEADER, rows)
    const before = appendedCount()

    let started = performance.now()
    const preview = await callOk(core, 'packages.appendBatchPreview', {
      fileId: await upload(file)
    })
    const previewMs = performance.now() - started
    expect(preview).toMatchObject({ rows: 5000, accepted: 5000, tooBig: null, part: 1, parts: 1 })
    expect(preview.refused).toEqual([])
    expect(appendedCount()).toBe(before)
    const batchId = preview.batchId ?? 0

    started = performance.now()
    const done = await callOk(core, 'packages.appendBatchCommit', { batchId })
    const commitMs = performance.now() - started
    expect(done).toMatchObject({ accepted: 5000, refused: [], alreadyCommitted: false })
    expect(appendedCount()).toBe(before + 5000)
    expect(appendOutbox()).toBe(5000)
    // Each package follows its order's first package, with the carrier code the alias named.
    const sample = db
      .prepare<[string], { sequence: number; carrier: string }>(
        `SELECT p.sequence, p.carrier FROM packages p JOIN orders o ON o.id = p.order_id
         WHERE o.platform_order_id = ? AND p.role = 'appended'`
      )
      .all(seededOrderId(1))
    expect(sample).toEqual([{ sequence: 2, carrier: 'ZTO' }])
    // Written by the single append's own functions: shipped, waiting for sync, same outbox key.
    const states = db
      .prepare<[], { ship: string; sync: string; n: number }>(
        `SELECT ship_state AS ship, sync_state AS sync, count(*) AS n FROM packages
         WHERE role = 'appended' GROUP BY 1, 2`
      )
      .all()
    expect(states).toEqual([{ ship: 'shipped', sync: 'pending', n: before + 5000 }])
    const key = db
      .prepare<[], { k: string }>(
        `SELECT idempotency_key AS k FROM outbox WHERE kind = 'append_package' ORDER BY id LIMIT 1`
      )
      .get()?.k
    expect(key).toMatch(/^append:1:AB\d{9}:ZTO:7362\d{10}$/)
    process.stdout.write(
      `append-batch 5000 rows @200k orders: read+preflight ${previewMs.toFixed(0)} ms, commit ${commitMs.toFixed(0)} ms\n`
    )

    const again = await callOk(core, 'packages.appendBatchCommit', { batchId })
    expect(again).toMatchObject({ accepted: 5000, alreadyCommitted: true })
    expect(appendedCount()).toBe(before + 5000)
    const listed = await callOk(core, 'packages.appendBatches', {})
    expect(listed.batches[0]).toMatchObject({
      id: batchId,
      state: 'committed',
      rows: 5000,
      accepted: 5000
    })
  })

  test('5001 rows are refused whole with APPEND_BATCH_MAX_5000, and taken as two parts on request', async () => {
    const rows = Array.from({ length: 5001 }, (_, k) => [
      seededOrderId(((k * 41) % ORDERS) + 1),
      '中通',
      appendNumber(200_000 + k),
      ''
    ])
    const file = join(temp.dir, 'five-thousand-one.csv')
    await writeSheet(file, HEADER, rows, 'csv-utf8-bom')
    const fileId = await upload(file)
    const batchesBefore = countRowsOf(db, 'append_batches')

    const whole = await callOk(core, 'packages.appendBatchPreview', { fileId })
    expect(whole.batchId).toBeNull()
    expect(whole.tooBig).toMatchObject({
      rule: 'APPEND_BATCH_MAX_5000',
      rows: 5001,
      max: 5000,
      parts: 2
    })
    expect(whole.tooBig?.params).toMatchObject({ max: 5000, count: 5001 })
    expect(countRowsOf(db, 'append_batches')).toBe(batchesBefore)

    const second = await callOk(core, 'packages.appendBatchPreview', { fileId, part: 2 })
    expect(second).toMatchObject({ rows: 1, accepted: 1, part: 2, parts: 2, tooBig: null })
    const first = await callOk(core, 'packages.appendBatchPreview', { fileId, part: 1 })
    expect(first).toMatchObject({ rows: 5000, accepted: 5000, part: 1, parts: 2 })
    const err = await callErr(core, 'packages.appendBatchPreview', { fileId, part: 3 })
    expect(err.code).toBe('VALIDATION')
  })
})

describe('every refusal, with its sheet row', () => {
  let refused: AppendBatchRefusal[] = []
  let batchId = 0
  let file = ''

  beforeAll(async () => {
    addOrder('SP-OK', { firstNumber: '73619000000001' })
    addOrder('SP-OK2', { firstNumber: '73619000000002' })
    addOrder('SP-CLOSED', { status: 'closed', firstNumber: '73619000000003' })
    addOrder('SP-PENDING', { status: 'pending', shippedAt: null, items: [[1, 0]] })
    addOrder('SP-PARTLY', {
      status: 'shipped',
      items: [
        [2, 2],
        [1, 0]
      ],
      firstNumber: '73619000000004'
    })
    addOrder('SP-REFUND', { refund: 'requested', firstNumber: '73619000000005' })
    addOrder('SP-LATE', { shippedAt: NOW - 30 * DAY - 1, firstNumber: '73619000000006' })
    addOrder('SP-EDGE', { shippedAt: NOW - 30 * DAY, firstNumber: '73619000000007' })
    addOrder('SP-19', {
      firstNumber: '73619000000008',
      appended: Array.from({ length: 19 }, (_, i) => `736300000000${String(i + 10)}`)
    })
    const rows: string[][] = [
      ['SP-OK', '中通', appendNumber(1), ''], // 2 accepted
      ['', '中通', appendNumber(2), ''], // 3 order_missing
      ['SP-OK', '', appendNumber(3), ''], // 4 carrier_missing
      ['SP-OK', '中通', '', ''], // 5 number_missing
      ['SP-OK', '火星快递', appendNumber(4), ''], // 6 unknown_carrier
      ['SP-OK', '中通', 'ABC123', ''], // 7 number_pattern
      ['SP-OK2', '中通快递', appendNumber(1), ''], // 8 number_twice_in_sheet (row 2)
      ['NOPE-1', 'ZTO', appendNumber(5), ''], // 9 unknown_order
      ['SP-CLOSED', 'zto', appendNumber(6), ''], // 10 APPEND_AFTER_FULL_SHIP (closed)
      ['SP-PENDING', '中通', appendNumber(7), ''], // 11 APPEND_AFTER_FULL_SHIP
      ['SP-PARTLY', '中通', appendNumber(8), ''], // 12 APPEND_AFTER_FULL_SHIP (by quantities)
      ['SP-REFUND', '中通', appendNumber(9), ''], // 13 after-sales in progress
      ['SP-LATE', '中通', appendNumber(10), ''], // 14 APPEND_WINDOW_30D
      ['SP-EDGE', '中通', appendNumber(11), '第 30 天'], // 15 accepted: the last ms
      ['SP-19', '中通', appendNumber(12), ''], // 16 accepted: the 20th
      ['SP-19', '中通', appendNumber(13), ''], // 17 APPEND_MAX_20 (counts row 16)
      ['SP-OK', '中通', '73619000000001', ''], // 18 first-shipment number
      ['SP-OK', '中通', firstNumberOf(5), ''], // 19 number on another order's package
      ['SP-19', '中通', '73630000000010', ''], // 20 already appended to this order
      ['SP-OK', '圆通', 'YT8962646785389', ''], // 21 accepted: alias 圆通 → YTO
      ['SP-OK2', '中通快递', appendNumber(22), ''] // 22 accepted
    ]
    file = join(temp.dir, 'refusals-gbk.csv')
    await writeSheet(file, HEADER, rows, 'csv-gbk')
    const preview = await callOk(core, 'packages.appendBatchPreview', {
      fileId: await upload(file)
    })
    refused = preview.refused
    batchId = preview.batchId ?? 0
    expect(preview.rows).toBe(21)
    expect(preview.accepted).toBe(5)
  })

  test('each refused row names its row, column, rule and reason', () => {
    const byRow = Object.fromEntries(
      refused.map((r) => [r.row, { column: r.column, rule: r.rule, reason: r.reason }])
    )
    expect(byRow).toEqual({
      3: { column: '订单号', rule: null, reason: 'order_missing' },
      4: { column: '快递公司', rule: null, reason: 'carrier_missing' },
      5: { column: '运单号', rule: null, reason: 'number_missing' },
      6: { column: '快递公司', rule: null, reason: 'unknown_carrier' },
      7: { column: '运单号', rule: null, reason: 'number_pattern' },
      8: { column: '运单号', rule: null, reason: 'number_twice_in_sheet' },
      9: { column: '订单号', rule: null, reason: 'unknown_order' },
      10: { column: '订单号', rule: 'APPEND_AFTER_FULL_SHIP', reason: 'rule' },
      11: { column: '订单号', rule: 'APPEND_AFTER_FULL_SHIP', reason: 'rule' },
      12: { column: '订单号', rule: 'APPEND_AFTER_FULL_SHIP', reason: 'rule' },
      13: { column: '订单号', rule: 'AFTERSALES_WHOLE_ORDER', reason: 'rule' },
      14: { column: '订单号', rule: 'APPEND_WINDOW_30D', reason: 'rule' },
      17: { column: '订单号', rule: 'APPEND_MAX_20', reason: 'rule' },
      18: { column: '运单号', rule: 'FIRST_SHIPMENT_COUNTS', reason: 'first_shipment_number' },
      19: { column: '运单号', rule: null, reason: 'number_on_other_package' },
      20: { column: '运单号', rule: null, reason: 'number_already_appended' }
    })
    expect(refused.find((r) => r.row === 8)?.params).toMatchObject({ firstRow: 2 })
    expect(refused.find((r) => r.row === 12)?.params).toMatchObject({ quantity: 3, shipped: 2 })
    expect(refused.find((r) => r.row === 17)?.params).toMatchObject({ max: 20, count: 20 })
  })

  test('the refused sheet reads back with a reason column, and fixed rows are accepted on re-upload', async () => {
    const sheet = await callOk(core, 'packages.appendBatchRefusedSheet', { batchId })
    expect(sheet.rows).toBe(16)
    const stored = await core.ctx.files.get(sheet.fileId)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(stored?.path ?? '')
    const ws = workbook.worksheets[0]
    if (!ws) {
      throw new Error('no sheet')
    }
    const text = (r: number, c: number) => ws.getRow(r).getCell(c).text
    expect([1, 2, 3, 4, 5].map((c) => text(1, c))).toEqual([...HEADER, '原因'])
    expect(ws.rowCount).toBe(17)
    // Row order follows the sheet; the first refused row was sheet row 3 (no order number).
    expect(text(2, 5)).toContain('订单号为空')
    expect(text(9, 1)).toBe('SP-CLOSED')
    expect(text(9, 5)).toContain('已关闭')

    // Fix three rows the way a packer would, keep the 原因 column, upload again.
    ws.getRow(2).getCell(1).value = 'SP-OK2' // order number filled in
    ws.getRow(3).getCell(2).value = '中通快递' // carrier filled in
    ws.getRow(5).getCell(2).value = 'ZTO' // carrier corrected
    const fixed = join(temp.dir, 'fixed.xlsx')
    await workbook.xlsx.writeFile(fixed)
    const again = await callOk(core, 'packages.appendBatchPreview', { fileId: await upload(fixed) })
    expect(again.rows).toBe(16)
    // The three fixed rows, and two that were refused only because of rows of the first sheet
    // that are not in this one (never committed): the repeated number (row 8 then) and SP-19's
    // 21st append (row 17 then), now its 20th.
    expect(again.accepted).toBe(5)
    const still = again.refused.map((r) => r.row)
    for (const fixedRow of [2, 3, 5]) {
      expect(still).not.toContain(fixedRow)
    }
    expect(still).toContain(4)
    expect(again.refused.find((r) => r.row === 9)?.rule).toBe('APPEND_AFTER_FULL_SHIP')
  })

  test('the CLI prints the same refusals and exits 0', async () => {
    const out: string[] = []
    const code = await runCli(
      ['packages', 'append', '--file', file, '--dry-run', '--json', '--data-dir', tc.dataDir],
      { out: (t) => out.push(t), err: (t) => out.push(t), env: {} }
    )
    expect(code).toBe(0)
    const result = JSON.parse(out.join('')) as {
      accepted: number
      rejected: { row: number; rule: string | null; reason: string }[]
    }
    // The CLI runs on the real clock, an hour after the core's: SP-EDGE's window has closed.
    expect(result.accepted).toBe(4)
    expect(result.rejected.find((r) => r.row === 15)).toMatchObject({ rule: 'APPEND_WINDOW_30D' })
    expect(result.rejected.find((r) => r.row === 14)).toMatchObject({ rule: 'APPEND_WINDOW_30D' })
    expect(result.rejected.find((r) => r.row === 14)?.reason).toMatch(/30 days/)
  })
})

describe('a SIGKILL inside the batch commit', () => {
  let bundle: Bundle
  beforeAll(() => {
    bundle = bundleChild('test/support/append-batch-crash-child.ts')
  })
  afterAll(() => {
    bundle.remove()
  })

  test('leaves none of the batch, wherever it lands; the next commit writes all of it', async () => {
    const rows = Array.from({ length: 300 }, (_, k) => [
      seededOrderId(150_000 + k),
      '中通',
      appendNumber(300_000 + k),
      ''
    ])
    const file = join(temp.dir, 'crash.xlsx')
    await writeSheet(file, HEADER, rows)
    const preview = await callOk(core, 'packages.appendBatchPreview', {
      fileId: await upload(file)
    })
    expect(preview.accepted).toBe(300)
    const batchId = String(preview.batchId)
    const packagesBefore = appendedCount()
    const outboxBefore = appendOutbox()
    const auditBefore = countRowsOf(db, 'audit_events')

    for (const at of [
      'INSERT INTO packages:1',
      'INSERT INTO outbox:150',
      'INSERT INTO audit_events:300',
      'UPDATE append_batches:1'
    ]) {
      const child = spawnChild(bundle, [tc.dataDir, batchId, String(NOW)], { APPEND_KILL_AT: at })
      await child.waitFor('kill ')
      const exit = await child.exited
      expect(exit.signal).toBe('SIGKILL')
      expect(appendedCount()).toBe(packagesBefore)
      expect(appendOutbox()).toBe(outboxBefore)
      expect(countRowsOf(db, 'audit_events')).toBe(auditBefore)
      const state = db
        .prepare<[number], { state: string }>('SELECT state FROM append_batches WHERE id = ?')
        .get(Number(batchId))
      expect(state?.state).toBe('previewed')
    }

    const child = spawnChild(bundle, [tc.dataDir, batchId, String(NOW)])
    expect(await child.waitFor('done ')).toBe('done {"accepted":300}')
    await child.exited
    expect(appendedCount()).toBe(packagesBefore + 300)
    expect(appendOutbox()).toBe(outboxBefore + 300)
  })
})
