import { findCarrier } from '../../../shared/carriers'
import { withStatementCache } from '../db/append-batches-repo'
import { insertAppendedPackage } from '../db/append-repo'
import type { WritableDB } from '../db/connection'
import type { AcceptedAppendRow } from './append-batch-preflight'
import { recordAppend } from './append-service'

export type AppendWriterContext = {
  readonly db: WritableDB
  readonly now: number
  readonly actor: string
  readonly station: string
}

/**
 * Writes accepted rows, one call per row, exactly as the single append does (A1's
 * insertAppendedPackage and recordAppend): the package (role 'appended', next sequence, shipped,
 * waiting for sync), its audit event and its outbox entry with the same key and payload, so the
 * sync issue delivers both paths alike. The caller holds the batch's one transaction
 * (invariant 6): a crash leaves every row or none. Statements are prepared once per batch.
 */
export function appendedPackageWriter(w: AppendWriterContext): (row: AcceptedAppendRow) => number {
  const db = withStatementCache(w.db)
  return (row) => {
    const carrier = findCarrier(row.carrier)
    if (!carrier) {
      // The pre-flight resolved this code from the same list: unreachable unless it changed.
      throw new Error(`Unknown carrier code ${row.carrier}`)
    }
    const { packageId, sequence } = insertAppendedPackage(db, {
      orderId: row.order.id,
      carrier: carrier.code,
      trackingNumber: row.trackingNumber,
      now: w.now
    })
    recordAppend(db, {
      order: {
        id: row.order.id,
        shop_id: row.order.shopId,
        platform: row.order.platform,
        platform_order_id: row.order.platformOrderId,
        status: row.order.status,
        refund_state: row.order.refundState,
        shipped_at: row.order.firstShippedAt
      },
      carrier,
      trackingNumber: row.trackingNumber,
      packageId,
      sequence,
      now: w.now,
      actor: w.actor,
      station: w.station,
      source: 'typed'
    })
    return packageId
  }
}
