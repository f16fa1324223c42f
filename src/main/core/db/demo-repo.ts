import type { ReadableDB, WritableDB } from './connection'

/** A new shop row; the demo shop is a `manual` one (its sync is the bulk-upload sheet). */
export function insertShop(db: WritableDB, name: string, createdAt: number): number {
  const info = db
    .prepare<[string, number]>(
      `INSERT INTO shops (platform, name, created_at) VALUES ('manual', ?, ?)`
    )
    .run(name, createdAt)
  return Number(info.lastInsertRowid)
}

export function shopOrderCount(db: ReadableDB, shopId: number): number {
  return (
    db
      .prepare<[number], { n: number }>('SELECT count(*) AS n FROM orders WHERE shop_id = ?')
      .get(shopId)?.n ?? 0
  )
}

/** Orders outside `shopId` (all orders when null): a station with none is a fresh install. */
export function otherShopsOrderCount(db: ReadableDB, shopId: number | null): number {
  return (
    db
      .prepare<[number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM orders WHERE shop_id IS NOT ? LIMIT 1)'
      )
      .get(shopId ?? -1)?.n ?? 0
  )
}

/** Packages of the shop a printer is still working on: removing them now would orphan the job. */
export function shopPackagesInFlight(db: ReadableDB, shopId: number): number {
  return (
    db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM packages p JOIN orders o ON o.id = p.order_id
         WHERE o.shop_id = ? AND p.print_state IN ('queued', 'printing')`
      )
      .get(shopId)?.n ?? 0
  )
}

export function shopOrderIds(db: ReadableDB, shopId: number): number[] {
  return db
    .prepare<[number], { id: number }>('SELECT id FROM orders WHERE shop_id = ? ORDER BY id')
    .all(shopId)
    .map((r) => r.id)
}

/**
 * Deletes a shop and everything under it: orders, items, packages, print records and outbox
 * entries. Tracking numbers its packages drew stay recorded as voided (invariant 1: a number is
 * never handed out twice), only unlinked from the deleted package. The caller runs this inside
 * its transaction. Returns how many orders and packages went.
 */
export function deleteShopData(
  db: WritableDB,
  shopId: number,
  now: number
): { orders: number; packages: number } {
  const packages = `SELECT p.id FROM packages p JOIN orders o ON o.id = p.order_id WHERE o.shop_id = @shopId`
  db.prepare(
    `UPDATE waybill_numbers SET state = 'voided', voided_at = coalesce(voided_at, @now), package_id = NULL
     WHERE package_id IN (${packages})`
  ).run({ shopId, now })
  db.prepare(`DELETE FROM print_records WHERE package_id IN (${packages})`).run({ shopId })
  const deletedPackages = db
    .prepare(`DELETE FROM packages WHERE id IN (${packages})`)
    .run({ shopId }).changes
  db.prepare('DELETE FROM outbox WHERE shop_id = ?').run(shopId)
  const deletedOrders = db.prepare('DELETE FROM orders WHERE shop_id = ?').run(shopId).changes
  db.prepare('DELETE FROM shops WHERE id = ?').run(shopId)
  return { orders: deletedOrders, packages: deletedPackages }
}
