import type { Receiver } from '../../../shared/schemas/order'
import type { ReadableDB } from './connection'
import type { ReceiverColumns } from './orders-repo'

/** What a waybill label needs from an order and one of its packages (read-only). */
export type PackageLabelRow = {
  readonly packageId: number
  readonly orderId: number
  readonly platformOrderId: string
  readonly shopName: string
  readonly sequence: number
  readonly packageCount: number
  readonly carrier: string | null
  readonly trackingNumber: string | null
  readonly receiver: Receiver
  readonly remark: string
  readonly items: readonly {
    readonly title: string
    readonly sku: string
    readonly quantity: number
  }[]
}

type Row = ReceiverColumns & {
  package_id: number
  order_id: number
  platform_order_id: string
  shop_name: string
  sequence: number
  package_count: number
  carrier: string | null
  tracking_number: string | null
  remark: string
}

/** Rows in the order of `packageIds`; ids that do not exist are missing from the map. */
export function packageLabelRows(
  db: ReadableDB,
  packageIds: readonly number[]
): Map<number, PackageLabelRow> {
  const pkg = db.prepare<[number], Row>(
    // Its place among the order's live packages, so a label printed after a void still reads
    // "包裹 2/3" counted over the packages that ship, not over every number ever drawn.
    `SELECT p.id AS package_id, o.id AS order_id, o.platform_order_id, s.name AS shop_name,
            CASE WHEN p.print_state = 'voided' THEN p.sequence ELSE
              (SELECT count(*) FROM packages q WHERE q.order_id = o.id AND q.print_state <> 'voided'
                 AND q.sequence <= p.sequence) END AS sequence,
            (SELECT count(*) FROM packages q WHERE q.order_id = o.id AND q.print_state <> 'voided') AS package_count,
            p.carrier, p.tracking_number, o.receiver_name, o.receiver_phone, o.province, o.city, o.district,
            o.address_detail, o.remark
       FROM packages p JOIN orders o ON o.id = p.order_id JOIN shops s ON s.id = o.shop_id
      WHERE p.id = ?`
  )
  const packed = db.prepare<[number], { title: string; sku: string; quantity: number }>(
    `SELECT i.title, i.sku, pi.quantity FROM package_items pi JOIN order_items i ON i.id = pi.order_item_id
      WHERE pi.package_id = ? ORDER BY i.line_no`
  )
  const ordered = db.prepare<[number], { title: string; sku: string; quantity: number }>(
    'SELECT title, sku, quantity FROM order_items WHERE order_id = ? ORDER BY line_no'
  )
  const out = new Map<number, PackageLabelRow>()
  for (const id of packageIds) {
    const row = pkg.get(id)
    if (!row) {
      continue
    }
    const items = packed.all(id)
    out.set(id, {
      packageId: row.package_id,
      orderId: row.order_id,
      platformOrderId: row.platform_order_id,
      shopName: row.shop_name,
      sequence: row.sequence,
      packageCount: Math.max(row.package_count, row.sequence === 1 ? 1 : 0),
      carrier: row.carrier,
      trackingNumber: row.tracking_number,
      receiver: {
        name: row.receiver_name,
        phone: row.receiver_phone,
        province: row.province,
        city: row.city,
        district: row.district,
        detail: row.address_detail
      },
      remark: row.remark,
      // A package without its own item rows (a first package before split shipping) carries the order.
      items: items.length > 0 ? items : ordered.all(row.order_id)
    })
  }
  return out
}

/** Orders with this platform order id (one per shop), oldest shop first. */
export function ordersByPlatformId(
  db: ReadableDB,
  platformOrderId: string
): { id: number; shopId: number }[] {
  return db
    .prepare<[string], { id: number; shopId: number }>(
      'SELECT id, shop_id AS shopId FROM orders WHERE platform_order_id = ? ORDER BY shop_id'
    )
    .all(platformOrderId)
}

/** The order's packages, first (lowest sequence) first. */
export function orderPackageIds(
  db: ReadableDB,
  orderId: number
): { id: number; trackingNumber: string | null }[] {
  return db
    .prepare<[number], { id: number; trackingNumber: string | null }>(
      `SELECT id, tracking_number AS trackingNumber FROM packages
        WHERE order_id = ? AND print_state <> 'voided' ORDER BY sequence`
    )
    .all(orderId)
}

export type PendingLabelRow = {
  readonly recordId: number
  readonly packageId: number
  readonly trackingNumber: string
  readonly printer: string
  readonly orderId: number
  readonly platformOrderId: string
  readonly sentAt: number
}

/** Labels left in `sending`, with the order they belong to, oldest first. */
export function sendingLabels(db: ReadableDB): PendingLabelRow[] {
  return db
    .prepare<[], PendingLabelRow>(
      `SELECT r.id AS recordId, r.package_id AS packageId, r.tracking_number AS trackingNumber,
              r.printer, o.id AS orderId, o.platform_order_id AS platformOrderId, r.updated_at AS sentAt
         FROM print_records r JOIN packages p ON p.id = r.package_id JOIN orders o ON o.id = p.order_id
        WHERE (r.state = 'sending' OR (r.state = 'sent' AND r.error IS NOT NULL)) ORDER BY r.id`
    )
    .all()
}

/** An order as the label of a package not created yet (previews by tracking number): 1 / 1, every item. */
export function orderLabelRow(db: ReadableDB, orderId: number): PackageLabelRow | undefined {
  const row = db
    .prepare<
      [number],
      Omit<Row, 'package_id' | 'sequence' | 'package_count' | 'carrier' | 'tracking_number'>
    >(
      `SELECT o.id AS order_id, o.platform_order_id, s.name AS shop_name, o.receiver_name, o.receiver_phone,
              o.province, o.city, o.district, o.address_detail, o.remark
         FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.id = ?`
    )
    .get(orderId)
  if (!row) {
    return undefined
  }
  return {
    packageId: 0,
    orderId: row.order_id,
    platformOrderId: row.platform_order_id,
    shopName: row.shop_name,
    sequence: 1,
    packageCount: 1,
    carrier: null,
    trackingNumber: null,
    receiver: {
      name: row.receiver_name,
      phone: row.receiver_phone,
      province: row.province,
      city: row.city,
      district: row.district,
      detail: row.address_detail
    },
    remark: row.remark,
    items: db
      .prepare<[number], { title: string; sku: string; quantity: number }>(
        'SELECT title, sku, quantity FROM order_items WHERE order_id = ? ORDER BY line_no'
      )
      .all(orderId)
  }
}
