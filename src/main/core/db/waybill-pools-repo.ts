import type { ReadableDB, WritableDB } from './connection'

export type PoolSummary = {
  id: number
  carrier: string
  kind: 'range' | 'list' | 'api'
  label: string
  created_at: number
  total: number
  available: number
  allocated: number
  voided: number
}

/** Adds a pool and its numbers in one transaction; a number already known for the carrier refuses the whole pool. */
export function insertPool(
  db: WritableDB,
  pool: { carrier: string; kind: 'range' | 'list'; label: string; createdAt: number },
  numbers: readonly string[]
): { poolId: number } | { duplicates: string[] } {
  return db
    .transaction(() => {
      const exists = db.prepare<[string, string], { n: number }>(
        'SELECT 1 AS n FROM waybill_numbers WHERE carrier = ? AND tracking_number = ?'
      )
      const duplicates = numbers.filter((n) => exists.get(pool.carrier, n) !== undefined)
      if (duplicates.length > 0) {
        return { duplicates: duplicates.slice(0, 20) }
      }
      const poolId = Number(
        db
          .prepare(
            'INSERT INTO waybill_pools (carrier, kind, label, created_at) VALUES (?, ?, ?, ?)'
          )
          .run(pool.carrier, pool.kind, pool.label, pool.createdAt).lastInsertRowid
      )
      const insert = db.prepare(
        'INSERT INTO waybill_numbers (pool_id, carrier, tracking_number) VALUES (?, ?, ?)'
      )
      for (const n of numbers) {
        insert.run(poolId, pool.carrier, n)
      }
      return { poolId }
    })
    .immediate()
}

export function listPools(db: ReadableDB): PoolSummary[] {
  return db
    .prepare<[], PoolSummary>(
      `SELECT p.id, p.carrier, p.kind, p.label, p.created_at,
         count(n.id) AS total,
         coalesce(sum(n.state = 'available'), 0) AS available,
         coalesce(sum(n.state = 'allocated'), 0) AS allocated,
         coalesce(sum(n.state = 'voided'), 0) AS voided
       FROM waybill_pools p LEFT JOIN waybill_numbers n ON n.pool_id = p.id
       GROUP BY p.id ORDER BY p.carrier, p.id`
    )
    .all()
}

/** The pool the carrier's next allocated number comes from (oldest available first), if any. */
export function nextNumberPool(db: ReadableDB, carrier: string): number | null {
  return (
    db
      .prepare<[string], { pool_id: number }>(
        `SELECT pool_id FROM waybill_numbers WHERE carrier = ? AND state = 'available' ORDER BY id LIMIT 1`
      )
      .get(carrier)?.pool_id ?? null
  )
}

export function availableCount(db: ReadableDB, carrier: string): number {
  return (
    db
      .prepare<[string], { n: number }>(
        `SELECT count(*) AS n FROM waybill_numbers WHERE carrier = ? AND state = 'available'`
      )
      .get(carrier)?.n ?? 0
  )
}

/**
 * Takes the oldest available number of the carrier for the package. One UPDATE … RETURNING: the
 * row changes state and owner at once, and UNIQUE(package_id) refuses a second number for the
 * same package (invariants 1 and 2). Returns null when the pool is empty.
 */
export function takeNumber(
  db: WritableDB,
  carrier: string,
  packageId: number,
  now: number
): string | null {
  const row = db
    .prepare<[number, number, string], { tracking_number: string }>(
      `UPDATE waybill_numbers SET state = 'allocated', package_id = ?, allocated_at = ?
       WHERE id = (SELECT id FROM waybill_numbers WHERE carrier = ? AND state = 'available' ORDER BY id LIMIT 1)
       RETURNING tracking_number`
    )
    .get(packageId, now, carrier)
  return row?.tracking_number ?? null
}

/** The number stays used: it is marked void and never returns to the pool. */
export function voidNumber(
  db: WritableDB,
  carrier: string,
  trackingNumber: string,
  now: number
): void {
  db.prepare(
    `UPDATE waybill_numbers SET state = 'voided', voided_at = ? WHERE carrier = ? AND tracking_number = ?`
  ).run(now, carrier, trackingNumber)
}

export function poolCount(db: ReadableDB): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM waybill_pools').get()?.n ?? 0
}

/** Voids what a pool has left (used: the demo pool once real numbers arrive); returns how many. */
export function voidRemaining(db: WritableDB, poolId: number, now: number): number {
  return db
    .prepare(
      `UPDATE waybill_numbers SET state = 'voided', voided_at = ? WHERE pool_id = ? AND state = 'available'`
    )
    .run(now, poolId).changes
}
