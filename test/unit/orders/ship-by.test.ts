import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { commitImport, previewImport } from '../../../src/main/core/import'
import { insertPackage } from '../../../src/main/core/db/packages-repo'
import { setShipPromise, shopRules } from '../../../src/main/core/db/shops-repo'
import { listOrders } from '../../../src/main/core/orders/orders-service'
import { OrderListQuery, type OrderListQuery as Query } from '../../../src/shared/schemas/order'
import { importContext, tempDir, writeCsv } from '../../support/import-fixtures'

/**
 * Issue 12 item 3 (and issue 10 item 10's deadline filter): every order has a ship-by time —
 * the sheet's 最晚发货时间 when it has one, else payment plus the shop's promise — and the list
 * filters (overdue, due soon) and sorts by it. The import context's clock is 2026-11-23 09:00.
 */

let tmp: ReturnType<typeof tempDir>
let ctx: ReturnType<typeof importContext>

beforeEach(() => {
  tmp = tempDir('wbs-ship-by-')
  ctx = importContext(tmp.path('station.sqlite'))
})
afterEach(() => {
  ctx.db.close()
  tmp.remove()
})

const HOUR = 3_600_000
const at = (day: number, hour: number): number => new Date(2026, 10, day, hour, 0, 0).getTime()
const ADDRESS = '浙江省 杭州市 西湖区 文三路 100号'

async function importSheet(rows: string[][]): Promise<ReturnType<typeof commitImport>> {
  const file = tmp.path('orders.csv')
  writeCsv(file, [
    ['订单号', '收货人', '手机', '收货地址', '商品名称', '数量', '付款时间', '最晚发货时间'],
    ...rows
  ])
  const plan = await previewImport(ctx, { file })
  expect(plan.preview.rejected).toEqual([])
  return commitImport(ctx, plan)
}

function ids(query: Query): string[] {
  const page = listOrders(ctx, OrderListQuery.parse(query))
  if (!page.ok) {
    throw new Error(page.error.message)
  }
  return page.value.rows.map((r) => r.platformOrderId)
}

function shipByOf(platformOrderId: string): number | undefined {
  const page = listOrders(ctx, OrderListQuery.parse({ query: platformOrderId }))
  return page.ok ? page.value.rows[0]?.shipBy : undefined
}

describe('ship-by time', () => {
  test("the sheet's 最晚发货时间 wins; without it, payment plus the shop's 48 h promise", async () => {
    await importSheet([
      [
        'S1',
        '张三',
        '13812340001',
        ADDRESS,
        '杯',
        '1',
        '2026-11-20 10:00:00',
        '2026-11-23 08:00:00'
      ],
      ['S2', '李四', '13812340002', ADDRESS, '杯', '1', '2026-11-21 17:00:00', ''],
      ['S3', '王五', '13812340003', ADDRESS, '杯', '1', '2026-11-23 08:00:00', '']
    ])
    expect(shipByOf('S1')).toBe(at(23, 8))
    expect(shipByOf('S2')).toBe(at(21, 17) + 48 * HOUR)
    expect(shipByOf('S3')).toBe(at(23, 8) + 48 * HOUR)
  })

  test('a 最晚发货时间 that is not a time is refused on its row and column', async () => {
    const file = tmp.path('bad.csv')
    writeCsv(file, [
      ['订单号', '收货人', '手机', '收货地址', '商品名称', '数量', '最晚发货时间'],
      ['B1', '张三', '13812340001', ADDRESS, '杯', '1', '下周一']
    ])
    const plan = await previewImport(ctx, { file })
    expect(plan.preview.rejected).toHaveLength(1)
    expect(plan.preview.rejected[0]).toMatchObject({ row: 2, column: '最晚发货时间' })
  })

  test('overdue and due-soon filters count only orders still waiting for a label; the sort puts the most urgent first', async () => {
    await importSheet([
      // Overdue by 1 h (sheet time).
      [
        'LATE',
        '张三',
        '13812340001',
        ADDRESS,
        '杯',
        '1',
        '2026-11-20 10:00:00',
        '2026-11-23 08:00:00'
      ],
      // Paid 40 h ago: due in 8 h (within 12 h).
      ['SOON', '李四', '13812340002', ADDRESS, '杯', '1', '2026-11-21 17:00:00', ''],
      // Paid 1 h ago: due in 47 h.
      ['CALM', '王五', '13812340003', ADDRESS, '杯', '1', '2026-11-23 08:00:00', ''],
      // Overdue, but already labelled below: the packer has it, the filter does not.
      ['DONE', '赵六', '13812340004', ADDRESS, '杯', '1', '2026-11-19 08:00:00', '']
    ])
    const done = ctx.db
      .prepare<[], { id: number }>("SELECT id FROM orders WHERE platform_order_id = 'DONE'")
      .get()
    insertPackage(ctx.db, {
      orderId: done?.id ?? 0,
      sequence: 1,
      role: 'first',
      carrier: 'ZTO',
      trackingNumber: '736200000001',
      template: null,
      createdAt: ctx.now()
    })

    expect(ids({ deadline: 'overdue' })).toEqual(['LATE'])
    expect(ids({ deadline: 'due_soon' })).toEqual(['SOON'])
    expect(ids({ sort: 'ship_by_asc' })).toEqual(['DONE', 'LATE', 'SOON', 'CALM'])
    expect(ids({ sort: 'ship_by_asc', deadline: 'overdue' })).toEqual(['LATE'])
  })

  test("a new promise moves the deadline of orders that took theirs from it, not a sheet's own", async () => {
    await importSheet([
      [
        'OWN',
        '张三',
        '13812340001',
        ADDRESS,
        '杯',
        '1',
        '2026-11-20 10:00:00',
        '2026-11-24 08:00:00'
      ],
      ['PROMISED', '李四', '13812340002', ADDRESS, '杯', '1', '2026-11-21 17:00:00', '']
    ])
    expect(ids({ deadline: 'overdue' })).toEqual([])

    const changed = setShipPromise(ctx.db, 1, 24)
    expect(changed?.orders).toBe(1)
    expect(shopRules(ctx.db).find((s) => s.id === 1)?.ship_promise_hours).toBe(24)
    expect(shipByOf('PROMISED')).toBe(at(21, 17) + 24 * HOUR)
    expect(shipByOf('OWN')).toBe(at(24, 8))
    expect(ids({ deadline: 'overdue' })).toEqual(['PROMISED'])
    expect(setShipPromise(ctx.db, 999, 24)).toBeNull()
  })
})

describe('an order written by another writer', () => {
  test('gets its ship-by time from the shop promise (the trigger of migration 0100)', () => {
    ctx.db
      .prepare(
        `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone, province,
           city, district, address_detail, receiver_phone_rev, created_at, paid_at, updated_at)
         VALUES (1, 'RAW-1', 'pending', '张三', '13812340001', '浙江省', '杭州市', '西湖区', '文三路',
           '10004321831', ?, ?, ?)`
      )
      .run(at(20, 9), at(20, 10), at(20, 10))
    expect(shipByOf('RAW-1')).toBe(at(20, 10) + 48 * HOUR)
  })
})
