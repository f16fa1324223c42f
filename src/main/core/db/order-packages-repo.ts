import type { ReadableDB, WritableDB } from './connection'

/** An order item with the facts a split plan reads (the shape of split-plan.ts's PlanItem). */
export type PlanItemRow = {
  readonly orderId: number
  readonly orderItemId: number
  readonly sku: string
  readonly title: string
  readonly quantity: number
  readonly unitWeightG: number
  readonly lengthMm: number | null
  readonly widthMm: number | null
  readonly heightMm: number | null
  readonly warehouse: string | null
  readonly temperatureZone: 'ambient' | 'chilled' | 'frozen'
}

/** Every item of these orders with its facts, by order, in line order (one query per 500 orders). */
export function planItemsOf(
  db: ReadableDB,
  orderIds: readonly number[]
): Map<number, PlanItemRow[]> {
  const out = new Map<number, PlanItemRow[]>()
  for (let start = 0; start < orderIds.length; start += 500) {
    const chunk = orderIds.slice(start, start + 500)
    const rows = db
      .prepare<number[], PlanItemRow>(
        `SELECT order_id AS orderId, id AS orderItemId, sku, title, quantity, unit_weight_g AS unitWeightG,
                length_mm AS lengthMm, width_mm AS widthMm, height_mm AS heightMm, warehouse,
                temperature_zone AS temperatureZone
           FROM order_items WHERE order_id IN (${chunk.map(() => '?').join(',')})
          ORDER BY order_id, line_no`
      )
      .all(...chunk)
    for (const row of rows) {
      const list = out.get(row.orderId)
      if (list) {
        list.push(row)
      } else {
        out.set(row.orderId, [row])
      }
    }
  }
  return out
}

export type PrintSetPackage = {
  id: number
  sequence: number
  role: 'first' | 'split'
  carrier: string | null
  tracking_number: string | null
  print_state: string
  ship_state: string
}

/**
 * The packages one print of the order makes: its live first package and the live split packages
 * made with it (a higher sequence), in sequence order. Empty when the order has no live first package.
 */
export function orderPrintSet(db: ReadableDB, orderId: number): PrintSetPackage[] {
  return db
    .prepare<[number, number], PrintSetPackage>(
      `SELECT id, sequence, role, carrier, tracking_number, print_state, ship_state FROM packages
        WHERE order_id = ? AND print_state != 'voided' AND role IN ('first', 'split')
          AND sequence >= (SELECT max(sequence) FROM packages
                            WHERE order_id = ? AND role = 'first' AND print_state != 'voided')
        ORDER BY sequence`
    )
    .all(orderId, orderId)
}

/** A package's share of the order's items (a split package carries only its part). */
export function addPackageItems(
  db: WritableDB,
  packageId: number,
  items: readonly { readonly orderItemId: number; readonly quantity: number }[]
): void {
  const insert = db.prepare(
    'INSERT INTO package_items (package_id, order_item_id, quantity) VALUES (?, ?, ?)'
  )
  for (const item of items) {
    insert.run(packageId, item.orderItemId, item.quantity)
  }
}

export type PackageItemRow = {
  readonly packageId: number
  readonly orderItemId: number
  readonly sku: string
  readonly title: string
  readonly quantity: number
}

/** What each of these packages carries, in package then line order. */
export function packageItemsOf(db: ReadableDB, packageIds: readonly number[]): PackageItemRow[] {
  return db
    .prepare<[string], PackageItemRow>(
      `SELECT pi.package_id AS packageId, pi.order_item_id AS orderItemId, i.sku, i.title, pi.quantity
         FROM package_items pi JOIN order_items i ON i.id = pi.order_item_id
        WHERE pi.package_id IN (SELECT value FROM json_each(?))
        ORDER BY pi.package_id, i.line_no`
    )
    .all(JSON.stringify(packageIds))
}
