import type { ReadableDB, WritableDB } from './connection'
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

const INSERT_PACKAGE = `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, tracking_number_rev, template, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`

/** The one way a package row is written, so the reversed tracking number (suffix search) is never missed. */
export function insertPackage(db: WritableDB, p: NewPackage): number {
  return packageInserter(db)(p)
}

/**
 * insertPackage with its statement prepared once: a batch writing thousands of packages in one
 * transaction (批量追加) would otherwise spend most of its time preparing the same statement.
 */
export function packageInserter(db: WritableDB): (p: NewPackage) => number {
  const statement = db.prepare(INSERT_PACKAGE)
  return (p) => {
    const info = statement.run(
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

export type ActivePackageRow = {
  id: number
  sequence: number
  carrier: string | null
  tracking_number: string | null
  print_state: string
  ship_state: string
}

/** The order's current first package: the newest role-'first' package that was not voided. */
export function activeFirstPackage(db: ReadableDB, orderId: number): ActivePackageRow | undefined {
  return db
    .prepare<[number], ActivePackageRow>(
      `SELECT id, sequence, carrier, tracking_number, print_state, ship_state FROM packages
       WHERE order_id = ? AND role = 'first' AND print_state != 'voided' ORDER BY sequence DESC LIMIT 1`
    )
    .get(orderId)
}

export function nextPackageSequence(db: ReadableDB, orderId: number): number {
  return (
    (db
      .prepare<[number], { n: number | null }>(
        'SELECT max(sequence) AS n FROM packages WHERE order_id = ?'
      )
      .get(orderId)?.n ?? 0) + 1
  )
}

/** The first package carries every item of the order in full. */
export function addAllItemsToPackage(db: WritableDB, packageId: number, orderId: number): void {
  db.prepare(
    `INSERT INTO package_items (package_id, order_item_id, quantity)
     SELECT ?, id, quantity FROM order_items WHERE order_id = ?`
  ).run(packageId, orderId)
}

export type TrackedPackage = {
  id: number
  order_id: number
  print_state: string
  carrier: string | null
}

/**
 * Every package holding this number (unique per carrier, so one per carrier at most), the live
 * ones first, newest first.
 */
export function findPackagesByTracking(db: ReadableDB, trackingNumber: string): TrackedPackage[] {
  return db
    .prepare<[string], TrackedPackage>(
      `SELECT id, order_id, print_state, carrier FROM packages WHERE tracking_number = ?
       ORDER BY print_state = 'voided', id DESC`
    )
    .all(trackingNumber)
}

export function markVerified(db: WritableDB, packageId: number, now: number): void {
  db.prepare('UPDATE packages SET verified_at = coalesce(verified_at, ?) WHERE id = ?').run(
    now,
    packageId
  )
}

export function markVoided(db: WritableDB, packageId: number): void {
  db.prepare(`UPDATE packages SET print_state = 'voided' WHERE id = ?`).run(packageId)
}
