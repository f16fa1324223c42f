import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Core } from '../../../src/main/core/app'
import { SEARCH_COUNT_CAP } from '../../../src/main/core/db/order-list-query'
import { insertOrders } from '../../../src/main/core/db/orders-repo'
import type { EventPayload } from '../../../src/shared/contract'
import {
  callErr,
  callOk,
  countRowsOf,
  insertTrackedPackage,
  newOrderRow,
  openTestCore,
  validOrderInput,
  type OrderAddInput,
  type TestCore
} from '../../support/core-fixtures'

/** 2026-11-23 09:30 local time: manual order numbers use the local date. */
const DAY_ONE = new Date(2026, 10, 23, 9, 30).getTime()
const DAY_TWO = new Date(2026, 10, 24, 0, 5).getTime()

let clock = DAY_ONE
let t: TestCore
let core: Core
let changed: EventPayload<'orders.changed'>[]

beforeEach(() => {
  clock = DAY_ONE
  t = openTestCore({ now: () => clock })
  core = t.core
  changed = []
  core.subscribe((event, payload) => {
    if (event === 'orders.changed' && 'ids' in payload) {
      changed.push(payload)
    }
  })
})

afterEach(() => {
  t.dispose()
})

function written(): { orders: number; items: number; audit: number } {
  return {
    orders: countRowsOf(core.db, 'orders'),
    items: countRowsOf(core.db, 'order_items'),
    audit: countRowsOf(core.db, 'audit_events')
  }
}

async function add(overrides: Partial<OrderAddInput> = {}) {
  return callOk(core, 'orders.add', validOrderInput(overrides))
}

describe('orders.add', () => {
  test('a valid order is written with its items, an audit event and a change event', async () => {
    const order = await add({ remark: '  易碎品  ' })
    expect(order).toMatchObject({
      shopId: 1,
      shopName: '手工店铺',
      platformOrderId: 'M20261123-0001',
      status: 'pending',
      remark: '易碎品',
      exemption: 'none',
      createdAt: DAY_ONE,
      paidAt: null,
      shippedAt: null,
      receiver: {
        name: '张三',
        phone: '13812341234',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区'
      },
      packages: []
    })
    expect(order.items).toEqual([
      {
        id: expect.any(Number) as number,
        lineNo: 1,
        sku: 'TS-WH-XL',
        title: '纯棉短袖T恤 白色 XL',
        quantity: 2,
        quantityShipped: 0,
        unitWeightG: 180,
        warehouse: null,
        temperatureZone: 'ambient'
      }
    ])
    expect(order.history).toEqual([
      {
        at: DAY_ONE,
        actor: 'tester',
        station: 'bench-1',
        action: 'order.created',
        details: { source: 'manual', platformOrderId: 'M20261123-0001' }
      }
    ])
    expect(written()).toEqual({ orders: 1, items: 1, audit: 1 })
    expect(changed).toEqual([{ ids: [order.id] }])
  })

  test('a given platform order id, times and several items are kept', async () => {
    const order = await add({
      platformOrderId: 'KS2511230098765432',
      createdAt: 1_763_800_000_000,
      paidAt: 1_763_800_060_000,
      items: [
        { sku: 'A', title: '冻品 牛排', quantity: 1, unitWeightG: 500, temperatureZone: 'frozen' },
        { sku: 'B', title: '常温 酱料', quantity: 3, unitWeightG: 0, warehouse: '二号仓' }
      ]
    })
    expect(order.platformOrderId).toBe('KS2511230098765432')
    expect(order.createdAt).toBe(1_763_800_000_000)
    expect(order.paidAt).toBe(1_763_800_060_000)
    expect(order.items.map((i) => [i.lineNo, i.sku, i.temperatureZone, i.warehouse])).toEqual([
      [1, 'A', 'frozen', null],
      [2, 'B', 'ambient', '二号仓']
    ])
  })

  test('manual orders are numbered M<yyyymmdd>-0001, -0002, restarting each local day', async () => {
    expect((await add()).platformOrderId).toBe('M20261123-0001')
    expect((await add()).platformOrderId).toBe('M20261123-0002')
    // An order with its own platform id does not use up a manual number.
    expect((await add({ platformOrderId: 'TB1234567890' })).platformOrderId).toBe('TB1234567890')
    expect((await add({ platformOrderId: '' })).platformOrderId).toBe('M20261123-0003')
    clock = DAY_TWO
    expect((await add()).platformOrderId).toBe('M20261124-0001')
    clock = DAY_ONE
    expect((await add()).platformOrderId).toBe('M20261123-0004')
  })

  test('manual numbering keeps working after a hand-typed id that shares the day prefix', async () => {
    // The schema allows letters after the prefix, e.g. a packer typing "M20261123-A1".
    await add({ platformOrderId: 'M20261123-A1' })
    const first = await core.dispatch('orders.add', validOrderInput())
    const second = await core.dispatch('orders.add', validOrderInput())
    expect(first).toMatchObject({
      ok: true,
      value: { platformOrderId: expect.stringMatching(/^M20261123-\d{4}$/) as string }
    })
    expect(second).toMatchObject({
      ok: true,
      value: { platformOrderId: expect.stringMatching(/^M20261123-\d{4}$/) as string }
    })
  })

  test('manual numbering goes past -9999 without reusing a number', async () => {
    insertOrders(core.db, [newOrderRow('M20261123-9999')])
    const first = await core.dispatch('orders.add', validOrderInput())
    const second = await core.dispatch('orders.add', validOrderInput())
    expect(first).toMatchObject({ ok: true, value: { platformOrderId: 'M20261123-10000' } })
    expect(second).toMatchObject({ ok: true, value: { platformOrderId: 'M20261123-10001' } })
  })

  test('a duplicate platform order id is a CONFLICT with a field issue, and nothing is written', async () => {
    await add({ platformOrderId: 'KS-42' })
    const before = written()
    changed = []
    const error = await callErr(core, 'orders.add', validOrderInput({ platformOrderId: ' KS-42 ' }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('KS-42')
    expect(error.details?.issues).toEqual([
      { path: 'platformOrderId', code: 'order_id_taken', message: expect.any(String) as string }
    ])
    expect(written()).toEqual(before)
    expect(changed).toEqual([])
  })

  test('an order for a shop that does not exist fails as data and writes nothing', async () => {
    const result = await core.dispatch('orders.add', validOrderInput({ shopId: 77 }))
    expect(result.ok).toBe(false)
    expect(written()).toEqual({ orders: 0, items: 0, audit: 0 })
  })

  const base = validOrderInput()
  const receiver = base.receiver
  const item = base.items[0]
  const invalid: readonly [string, unknown, string, string][] = [
    [
      'a bad mobile',
      { ...base, receiver: { ...receiver, phone: '1381234' } },
      'receiver.phone',
      'phone_invalid'
    ],
    [
      'a 12-digit mobile',
      { ...base, receiver: { ...receiver, phone: '138123412345' } },
      'receiver.phone',
      'phone_invalid'
    ],
    [
      'an empty phone',
      { ...base, receiver: { ...receiver, phone: '  ' } },
      'receiver.phone',
      'required'
    ],
    [
      'a missing name',
      { ...base, receiver: { ...receiver, name: undefined } },
      'receiver.name',
      'required'
    ],
    [
      'a blank name',
      { ...base, receiver: { ...receiver, name: '   ' } },
      'receiver.name',
      'required'
    ],
    [
      // A district the data lacks is kept as a platform district; a blank one is refused.
      'a blank district',
      { ...base, receiver: { ...receiver, district: '  ' } },
      'receiver.district',
      'required'
    ],
    [
      'a city of another province',
      { ...base, receiver: { ...receiver, city: '深圳市' } },
      'receiver.city',
      'city_not_in_province'
    ],
    [
      'an unknown province',
      { ...base, receiver: { ...receiver, province: '火星省' } },
      'receiver.province',
      'province_unknown'
    ],
    [
      'quantity 0',
      { ...base, items: [{ ...item, quantity: 0 }] },
      'items.0.quantity',
      'quantity_min'
    ],
    [
      'a fractional quantity',
      { ...base, items: [{ ...item, quantity: 1.5 }] },
      'items.0.quantity',
      'integer_required'
    ],
    [
      'a quantity as a string',
      { ...base, items: [{ ...item, quantity: '2' }] },
      'items.0.quantity',
      'number_required'
    ],
    [
      'a negative weight',
      { ...base, items: [item, { ...item, unitWeightG: -1 }] },
      'items.1.unitWeightG',
      'not_negative'
    ],
    ['missing items', { receiver }, 'items', 'required'],
    ['an empty item list', { ...base, items: [] }, 'items', 'items_required'],
    ['items as an object', { ...base, items: { 0: item } }, 'items', 'invalid_type'],
    [
      'a receiver as a string',
      { ...base, receiver: '张三 13812341234' },
      'receiver',
      'invalid_type'
    ],
    [
      'an unknown temperature zone',
      { ...base, items: [{ ...item, temperatureZone: 'hot' }] },
      'items.0.temperatureZone',
      'invalid_value'
    ],
    [
      'an order id with spaces',
      { ...base, platformOrderId: 'KS 42' },
      'platformOrderId',
      'order_id_chars'
    ],
    ['a too long remark', { ...base, remark: 'x'.repeat(501) }, 'remark', 'too_long'],
    ['a null payload', null, '', 'invalid_type']
  ]

  test.each(invalid)(
    '%s is refused as data with its field path and code',
    async (_, payload, path, code) => {
      const error = await callErr(core, 'orders.add', payload)
      expect(error.code).toBe('VALIDATION')
      expect(error.details?.issues).toEqual(
        expect.arrayContaining([{ path, code, message: expect.any(String) as string }])
      )
      if (path !== '') {
        expect(error.message).toContain(path)
      }
      expect(written()).toEqual({ orders: 0, items: 0, audit: 0 })
      expect(changed).toEqual([])
    }
  )

  test('several problems are all reported at once', async () => {
    const error = await callErr(core, 'orders.add', {
      receiver: { ...receiver, phone: 'abc', name: '' },
      items: [{ ...item, quantity: 0 }]
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.issues?.map((i) => `${i.path}:${i.code}`)).toEqual(
      expect.arrayContaining([
        'receiver.phone:phone_invalid',
        'receiver.name:required',
        'items.0.quantity:quantity_min'
      ])
    )
  })

  test.each(['orders.delete', '__proto__', 'toString', 'constructor', ''])(
    'the unknown method %j is refused and writes nothing',
    async (method) => {
      const error = await callErr(core, method, validOrderInput())
      expect(error.code).toBe('UNKNOWN_METHOD')
      expect(written()).toEqual({ orders: 0, items: 0, audit: 0 })
    }
  )
})

describe('orders.list', () => {
  test('lists newest first, with summaries', async () => {
    const a = await add({ platformOrderId: 'A-1' })
    clock += 60_000
    const b = await add({
      platformOrderId: 'B-2',
      items: [{ sku: 'X', title: '杯子', quantity: 3, unitWeightG: 1 }]
    })
    clock += 60_000
    const c = await add({ platformOrderId: 'C-3' })
    // Same creation time as C: the later id comes first.
    const d = await add({ platformOrderId: 'D-4' })
    const page = await callOk(core, 'orders.list', {})
    expect(page.rows.map((r) => r.id)).toEqual([d.id, c.id, b.id, a.id])
    expect(page).toMatchObject({ total: 4, totalCapped: false, offset: 0 })
    expect(page.rows[2]).toMatchObject({
      platformOrderId: 'B-2',
      receiverName: '张三',
      receiverPhone: '13812341234',
      region: '浙江省 杭州市 西湖区',
      itemCount: 3,
      itemSummary: '杯子×3',
      trackingNumbers: []
    })
  })

  test('pages by offset and limit without overlap', async () => {
    const ids: number[] = []
    for (let i = 0; i < 7; i += 1) {
      clock += 1000
      ids.push((await add()).id)
    }
    const newestFirst = [...ids].reverse()
    const p1 = await callOk(core, 'orders.list', { limit: 3 })
    const p2 = await callOk(core, 'orders.list', { limit: 3, offset: 3 })
    const p3 = await callOk(core, 'orders.list', { limit: 3, offset: 6 })
    expect([p1, p2, p3].map((p) => p.total)).toEqual([7, 7, 7])
    expect(p2.offset).toBe(3)
    expect([...p1.rows, ...p2.rows, ...p3.rows].map((r) => r.id)).toEqual(newestFirst)
    expect((await callOk(core, 'orders.list', { offset: 50 })).rows).toEqual([])
  })

  test('filters by status', async () => {
    const a = await add()
    await add()
    core.db.prepare(`UPDATE orders SET status = 'shipped' WHERE id = ?`).run(a.id)
    const shipped = await callOk(core, 'orders.list', { status: 'shipped' })
    expect(shipped.rows.map((r) => r.id)).toEqual([a.id])
    expect(shipped.total).toBe(1)
    expect((await callOk(core, 'orders.list', { status: 'pending' })).total).toBe(1)
  })

  test.each([
    [{ limit: 0 }, 'limit'],
    [{ limit: 501 }, 'limit'],
    [{ offset: -1 }, 'offset'],
    [{ status: 'lost' }, 'status'],
    [{ query: 'x'.repeat(101) }, 'query']
  ])('a bad query %j is refused on %s', async (payload, path) => {
    const error = await callErr(core, 'orders.list', payload)
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.issues?.map((i) => i.path)).toContain(path)
  })
})

describe('search and scan', () => {
  type Seeded = { a: number; b: number; c: number; d: number }
  let ids: Seeded

  beforeEach(async () => {
    const r = validOrderInput().receiver
    const a = await add({
      platformOrderId: 'KS2511230001',
      receiver: { ...r, name: '张三丰', phone: '13812345678' }
    })
    clock += 1000
    const b = await add({
      platformOrderId: 'KS2511230002',
      receiver: { ...r, name: '张三', phone: '13987654321' }
    })
    clock += 1000
    const c = await add({
      platformOrderId: 'TB9988776655',
      receiver: {
        ...r,
        name: '欧阳娜娜',
        phone: '0571-88886666',
        province: '北京市',
        city: '市辖区',
        district: '朝阳区'
      }
    })
    clock += 1000
    const d = await add({ receiver: { ...r, name: '李四', phone: '13700001234' } })
    ids = { a: a.id, b: b.id, c: c.id, d: d.id }
    // Printing B's first package gives it a tracking number (simulated through SQL).
    insertTrackedPackage(core.db, b.id, 'SF1403927150123')
  })

  async function search(query: string): Promise<number[]> {
    const page = await callOk(core, 'orders.list', { query })
    expect(page.total).toBe(page.rows.length)
    return page.rows.map((r) => r.id)
  }

  test('by full order id', async () => {
    expect(await search('KS2511230001')).toEqual([ids.a])
    expect(await search('TB9988776655')).toEqual([ids.c])
  })

  test('by the start (4+ characters) of the order id', async () => {
    expect(await search('KS2511')).toEqual([ids.b, ids.a])
    expect(await search('TB99')).toEqual([ids.c])
    // Order-id tails are not a search key (not indexed, see listOrders).
    expect(await search('6655')).toEqual([])
    // Shorter identifier keys match whole values only, so "655" is not every id ending in 655.
    expect(await search('655')).toEqual([])
    // A fragment from the middle is not a key a packer types; it finds nothing rather than scanning.
    expect(await search('9988776')).toEqual([])
  })

  test('by a 2-character Chinese name (prefix)', async () => {
    expect(await search('张三')).toEqual([ids.b, ids.a])
    expect(await search('欧阳')).toEqual([ids.c])
    expect(await search('李四')).toEqual([ids.d])
  })

  test('by a 3+ character name', async () => {
    expect(await search('张三丰')).toEqual([ids.a])
    expect(await search('欧阳娜娜')).toEqual([ids.c])
  })

  test('by full phone and by the last 4 digits', async () => {
    expect(await search('13812345678')).toEqual([ids.a])
    expect(await search('0571-88886666')).toEqual([ids.c])
    expect(await search('5678')).toEqual([ids.a])
    expect(await search('4321')).toEqual([ids.b])
    expect(await search('6666')).toEqual([ids.c])
  })

  test('by tracking number', async () => {
    expect(await search('SF1403927150123')).toEqual([ids.b])
    const page = await callOk(core, 'orders.list', { query: 'SF1403927150123' })
    expect(page.rows[0]?.trackingNumbers).toEqual(['SF1403927150123'])
  })

  test('a tracking number set later (update) is found, and survives an edit of the order', async () => {
    const pkg = core.db
      .prepare(
        `INSERT INTO packages (order_id, sequence, role, created_at) VALUES (?, 1, 'first', 0)`
      )
      .run(ids.d)
    expect(await search('YT7788990011')).toEqual([])
    core.db
      .prepare(`UPDATE packages SET carrier = 'YTO', tracking_number = ? WHERE id = ?`)
      .run('YT7788990011', pkg.lastInsertRowid)
    expect(await search('YT7788990011')).toEqual([ids.d])
    // A second parcel of the same order: both numbers are searchable.
    insertTrackedPackage(core.db, ids.d, 'YT5544332211', { carrier: 'YTO', sequence: 2 })
    expect(await search('YT7788990011')).toEqual([ids.d])
    expect(await search('YT5544332211')).toEqual([ids.d])
    core.db.prepare(`UPDATE orders SET receiver_name = '李小四' WHERE id = ?`).run(ids.d)
    expect(await search('YT7788990011')).toEqual([ids.d])
    expect(await search('李小四')).toEqual([ids.d])
    expect(await search('李四')).toEqual([])
  })

  test('keywords with search-syntax characters are taken literally', async () => {
    for (const query of ['"KS', 'KS" OR "TB', 'KS*', 'NEAR(a b)', 'a:b', '张三 OR']) {
      const result = await core.dispatch('orders.list', { query })
      expect(result, query).toMatchObject({ ok: true, value: { total: 0 } })
    }
  })

  test('a keyword that matches nothing gives an empty page', async () => {
    expect(await search('NOPE-404')).toEqual([])
    expect(await search('王')).toEqual([])
  })

  test('orders.scan finds an order by order id and by tracking number', async () => {
    expect(await callOk(core, 'orders.scan', { code: 'KS2511230002' })).toEqual({
      orderId: ids.b,
      matchedBy: 'order_id'
    })
    expect(await callOk(core, 'orders.scan', { code: 'SF1403927150123' })).toEqual({
      orderId: ids.b,
      matchedBy: 'tracking_number'
    })
    // Scanners type the code and Enter; stray whitespace does not matter.
    expect(await callOk(core, 'orders.scan', { code: ' TB9988776655\n' })).toEqual({
      orderId: ids.c,
      matchedBy: 'order_id'
    })
    expect(await callOk(core, 'orders.scan', { code: 'SF140392715' })).toEqual({
      orderId: null,
      matchedBy: null
    })
    const empty = await callErr(core, 'orders.scan', { code: '   ' })
    expect(empty.details?.issues).toEqual([
      { path: 'code', code: 'required', message: expect.any(String) as string }
    ])
  })
})

describe('orders.get', () => {
  test('returns items, packages and history', async () => {
    const order = await add({ platformOrderId: 'KS-7' })
    insertTrackedPackage(core.db, order.id, 'SF0000000001')
    insertTrackedPackage(core.db, order.id, 'SF0000000002', { sequence: 2 })
    const got = await callOk(core, 'orders.get', { id: order.id })
    expect(got.items).toEqual(order.items)
    expect(
      got.packages.map((p) => [p.sequence, p.role, p.carrier, p.trackingNumber, p.printState])
    ).toEqual([
      [1, 'first', 'SF', 'SF0000000001', 'printed'],
      [2, 'split', 'SF', 'SF0000000002', 'printed']
    ])
    expect(got.history.map((h) => h.action)).toEqual(['order.created'])
    expect(got.history[0]?.details).toEqual({ source: 'manual', platformOrderId: 'KS-7' })
  })

  test('an unknown id is NOT_FOUND, a bad id is VALIDATION', async () => {
    expect((await callErr(core, 'orders.get', { id: 424242 })).code).toBe('NOT_FOUND')
    expect((await callErr(core, 'orders.get', { id: 0 })).code).toBe('VALIDATION')
    expect((await callErr(core, 'orders.get', { id: '1' })).code).toBe('VALIDATION')
    expect((await callErr(core, 'orders.get', { id: 1, extra: true })).code).toBe('VALIDATION')
  })
})

describe('search count cap', () => {
  test('counts up to the cap exactly, reports totalCapped beyond it, and still pages', async () => {
    const rows = Array.from({ length: SEARCH_COUNT_CAP }, (_, i) =>
      newOrderRow(`BULK-${String(i).padStart(5, '0')}`, {
        createdAt: 1_700_000_000_000 + i,
        receiver: { phone: '13900001111' }
      })
    )
    insertOrders(core.db, rows)
    const atCap = await callOk(core, 'orders.list', { query: '13900001111', limit: 50 })
    expect(atCap).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: false })
    expect(atCap.rows).toHaveLength(50)
    expect(atCap.rows[0]?.platformOrderId).toBe(
      `BULK-${String(SEARCH_COUNT_CAP - 1).padStart(5, '0')}`
    )

    insertOrders(core.db, [
      newOrderRow('BULK-LAST', { createdAt: 1_800_000_000_000, receiver: { phone: '13900001111' } })
    ])
    const over = await callOk(core, 'orders.list', { query: '13900001111', limit: 50 })
    expect(over).toMatchObject({ total: SEARCH_COUNT_CAP, totalCapped: true })
    expect(over.rows[0]?.platformOrderId).toBe('BULK-LAST')
    // Short keywords (name prefix) are capped the same way.
    expect(await callOk(core, 'orders.list', { query: '李四', limit: 1 })).toMatchObject({
      total: SEARCH_COUNT_CAP,
      totalCapped: true
    })
    // Without a keyword the count is exact.
    expect(await callOk(core, 'orders.list', { limit: 1 })).toMatchObject({
      total: SEARCH_COUNT_CAP + 1,
      totalCapped: false
    })
    // Paging past the cap still reaches the oldest matches.
    const tail = await callOk(core, 'orders.list', {
      query: '13900001111',
      offset: SEARCH_COUNT_CAP - 2,
      limit: 10
    })
    expect(tail.offset).toBe(SEARCH_COUNT_CAP - 2)
    expect(tail.rows.map((r) => r.platformOrderId)).toEqual([
      'BULK-00002',
      'BULK-00001',
      'BULK-00000'
    ])
  })
})
