import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import ExcelJS from 'exceljs'
import { commitImport, previewImport, writeImportTemplate } from '../../../src/main/core/import'
import { findOrderByPlatformId } from '../../../src/main/core/db/orders-repo'
import { addOrder, getOrder, listOrders } from '../../../src/main/core/orders/orders-service'
import { OrderInput, OrderListQuery } from '../../../src/shared/schemas/order'
import { importContext, tempDir, writeCsv, writeXlsx } from '../../support/import-fixtures'

/**
 * Issue 9 item 1, end to end on a real SQLite file: platform exports carry development zones and
 * renamed districts the division data lacks. Province and city resolve, so the order imports
 * with its district as written, marked 平台区县, and the list filters on the mark. Only an
 * unknown province or city refuses the row, with its row, column and reason.
 */

let tmp: ReturnType<typeof tempDir>
let ctx: ReturnType<typeof importContext>

beforeEach(() => {
  tmp = tempDir('wbs-platform-district-')
  ctx = importContext(tmp.path('station.sqlite'))
})
afterEach(() => {
  ctx.db.close()
  tmp.remove()
})

function stored(platformOrderId: string) {
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

function list(filter: Record<string, unknown>) {
  const page = listOrders(ctx, OrderListQuery.parse({ limit: 500, ...filter }))
  if (!page.ok) {
    throw new Error('list failed')
  }
  return page.value
}

/** Zones of eight provinces and renamed districts of three cities, as a platform writes them. */
const ZONES: readonly (readonly [string, string, string, string])[] = [
  ['Z-HA', '河南省', '郑州市', '郑州经开区'],
  ['Z-JL', '吉林省', '长春市', '长春新区'],
  ['Z-AH', '安徽省', '合肥市', '合肥滨湖新区'],
  ['Z-SN', '陕西省', '西安市', '西安高新区'],
  ['Z-SC', '四川省', '成都市', '成都高新区'],
  ['Z-JS', '江苏省', '苏州市', '苏州高新区'],
  ['Z-CQ', '重庆市', '重庆市', '两江新区'],
  ['Z-LN', '辽宁省', '大连市', '金普新区'],
  ['Z-SD', '山东省', '青岛市', '青岛保税区'],
  ['R-BJ', '北京市', '北京市', '崇文区'],
  ['R-SH', '上海市', '上海市', '闸北区'],
  ['R-HZ', '浙江省', '杭州市', '江干区'],
  ['R-GZ', '广东省', '广州市', '萝岗区']
]

describe('an export whose districts include zones and renamed districts', () => {
  test('separate region columns (快手-style): every order imports, marked and filterable', async () => {
    const file = tmp.path('kuaishou.xlsx')
    const header = [
      '订单号',
      '收货人',
      '手机',
      '省',
      '市',
      '区',
      '详细地址',
      '商品名称',
      'SKU',
      '数量'
    ]
    const rows = ZONES.map(([id, province, city, district], i) => [
      id,
      '张三',
      `1381234${String(5000 + i)}`,
      province,
      // Older exports write the municipality's city as the data's 市辖区.
      city === province ? '市辖区' : city,
      district,
      `幸福路 ${String(i + 1)} 号`,
      '保温杯',
      'CUP-1',
      1
    ])
    await writeXlsx(file, [
      header,
      ...rows,
      [
        'K-OK',
        '李四',
        '13912345678',
        '上海市',
        '市辖区',
        '浦东新区',
        '世纪大道 1 号',
        '杯',
        'C',
        1
      ],
      [
        'K-BADP',
        '王五',
        '13912345679',
        '火星省',
        '火星市',
        '高新区',
        '奥林匹斯山 1 号',
        '杯',
        'C',
        1
      ],
      ['K-BADC', '赵六', '13912345670', '河南省', '火星市', '高新区', '航海路 1 号', '杯', 'C', 1]
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.counts.new).toBe(ZONES.length + 1)
    // Only the unknown province and the unknown city are refused, each on its row and column.
    expect(plan.preview.rejected.map((r) => [r.row, r.column, r.code])).toEqual([
      [ZONES.length + 3, '省', 'address_province_unknown'],
      [ZONES.length + 4, '市', 'address_city_unknown']
    ])
    expect(commitImport(ctx, plan).accepted).toBe(ZONES.length + 1)

    for (const [id, province, city, district] of ZONES) {
      const order = stored(id)
      expect(order.receiver, id).toMatchObject({ province, city, district })
      expect(order.platformDistrict, id).toBe(true)
    }
    const pudong = stored('K-OK')
    expect(pudong.receiver).toMatchObject({
      province: '上海市',
      city: '上海市',
      district: '浦东新区'
    })
    expect(pudong.platformDistrict).toBe(false)

    // The list: the mark on each row, the filter, and no 市辖区 anywhere.
    const all = list({})
    expect(all.total).toBe(ZONES.length + 1)
    expect(JSON.stringify(all.rows)).not.toContain('市辖区')
    expect(all.rows.find((r) => r.platformOrderId === 'K-OK')?.region).toBe('上海市 浦东新区')
    expect(all.rows.find((r) => r.platformOrderId === 'R-SH')?.region).toBe('上海市 闸北区')
    const only = list({ platformDistrict: true })
    expect(only.total).toBe(ZONES.length)
    expect(only.rows.every((r) => r.platformDistrict)).toBe(true)
    expect(list({ platformDistrict: false }).rows.map((r) => r.platformOrderId)).toEqual(['K-OK'])
    // The filter combines with the region filter.
    expect(
      list({ platformDistrict: true, province: '上海市', city: '上海市' }).rows.map(
        (r) => r.platformOrderId
      )
    ).toEqual(['R-SH'])
  })

  test('one address column (淘宝-style csv, GBK): zones written straight on import too', async () => {
    const file = tmp.path('taobao.csv')
    const header = [
      '订单编号',
      '收货人姓名',
      '联系手机',
      '收货地址',
      '宝贝标题',
      '商家编码',
      '购买数量'
    ]
    const addresses = [
      ['T-1', '河南省郑州市郑州经开区航海东路1号', '郑州经开区'],
      ['T-2', '陕西省 西安市 西安高新区 科技路4号', '西安高新区'],
      ['T-3', '天津市 天津经济技术开发区 第三大街8号', '天津经济技术开发区'],
      ['T-4', '重庆市两江新区金开大道7号', '两江新区'],
      ['T-5', '北京市崇文区东花市大街12号', '崇文区'],
      ['T-6', '上海市闸北区天目中路14号', '闸北区'],
      ['T-7', '四川省成都市成都高新区天府大道5号', '成都高新区']
    ] as const
    writeCsv(
      file,
      [
        header,
        ...addresses.map(([id, address], i) => [
          id,
          '张三',
          `1381234${String(6000 + i)}`,
          address,
          '杯',
          'C',
          '1'
        ])
      ],
      { encoding: 'gbk' }
    )
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected).toEqual([])
    expect(commitImport(ctx, plan).accepted).toBe(addresses.length)
    for (const [id, , district] of addresses) {
      const order = stored(id)
      expect(order.receiver.district, id).toBe(district)
      expect(order.platformDistrict, id).toBe(true)
      expect(order.receiver.city, id).not.toBe('市辖区')
    }
  })
})

describe('manual entry', () => {
  const input = (province: string, city: string, district: string) =>
    OrderInput.parse({
      receiver: { name: '张三', phone: '13812345678', province, city, district, detail: '1 号' },
      items: [{ sku: 'CUP-1', title: '保温杯', quantity: 1, unitWeightG: 300 }]
    })

  test.each([
    ['陕西省', '西安市', '西安高新区'],
    ['江苏省', '苏州市', '苏州高新区'],
    ['北京市', '北京市', '宣武区'],
    ['上海市', '上海市', '卢湾区'],
    ['浙江省', '杭州市', '下城区'],
    ['广东省', '广州市', '萝岗区']
  ])('%s %s %s is kept as written and marked', (province, city, district) => {
    const created = addOrder(ctx, input(province, city, district))
    expect(created.ok).toBe(true)
    if (created.ok) {
      expect(created.value.receiver).toMatchObject({ province, city, district })
      expect(created.value.platformDistrict).toBe(true)
    }
  })

  test('a listed district is not marked; a municipality given as 市辖区 is stored as itself', () => {
    const created = addOrder(ctx, input('上海市', '市辖区', '浦东新区'))
    expect(created.ok && created.value.receiver.city).toBe('上海市')
    expect(created.ok && created.value.platformDistrict).toBe(false)
  })

  test('an unknown city is still refused by the contract', () => {
    const parsed = OrderInput.safeParse({
      receiver: {
        name: '张三',
        phone: '13812345678',
        province: '河南省',
        city: '火星市',
        district: '高新区',
        detail: '1 号'
      },
      items: [{ sku: 'CUP-1', title: '保温杯', quantity: 1, unitWeightG: 300 }]
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['receiver', 'city'],
      message: 'city_not_in_province'
    })
  })
})

test('the import template never tells the user to write 市辖区', async () => {
  const file = tmp.path('template.xlsx')
  await writeImportTemplate(file)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const texts: string[] = []
  for (const sheet of workbook.worksheets) {
    sheet.eachRow((row) => {
      row.eachCell((c) => texts.push(c.text))
    })
  }
  expect(texts.join('\n')).not.toContain('市辖区')
  expect(texts.join('\n')).toContain('平台区县')
})
