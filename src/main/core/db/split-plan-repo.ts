import type { ReadableDB, WritableDB } from './connection'
import { addPackageItems } from './order-packages-repo'
import { insertPackage, nextPackageSequence } from './packages-repo'

/** One stored package of a plan: the order items (and how many of each) it carries. */
export type StoredPlanPart = readonly { readonly orderItemId: number; readonly quantity: number }[]

/**
 * The packer's saved plan: the order's live packages that were never printed nor numbered
 * (sequence order, the first one role 'first'), or null when it has none. The print path prints
 * these instead of planning again.
 */
export function storedPlan(db: ReadableDB, orderId: number): readonly StoredPlanPart[] | null {
  const rows = db
    .prepare<[number], { package_id: number; order_item_id: number; quantity: number }>(
      `SELECT p.id AS package_id, pi.order_item_id, pi.quantity
         FROM packages p JOIN package_items pi ON pi.package_id = p.id
         JOIN order_items i ON i.id = pi.order_item_id
        WHERE p.order_id = ? AND p.role IN ('first', 'split') AND p.print_state = 'none'
          AND p.tracking_number IS NULL
        ORDER BY p.sequence, i.line_no`
    )
    .all(orderId)
  if (rows.length === 0) return null
  const parts = new Map<number, { orderItemId: number; quantity: number }[]>()
  for (const r of rows) {
    const part = parts.get(r.package_id)
    const item = { orderItemId: r.order_item_id, quantity: r.quantity }
    if (part) part.push(item)
    else parts.set(r.package_id, [item])
  }
  return [...parts.values()]
}

/**
 * Whether the order has a live package that was printed or numbered (or is being printed): then
 * its packages are fixed and a plan can no longer be replaced.
 */
export function hasIssuedPackage(db: ReadableDB, orderId: number): boolean {
  return (
    db
      .prepare<[number], { n: number }>(
        `SELECT 1 AS n FROM packages
          WHERE order_id = ? AND print_state != 'voided'
            AND (print_state != 'none' OR tracking_number IS NOT NULL) LIMIT 1`
      )
      .get(orderId) !== undefined
  )
}

/**
 * Replaces the order's stored plan with these packages (no carrier, no tracking number): the first
 * role 'first', the others 'split'. The caller checks hasIssuedPackage and runs this in a
 * transaction. Sequences continue after any voided package, as a reprint's would.
 */
export function replacePlan(
  db: WritableDB,
  orderId: number,
  packages: readonly StoredPlanPart[],
  now: number
): void {
  db.prepare(
    `DELETE FROM package_items WHERE package_id IN (
       SELECT id FROM packages WHERE order_id = ? AND role IN ('first', 'split')
          AND print_state = 'none' AND tracking_number IS NULL)`
  ).run(orderId)
  db.prepare(
    `DELETE FROM packages WHERE order_id = ? AND role IN ('first', 'split')
        AND print_state = 'none' AND tracking_number IS NULL`
  ).run(orderId)
  const first = nextPackageSequence(db, orderId)
  packages.forEach((part, index) => {
    const id = insertPackage(db, {
      orderId,
      sequence: first + index,
      role: index === 0 ? 'first' : 'split',
      carrier: null,
      trackingNumber: null,
      template: null,
      createdAt: now
    })
    addPackageItems(db, id, part)
  })
}
