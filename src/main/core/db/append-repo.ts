import type { ReadableDB, WritableDB } from './connection'
import { insertPackage } from './packages-repo'

/** The order facts an append is checked against (platform order id as in the sheets). */
export type AppendOrderRow = {
  id: number
  shop_id: number
  platform: string
  platform_order_id: string
  status: 'pending' | 'partially_shipped' | 'shipped' | 'closed'
  refund_state: string
  shipped_at: number | null
}

/** Every order with this platform id (one per shop); only the given shop's when one is named. */
export function findAppendOrders(
  db: ReadableDB,
  platformOrderId: string,
  shopId?: number
): AppendOrderRow[] {
  const select = `SELECT o.id, o.shop_id, s.platform, o.platform_order_id, o.status, o.refund_state, o.shipped_at
    FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.platform_order_id = ?`
  return shopId === undefined
    ? db.prepare<[string], AppendOrderRow>(`${select} ORDER BY o.shop_id`).all(platformOrderId)
    : db
        .prepare<[string, number], AppendOrderRow>(`${select} AND o.shop_id = ?`)
        .all(platformOrderId, shopId)
}

export function itemQuantities(
  db: ReadableDB,
  orderId: number
): { quantity: number; quantityShipped: number }[] {
  return db
    .prepare<[number], { quantity: number; quantityShipped: number }>(
      'SELECT quantity, quantity_shipped AS quantityShipped FROM order_items WHERE order_id = ? ORDER BY line_no'
    )
    .all(orderId)
}

export function appendedCount(db: ReadableDB, orderId: number): number {
  return (
    db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM packages WHERE order_id = ? AND role = 'appended'`
      )
      .get(orderId)?.n ?? 0
  )
}

export type NumberHolder = {
  id: number
  order_id: number
  role: 'first' | 'split' | 'appended'
  carrier: string
  print_state: string
}

/**
 * Every package that holds this number, whatever the carrier and state: a voided label's number
 * was used once and stays used (invariant 2).
 */
export function packagesWithNumber(db: ReadableDB, trackingNumber: string): NumberHolder[] {
  return db
    .prepare<[string], NumberHolder>(
      `SELECT id, order_id, role, carrier, print_state FROM packages WHERE tracking_number = ? ORDER BY id`
    )
    .all(trackingNumber)
}

/** The package's place on its order, for answers. */
export function packageSequence(db: ReadableDB, packageId: number): number | undefined {
  return db
    .prepare<[number], { sequence: number }>('SELECT sequence FROM packages WHERE id = ?')
    .get(packageId)?.sequence
}

/**
 * Writes an appended package, already handed over to the carrier: an append records a parcel
 * that left (the platform's 追加包裹), so it is shipped when written and waits for sync.
 */
export function insertAppendedPackage(
  db: WritableDB,
  p: { orderId: number; carrier: string; trackingNumber: string | null; now: number }
): { packageId: number; sequence: number } {
  const sequence =
    (db
      .prepare<[number], { n: number | null }>(
        'SELECT max(sequence) AS n FROM packages WHERE order_id = ?'
      )
      .get(p.orderId)?.n ?? 0) + 1
  const packageId = insertPackage(db, {
    orderId: p.orderId,
    sequence,
    role: 'appended',
    carrier: p.carrier,
    trackingNumber: p.trackingNumber,
    template: null,
    createdAt: p.now
  })
  db.prepare(
    `UPDATE packages SET ship_state = 'shipped', shipped_at = ?, sync_state = 'pending' WHERE id = ?`
  ).run(p.now, packageId)
  return { packageId, sequence }
}

export type OrderPackageRow = {
  id: number
  sequence: number
  role: 'first' | 'split' | 'appended'
  carrier: string | null
  tracking_number: string | null
  print_state: string
  ship_state: string
  sync_state: string
  printed_at: number | null
  shipped_at: number | null
  created_at: number
}

export function orderPackages(db: ReadableDB, orderId: number): OrderPackageRow[] {
  return db
    .prepare<[number], OrderPackageRow>(
      `SELECT id, sequence, role, carrier, tracking_number, print_state, ship_state, sync_state,
              printed_at, shipped_at, created_at
       FROM packages WHERE order_id = ? ORDER BY sequence`
    )
    .all(orderId)
}

export type PackageItemRow = {
  package_id: number
  order_item_id: number
  sku: string
  title: string
  quantity: number
}

export function orderPackageItems(db: ReadableDB, orderId: number): PackageItemRow[] {
  return db
    .prepare<[number], PackageItemRow>(
      `SELECT pi.package_id, pi.order_item_id, i.sku, i.title, pi.quantity
       FROM package_items pi JOIN packages p ON p.id = pi.package_id
       JOIN order_items i ON i.id = pi.order_item_id
       WHERE p.order_id = ? ORDER BY i.line_no`
    )
    .all(orderId)
}

/** The numbers of the order's first packages (the shipping record the platform assesses). */
export function firstShipmentNumbers(db: ReadableDB, orderId: number): string[] {
  return db
    .prepare<[number], { n: string }>(
      `SELECT tracking_number AS n FROM packages
       WHERE order_id = ? AND role = 'first' AND tracking_number IS NOT NULL`
    )
    .all(orderId)
    .map((r) => r.n)
}
