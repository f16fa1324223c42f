import type { ReadableDB, WritableDB } from './connection'

export type ShipCandidate = {
  order_id: number
  shop_id: number
  platform_order_id: string
  order_shipped_at: number | null
  order_status: string
  refund_state: string
  package_id: number | null
  carrier: string | null
  tracking_number: string | null
  print_state: string | null
  ship_state: string | null
  /** The pool the first package's number was drawn from (null: not from a pool). */
  number_pool_id: number | null
}

export function shipCandidate(db: ReadableDB, orderId: number): ShipCandidate | undefined {
  return db
    .prepare<[number], ShipCandidate>(
      `SELECT o.id AS order_id, o.shop_id, o.platform_order_id, o.shipped_at AS order_shipped_at,
         o.status AS order_status, o.refund_state,
         p.id AS package_id, p.carrier, p.tracking_number, p.print_state, p.ship_state,
         wn.pool_id AS number_pool_id
       FROM orders o LEFT JOIN packages p ON p.id = (
         SELECT id FROM packages WHERE order_id = o.id AND role = 'first' AND print_state != 'voided'
         ORDER BY sequence DESC LIMIT 1)
       LEFT JOIN waybill_numbers wn ON wn.package_id = p.id
       WHERE o.id = ?`
    )
    .get(orderId)
}

/**
 * The order's packages ship together: the first package (the order's shipping record, set once)
 * and the split packages printed with it. Each item counts as shipped as far as the shipped
 * packages carry it, never beyond what was ordered.
 */
export function markShipped(
  db: WritableDB,
  orderId: number,
  packageIds: readonly number[],
  now: number
): void {
  const ids = JSON.stringify(packageIds)
  db.prepare(
    `UPDATE packages SET ship_state = 'shipped', shipped_at = ?, sync_state = 'pending'
      WHERE id IN (SELECT value FROM json_each(?))`
  ).run(now, ids)
  db.prepare(
    `UPDATE order_items SET quantity_shipped = min(quantity, quantity_shipped + (
        SELECT sum(pi.quantity) FROM package_items pi
         WHERE pi.order_item_id = order_items.id AND pi.package_id IN (SELECT value FROM json_each(?))))
     WHERE id IN (SELECT pi.order_item_id FROM package_items pi
                   WHERE pi.package_id IN (SELECT value FROM json_each(?)))`
  ).run(ids, ids)
  db.prepare(
    `UPDATE orders SET shipped_at = coalesce(shipped_at, ?), updated_at = ?,
       status = CASE WHEN (SELECT sum(quantity_shipped) >= sum(quantity) FROM order_items WHERE order_id = ?)
                     THEN 'shipped' ELSE 'partially_shipped' END
     WHERE id = ?`
  ).run(now, now, orderId, orderId)
}
