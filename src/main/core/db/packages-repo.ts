import type { WritableDB } from './connection'
import { reverseText } from './orders-repo'

export type NewPackage = {
  readonly orderId: number
  readonly sequence: number
  readonly role: 'first' | 'split' | 'appended'
  readonly carrier: string | null
  readonly trackingNumber: string | null
  readonly template: string | null
  readonly createdAt: number
}

/** The one way a package row is written, so the reversed tracking number (suffix search) is never missed. */
export function insertPackage(db: WritableDB, p: NewPackage): number {
  const info = db
    .prepare(
      `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, tracking_number_rev, template, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
    .run(
      p.orderId,
      p.sequence,
      p.role,
      p.carrier,
      p.trackingNumber,
      p.trackingNumber === null ? null : reverseText(p.trackingNumber),
      p.template,
      p.createdAt
    )
  return Number(info.lastInsertRowid)
}

/**
 * Gives a package its tracking number, only if it has none (invariant 2): returns false and
 * changes nothing when the package already has one, whatever the caller retries.
 */
export function assignTrackingNumber(
  db: WritableDB,
  packageId: number,
  carrier: string,
  trackingNumber: string
): boolean {
  const info = db
    .prepare(
      `UPDATE packages SET carrier = ?, tracking_number = ?, tracking_number_rev = ?
       WHERE id = ? AND tracking_number IS NULL`
    )
    .run(carrier, trackingNumber, reverseText(trackingNumber), packageId)
  return info.changes === 1
}
