import type { ReadableDB } from './connection'
import type { ReceiverColumns } from './orders-repo'

export type BatchOrderRow = ReceiverColumns & {
  id: number
  platform_order_id: string
  status: string
  refund_state: string
  remark: string
  shop_name: string
  first_package_id: number | null
  first_package_state: string | null
  first_tracking_number: string | null
  package_count: number
}

/** What the batch check needs of each order, in one query per chunk of ids. */
export function batchOrders(db: ReadableDB, ids: readonly number[]): BatchOrderRow[] {
  const rows: BatchOrderRow[] = []
  for (let start = 0; start < ids.length; start += 500) {
    const chunk = ids.slice(start, start + 500)
    rows.push(
      ...db
        .prepare<number[], BatchOrderRow>(
          `SELECT o.id, o.platform_order_id, o.status, o.refund_state, o.receiver_name, o.receiver_phone,
             o.province, o.city, o.district, o.address_detail, o.remark, s.name AS shop_name,
             fp.id AS first_package_id, fp.print_state AS first_package_state,
             fp.tracking_number AS first_tracking_number,
             (SELECT count(*) FROM packages p WHERE p.order_id = o.id AND p.print_state != 'voided') AS package_count
           FROM orders o JOIN shops s ON s.id = o.shop_id
           LEFT JOIN packages fp ON fp.id = (
             SELECT id FROM packages WHERE order_id = o.id AND role = 'first' AND print_state != 'voided'
             ORDER BY sequence DESC LIMIT 1)
           WHERE o.id IN (${chunk.map(() => '?').join(',')})`
        )
        .all(...chunk)
    )
  }
  return rows
}

/** Pending orders the print page offers in step 1, newest first (ids only; the list pages them). */
export function pendingOrderIds(db: ReadableDB, limit: number): number[] {
  return db
    .prepare<[number], { id: number }>(
      `SELECT o.id FROM orders o WHERE o.status = 'pending' AND NOT EXISTS (
         SELECT 1 FROM packages p WHERE p.order_id = o.id AND p.role = 'first' AND p.print_state IN ('queued', 'printing', 'printed'))
       ORDER BY o.created_at DESC, o.id DESC LIMIT ?`
    )
    .all(limit)
    .map((r) => r.id)
}
