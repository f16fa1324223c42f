import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import { tempDir, writeCsv } from '../../support/import-fixtures'

let tc: TestCore
let tmp: ReturnType<typeof tempDir>
beforeEach(() => {
  tc = openTestCore()
  tmp = tempDir()
})
afterEach(() => {
  tc.dispose()
  tmp.remove()
})

async function put(name: string, rows: string[][]): Promise<string> {
  const file = tmp.path(name)
  writeCsv(file, rows, { encoding: 'gbk' })
  const stored = await tc.core.ctx.files.put(name, [readFileSync(file)])
  return stored.fileId
}

test('Taobao order + item report over the contract: the item mapping is editable and saved, its rejected rows download', async () => {
  // The order report has no item column at all: with an item report none is needed.
  const fileId = await put('ExportOrderList.csv', [
    ['订单编号', '买家会员名', '收货人姓名', '收货地址', '联系手机', '订单状态'],
    ['T1001', 'tb1', '张三', '浙江省 杭州市 西湖区 文三路1号', '13812345678', '买家已付款'],
    ['T1002', 'tb2', '李四', '浙江省 杭州市 西湖区 文三路2号', '13812345679', '交易关闭']
  ])
  // An item report whose title column has a name no preset knows.
  const itemsFileId = await put('ExportOrderDetailList.csv', [
    ['订单编号', '货品全称', '购买数量', '商家编码'],
    ['T1001', '保温杯', '2', 'CUP'],
    ['T1002', '茶叶', '很多', 'TEA']
  ])

  const first = await callOk(tc.core, 'import.inspect', { fileId, itemsFileId })
  expect(first.orders.missing).toEqual([])
  expect(first.orders.mapping.status).toBe('订单状态')
  expect(first.items?.missing).toEqual(['title'])

  const itemsMapping = { ...first.items?.mapping, title: '货品全称' }
  const mapped = await callOk(tc.core, 'import.inspect', { fileId, itemsFileId, itemsMapping })
  expect(mapped.items).toMatchObject({ missing: [], mappingSource: 'explicit' })
  expect(mapped.items?.mapping.title).toBe('货品全称')
  const signature = mapped.items?.signature ?? ''
  await callOk(tc.core, 'import.saveMapping', { signature, mapping: itemsMapping })
  const again = await callOk(tc.core, 'import.inspect', { fileId, itemsFileId })
  expect(again.items).toMatchObject({ missing: [], mappingSource: 'saved' })

  const preview = await callOk(tc.core, 'import.preview', {
    fileId,
    itemsFileId,
    mapping: again.orders.mapping,
    itemsMapping
  })
  expect(preview.counts).toMatchObject({ new: 1, rejected: 1 })
  expect(preview.rejectedBySource).toEqual({ orders: 1, items: 1 })
  expect(preview.rejected.map((r) => [r.source, r.row, r.column, r.code])).toEqual([
    ['orders', 3, '', 'order_has_bad_item_row'],
    ['items', 3, '购买数量', 'number_invalid']
  ])
  expect(preview.rejected[0]?.reasonZh).toBe('订单 T1002 在宝贝报表第 3 行有误，整单未导入')

  const sheet = await callOk(tc.core, 'import.rejectedSheet', {
    planId: preview.planId,
    format: 'csv',
    source: 'items',
    lang: 'en-US'
  })
  expect(sheet.rows).toBe(1)
  const stored = await tc.core.ctx.files.get(sheet.fileId)
  const text = readFileSync(stored?.path ?? '', 'utf8')
  // The item report's own columns, its rejected row, and a reason column.
  expect(text).toContain('货品全称')
  expect(text).toContain('很多')
  expect(text).not.toContain('保温杯')
})
