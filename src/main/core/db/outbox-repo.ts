import type { WritableDB } from './connection'

export type OutboxKind = 'ship_first' | 'append_package' | 'update_tracking'

/**
 * Records an upstream effect to deliver. The idempotency key makes a repeat a no-op, so marking
 * shipped twice, or a retry after a crash, never queues the effect twice (invariant 5).
 */
export type OutboxEntryInput = {
  shopId: number
  kind: OutboxKind
  lane: string
  idempotencyKey: string
  payload: unknown
  now: number
}

export function enqueueOutbox(db: WritableDB, entry: OutboxEntryInput): boolean {
  return outboxEnqueuer(db)(entry)
}

/** enqueueOutbox with its statement prepared once, for a batch of thousands in one transaction. */
export function outboxEnqueuer(db: WritableDB): (entry: OutboxEntryInput) => boolean {
  const statement = db.prepare(
    `INSERT INTO outbox (shop_id, kind, lane, idempotency_key, payload, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (idempotency_key) DO NOTHING`
  )
  return (entry) => {
    const info = statement.run(
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
}
