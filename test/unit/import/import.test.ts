import { readFileSync, writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  commitImport,
  ImportError,
  importForCli,
  inspectImportFile,
  loadImportMapping,
  previewImport,
  saveImportMapping,
  writeImportTemplate,
  writeRejectedRows,
  type ImportProgress
} from '../../../src/main/core/import'
import { getOrder } from '../../../src/main/core/orders/orders-service'
import { findOrderByPlatformId } from '../../../src/main/core/db/orders-repo'
import {
  countRows,
  generatedOrders,
  importContext,
  tempDir,
  writeCsv,
  writeXlsx,
  writeZip
} from '../../support/import-fixtures'

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

function orderDetail(platformOrderId: string) {
  const found = findOrderByPlatformId(ctx.db, 1, platformOrderId)
  if (!found) {
    throw new Error(`order ${platformOrderId} not imported`)
  }
  const detail = getOrder(ctx, found.id)
  if (!detail.ok) {
    throw new Error('order unreadable')
  }
  return detail.value
}

async function refusal(promise: Promise<unknown>): Promise<ImportError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof ImportError) {
      return error
    }
    throw error
  }
  throw new Error('expected the import to be refused')
}

describe('xlsx', () => {
  test('imports orders, merges rows of one order, splits addresses, cleans phones', async () => {
    const file = tmp.path('orders.xlsx')
    await writeXlsx(file, [
      HEADER,
      ['A001', '张三', 13812345678, '浙江省 杭州市 西湖区 文三路 100号', '保温杯', 'CUP-1', 2],
      ['A001', '张三', 13812345678, '浙江省 杭州市 西湖区 文三路 100号', '杯盖', 'LID-1', 1],
      ['A002', '李四', '+86 139-1234-5678', '北京 北京市 朝阳区 建国路 1号', '茶叶', 'TEA', 1],
      ['A003', '王五', "'13700001111", '上海市上海市浦东新区世纪大道1号', '咖啡', 'COF', 3]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.counts).toEqual({
      new: 3,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      rejected: 0
    })
    expect(plan.preview.rejected).toEqual([])
    expect(countRows(ctx.db).orders).toBe(0)

    const done = commitImport(ctx, plan)
    expect(done.accepted).toBe(3)
    expect(countRows(ctx.db)).toEqual({ orders: 3, items: 4, audit: 1 })
    const a1 = orderDetail('A001')
    expect(a1.items.map((i) => [i.sku, i.quantity])).toEqual([
      ['CUP-1', 2],
      ['LID-1', 1]
    ])
    expect(a1.receiver).toMatchObject({
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 100号'
    })
    expect(orderDetail('A002').receiver).toMatchObject({
      phone: '13912345678',
      province: '北京市',
      city: '北京市',
      district: '朝阳区'
    })
    expect(orderDetail('A003').receiver).toMatchObject({
      phone: '13700001111',
      district: '浦东新区',
      detail: '世纪大道1号'
    })
    expect(ctx.events.at(-1)?.ids).toHaveLength(3)
  })

  test('formula cells import their cached result and are never evaluated', async () => {
    const file = tmp.path('formula.xlsx')
    await writeXlsx(file, [
      HEADER,
      // The cached results differ from what the formulas would compute: the result must win.
      [
        'F001',
        '张三',
        { formula: 'TEXT(1,"0")', result: '13812345678' },
        '浙江 杭州 西湖区 文三路1号',
        '杯',
        'S',
        { formula: '1+1', result: 5 }
      ],
      ['F002', '李四', '13812345679', '浙江 杭州 西湖区 文三路2号', '杯', 'S', { formula: 'A1*2' }]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.counts.new).toBe(1)
    expect(plan.preview.rejected).toEqual([
      expect.objectContaining({ row: 3, column: '数量', code: 'formula_no_result' })
    ])
    commitImport(ctx, plan)
    expect(orderDetail('F001').items[0]?.quantity).toBe(5)
    expect(orderDetail('F001').receiver.phone).toBe('13812345678')
  })

  test('finds the header below title rows and reports rows as a spreadsheet shows them', async () => {
    const file = tmp.path('titled.xlsx')
    await writeXlsx(file, [
      ['快手小店订单导出'],
      ['导出时间：2026-11-20'],
      [],
      HEADER,
      ['T1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', 'S', 1],
      ['T2', '李四', '12345', '浙江 杭州 西湖区 文三路2号', '杯', 'S', 1],
      ['T3', '王五', '13812345678', '火星 奥林匹斯山 1号', '杯', 'S', 1]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.orders.headerRow).toBe(4)
    expect(plan.preview.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [6, '手机', 'schema'],
      [7, '收货地址', 'address_province_unknown']
    ])
    expect(plan.preview.rejected[0]?.reason).toContain('must be a mainland mobile')
  })

  test('a 1 000 000-character cell rejects its row with a reason and nothing blows up', async () => {
    const file = tmp.path('huge-cell.xlsx')
    await writeXlsx(file, [
      HEADER,
      ['H1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', 'x'.repeat(1_000_000), 'S', 1],
      ['H2', '李四', '13812345679', '浙江 杭州 西湖区 文三路2号', '杯', 'S', 1]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected).toEqual([
      expect.objectContaining({ row: 2, column: '商品名称', code: 'cell_too_long' })
    ])
    commitImport(ctx, plan)
    expect(countRows(ctx.db).orders).toBe(1)
  })

  test('dates: Excel date cells, serial numbers and text dates', async () => {
    const file = tmp.path('dates.xlsx')
    const header = [...HEADER, '下单时间', '付款时间']
    const base = ['张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', 'S', 1]
    await writeXlsx(file, [
      header,
      ['D1', ...base, new Date(Date.UTC(2026, 10, 20, 10, 0, 0)), 46346.4375],
      ['D2', ...base, '2026/11/20 10:00', '2026-11-20 10:30:15'],
      ['D3', ...base, '2026-13-45 10:00', '']
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected).toEqual([
      expect.objectContaining({ row: 4, column: '下单时间', code: 'date_invalid' })
    ])
    commitImport(ctx, plan)
    const tenAm = new Date(2026, 10, 20, 10, 0, 0).getTime()
    expect(orderDetail('D1').createdAt).toBe(tenAm)
    // 46346.4375 = 2026-11-20 10:30.
    expect(orderDetail('D1').paidAt).toBe(new Date(2026, 10, 20, 10, 30, 0).getTime())
    expect(orderDetail('D2').createdAt).toBe(tenAm)
    expect(orderDetail('D2').paidAt).toBe(new Date(2026, 10, 20, 10, 30, 15).getTime())
  })

  test('order ids that went through a float are refused, not repaired', async () => {
    const file = tmp.path('float-id.xlsx')
    await writeXlsx(file, [
      HEADER,
      [
        // A 19-digit id as a number cell: already rounded when the sheet was saved.
        Number('3456789012345678901'),
        '张三',
        '13812345678',
        '浙江 杭州 西湖区 文三路1号',
        '杯',
        'S',
        1
      ],
      ['1.23457E+18', '李四', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', 'S', 1]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, '订单号', 'order_id_number_lost'],
      [3, '订单号', 'order_id_number_lost']
    ])
  })
})

describe('csv encodings', () => {
  const rows = [
    HEADER,
    ['G1', '张三', '138 1234 5678', '浙江省杭州市西湖区文三路100号', '龙井茶', 'TEA-1', '2'],
    [
      'G2',
      '欧阳娜娜',
      '1.3812345678E10',
      '广东省 深圳市 南山区 科技园路1号',
      '普洱',
      'TEA-2',
      '1.0'
    ]
  ]

  test.each([
    ['GBK', { encoding: 'gbk' as const }, 'gb18030'],
    ['GB18030', { encoding: 'gb18030' as const }, 'gb18030'],
    ['UTF-8 with BOM', { bom: true }, 'utf8'],
    ['UTF-8', {}, 'utf8']
  ])('%s', async (_name, options, encoding) => {
    const file = tmp.path('orders.csv')
    writeCsv(file, rows, options)
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.orders.encoding).toBe(encoding)
    expect(plan.preview.orders.headers).toEqual(HEADER)
    expect(plan.preview.rejected).toEqual([])
    commitImport(ctx, plan)
    expect(orderDetail('G1').receiver).toMatchObject({
      name: '张三',
      phone: '13812345678',
      city: '杭州市',
      detail: '文三路100号'
    })
    expect(orderDetail('G2').receiver).toMatchObject({
      name: '欧阳娜娜',
      phone: '13812345678',
      district: '南山区'
    })
    expect(orderDetail('G1').items[0]?.title).toBe('龙井茶')
  })

  test('the kept GBK Kuaishou-style fixture reads', async () => {
    const file = new URL('../../fixtures/import/kuaishou-gbk.csv', import.meta.url).pathname
    const raw = readFileSync(file)
    // Really GBK: not valid UTF-8.
    expect(raw.toString('utf8')).toContain('\ufffd')
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.orders.encoding).toBe('gb18030')
    expect(plan.preview.orders.preset).toBe('kuaishou')
    expect(plan.preview.counts).toMatchObject({ new: 2, rejected: 1 })
    expect(plan.preview.rejected).toEqual([
      expect.objectContaining({ row: 5, column: '收货人电话', code: 'phone_masked' })
    ])
    commitImport(ctx, plan)
    const detail = orderDetail('2411200001')
    expect(detail.items.map((i) => [i.title, i.sku, i.quantity])).toEqual([
      ['保温杯（500ml 白色）', 'CUP-500-WH', 2],
      ['杯刷', 'BRUSH-1', 1]
    ])
    expect(detail.receiver).toMatchObject({
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路100号'
    })
    expect(detail.remark).toBe('周末送；请放门卫')
  })
  test('CSV row numbers count blank lines and multi-line cells as a spreadsheet app does', async () => {
    const file = tmp.path('blank.csv')
    writeFileSync(
      file,
      '订单号,收货人,手机,收货地址,商品名称\r\nA1,张三,13812345678,"浙江 杭州 西湖区\n文三路1号",杯\r\n\r\n,,,,\r\nA2,李四,123,浙江 杭州 西湖区 文三路1号,杯\r\n'
    )
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.counts).toMatchObject({ new: 1, rejected: 1 })
    expect(plan.preview.rejected.map((r) => [r.row, r.column])).toEqual([[5, '手机']])
  })
})

describe('broken files are refused with one clear line and write nothing', () => {
  async function expectRefused(file: string, code: string, text: RegExp): Promise<void> {
    const error = await refusal(previewImport(ctx, { file }))
    expect(error.code).toBe(code)
    expect(error.message).toMatch(text)
    expect(error.message).not.toContain('\n')
    const cli = await refusal(importForCli(ctx, file, {}))
    expect(cli.code).toBe(code)
    expect(countRows(ctx.db)).toEqual({ orders: 0, items: 0, audit: 0 })
  }

  test('0 bytes', async () => {
    const file = tmp.path('empty.csv')
    writeFileSync(file, '')
    await expectRefused(file, 'FILE_EMPTY', /empty/)
  })

  test('truncated zip', async () => {
    const whole = tmp.path('whole.xlsx')
    await writeXlsx(whole, [
      HEADER,
      ['A1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', 'S', 1]
    ])
    const bytes = readFileSync(whole)
    const file = tmp.path('truncated.xlsx')
    writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    await expectRefused(file, 'FILE_TRUNCATED', /incomplete/)
  })

  test('a zip that is not an xlsx (a zipped text file renamed .xlsx)', async () => {
    const file = tmp.path('orders.xlsx')
    writeZip(file, {
      'orders.txt': `${HEADER.join(',')}\r\nA1,张三,13812345678,浙江 杭州 西湖区 文三路1号,杯,S,1\r\n`
    })
    await expectRefused(
      file,
      'FILE_NOT_SPREADSHEET',
      /^The file is a zip archive, not a spreadsheet/
    )
    const docx = tmp.path('orders-docx.xlsx')
    writeZip(docx, { '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })
    await expectRefused(docx, 'FILE_NOT_SPREADSHEET', /Word document \(\.docx\), not a spreadsheet/)
    // The hand-made container is sound: with a workbook inside, it is taken for an xlsx.
    const book = tmp.path('book.xlsx')
    writeZip(book, { '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' })
    const other = await refusal(previewImport(ctx, { file: book }))
    expect(other.code).not.toBe('FILE_NOT_SPREADSHEET')
  })

  test('binary garbage', async () => {
    const file = tmp.path('garbage.xlsx')
    let seed = 42
    const bytes = Buffer.alloc(50_000)
    for (let i = 0; i < bytes.length; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31
      bytes[i] = seed & 0xff
    }
    writeFileSync(file, bytes)
    await expectRefused(file, 'FILE_NOT_SPREADSHEET', /not a spreadsheet/)
  })

  test('old .xls', async () => {
    const file = tmp.path('old.xls')
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
        Buffer.alloc(4096)
      ])
    )
    await expectRefused(file, 'FILE_XLS_UNSUPPORTED', /save as \.xlsx or \.csv/)
  })

  test('wrong headers', async () => {
    const file = tmp.path('wrong.xlsx')
    await writeXlsx(file, [
      ['日期', '金额', '客户', '备注'],
      ['2026-11-20', 100, '张三', '']
    ])
    await expectRefused(
      file,
      'NO_HEADER',
      /No header row found in the first 10 rows: no column for .*订单号/
    )
  })

  test('a CSV with an unclosed quote', async () => {
    const file = tmp.path('quote.csv')
    writeFileSync(
      file,
      `${HEADER.join(',')}\r\nA1,张三,13812345678,"浙江 杭州 西湖区 文三路1号,杯,S,1\r\n`
    )
    await expectRefused(file, 'FILE_CORRUPT', /quote/)
  })

  test('an HTML page named .xls', async () => {
    const file = tmp.path('export.xls')
    writeFileSync(file, '<html><body><table><tr><td>订单号</td></tr></table></body></html>')
    await expectRefused(file, 'FILE_NOT_SPREADSHEET', /web page/)
  })

  test('a missing file', async () => {
    await expectRefused(tmp.path('nope.csv'), 'FILE_NOT_FOUND', /does not exist/)
  })
})

describe('header synonyms the code was not tuned on', () => {
  test('separate province/city/district columns, other names, units in headers', async () => {
    const file = tmp.path('erp.xlsx')
    await writeXlsx(file, [
      [
        '平台订单号',
        '收件人姓名',
        '收件人手机',
        '省份',
        '城市',
        '区县',
        '街道地址',
        '货品名称',
        '商家编码',
        '购买件数',
        '商品重量（kg）',
        '客服备注',
        '成交时间'
      ],
      [
        'E-1',
        '赵六',
        '186-0000-1111',
        '江苏',
        '南京',
        '玄武区',
        '江苏省南京市玄武区中山路1号',
        '台灯',
        'LAMP',
        '1',
        '1.2',
        '易碎',
        '2026年11月20日 10:00'
      ],
      [
        'E-1',
        '赵六',
        '186-0000-1111',
        '江苏',
        '南京',
        '玄武区',
        '江苏省南京市玄武区中山路1号',
        '灯泡',
        'BULB',
        '4',
        '0.05',
        '',
        '2026年11月20日 10:00'
      ],
      [
        'E-2',
        '钱七',
        '(0571) 8888 6666',
        '浙江省',
        '杭州市',
        '余杭区',
        '文一西路 969 号',
        '键盘',
        'KB',
        '1',
        '0.8',
        '',
        ''
      ],
      [
        'E-3',
        '孙八',
        '13800001111',
        '广东',
        '东莞市',
        '',
        '长安镇振安路 1 号',
        '鼠标',
        'MS',
        '1',
        '',
        '',
        ''
      ],
      [
        'E-4',
        '周九',
        '13800001112',
        '湖北省',
        '仙桃市',
        '',
        '干河街道 1 号',
        '音箱',
        'SPK',
        '2',
        '',
        '',
        ''
      ]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.orders.mapping).toMatchObject({
      orderId: '平台订单号',
      receiverName: '收件人姓名',
      phone: '收件人手机',
      province: '省份',
      city: '城市',
      district: '区县',
      detail: '街道地址',
      title: '货品名称',
      sku: '商家编码',
      quantity: '购买件数',
      weight: '商品重量（kg）'
    })
    expect(plan.preview.counts).toMatchObject({ new: 3, rejected: 1 })
    expect(plan.preview.rejected).toEqual([
      expect.objectContaining({ row: 5, column: '区县', code: 'address_district_unknown' })
    ])
    commitImport(ctx, plan)
    const e1 = orderDetail('E-1')
    expect(e1.receiver).toMatchObject({
      phone: '18600001111',
      province: '江苏省',
      city: '南京市',
      district: '玄武区',
      detail: '中山路1号'
    })
    expect(e1.items.map((i) => [i.title, i.quantity, i.unitWeightG])).toEqual([
      ['台灯', 1, 1200],
      ['灯泡', 4, 50]
    ])
    expect(e1.createdAt).toBe(new Date(2026, 10, 20, 10, 0).getTime())
    expect(orderDetail('E-2').receiver.phone).toBe('0571-88886666')
    expect(orderDetail('E-4').receiver).toMatchObject({
      city: '省直辖县级行政区划',
      district: '仙桃市'
    })
  })

  test('an order with one bad row is rejected whole and every row is reported', async () => {
    const file = tmp.path('partial.csv')
    writeCsv(file, [
      ['主订单编号', '收货人姓名', '联系手机', '详细地址', '宝贝标题', '商品编码', '购买数量'],
      ['M1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', 'S1', '1'],
      ['M2', '李四', '13812345679', '浙江 杭州 西湖区 文三路2号', '杯', 'S1', '1'],
      ['M1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '盖', 'S2', '0'],
      ['M1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '刷', 'S3', '1'],
      ['M3', '王五', '13812345670', '浙江 杭州 西湖区 文三路3号', '杯', 'S1', 'two'],
      ['M4', '赵六', '13812345671', '浙江 杭州 拱墅区 湖墅路1号', '杯', 'S1', '1'],
      ['M4', '赵六', '13812345671', '浙江 杭州 西湖区 文三路9号', '盖', 'S2', '1']
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.counts).toMatchObject({ new: 1, rejected: 3 })
    expect(plan.preview.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [2, '', 'order_has_bad_row'],
      [4, '购买数量', 'schema'],
      [5, '', 'order_has_bad_row'],
      [6, '购买数量', 'number_invalid'],
      [7, '', 'order_has_bad_row'],
      [8, '详细地址', 'rows_disagree']
    ])
    expect(plan.preview.rejected[1]?.reason).toBe('购买数量 must be at least 1')
    expect(plan.preview.rejected[0]?.reason).toContain('row 4')
    const done = commitImport(ctx, plan)
    expect(done.accepted).toBe(1)
    expect(countRows(ctx.db).orders).toBe(1)
  })

  test('merged order cells: rows with an empty order id continue the order above', async () => {
    const file = tmp.path('merged.xlsx')
    await writeXlsx(file, [
      ['订单号', '收货人', '手机', '收货地址', '商品名称', '数量'],
      ['X1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', 1],
      [null, null, null, null, '盖', 2],
      [null, '李四', null, null, '刷', 1]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected.map((r) => [r.row, r.code])).toEqual([[4, 'order_id_required']])
    commitImport(ctx, plan)
    expect(orderDetail('X1').items.map((i) => [i.title, i.sku, i.quantity])).toEqual([
      ['杯', '-', 1],
      ['盖', '-', 2]
    ])
  })
})

describe('Taobao order report + item report', () => {
  test('joins by 订单编号 and reports rows of both files', async () => {
    const orders = tmp.path('ExportOrderList.csv')
    const items = tmp.path('ExportOrderDetailList.csv')
    writeCsv(
      orders,
      [
        [
          '订单编号',
          '买家会员名',
          '买家应付货款',
          '收货人姓名',
          '收货地址 ',
          '联系电话 ',
          '联系手机',
          '订单创建时间',
          '订单付款时间 ',
          '宝贝标题 ',
          '宝贝种类',
          '宝贝总数量',
          '买家留言',
          '订单备注'
        ],
        [
          '="3456789012345678"',
          'tb001',
          '99',
          '张三',
          '浙江省 杭州市 西湖区 文三路100号(310000)',
          '',
          "'13812345678",
          '2026-11-20 10:00:00',
          '2026-11-20 10:01:00',
          '杯 盖',
          '2',
          '3',
          '周末送',
          ''
        ],
        [
          '="3456789012345679"',
          'tb002',
          '10',
          '李四',
          '北京 北京市 海淀区 中关村大街1号(100000)',
          '010-88886666',
          '',
          '2026-11-20 11:00:00',
          '',
          '茶',
          '1',
          '1',
          '',
          '老客户'
        ],
        [
          '="3456789012345680"',
          'tb003',
          '10',
          '王五',
          '浙江省 杭州市 西湖区 文三路1号',
          '',
          '13812345670',
          '2026-11-20 11:00:00',
          '',
          '茶',
          '1',
          '1',
          '',
          ''
        ]
      ],
      { encoding: 'gbk' }
    )
    writeCsv(
      items,
      [
        [
          '订单编号',
          '标题',
          '价格',
          '购买数量',
          '外部系统编号',
          '商品属性',
          '套餐信息',
          '备注',
          '订单状态',
          '商家编码'
        ],
        [
          '="3456789012345678"',
          '保温杯',
          '49',
          '2',
          '',
          '颜色分类：白色',
          '',
          '',
          '买家已付款',
          'CUP-WH'
        ],
        ['="3456789012345678"', '杯盖', '1', '1', '', '', '', '', '买家已付款', 'LID'],
        ['="3456789012345679"', '龙井', '10', '1', 'TEA-EXT', '', '', '', '买家已付款', ''],
        ['="3456789012345699"', '孤儿商品', '10', '1', '', '', '', '', '买家已付款', 'X']
      ],
      { encoding: 'gbk' }
    )
    const plan = await previewImport(ctx, { file: orders, itemsFile: items })
    expect(plan.preview.orders.preset).toBe('taobao')
    expect(plan.preview.items?.preset).toBe('taobao-items')
    expect(plan.preview.counts).toMatchObject({ new: 2, rejected: 2 })
    expect(plan.preview.rejected.map((r) => [r.source, r.row, r.code])).toEqual([
      ['orders', 4, 'items_missing'],
      ['items', 5, 'item_order_missing']
    ])
    commitImport(ctx, plan)
    const first = orderDetail('3456789012345678')
    expect(first.items.map((i) => [i.title, i.sku, i.quantity])).toEqual([
      ['保温杯（颜色分类：白色）', 'CUP-WH', 2],
      ['杯盖', 'LID', 1]
    ])
    expect(first.receiver).toMatchObject({ phone: '13812345678', detail: '文三路100号' })
    expect(first.remark).toBe('周末送')
    const second = orderDetail('3456789012345679')
    expect(second.receiver).toMatchObject({
      phone: '010-88886666',
      province: '北京市',
      district: '海淀区'
    })
    expect(second.items[0]?.sku).toBe('TEA-EXT')
  })
})

describe('duplicates, printed orders, one transaction', () => {
  async function importRows(rows: (string | number)[][], onDuplicate: 'skip' | 'update' = 'skip') {
    const file = tmp.path(`orders-${String(Math.random()).slice(2)}.xlsx`)
    await writeXlsx(file, [HEADER, ...rows])
    const plan = await previewImport(ctx, { file }, { onDuplicate })
    return { plan, done: commitImport(ctx, plan) }
  }
  const row = (id: string, qty: number): (string | number)[] => [
    id,
    '张三',
    '13812345678',
    '浙江 杭州 西湖区 文三路1号',
    '杯',
    'S',
    qty
  ]

  test('skip leaves existing orders, update replaces them, identical ones are unchanged', async () => {
    await importRows([row('D1', 1), row('D2', 1)])
    const skip = await importRows([row('D1', 1), row('D2', 5), row('D3', 1)])
    expect(skip.plan.preview.counts).toEqual({
      new: 1,
      updated: 0,
      unchanged: 2,
      skipped: 1,
      rejected: 0
    })
    expect(orderDetail('D2').items[0]?.quantity).toBe(1)
    const update = await importRows([row('D1', 1), row('D2', 5)], 'update')
    expect(update.plan.preview.counts).toEqual({
      new: 0,
      updated: 1,
      unchanged: 1,
      skipped: 0,
      rejected: 0
    })
    expect(update.done).toMatchObject({ accepted: 0, updated: 1, unchanged: 1 })
    expect(orderDetail('D2').items[0]?.quantity).toBe(5)
    expect(countRows(ctx.db)).toEqual({ orders: 3, items: 3, audit: 3 })
  })

  test('an order with a printed package is never changed and is reported as held', async () => {
    await importRows([row('P1', 1), row('P2', 1)])
    const p1 = findOrderByPlatformId(ctx.db, 1, 'P1')?.id ?? 0
    ctx.db
      .prepare(
        `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, print_state, created_at) VALUES (?, 1, 'first', 'SF', 'SF1', 'printed', 0)`
      )
      .run(p1)
    const { plan, done } = await importRows([row('P1', 9), row('P2', 9)], 'update')
    expect(plan.preview.counts).toMatchObject({ updated: 1, rejected: 1 })
    expect(done.rejected).toEqual([expect.objectContaining({ row: 2, code: 'printed_package' })])
    expect(orderDetail('P1').items[0]?.quantity).toBe(1)
    expect(orderDetail('P2').items[0]?.quantity).toBe(9)
  })

  test('a package printed between preview and commit is caught inside the commit', async () => {
    await importRows([row('L1', 1)])
    const file = tmp.path('late.xlsx')
    await writeXlsx(file, [HEADER, row('L1', 7)])
    const plan = await previewImport(ctx, { file }, { onDuplicate: 'update' })
    expect(plan.preview.counts.updated).toBe(1)
    const id = findOrderByPlatformId(ctx.db, 1, 'L1')?.id ?? 0
    ctx.db
      .prepare(
        `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, print_state, created_at) VALUES (?, 1, 'first', 'SF', 'SF2', 'printing', 0)`
      )
      .run(id)
    const done = commitImport(ctx, plan)
    expect(done.updated).toBe(0)
    expect(done.rejected.map((r) => r.code)).toEqual(['printed_package'])
    expect(orderDetail('L1').items[0]?.quantity).toBe(1)
  })

  test('invariant 6: a failure in the middle of the commit leaves zero rows written', async () => {
    await importRows([row('K0', 1)])
    const before = countRows(ctx.db)
    const file = tmp.path('fail.xlsx')
    await writeXlsx(file, [HEADER, row('K0', 3), row('K1', 1), row('K2', 1), row('K3', 1)])
    const plan = await previewImport(ctx, { file }, { onDuplicate: 'update' })
    expect(plan.preview.counts).toMatchObject({ new: 3, updated: 1 })
    // A real SQLite failure on the third insert (after the update and two inserts ran).
    ctx.db.exec(
      `CREATE TEMP TRIGGER fail_mid BEFORE INSERT ON orders WHEN new.platform_order_id = 'K3' BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`
    )
    expect(() => commitImport(ctx, plan)).toThrow(/disk on fire/)
    expect(countRows(ctx.db)).toEqual(before)
    expect(orderDetail('K0').items[0]?.quantity).toBe(1)
    ctx.db.exec('DROP TRIGGER fail_mid')
    expect(commitImport(ctx, plan)).toMatchObject({ accepted: 3, updated: 1 })
  })
})

describe('progress and cancel', () => {
  test('reports progress and a cancelled import writes nothing', async () => {
    const file = tmp.path('big.csv')
    const { header, rows } = generatedOrders(6000)
    writeCsv(file, [header, ...rows])
    const seen: ImportProgress[] = []
    const controller = new AbortController()
    const error = await refusal(
      previewImport(
        ctx,
        { file },
        {
          signal: controller.signal,
          onProgress: (p) => {
            seen.push(p)
            if (p.rowsRead >= 3000) {
              controller.abort()
            }
          }
        }
      )
    )
    expect(error.code).toBe('CANCELLED')
    expect(seen.length).toBeGreaterThan(0)
    expect(countRows(ctx.db).orders).toBe(0)

    const all: ImportProgress[] = []
    const plan = await previewImport(ctx, { file }, { onProgress: (p) => all.push(p) })
    const last = all.at(-1)
    expect(last?.phase).toBe('done')
    expect(last?.rowsRead).toBe(rows.length)
    expect(last?.bytesRead).toBe(last?.bytesTotal)
    expect(all.some((p) => p.phase === 'reading' && p.bytesRead > 0)).toBe(true)
    const aborted = new AbortController()
    aborted.abort()
    expect(() => commitImport(ctx, plan, { signal: aborted.signal })).toThrow(ImportError)
    expect(countRows(ctx.db).orders).toBe(0)
    expect(commitImport(ctx, plan).accepted).toBe(6000)
  })
})

describe('mapping per layout', () => {
  test('an unrecognised layout is mapped once by hand, saved, and found again', async () => {
    const file = tmp.path('odd.csv')
    writeCsv(file, [
      ['单据', '客户名', '电联', '送货到', '货物', '件'],
      ['Z1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', '2']
    ])
    const first = await inspectImportFile(ctx, file)
    expect(first.missing).toContain('orderId')
    expect(first.headers).toEqual(['单据', '客户名', '电联', '送货到', '货物', '件'])
    expect(first.sample).toEqual([
      ['Z1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', '2']
    ])
    await expect(previewImport(ctx, { file })).rejects.toThrow(/No header row/)

    const mapping = {
      orderId: '单据',
      receiverName: '客户名',
      phone: '电联',
      address: '送货到',
      title: '货物',
      quantity: '件'
    }
    saveImportMapping(ctx, first.signature, mapping)
    expect(loadImportMapping(ctx, first.signature)).toEqual(mapping)
    const again = await inspectImportFile(ctx, file)
    expect(again).toMatchObject({ mappingSource: 'saved', missing: [] })
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.orders.mappingSource).toBe('saved')
    commitImport(ctx, plan)
    expect(orderDetail('Z1').items[0]?.quantity).toBe(2)
  })

  test('an explicit mapping overrides detection', async () => {
    const file = tmp.path('two-phones.csv')
    writeCsv(file, [
      ['订单号', '收货人', '手机', '备用手机', '收货地址', '商品名称'],
      ['Y1', '张三', '12345', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯']
    ])
    const detected = await previewImport(ctx, { file })
    expect(detected.preview.rejected[0]?.column).toBe('手机')
    const plan = await previewImport(
      ctx,
      { file },
      {
        mapping: {
          orderId: '订单号',
          receiverName: '收货人',
          phone: '备用手机',
          address: '收货地址',
          title: '商品名称'
        }
      }
    )
    expect(plan.preview.orders.mappingSource).toBe('explicit')
    expect(plan.preview.rejected).toEqual([])
  })
})

describe('rejected rows sheet and template', () => {
  test('writes rejected rows with their original cells and a reason column, formula-safe', async () => {
    const file = tmp.path('mixed.xlsx')
    await writeXlsx(file, [
      ['订单导出'],
      HEADER,
      ['R1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', 'S', 1],
      ['R2', '=HYPERLINK("http://x")', '123', '浙江 杭州 西湖区 文三路2号', '杯', 'S', 1],
      ['R3', '王五', '13812345678', '火星', '杯', 'S', 1]
    ])
    const plan = await previewImport(ctx, { file })
    const csvOut = tmp.path('rejected.csv')
    expect(await writeRejectedRows(plan.preview.orders, plan.preview.rejected, csvOut)).toEqual({
      rows: 2
    })
    const text = readFileSync(csvOut, 'utf8')
    expect(text.startsWith('\ufeff订单号,收货人,手机,收货地址,商品名称,SKU,数量,原因')).toBe(true)
    const lines = text.trim().split('\r\n')
    expect(lines).toHaveLength(3)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x"")"`)
    expect(lines[1]).toContain('[手机] 手机不是有效的手机号')
    expect(lines[2]).toContain('[收货地址] 地址中找不到省份')

    const xlsxOut = tmp.path('rejected.xlsx')
    await writeRejectedRows(plan.preview.orders, plan.preview.rejected, xlsxOut, { lang: 'en-US' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.readFile(xlsxOut)
    const sheet = book.worksheets[0]
    expect(sheet?.getRow(1).values).toEqual([undefined, ...HEADER, 'Reason'])
    expect(sheet?.getCell('A2').value).toBe('R2')
    expect(sheet?.getCell('B2').value).toBe(`'=HYPERLINK("http://x")`)
    expect(sheet?.getCell('H3').text).toContain('no province')

    // The fixed sheet imports again (the apostrophe-escaped name is a text cell).
    const fixedPlan = await previewImport(ctx, { file: xlsxOut })
    expect(fixedPlan.preview.rejected.map((r) => r.row)).toEqual([2, 3])
  })

  test('the template imports its own example row', async () => {
    const file = tmp.path('template.xlsx')
    await writeImportTemplate(file)
    const inspection = await inspectImportFile(ctx, file)
    expect(inspection).toMatchObject({ preset: 'template', missing: [], headerRow: 1 })
    const result = await importForCli(ctx, file, { preset: 'template' })
    expect(result).toEqual({ accepted: 1, updated: 0, rejected: [] })
    const order = orderDetail('T20261120001')
    expect(order.items[0]).toMatchObject({
      title: '保温杯（500ml 白色）',
      sku: 'CUP-500-WH',
      quantity: 2,
      unitWeightG: 350,
      warehouse: '杭州仓'
    })
    expect(order.remark).toBe('请周末送达')
  })
})

describe('CLI', () => {
  test('dry run counts orders (not rows) and writes nothing; the real run writes them', async () => {
    const file = tmp.path('cli.csv')
    writeCsv(file, [
      HEADER,
      ['C1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '杯', 'S', '1'],
      ['C1', '张三', '13812345678', '浙江 杭州 西湖区 文三路1号', '盖', 'T', '1'],
      ['C2', '李四', '1381234567', '浙江 杭州 西湖区 文三路2号', '杯', 'S', '1']
    ])
    const dry = await importForCli(ctx, file, { dryRun: true })
    expect(dry).toEqual({
      accepted: 1,
      updated: 0,
      rejected: [
        {
          row: 4,
          column: '手机',
          reason: expect.stringContaining('must be a mainland mobile') as string
        }
      ]
    })
    expect(countRows(ctx.db)).toEqual({ orders: 0, items: 0, audit: 0 })
    const real = await importForCli(ctx, file, { onDuplicate: 'skip' })
    expect(real.accepted).toBe(1)
    expect(countRows(ctx.db)).toEqual({ orders: 1, items: 2, audit: 1 })
    const again = await importForCli(ctx, file, { onDuplicate: 'update' })
    expect(again).toMatchObject({ accepted: 0, updated: 0 })
  })

  test('a GBK file saved with iconv round-trips the Chinese text exactly', async () => {
    const file = tmp.path('gbk.csv')
    writeFileSync(
      file,
      iconv.encode(
        `${HEADER.join(',')}\r\nB1,欧阳娜娜,13812345678,新疆维吾尔自治区 乌鲁木齐市 天山区 解放南路1号,葡萄干,S,1\r\n`,
        'gbk'
      )
    )
    await importForCli(ctx, file)
    expect(orderDetail('B1').receiver).toMatchObject({
      name: '欧阳娜娜',
      province: '新疆维吾尔自治区',
      city: '乌鲁木齐市'
    })
  })
})
