/**
 * Orders imported as 已发货 from a sheet must be able to take an appended package: the import
 * writes their lines as shipped in full (APPEND_AFTER_FULL_SHIP reads quantities) and their first
 * shipment time, from which the 30-day window runs. 部分发货 stays refused. Real SQLite file,
 * the real import (preview + commit) and the real contract.
 */
import { afterEach, beforeEach, expect, test } from 'vitest'
import { commitImport, previewImport } from '../../../src/main/core/import'
import { RULES } from '../../../src/shared/rules'
import { callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import { tempDir, writeXlsx } from '../../support/import-fixtures'

const NOW = Date.UTC(2026, 10, 2, 8, 0, 0)
const DAY = 86_400_000
let clock = NOW
let tc: TestCore
let tmp: ReturnType<typeof tempDir>

beforeEach(() => {
  clock = NOW
  tc = openTestCore({ now: () => clock })
  tmp = tempDir()
})
afterEach(() => {
  tc.dispose()
  tmp.remove()
})

const HEADER = ['订单号', '收货人', '手机', '收货地址', '商品名称', 'SKU', '数量', '订单状态']
const row = (id: string, sku: string, qty: number, status: string) => [
  id,
  '张三',
  '13812345678',
  '浙江 杭州 西湖区 文三路1号',
  '杯',
  sku,
  qty,
  status
]

test('an order imported as 已发货 can take an appended package; 部分发货 and 待发货 cannot', async () => {
  const file = tmp.path('orders.xlsx')
  await writeXlsx(file, [
    HEADER,
    row('IMP-1', 'A', 2, '已发货'),
    row('IMP-1', 'B', 1, '已发货'),
    row('IMP-2', 'A', 1, '已发货'),
    row('IMP-2', 'B', 1, '待发货'),
    row('IMP-3', 'A', 1, '待发货')
  ])
  const plan = await previewImport(tc.core.ctx, { file }, { onDuplicate: 'skip' })
  commitImport(tc.core.ctx, plan)

  const shipped = await callOk(tc.core, 'packages.preflightAppend', {
    orderId: 'IMP-1',
    carrier: 'ZTO',
    trackingNumber: '73610555580001'
  })
  expect(shipped).toMatchObject({ refusal: null, canAppend: true, deadlineMs: NOW + 30 * DAY })
  const partial = await callOk(tc.core, 'packages.preflightAppend', { orderId: 'IMP-2' })
  expect(partial.refusal?.rule).toBe(RULES.APPEND_AFTER_FULL_SHIP)
  const pending = await callOk(tc.core, 'packages.preflightAppend', { orderId: 'IMP-3' })
  expect(pending).toMatchObject({
    refusal: { rule: RULES.APPEND_AFTER_FULL_SHIP },
    deadlineMs: null
  })

  clock = NOW + 5 * DAY
  const done = await callOk(tc.core, 'packages.append', {
    orderId: 'IMP-1',
    carrier: 'ZTO',
    trackingNumber: '73610555580001'
  })
  expect(done).toMatchObject({ sequence: 1, duplicate: false })
})
