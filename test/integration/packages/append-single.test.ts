/**
 * 追加包裹, one package (issue 11 item 5), through the contract on a real SQLite file: the
 * pre-flight, the append with its audit event and outbox entry, the same number twice being one
 * package, numbers held elsewhere refused, the rules at their boundaries with the stored limits,
 * 取号并打印 onto a virtual TCP printer, and the CLI through its real entry.
 */
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import { openCore } from '../../../src/main/core/app'
import type { WritableDB } from '../../../src/main/core/db/connection'
import { insertPackage } from '../../../src/main/core/db/packages-repo'
import { queueFor } from '../../../src/main/core/printers/print-service'
import { RULES } from '../../../src/shared/rules'
import { ruleWords } from '../../../src/shared/rule-words'
import {
  callErr,
  callOk,
  countRowsOf,
  makeTempDir,
  openTestCore,
  type TestCore
} from '../../support/core-fixtures'
import { addTcpPrinter, seedPool } from '../../support/manual-print-fixtures'
import { readWithZxing } from '../../support/printing-barcode-reader'
import { startVirtualPrinter } from '../../support/virtual-printer'

const DAY = 86_400_000
const SHIPPED_AT = Date.UTC(2026, 9, 31, 6, 3, 5)
const DEADLINE = SHIPPED_AT + 30 * DAY

let clock = SHIPPED_AT + DAY
let tc: TestCore
let db: WritableDB

type OrderFacts = {
  readonly status?: 'pending' | 'partially_shipped' | 'shipped' | 'closed'
  readonly refund?: 'none' | 'requested'
  readonly shippedAt?: number | null
  readonly items?: readonly (readonly [quantity: number, shipped: number])[]
  readonly firstNumber?: string
}

/** An order with exactly the facts a test needs (status and quantities set independently). */
function addOrder(db: WritableDB, platformOrderId: string, f: OrderFacts = {}): number {
  const info = db
    .prepare(
      `INSERT INTO orders (shop_id, platform_order_id, status, refund_state, receiver_name, receiver_phone,
         receiver_phone_rev, province, city, district, address_detail, created_at, shipped_at, updated_at)
       VALUES (1, ?, ?, ?, '赵六', '13700000000', '00000000731', '浙江省', '杭州市', '西湖区', '文三路 1 号', ?, ?, ?)`
    )
    .run(
      platformOrderId,
      f.status ?? 'shipped',
      f.refund ?? 'none',
      SHIPPED_AT - DAY,
      f.shippedAt === undefined ? SHIPPED_AT : f.shippedAt,
      SHIPPED_AT
    )
  const orderId = Number(info.lastInsertRowid)
  ;(f.items ?? [[2, 2]]).forEach(([quantity, shipped], i) => {
    db.prepare(
      `INSERT INTO order_items (order_id, line_no, sku, title, quantity, quantity_shipped)
       VALUES (?, ?, 'SK-1', '运动袜 三双装', ?, ?)`
    ).run(orderId, i + 1, quantity, shipped)
  })
  if (f.firstNumber !== undefined) {
    const id = insertPackage(db, {
      orderId,
      sequence: 1,
      role: 'first',
      carrier: 'ZTO',
      trackingNumber: f.firstNumber,
      template: null,
      createdAt: SHIPPED_AT
    })
    db.prepare(
      `UPDATE packages SET print_state = 'printed', ship_state = 'shipped' WHERE id = ?`
    ).run(id)
  }
  return orderId
}

function outboxRows(): { idempotency_key: string; lane: string; payload: string }[] {
  return db
    .prepare<[], { idempotency_key: string; lane: string; payload: string }>(
      `SELECT idempotency_key, lane, payload FROM outbox WHERE kind = 'append_package' ORDER BY id`
    )
    .all()
}

function auditActions(orderId: number): string[] {
  return db
    .prepare<[number], { action: string }>(
      `SELECT action FROM audit_events WHERE entity = 'order' AND entity_id = ? ORDER BY id`
    )
    .all(orderId)
    .map((r) => r.action)
}

beforeEach(() => {
  clock = SHIPPED_AT + DAY
  tc = openTestCore({ now: () => clock })
  db = tc.core.db
})
afterEach(() => {
  tc.dispose()
})

describe('append one package', () => {
  test('pre-flight shows the facts, the append writes package, audit and one outbox entry', async () => {
    const orderId = addOrder(db, 'KS-1001', { firstNumber: '73610000009999' })
    const pre = await callOk(tc.core, 'packages.preflightAppend', {
      orderId: 'KS-1001',
      carrier: '中通',
      trackingNumber: '73610555582883'
    })
    expect(pre).toMatchObject({
      order: { id: orderId, platformOrderId: 'KS-1001', platform: 'manual' },
      refusal: null,
      deadlineMs: DEADLINE,
      appendedCount: 0,
      appendMax: 20,
      carrier: 'ZTO',
      numberProblem: null,
      alreadyAppended: null,
      canAppend: true
    })

    const done = await callOk(tc.core, 'packages.append', {
      orderId: 'KS-1001',
      carrier: '中通快递',
      trackingNumber: '73610555582883'
    })
    expect(done).toMatchObject({ orderId, sequence: 2, carrier: 'ZTO', duplicate: false })
    const row = db
      .prepare<[number], Record<string, unknown>>(
        'SELECT role, sequence, carrier, tracking_number, ship_state, shipped_at, sync_state FROM packages WHERE id = ?'
      )
      .get(done.packageId)
    expect(row).toEqual({
      role: 'appended',
      sequence: 2,
      carrier: 'ZTO',
      tracking_number: '73610555582883',
      ship_state: 'shipped',
      shipped_at: clock,
      sync_state: 'pending'
    })
    const [entry, ...more] = outboxRows()
    expect(more).toEqual([])
    expect(entry?.lane).toBe('appended')
    expect(entry?.idempotency_key).toBe('append:1:KS-1001:ZTO:73610555582883')
    expect(JSON.parse(entry?.payload ?? '{}')).toMatchObject({
      packageId: done.packageId,
      kuaishou: { oid: 'KS-1001', expressCode: 9, expressNo: '73610555582883' },
      taobao: { tid: 'KS-1001', companyCode: 'ZTO', outSid: '73610555582883' }
    })
    expect(auditActions(orderId)).toEqual(['package.appended'])

    const view = await callOk(tc.core, 'packages.forOrder', { orderId: 'KS-1001' })
    expect(view.appendedCount).toBe(1)
    expect(view.deadlineMs).toBe(DEADLINE)
    expect(view.packages.map((p) => [p.sequence, p.role, p.trackingNumber])).toEqual([
      [1, 'first', '73610000009999'],
      [2, 'appended', '73610555582883']
    ])
  })

  test('the same number twice is one package, said so; no second outbox entry or audit', async () => {
    const orderId = addOrder(db, 'KS-1002')
    const input = { orderId: 'KS-1002', carrier: 'ZTO', trackingNumber: '73610555582884' }
    const first = await callOk(tc.core, 'packages.append', input)
    const again = await callOk(tc.core, 'packages.append', { ...input, carrier: '中通' })
    expect(again).toEqual({ ...first, duplicate: true })
    expect(countRowsOf(db, 'packages')).toBe(1)
    expect(outboxRows()).toHaveLength(1)
    expect(auditActions(orderId)).toEqual(['package.appended'])
    const pre = await callOk(tc.core, 'packages.preflightAppend', input)
    expect(pre).toMatchObject({ alreadyAppended: first.packageId, canAppend: false })
  })

  test('a number on another package, or the order’s own first number, is refused and writes nothing', async () => {
    addOrder(db, 'KS-2001', { firstNumber: '73610000000111' })
    addOrder(db, 'KS-2002', { firstNumber: '73610000000222' })
    const other = await callErr(tc.core, 'packages.append', {
      orderId: 'KS-2001',
      carrier: 'ZTO',
      trackingNumber: '73610000000222'
    })
    expect(other.code).toBe('CONFLICT')
    expect(other.details).toMatchObject({ code: 'number_on_other_package' })
    const own = await callErr(tc.core, 'packages.append', {
      orderId: 'KS-2001',
      carrier: 'ZTO',
      trackingNumber: '73610000000111'
    })
    expect(own.details).toMatchObject({ rule: RULES.FIRST_SHIPMENT_COUNTS })
    const pattern = await callErr(tc.core, 'packages.append', {
      orderId: 'KS-2001',
      carrier: 'ZTO',
      trackingNumber: 'SF1385628716739'
    })
    expect(pattern.details?.issues?.[0]?.code).toBe('number_pattern')
    const carrier = await callOk(tc.core, 'packages.preflightAppend', {
      orderId: 'KS-2001',
      carrier: '不存在快递'
    })
    expect(carrier.numberProblem).toBe('unknown_carrier')
    expect(
      await callErr(tc.core, 'packages.append', {
        orderId: 'NOPE',
        carrier: 'ZTO',
        trackingNumber: '73610555580000'
      })
    ).toMatchObject({ code: 'NOT_FOUND' })
    expect(countRowsOf(db, 'packages')).toBe(2)
    expect(outboxRows()).toEqual([])
  })

  test('fully shipped is read from quantities: status 已发货 with a short line is refused', async () => {
    addOrder(db, 'KS-3001', {
      status: 'shipped',
      items: [
        [2, 2],
        [3, 1]
      ]
    })
    const pre = await callOk(tc.core, 'packages.preflightAppend', { orderId: 'KS-3001' })
    expect(pre.refusal).toEqual({
      rule: RULES.APPEND_AFTER_FULL_SHIP,
      params: { quantity: 5, shipped: 3 }
    })
    const refused = await callErr(tc.core, 'packages.append', {
      orderId: 'KS-3001',
      carrier: 'ZTO',
      trackingNumber: '73610555583001'
    })
    expect(refused.code).toBe('RULE_VIOLATION')
    expect(refused.message).toContain(RULES.APPEND_AFTER_FULL_SHIP)
    addOrder(db, 'KS-3002', { status: 'pending', shippedAt: null, items: [[1, 0]] })
    addOrder(db, 'KS-3003', { status: 'closed' })
    addOrder(db, 'KS-3004', { refund: 'requested' })
    for (const [id, rule] of [
      ['KS-3002', RULES.APPEND_AFTER_FULL_SHIP],
      ['KS-3003', RULES.APPEND_AFTER_FULL_SHIP],
      ['KS-3004', RULES.AFTERSALES_WHOLE_ORDER]
    ] as const) {
      expect(
        (await callOk(tc.core, 'packages.preflightAppend', { orderId: id })).refusal?.rule
      ).toBe(rule)
    }
    expect(countRowsOf(db, 'packages')).toBe(0)
  })

  test('the 30-day window: allowed at the deadline ms, refused one ms later', async () => {
    addOrder(db, 'KS-4001')
    clock = DEADLINE + 1
    const late = await callErr(tc.core, 'packages.append', {
      orderId: 'KS-4001',
      carrier: 'ZTO',
      trackingNumber: '73610555584001'
    })
    expect(late.details).toMatchObject({
      rule: RULES.APPEND_WINDOW_30D,
      params: { deadlineMs: DEADLINE }
    })
    expect(late.message).toContain('2026-11-30 14:03:05')
    // The words tell the station's own time, whatever zone the machine is in.
    db.prepare(
      `INSERT OR REPLACE INTO settings (key, value) VALUES ('station.timeZone', 'Europe/Berlin')`
    ).run()
    const berlin = await callOk(tc.core, 'packages.preflightAppend', { orderId: 'KS-4001' })
    expect(berlin.refusal?.params).toMatchObject({ timeZone: 'Europe/Berlin' })
    expect(ruleWords(RULES.APPEND_WINDOW_30D, berlin.refusal?.params ?? {}, 'zh-CN')).toContain(
      '截止 2026-11-30 07:03:05'
    )
    clock = DEADLINE
    const onTime = await callOk(tc.core, 'packages.append', {
      orderId: 'KS-4001',
      carrier: 'ZTO',
      trackingNumber: '73610555584001'
    })
    expect(onTime.duplicate).toBe(false)
  })

  test('the 20th append is taken, the 21st refused; the maximum is the stored platform limit', async () => {
    addOrder(db, 'KS-5001')
    for (let k = 0; k < 20; k += 1) {
      await callOk(tc.core, 'packages.append', {
        orderId: 'KS-5001',
        carrier: 'ZTO',
        trackingNumber: `7361055559${String(1000 + k)}`
      })
    }
    const refused = await callErr(tc.core, 'packages.append', {
      orderId: 'KS-5001',
      carrier: 'ZTO',
      trackingNumber: '73610555592000'
    })
    expect(refused.details).toMatchObject({
      rule: RULES.APPEND_MAX_20,
      params: { max: 20, count: 20 }
    })
    db.prepare(`UPDATE platform_limits SET append_max = 21 WHERE platform = 'manual'`).run()
    await callOk(tc.core, 'packages.append', {
      orderId: 'KS-5001',
      carrier: 'ZTO',
      trackingNumber: '73610555592000'
    })
    expect(outboxRows()).toHaveLength(21)
  })
})

test('取号并打印: the pool’s next number becomes the appended package and its label prints', async () => {
  const vp = await startVirtualPrinter({ language: 'tspl' })
  try {
    const printer = addTcpPrinter(db, vp.uri)
    addOrder(db, 'KS-6001')
    seedPool(tc.core.ctx, 3, '73610000000501')
    const done = await callOk(tc.core, 'packages.appendTakeNumber', {
      orderId: 'KS-6001',
      carrier: 'ZTO',
      printerId: printer.id,
      template: '76x130',
      maskPrivacy: true
    })
    expect(done).toMatchObject({ trackingNumber: '73610000000501', sequence: 1, duplicate: false })
    expect(done.jobId).not.toBeNull()
    const queue = queueFor(tc.core.ctx, printer.id)
    if (!queue.ok) {
      throw new Error(queue.error.message)
    }
    await queue.value.queue.whenIdle()
    expect(vp.printed).toHaveLength(1)
    const label = vp.printed[0]
    if (!label) {
      throw new Error('no label printed')
    }
    // Read off the printed bitmap, as a scanner at the bench would.
    expect((await readWithZxing(label.bitmap)).map((sym) => sym.text)).toContain('73610000000501')
    expect(outboxRows().map((r) => r.idempotency_key)).toEqual([
      'append:1:KS-6001:ZTO:73610000000501'
    ])
    const state = db
      .prepare<[string], { state: string; package_id: number }>(
        'SELECT state, package_id FROM waybill_numbers WHERE tracking_number = ?'
      )
      .get('73610000000501')
    expect(state).toEqual({ state: 'allocated', package_id: done.packageId })
  } finally {
    await vp.close()
  }
})

describe('CLI', () => {
  test('packages append prints the package, refuses with one line naming the rule, packages list shows it', async () => {
    tc.dispose()
    const temp = makeTempDir('wb-cli-append-')
    try {
      const now = Date.now()
      const seed = openCore({ dataDir: temp.dir, host: { host: 'cli', version: 't' } })
      addOrder(seed.db, 'CLI-1', { shippedAt: now - DAY })
      addOrder(seed.db, 'CLI-2', { shippedAt: now - 31 * DAY })
      seed.close()
      const run = async (...argv: string[]) => {
        const out: string[] = []
        const err: string[] = []
        const code = await runCli(['--data-dir', temp.dir, ...argv], {
          out: (t) => out.push(t),
          err: (t) => err.push(t),
          env: {}
        })
        return { code, out: out.join('\n'), err }
      }
      const ok = await run(
        'packages',
        'append',
        '--order',
        'CLI-1',
        '--carrier',
        '中通',
        '--tracking-number',
        '73610555587001',
        '--json'
      )
      expect(ok.code).toBe(0)
      const printed = JSON.parse(ok.out) as { packageId: unknown; sequence: unknown }
      expect(typeof printed.packageId).toBe('number')
      expect(printed.sequence).toBe(1)

      const late = await run(
        'packages',
        'append',
        '--order',
        'CLI-2',
        '--carrier',
        'ZTO',
        '--tracking-number',
        '73610555587002'
      )
      expect(late.code).toBe(1)
      expect(late.err).toHaveLength(1)
      expect(late.err[0]).toContain(RULES.APPEND_WINDOW_30D)
      const zh = await run(
        'packages',
        'append',
        '--order',
        'CLI-2',
        '--carrier',
        'ZTO',
        '--tracking-number',
        '73610555587002',
        '--lang',
        'zh-CN'
      )
      expect(zh.err[0]).toContain('已超过追加期限')

      const list = await run('packages', 'list', '--order', 'CLI-1', '--json')
      expect(list.code).toBe(0)
      expect(JSON.parse(list.out)).toMatchObject({
        appendedCount: 1,
        packages: [{ role: 'appended', carrier: 'ZTO', trackingNumber: '73610555587001' }]
      })
    } finally {
      temp.remove()
    }
  })
})

test('a print batch is checked against the stored BATCH_PRINT_MAX_5000 limit, not a constant', async () => {
  const ids = [1, 2, 3, 4]
  db.prepare(`UPDATE platform_limits SET batch_print_max = 3 WHERE platform = 'taobao'`).run()
  const refused = await callErr(tc.core, 'print.check', { orderIds: ids, carrier: 'ZTO' })
  expect(refused.code).toBe('RULE_VIOLATION')
  expect(refused.details).toMatchObject({
    rule: RULES.BATCH_PRINT_MAX_5000,
    params: { max: 3, count: 4 }
  })
})
