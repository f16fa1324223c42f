/**
 * Orders and packages for print tests: the order through the orders repo; the package row
 * (a package with its tracking number, as the waybill module leaves it) directly, because no
 * repo function creates one yet.
 */
import { openDatabase, type WritableDB } from '../../src/main/core/db/connection'
import { insertOrders } from '../../src/main/core/db/orders-repo'
import type { LabelData } from '../../src/main/core/printing/label-data'
import { sampleLabel } from './printing-fixtures'

export type PrintablePackage = { readonly packageId: number; readonly data: LabelData }

export function printDb(file = ':memory:'): WritableDB {
  return openDatabase(file)
}

/** One order with `count` packages, each with its tracking number, ready to print. */
export function seedPackages(db: WritableDB, count: number, orderNo = 'ORD-1'): PrintablePackage[] {
  const [orderId] = insertOrders(db, [
    {
      shopId: 1,
      platformOrderId: orderNo,
      status: 'pending',
      receiver: {
        name: '张三',
        phone: '13812341234',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路 478 号'
      },
      remark: '',
      createdAt: 0,
      paidAt: null,
      updatedAt: 0,
      items: [
        {
          sku: 'TS-WH-XL',
          title: '纯棉短袖T恤',
          quantity: count,
          unitWeightG: 200,
          warehouse: null,
          temperatureZone: 'ambient'
        }
      ]
    }
  ])
  if (orderId === undefined) {
    throw new Error('no order row')
  }
  const out: PrintablePackage[] = []
  for (let i = 1; i <= count; i++) {
    const trackingNumber = `SF${orderNo.replace(/\D/g, '').padStart(4, '0')}${String(i).padStart(9, '0')}`
    const row = db
      .prepare<[number, number, string, string], { id: number }>(
        `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, created_at)
         VALUES (?, ?, ?, 'SF', ?, 0) RETURNING id`
      )
      .get(orderId, i, i === 1 ? 'first' : 'split', trackingNumber)
    if (!row) {
      throw new Error('no package row')
    }
    out.push({
      packageId: row.id,
      data: sampleLabel({ trackingNumber, orderNo, packageIndex: i, packageCount: count })
    })
  }
  return out
}

export function packagePrintState(db: WritableDB, packageId: number): string {
  return (
    db
      .prepare<[number], { print_state: string }>('SELECT print_state FROM packages WHERE id = ?')
      .get(packageId)?.print_state ?? 'missing'
  )
}
