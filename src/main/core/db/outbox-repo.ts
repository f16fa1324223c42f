import type { WritableDB } from './connection'

export type OutboxKind = 'ship_first' | 'append_package' | 'update_tracking'

/**
 * Records an upstream effect to deliver. The idempotency key makes a repeat a no-op, so marking
 * shipped twice, or a retry after a crash, never queues the effect twice (invariant 5).
 */
export function enqueueOutbox(
  db: WritableDB,
  entry: {
    shopId: number
    kind: OutboxKind
    lane: string
    idempotencyKey: string
    payload: unknown
    now: number
  }
): boolean {
  const info = db
    .prepare(
      `INSERT INTO outbox (shop_id, kind, lane, idempotency_key, payload, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`
    )
    .run(
      entry.shopId,
      entry.kind,
      entry.lane,
      entry.idempotencyKey,
      JSON.stringify(entry.payload),
      entry.now,
      entry.now
    )
  return info.changes === 1
}
