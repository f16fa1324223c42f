import { RULES } from '../../../shared/rules'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import { enqueueOutbox } from '../db/outbox-repo'
import { findPackageByTracking, markVerified, markVoided } from '../db/packages-repo'
import { markShipped, shipCandidate } from '../db/shipping-repo'
import { voidNumber } from '../db/waybill-pools-repo'

export type ShipOutcome = {
  orderId: number
  platformOrderId: string
  result: 'shipped' | 'already_shipped' | 'not_printed' | 'not_found'
  trackingNumber: string | null
}

/**
 * Marks orders shipped by their first package (FIRST_SHIPMENT_COUNTS): its tracking number and
 * time become the order's shipping record once; shipping again changes nothing and says so.
 * Each shipment queues one upstream effect under an idempotency key.
 */
export function shipOrders(ctx: CoreContext, orderIds: readonly number[]): Result<ShipOutcome[]> {
  const outcomes = ctx.db
    .transaction(() =>
      orderIds.map((orderId): ShipOutcome => {
        const c = shipCandidate(ctx.db, orderId)
        if (!c) {
          return {
            orderId,
            platformOrderId: String(orderId),
            result: 'not_found',
            trackingNumber: null
          }
        }
        if (c.package_id === null || c.tracking_number === null || c.print_state !== 'printed') {
          return {
            orderId,
            platformOrderId: c.platform_order_id,
            result: 'not_printed',
            trackingNumber: null
          }
        }
        if (c.ship_state === 'shipped' || c.order_shipped_at !== null) {
          return {
            orderId,
            platformOrderId: c.platform_order_id,
            result: 'already_shipped',
            trackingNumber: c.tracking_number
          }
        }
        const now = ctx.now()
        markShipped(ctx.db, orderId, c.package_id, now)
        enqueueOutbox(ctx.db, {
          shopId: c.shop_id,
          kind: 'ship_first',
          lane: 'first',
          idempotencyKey: `ship_first:${String(orderId)}`,
          payload: {
            orderId,
            platformOrderId: c.platform_order_id,
            carrier: c.carrier,
            trackingNumber: c.tracking_number,
            shippedAt: now
          },
          now
        })
        appendAudit(ctx.db, {
          at: now,
          actor: ctx.actor,
          station: ctx.station,
          action: 'order.shipped',
          entity: 'order',
          entityId: orderId,
          details: {
            trackingNumber: c.tracking_number,
            carrier: c.carrier,
            rule: RULES.FIRST_SHIPMENT_COUNTS
          }
        })
        return {
          orderId,
          platformOrderId: c.platform_order_id,
          result: 'shipped',
          trackingNumber: c.tracking_number
        }
      })
    )
    .immediate()
  ctx.emit('orders.changed', {
    ids: outcomes.filter((o) => o.result === 'shipped').map((o) => o.orderId)
  })
  return ok(outcomes)
}

export type VerifyOutcome = {
  result: 'verified' | 'wrong_order' | 'not_found' | 'voided'
  orderId: number | null
  packageId: number | null
}

/** Scan-back check: the label's barcode marks its package verified, and a label of another order is flagged. */
export function verifyScan(
  ctx: CoreContext,
  trackingNumber: string,
  expectedOrderId: number | null
): Result<VerifyOutcome> {
  const pkg = findPackageByTracking(ctx.db, trackingNumber)
  if (!pkg) {
    return ok({ result: 'not_found', orderId: null, packageId: null })
  }
  if (pkg.print_state === 'voided') {
    return ok({ result: 'voided', orderId: pkg.order_id, packageId: pkg.id })
  }
  if (expectedOrderId !== null && pkg.order_id !== expectedOrderId) {
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      station: ctx.station,
      action: 'package.verify_mismatch',
      entity: 'order',
      entityId: expectedOrderId,
      details: { scanned: trackingNumber, belongsTo: pkg.order_id }
    })
    return ok({ result: 'wrong_order', orderId: pkg.order_id, packageId: pkg.id })
  }
  markVerified(ctx.db, pkg.id, ctx.now())
  return ok({ result: 'verified', orderId: pkg.order_id, packageId: pkg.id })
}

/** Voids a printed, unshipped package: its number stays used (marked void), never back to the pool. */
export function voidPackage(ctx: CoreContext, trackingNumber: string): Result<{ orderId: number }> {
  return ctx.db
    .transaction((): Result<{ orderId: number }> => {
      const pkg = findPackageByTracking(ctx.db, trackingNumber)
      const c = pkg ? shipCandidate(ctx.db, pkg.order_id) : undefined
      if (!pkg || !c) {
        return fail('NOT_FOUND', `No package with tracking number ${trackingNumber}`)
      }
      if (pkg.print_state === 'voided') {
        return fail('CONFLICT', `${trackingNumber} is already void`)
      }
      if (c.package_id === pkg.id && c.ship_state === 'shipped') {
        return fail(
          'RULE_VIOLATION',
          `${RULES.FIRST_SHIPMENT_COUNTS}: ${trackingNumber} is the order's shipping record and cannot be voided`,
          {
            rule: RULES.FIRST_SHIPMENT_COUNTS
          }
        )
      }
      markVoided(ctx.db, pkg.id)
      voidNumber(ctx.db, pkg.carrier ?? '', trackingNumber, ctx.now())
      appendAudit(ctx.db, {
        at: ctx.now(),
        actor: ctx.actor,
        station: ctx.station,
        action: 'package.voided',
        entity: 'order',
        entityId: pkg.order_id,
        details: { trackingNumber }
      })
      return ok({ orderId: pkg.order_id })
    })
    .immediate()
}
