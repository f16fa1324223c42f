import { describe, expect, test } from 'vitest'
import { toFieldIssues } from '../../../src/main/core/api/dispatch'
import { OrderInput, OrderListQuery } from '../../../src/shared/schemas/order'
import { validOrderInput } from '../../support/core-fixtures'

const base = validOrderInput()
const receiver = base.receiver
const item = base.items[0]

/** `path:code` of every issue, the way dispatch reports them. */
function problems(payload: unknown): string[] {
  const parsed = OrderInput.safeParse(payload)
  return parsed.success ? [] : toFieldIssues(parsed.error).map((i) => `${i.path}:${i.code}`)
}

describe('OrderInput', () => {
  test('fills defaults: shop 1, empty remark, ambient items, no order id', () => {
    const parsed = OrderInput.parse(base)
    expect(parsed.shopId).toBe(1)
    expect(parsed.remark).toBe('')
    expect(parsed.platformOrderId).toBeUndefined()
    expect(parsed.items[0]?.temperatureZone).toBe('ambient')
    expect(parsed.items[0]?.warehouse).toBeUndefined()
  })

  test('trims text before checking it', () => {
    const parsed = OrderInput.parse({
      ...base,
      platformOrderId: '  KS-1 ',
      receiver: {
        name: '  张三 ',
        phone: ' 0571-88886666 ',
        province: ' 浙江省',
        city: '杭州市 ',
        district: ' 西湖区 ',
        detail: ' 文三路 1 号 '
      },
      items: [{ ...item, sku: ' A-1 ', title: ' 杯子 ' }],
      remark: ' 轻放 '
    })
    expect(parsed.platformOrderId).toBe('KS-1')
    expect(parsed.receiver).toEqual({
      name: '张三',
      phone: '0571-88886666',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 1 号'
    })
    expect([parsed.items[0]?.sku, parsed.items[0]?.title, parsed.remark]).toEqual([
      'A-1',
      '杯子',
      '轻放'
    ])
  })

  test('drops unknown fields instead of passing them on', () => {
    const parsed = OrderInput.parse({
      ...base,
      id: 99,
      status: 'shipped',
      receiver: { ...receiver, x: 1 }
    })
    expect(parsed).not.toHaveProperty('id')
    expect(parsed).not.toHaveProperty('status')
    expect(parsed.receiver).not.toHaveProperty('x')
  })

  test.each([
    ['name at 50 characters', { ...base, receiver: { ...receiver, name: '张'.repeat(50) } }, []],
    [
      'name at 51 characters',
      { ...base, receiver: { ...receiver, name: '张'.repeat(51) } },
      ['receiver.name:too_long']
    ],
    ['detail at 200', { ...base, receiver: { ...receiver, detail: '路'.repeat(200) } }, []],
    [
      'detail at 201',
      { ...base, receiver: { ...receiver, detail: '路'.repeat(201) } },
      ['receiver.detail:too_long']
    ],
    ['200 items', { ...base, items: Array.from({ length: 200 }, () => item) }, []],
    [
      '201 items',
      { ...base, items: Array.from({ length: 201 }, () => item) },
      ['items:too_many_items']
    ],
    ['quantity 99 999', { ...base, items: [{ ...item, quantity: 99_999 }] }, []],
    [
      'quantity 100 000',
      { ...base, items: [{ ...item, quantity: 100_000 }] },
      ['items.0.quantity:too_large']
    ],
    ['weight 0 g', { ...base, items: [{ ...item, unitWeightG: 0 }] }, []],
    [
      'weight over 1 t',
      { ...base, items: [{ ...item, unitWeightG: 1_000_001 }] },
      ['items.0.unitWeightG:too_large']
    ],
    [
      'missing weight',
      { ...base, items: [{ sku: 'A', title: 'B', quantity: 1 }] },
      ['items.0.unitWeightG:number_required']
    ],
    [
      'NaN quantity',
      { ...base, items: [{ ...item, quantity: Number.NaN }] },
      ['items.0.quantity:number_required']
    ],
    ['order id at 64', { ...base, platformOrderId: 'A'.repeat(64) }, []],
    ['order id at 65', { ...base, platformOrderId: 'A'.repeat(65) }, ['platformOrderId:too_long']],
    ['order id with _ and -', { ...base, platformOrderId: 'KS_2025-11-23' }, []],
    [
      'order id with Chinese',
      { ...base, platformOrderId: '订单1' },
      ['platformOrderId:order_id_chars']
    ],
    [
      'order id with a slash',
      { ...base, platformOrderId: 'KS/1' },
      ['platformOrderId:order_id_chars']
    ],
    ['shop 0', { ...base, shopId: 0 }, ['shopId:too_small']],
    ['shop as text', { ...base, shopId: '1' }, ['shopId:invalid_type']],
    ['createdAt negative', { ...base, createdAt: -5 }, ['createdAt:too_small']],
    [
      'createdAt as a date string',
      { ...base, createdAt: '2026-11-23' },
      ['createdAt:invalid_type']
    ],
    ['missing receiver', { items: [item] }, ['receiver:required']],
    ['empty sku', { ...base, items: [{ ...item, sku: ' ' }] }, ['items.0.sku:required']],
    ['sku at 65', { ...base, items: [{ ...item, sku: 'S'.repeat(65) }] }, ['items.0.sku:too_long']],
    [
      'warehouse at 51',
      { ...base, items: [{ ...item, warehouse: 'W'.repeat(51) }] },
      ['items.0.warehouse:too_long']
    ]
  ])('%s', (_, payload, expected) => {
    expect(problems(payload)).toEqual(expected)
  })

  test('province and city must be real; a district the data lacks is a platform district', () => {
    expect(problems({ ...base, receiver: { ...receiver, city: '宁波市' } })).toEqual([])
    expect(problems({ ...base, receiver: { ...receiver, city: '火星市' } })).toEqual([
      'receiver.city:city_not_in_province'
    ])
    expect(
      problems({
        ...base,
        receiver: { ...receiver, province: '北京市', city: '市辖区', district: '朝阳区' }
      })
    ).toEqual([])
  })
})

describe('OrderListQuery', () => {
  test('defaults to the first 100 of everything', () => {
    expect(OrderListQuery.parse({})).toMatchObject({
      query: '',
      offset: 0,
      limit: 100,
      sort: 'created_desc',
      count: true
    })
  })

  test('trims the keyword', () => {
    expect(OrderListQuery.parse({ query: '  张三  ' }).query).toBe('张三')
  })
})
