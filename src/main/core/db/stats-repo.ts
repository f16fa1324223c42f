import type { ReadableDB } from './connection'

/** Row counts of the main tables, for `db info`. */
export function countRows(db: ReadableDB): Record<string, number> {
  const tables = [
    'shops',
    'orders',
    'order_items',
    'packages',
    'waybill_pools',
    'waybill_numbers',
    'print_records',
    'outbox',
    'audit_events'
  ] as const
  const counts: Record<string, number> = {}
  for (const table of tables) {
    // Table names come from the constant list above, never from input.
    counts[table] =
      db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0
  }
  return counts
}
