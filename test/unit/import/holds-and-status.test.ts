import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { commitImport, detectMapping, previewImport } from '../../../src/main/core/import'
import { findOrderByPlatformId } from '../../../src/main/core/db/orders-repo'
import { addAllItemsToPackage, insertPackage } from '../../../src/main/core/db/packages-repo'
import { allocateChunk, checkBatch } from '../../../src/main/core/manual-print/batch'
import { countRows, importContext, tempDir, writeXlsx } from '../../support/import-fixtures'
import { seedPool } from '../../support/manual-print-fixtures'

let tmp: ReturnType<typeof tempDir>
let ctx: ReturnType<typeof importContext>

beforeEach(() => {
  tmp = tempDir()
  ctx = importContext()
})
afterEach(() => {
  ctx.db.close()
  tmp.remove()
})

const HEADER = ['订单号', '收货人', '手机', '收货地址', '商品名称', 'SKU', '数量']

const row = (id: string, qty: number): (string | number)[] => [
  id,
  '张三',
  '13812345678',
  '浙江 杭州 西湖区 文三路1号',
  '杯',
  'S',
  qty
]

async function importRows(
  rows: (string | number)[][],
  onDuplicate: 'skip' | 'update' = 'skip',
  header: readonly string[] = HEADER
) {
  const file = tmp.path(`orders-${String(Math.random()).slice(2)}.xlsx`)
  await writeXlsx(file, [header, ...rows])
  const plan = await previewImport(ctx, { file }, { onDuplicate })
  return { plan, done: commitImport(ctx, plan) }
}

function idOf(platformOrderId: string): number {
  const found = findOrderByPlatformId(ctx.db, 1, platformOrderId)
  if (!found) {
    throw new Error(`order ${platformOrderId} not imported`)
  }
  return found.id
}

function quantityOf(platformOrderId: string): number | undefined {
  return ctx.db
    .prepare<[number], { quantity: number }>(
      'SELECT quantity FROM order_items WHERE order_id = ? ORDER BY line_no LIMIT 1'
    )
    .get(idOf(platformOrderId))?.quantity
}

function stateOf(platformOrderId: string): { status: string; refund_state: string } | undefined {
  return ctx.db
    .prepare<[number], { status: string; refund_state: string }>(
      'SELECT status, refund_state FROM orders WHERE id = ?'
    )
    .get(idOf(platformOrderId))
}

/** Packages as manual printing makes them: allocateChunk gives items and a tracking number. */
function allocate(platformOrderIds: readonly string[]): string[] {
  const result = allocateChunk(ctx, platformOrderIds.map(idOf), 'ZTO', '76x130')
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  return result.value.map((p) => p.trackingNumber)
}

describe('orders with packages are never changed by an import', () => {
  test('update mode: a package in any state holds its order; the rest update, the commit does not crash', async () => {
    await importRows([
      row('H1', 1),
      row('H2', 1),
      row('H3', 1),
      row('H4', 1),
      row('H5', 1),
      row('H6', 1)
    ])
    seedPool(ctx, 10)
    const numbers = allocate(['H1', 'H2', 'H3', 'H4'])
    // H1 stays as allocated (print state none); the others moved on without being printed.
    const setState = ctx.db.prepare('UPDATE packages SET print_state = ? WHERE order_id = ?')
    setState.run('queued', idOf('H2'))
    setState.run('failed', idOf('H3'))
    setState.run('voided', idOf('H4'))
    // H5: a package holding the items but no tracking number yet.
    const bare = insertPackage(ctx.db, {
      orderId: idOf('H5'),
      sequence: 1,
      role: 'first',
      carrier: null,
      trackingNumber: null,
      template: '76x130',
      createdAt: ctx.now()
    })
    addAllItemsToPackage(ctx.db, bare, idOf('H5'))
    const before = countRows(ctx.db)

    const file = tmp.path('again.xlsx')
    await writeXlsx(file, [
      HEADER,
      row('H1', 9),
      row('H2', 9),
      row('H3', 9),
      row('H4', 9),
      row('H5', 9),
      row('H6', 9)
    ])
    const plan = await previewImport(ctx, { file }, { onDuplicate: 'update' })
    expect(plan.preview.counts).toEqual({
      new: 0,
      updated: 1,
      unchanged: 0,
      skipped: 0,
      rejected: 5
    })
    const expected = [
      { row: 2, column: '订单号', code: 'package_allocated', tracking: numbers[0] },
      { row: 3, column: '订单号', code: 'package_allocated', tracking: numbers[1] },
      { row: 4, column: '订单号', code: 'package_allocated', tracking: numbers[2] },
      { row: 5, column: '订单号', code: 'package_allocated', tracking: numbers[3] },
      { row: 6, column: '订单号', code: 'package_exists', tracking: undefined }
    ]
    const shape = (rows: typeof plan.preview.rejected) =>
      rows.map((r) => ({
        row: r.row,
        column: r.column,
        code: r.code,
        tracking: /tracking number (\d+)/.exec(r.reason)?.[1]
      }))
    expect(shape(plan.preview.rejected)).toEqual(expected)
    expect(plan.preview.rejected[1]?.reason).toBe(
      `order H2 already has a package with tracking number ${numbers[1] ?? ''} (queued for printing) and is not changed; an import never changes an order with a package`
    )
    expect(plan.preview.rejected[3]?.reasonZh).toContain('已作废')

    const done = commitImport(ctx, plan)
    expect(done).toMatchObject({ accepted: 0, updated: 1, unchanged: 0 })
    expect(shape(done.rejected)).toEqual(expected)
    expect(['H1', 'H2', 'H3', 'H4', 'H5'].map(quantityOf)).toEqual([1, 1, 1, 1, 1])
    expect(quantityOf('H6')).toBe(9)
    // The packages still point at the items they were packed with.
    expect(countRows(ctx.db)).toEqual({ ...before, audit: before.audit + 1 })
    const orphaned = ctx.db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM package_items pi
         LEFT JOIN order_items oi ON oi.id = pi.order_item_id WHERE oi.id IS NULL`
      )
      .get()?.n
    expect(orphaned).toBe(0)
  })

  test('a package allocated between preview and commit is caught inside the commit', async () => {
    await importRows([row('L1', 1), row('L2', 1)])
    const file = tmp.path('late.xlsx')
    await writeXlsx(file, [HEADER, row('L1', 7), row('L2', 7)])
    const plan = await previewImport(ctx, { file }, { onDuplicate: 'update' })
    expect(plan.preview.counts.updated).toBe(2)
    seedPool(ctx, 5)
    const [number] = allocate(['L1'])
    const done = commitImport(ctx, plan)
    expect(done.updated).toBe(1)
    expect(done.rejected).toEqual([
      expect.objectContaining({ row: 2, column: '订单号', code: 'package_allocated' })
    ])
    expect(done.rejected[0]?.reason).toContain(number ?? 'no number')
    expect(quantityOf('L1')).toBe(1)
    expect(quantityOf('L2')).toBe(7)
  })

  test('skip mode: a printed order that differs is held because printed, not "skipped"', async () => {
    await importRows([row('S1', 1), row('S2', 1), row('S3', 1)])
    ctx.db
      .prepare(
        `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, print_state, created_at)
         VALUES (?, 1, 'first', 'SF', 'SF9', 'printed', 0)`
      )
      .run(idOf('S1'))
    ctx.db
      .prepare(
        `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, print_state, created_at)
         VALUES (?, 1, 'first', 'SF', 'SF10', 'printed', 0)`
      )
      .run(idOf('S3'))
    // S1 printed and changed, S2 changed, S3 printed and identical.
    const { plan, done } = await importRows([row('S1', 4), row('S2', 4), row('S3', 1)], 'skip')
    expect(plan.preview.counts).toEqual({
      new: 0,
      updated: 0,
      unchanged: 2,
      skipped: 1,
      rejected: 1
    })
    expect(done.rejected).toEqual([
      expect.objectContaining({
        row: 2,
        column: '订单号',
        code: 'printed_package',
        reason: 'order S1 already has a printed package and is not changed'
      })
    ])
    expect(['S1', 'S2', 'S3'].map(quantityOf)).toEqual([1, 1, 1])
  })
})

const STATUS_HEADER = [...HEADER, '订单状态']

describe('the order status column', () => {
  test('Kuaishou/Taobao status texts set status and refund state; unknown text rejects the row', async () => {
    const statuses: [string, string][] = [
      ['T01', '待发货'],
      ['T02', '买家已付款，等待卖家发货'],
      ['T03', '已发货'],
      ['T04', '交易成功'],
      ['T05', '交易关闭'],
      ['T06', '退款中'],
      ['T07', '售后中'],
      ['T08', '退款成功'],
      ['T09', ''],
      ['T10', '神秘状态'],
      ['T11', '等待买家付款']
    ]
    const { plan, done } = await importRows(
      statuses.map(([id, status]) => [...row(id, 1), status]),
      'skip',
      STATUS_HEADER
    )
    expect(plan.preview.orders.mapping.status).toBe('订单状态')
    expect(done.accepted).toBe(9)
    expect(done.rejected).toEqual([
      {
        row: 11,
        column: '订单状态',
        code: 'status_unknown',
        reason:
          '"神秘状态" is not an order status this import knows (待发货, 已发货, 交易成功, 交易关闭, 退款中, 售后中 …)',
        reasonZh:
          '"神秘状态" 不是可识别的订单状态（待发货、已发货、交易成功、交易关闭、退款中、售后中……）',
        source: 'orders'
      },
      expect.objectContaining({ row: 12, column: '订单状态', code: 'status_unpaid' })
    ])
    const states = Object.fromEntries(
      ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08', 'T09'].map((id) => [id, stateOf(id)])
    )
    expect(states).toEqual({
      T01: { status: 'pending', refund_state: 'none' },
      T02: { status: 'pending', refund_state: 'none' },
      T03: { status: 'shipped', refund_state: 'none' },
      T04: { status: 'shipped', refund_state: 'none' },
      T05: { status: 'closed', refund_state: 'none' },
      T06: { status: 'pending', refund_state: 'requested' },
      T07: { status: 'pending', refund_state: 'requested' },
      T08: { status: 'closed', refund_state: 'refunded' },
      T09: { status: 'pending', refund_state: 'none' }
    })

    // What the status is for: manual printing holds closed and refunding orders out.
    seedPool(ctx, 10)
    const check = checkBatch(ctx, ['T01', 'T05', 'T06', 'T07'].map(idOf), 'ZTO')
    if (!check.ok) {
      throw new Error(check.error.message)
    }
    expect(check.value.eligible).toEqual([idOf('T01')])
    expect(Object.fromEntries(check.value.held.map((h) => [h.platformOrderId, h.reason]))).toEqual({
      T05: 'closed',
      T06: 'refund',
      T07: 'refund'
    })
  })

  test('rows of one order: a refund covers the order, shipped + pending is partial, closed + live is rejected', async () => {
    const { done } = await importRows(
      [
        [...row('M1', 1), '已发货'],
        [...row('M1', 2), '待发货'],
        [...row('M2', 1), '待发货'],
        [...row('M2', 2), '退款中'],
        [...row('M3', 1), '待发货'],
        [...row('M3', 2), '交易关闭'],
        [...row('M4', 1), '交易关闭'],
        [...row('M4', 2), '退款成功']
      ],
      'skip',
      STATUS_HEADER
    )
    expect(done.accepted).toBe(3)
    expect(stateOf('M1')).toEqual({ status: 'partially_shipped', refund_state: 'none' })
    expect(stateOf('M2')).toEqual({ status: 'pending', refund_state: 'requested' })
    expect(stateOf('M4')).toEqual({ status: 'closed', refund_state: 'refunded' })
    expect(done.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [6, '', 'order_has_bad_row'],
      [7, '订单状态', 'rows_disagree']
    ])
  })

  test('re-import: update sets a new status; a sheet without the column keeps it', async () => {
    await importRows([[...row('U1', 1), '待发货']], 'skip', STATUS_HEADER)
    const closed = await importRows([[...row('U1', 1), '交易关闭']], 'update', STATUS_HEADER)
    expect(closed.plan.preview.counts).toMatchObject({ updated: 1, unchanged: 0 })
    expect(stateOf('U1')).toEqual({ status: 'closed', refund_state: 'none' })
    // No status column: the order is the same as before, and stays closed when it is updated.
    const same = await importRows([row('U1', 1)], 'update')
    expect(same.plan.preview.counts).toMatchObject({ updated: 0, unchanged: 1 })
    await importRows([row('U1', 3)], 'update')
    expect(stateOf('U1')).toEqual({ status: 'closed', refund_state: 'none' })
    expect(quantityOf('U1')).toBe(3)
    // A refund request in a later export says nothing about shipping: the status stays.
    await importRows([[...row('U1', 3), '退款中']], 'update', STATUS_HEADER)
    expect(stateOf('U1')).toEqual({ status: 'closed', refund_state: 'requested' })
    // Back along pending → shipped is never taken: an older export is not news.
    await importRows([[...row('U2', 1), '已发货']], 'skip', STATUS_HEADER)
    const older = await importRows([[...row('U2', 1), '待发货']], 'update', STATUS_HEADER)
    expect(older.plan.preview.counts).toMatchObject({ updated: 0, unchanged: 1 })
    expect(stateOf('U2')).toEqual({ status: 'shipped', refund_state: 'none' })
  })

  test('the Kuaishou and Taobao presets and the generic synonyms find the status column', () => {
    const kuaishou = ['订单号', '收货人姓名', '收货人电话', '收货地址', '商品名称', '订单状态']
    expect(detectMapping(kuaishou, 'kuaishou', 'orders').mapping.status).toBe('订单状态')
    const taobao = ['订单编号', '收货人姓名', '联系手机', '收货地址 ', '宝贝标题 ', '订单状态']
    expect(detectMapping(taobao, 'taobao', 'orders').mapping.status).toBe('订单状态')
    const other = ['订单号', '收货人', '手机', '收货地址', '商品名称', '交易状态']
    expect(detectMapping(other, 'auto', 'orders').mapping.status).toBe('交易状态')
  })
})
