import { readFileSync } from 'node:fs'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import { tempDir, writeCsv } from '../../support/import-fixtures'

/**
 * The wizard skips the mapping screen when `import.inspect` says a file's mapping is the one
 * saved for its layout: these pin down when it says so.
 */

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
  writeCsv(file, rows)
  const stored = await tc.core.ctx.files.put(name, [readFileSync(file)])
  return stored.fileId
}

const TAOBAO_HEADER = ['订单编号', '收货人姓名', '联系手机', '收货地址', '宝贝标题', '宝贝总数量']

describe('a layout saved once', () => {
  test('is reported as saved (with the export it looks like) for the next file of that layout', async () => {
    const monday = await put('monday.csv', [
      TAOBAO_HEADER,
      ['T1', '张三', '13812345678', '浙江省 杭州市 西湖区 文三路1号', '杯', '1']
    ])
    const first = await callOk(tc.core, 'import.inspect', { fileId: monday })
    expect(first.orders).toMatchObject({ mappingSource: 'detected', missing: [] })
    // Saved by hand without the optional quantity column, so it differs from a fresh detection.
    const { quantity, ...mapping } = first.orders.mapping
    expect(quantity).toBe('宝贝总数量')
    await callOk(tc.core, 'import.saveMapping', { signature: first.orders.signature, mapping })

    // Another day's export: a title row above the same header, other orders.
    const tuesday = await put('tuesday.csv', [
      ['订单导出 2026-11-24'],
      TAOBAO_HEADER,
      ['T2', '李四', '13812345679', '浙江省 杭州市 西湖区 文三路2号', '茶', '3']
    ])
    const again = await callOk(tc.core, 'import.inspect', { fileId: tuesday })
    expect(again.orders).toMatchObject({
      mappingSource: 'saved',
      missing: [],
      signature: first.orders.signature,
      headerRow: 2,
      preset: 'taobao'
    })
    // The saved mapping itself, not a fresh detection.
    expect(again.orders.mapping).toEqual(mapping)
  })

  test('is not reported as saved when it lacks a required field, nor for another layout', async () => {
    const fileId = await put('orders.csv', [
      TAOBAO_HEADER,
      ['T1', '张三', '13812345678', '浙江省 杭州市 西湖区 文三路1号', '杯', '1']
    ])
    const first = await callOk(tc.core, 'import.inspect', { fileId })
    const { title, ...withoutTitle } = first.orders.mapping
    expect(title).toBe('宝贝标题')
    await callOk(tc.core, 'import.saveMapping', {
      signature: first.orders.signature,
      mapping: withoutTitle
    })
    const incomplete = await callOk(tc.core, 'import.inspect', { fileId })
    expect(incomplete.orders.mappingSource).not.toBe('saved')

    await callOk(tc.core, 'import.saveMapping', {
      signature: first.orders.signature,
      mapping: first.orders.mapping
    })
    const other = await put('other.csv', [
      [...TAOBAO_HEADER, '买家留言'],
      ['T3', '王五', '13812345670', '浙江省 杭州市 西湖区 文三路3号', '碗', '1', '']
    ])
    const unsaved = await callOk(tc.core, 'import.inspect', { fileId: other })
    expect(unsaved.orders.mappingSource).toBe('detected')
  })

  test('Taobao order + item report: each file says whether its own layout was saved', async () => {
    const orders = [
      ['订单编号', '买家会员名', '收货人姓名', '收货地址', '联系手机'],
      ['T1001', 'tb1', '张三', '浙江省 杭州市 西湖区 文三路1号', '13812345678']
    ]
    const items = [
      ['订单编号', '标题', '购买数量', '商家编码'],
      ['T1001', '保温杯', '2', 'CUP']
    ]
    const fileId = await put('ExportOrderList.csv', orders)
    const itemsFileId = await put('ExportOrderDetailList.csv', items)
    const first = await callOk(tc.core, 'import.inspect', { fileId, itemsFileId })
    expect(first.orders.mappingSource).toBe('detected')
    expect(first.items?.mappingSource).toBe('detected')

    // Only the order report's layout saved: the item report is still detected.
    await callOk(tc.core, 'import.saveMapping', {
      signature: first.orders.signature,
      mapping: first.orders.mapping
    })
    const half = await callOk(tc.core, 'import.inspect', { fileId, itemsFileId })
    expect(half.orders.mappingSource).toBe('saved')
    expect(half.items?.mappingSource).toBe('detected')

    await callOk(tc.core, 'import.saveMapping', {
      signature: first.items?.signature ?? '',
      mapping: first.items?.mapping ?? {}
    })
    const both = await callOk(tc.core, 'import.inspect', {
      fileId: await put('next-orders.csv', orders),
      itemsFileId: await put('next-items.csv', items)
    })
    expect(both.orders).toMatchObject({ mappingSource: 'saved', missing: [], preset: 'taobao' })
    expect(both.items).toMatchObject({
      mappingSource: 'saved',
      missing: [],
      preset: 'taobao-items'
    })
  })
})
