import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { commitImport, previewImport } from '../../../src/main/core/import'
import { findOrderByPlatformId } from '../../../src/main/core/db/orders-repo'
import { getOrder } from '../../../src/main/core/orders/orders-service'
import { REMARK_MAX_CHARS } from '../../../src/shared/schemas/order'
import { importContext, tempDir, writeCsv, writeXlsx } from '../../support/import-fixtures'

/**
 * Issue 10 item 13: a 商家备注 over the limit keeps its order (cut, with a warning naming the
 * limit), and a problem of a multi-row order is reported on the row that carries the cell.
 */

let tmp: ReturnType<typeof tempDir>
let ctx: ReturnType<typeof importContext>

beforeEach(() => {
  tmp = tempDir('wbs-remark-rows-')
  ctx = importContext(tmp.path('station.sqlite'))
})
afterEach(() => {
  ctx.db.close()
  tmp.remove()
})

const HEADER = ['订单号', '收货人', '手机', '收货地址', '商品名称', 'SKU', '数量', '商家备注']
const ADDRESS = '浙江省 杭州市 西湖区 文三路 100号'

/** Twelve good one-row orders on rows 2–13, so the rows under test are 14 and after. */
function filler(): string[][] {
  return Array.from({ length: 12 }, (_, i) => [
    `A${String(i + 2)}`,
    '张三',
    `1381234${String(1000 + i)}`,
    ADDRESS,
    '杯',
    'C',
    '1',
    ''
  ])
}

function storedRemark(platformOrderId: string): string {
  const found = findOrderByPlatformId(ctx.db, 1, platformOrderId)
  const detail = found ? getOrder(ctx, found.id) : undefined
  if (!detail?.ok) {
    throw new Error(`order ${platformOrderId} not imported`)
  }
  return detail.value.remark
}

describe('a remark over the limit', () => {
  test('keeps the order, cuts the remark, and warns on its row naming the limit', async () => {
    const file = tmp.path('remark.xlsx')
    const long = '请用顺丰发货，'.repeat(100)
    await writeXlsx(file, [
      HEADER,
      ...filler(),
      ['R1', '李四', '13912345678', ADDRESS, '茶叶', 'TEA', 1, long]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected).toEqual([])
    expect(plan.preview.counts.new).toBe(13)
    expect(plan.preview.warnings).toHaveLength(1)
    const warning = plan.preview.warnings[0]
    expect(warning).toMatchObject({ row: 14, column: '商家备注', code: 'remark_truncated' })
    expect(warning?.reasonZh).toContain(String(REMARK_MAX_CHARS))
    expect(warning?.reason).toContain(String(REMARK_MAX_CHARS))
    expect(warning?.reasonZh).toContain(String(long.length))

    expect(commitImport(ctx, plan).accepted).toBe(13)
    const remark = storedRemark('R1')
    expect(remark.length).toBeLessThanOrEqual(REMARK_MAX_CHARS)
    expect(long.startsWith(remark)).toBe(true)
    expect(remark.length).toBeGreaterThan(REMARK_MAX_CHARS - 10)
  })

  test('a remark within the limit gives no warning', async () => {
    const file = tmp.path('short.csv')
    writeCsv(file, [
      HEADER,
      ...filler(),
      ['R2', '李四', '13912345678', ADDRESS, '茶', 'T', '1', '轻放']
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.warnings).toEqual([])
    commitImport(ctx, plan)
    expect(storedRemark('R2')).toBe('轻放')
  })
})

describe('row numbers of an order spread over several rows', () => {
  test('a cell only a later row carries is reported on that row, not the first', async () => {
    const file = tmp.path('rows.xlsx')
    await writeXlsx(file, [
      HEADER,
      ...filler(),
      // Order B1 on rows 14 and 15: the export put the phone on its second item row only.
      ['B1', '李四', '', ADDRESS, '杯', 'C', 1, ''],
      ['B1', '李四', '139****5678', ADDRESS, '盖', 'L', 1, ''],
      ['C1', '王五', '13712345678', ADDRESS, '壶', 'K', 1, '']
    ])
    const plan = await previewImport(ctx, { file })
    const rejected = plan.preview.rejected.map((r) => [r.row, r.column, r.code])
    expect(rejected).toEqual([
      // Row 14 is rejected with its order, and says which row sank it: 15.
      [14, '', 'order_has_bad_row'],
      [15, '手机', 'phone_masked']
    ])
    expect(plan.preview.rejected[0]?.reasonZh).toContain('第 15 行')
    expect(plan.preview.counts).toMatchObject({ new: 13, rejected: 1 })
  })

  test('a later row that fills the remark keeps it, and its warning is on that row', async () => {
    const file = tmp.path('rows.csv')
    writeCsv(file, [
      HEADER,
      ...filler(),
      ['D1', '赵六', '13612345678', ADDRESS, '杯', 'C', '1', ''],
      ['D1', '赵六', '13612345678', ADDRESS, '盖', 'L', '1', '备'.repeat(REMARK_MAX_CHARS + 20)]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected).toEqual([])
    expect(plan.preview.warnings.map((w) => [w.row, w.column, w.code])).toEqual([
      [15, '商家备注', 'remark_truncated']
    ])
    commitImport(ctx, plan)
    expect(storedRemark('D1')).toBe('备'.repeat(REMARK_MAX_CHARS))
  })

  test('two rows naming different addresses still refuse the order, pointing at the other row', async () => {
    const file = tmp.path('disagree.xlsx')
    await writeXlsx(file, [
      HEADER,
      ...filler(),
      ['E1', '孙七', '13512345678', ADDRESS, '杯', 'C', 1, ''],
      ['E1', '孙七', '13512345678', '浙江省 杭州市 上城区 解放路 1号', '盖', 'L', 1, '']
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [14, '', 'order_has_bad_row'],
      [15, '收货地址', 'rows_disagree']
    ])
    expect(plan.preview.rejected[1]?.reasonZh).toContain('第 14 行')
  })
})
