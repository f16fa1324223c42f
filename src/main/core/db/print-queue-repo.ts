import type { ReadableDB } from './connection'

/** The order each package belongs to, for the printer queue view (one query per 500 ids). */
export function packageOrders(
  db: ReadableDB,
  packageIds: readonly number[]
): Map<number, { readonly orderId: number; readonly platformOrderId: string }> {
  const out = new Map<number, { orderId: number; platformOrderId: string }>()
  for (let start = 0; start < packageIds.length; start += 500) {
    const chunk = packageIds.slice(start, start + 500)
    const rows = db
      .prepare<number[], { id: number; order_id: number; platform_order_id: string }>(
        `SELECT p.id, o.id AS order_id, o.platform_order_id
           FROM packages p JOIN orders o ON o.id = p.order_id
          WHERE p.id IN (${chunk.map(() => '?').join(',')})`
      )
      .all(...chunk)
    for (const row of rows) {
      out.set(row.id, { orderId: row.order_id, platformOrderId: row.platform_order_id })
    }
  }
  return out
}

/** A print record's error, for a failed label's tooltip. */
export function recordErrors(db: ReadableDB, recordIds: readonly number[]): Map<number, string> {
  const out = new Map<number, string>()
  for (let start = 0; start < recordIds.length; start += 500) {
    const chunk = recordIds.slice(start, start + 500)
    const rows = db
      .prepare<number[], { id: number; error: string }>(
        `SELECT id, error FROM print_records
          WHERE error IS NOT NULL AND id IN (${chunk.map(() => '?').join(',')})`
      )
      .all(...chunk)
    for (const row of rows) {
      out.set(row.id, row.error)
    }
  }
  return out
}
