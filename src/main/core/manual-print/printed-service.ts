import { RULES } from '../../../shared/rules'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import { orderPrintSet, packageItemsOf, type PrintSetPackage } from '../db/order-packages-repo'
import { enqueueOutbox } from '../db/outbox-repo'
import {
  findPackagesByTracking,
  markVerified,
  markVoided,
  type TrackedPackage
} from '../db/packages-repo'
import { markShipped, shipCandidate, type ShipCandidate } from '../db/shipping-repo'
import { voidNumber } from '../db/waybill-pools-repo'
import { demoPoolId } from '../waybills/pool-service'
import { HOLD_RULE, orderHold } from '../rules/order-hold'

export type ShipOutcome = {
  orderId: number
  platformOrderId: string
  result: 'shipped' | 'already_shipped' | 'not_printed' | 'not_found' | 'refund' | 'closed' | 'demo'
  trackingNumber: string | null
  /** Why an order was refused, naming its state (and the platform rule where one applies). */
  reason: string | null
}

/**
 * A label printed before a refund request or a close is not a licence to ship: a refund covers
 * the whole order (AFTERSALES_WHOLE_ORDER), and a closed order has nothing left to send.
 */
function refusal(
  c: ShipCandidate,
  demoPool: number | null
): (Pick<ShipOutcome, 'result' | 'reason'> & { rule: string | null }) | null {
  // A demo number (演示单号池) is for trying the app: no courier knows it, and shipping it would
  // send a fake shipping record upstream (FIRST_SHIPMENT_COUNTS: it could not be taken back).
  if (demoPool !== null && c.number_pool_id === demoPool) {
    return {
      result: 'demo',
      reason: `${c.tracking_number ?? ''} is a demo number (演示单号); void it and print with a purchased pool`,
      rule: null
    }
  }
  // The same check batch print and scan-to-print make (rules/order-hold.ts).
  const hold = orderHold({ status: c.order_status, refund_state: c.refund_state })
  if (hold === 'closed') {
    return { result: 'closed', reason: 'the order is closed (交易关闭)', rule: null }
  }
  if (hold === 'refund') {
    const state = c.refund_state === 'refunded' ? 'refunded' : 'refund requested'
    return {
      result: 'refund',
      reason: `${RULES.AFTERSALES_WHOLE_ORDER}: ${state}; a refund covers the whole order, do not ship it`,
      rule: HOLD_RULE.refund
    }
  }
  return null
}

/**
 * Marks orders shipped by their first package (FIRST_SHIPMENT_COUNTS): its tracking number and
 * time become the order's shipping record once; shipping again changes nothing and says so. A
 * split order's other packages ship with it, and only when every one of them has its label.
 * Orders closed or under refund since their label printed, or printed with a demo number, are
 * refused one by one; the rest ship.
 * Each shipment queues one upstream effect under an idempotency key.
 */
export function shipOrders(ctx: CoreContext, orderIds: readonly number[]): Result<ShipOutcome[]> {
  const demoPool = demoPoolId(ctx.db)
  const outcomes = ctx.db
    .transaction(() =>
      orderIds.map((orderId): ShipOutcome => {
        const c = shipCandidate(ctx.db, orderId)
        if (!c) {
          return {
            orderId,
            platformOrderId: String(orderId),
            result: 'not_found',
            trackingNumber: null,
            reason: null
          }
        }
        const sheetShipped =
          orderHold({ status: c.order_status, refund_state: c.refund_state }) === 'shipped'
        if (c.ship_state === 'shipped' || c.order_shipped_at !== null || sheetShipped) {
          // A refund after shipping is an interception (AFTERSALES_INTERCEPT_ALL), not a ship refusal.
          return {
            orderId,
            platformOrderId: c.platform_order_id,
            result: 'already_shipped',
            trackingNumber: c.tracking_number,
            // An imported 已发货 order also has a shipped time (the import records the sheet's
            // shipment), so the sheet's word, not the time, says it shipped elsewhere.
            reason:
              c.ship_state !== 'shipped' && sheetShipped
                ? `${RULES.FIRST_SHIPMENT_COUNTS}: the order's sheet says it shipped (已发货)`
                : null
          }
        }
        const refused = refusal(c, demoPool)
        if (refused) {
          appendAudit(ctx.db, {
            at: ctx.now(),
            actor: ctx.actor,
            station: ctx.station,
            action: 'order.ship_refused',
            entity: 'order',
            entityId: orderId,
            details: {
              result: refused.result,
              refundState: c.refund_state,
              status: c.order_status,
              ...(refused.rule === null ? {} : { rule: refused.rule })
            }
          })
          return {
            orderId,
            platformOrderId: c.platform_order_id,
            result: refused.result,
            trackingNumber: c.tracking_number,
            reason: refused.reason
          }
        }
        // A split order ships as all its packages: every one of them needs its printed label.
        const set = c.package_id === null ? [] : orderPrintSet(ctx.db, orderId)
        if (
          c.package_id === null ||
          c.tracking_number === null ||
          c.print_state !== 'printed' ||
          set.some((p) => p.print_state !== 'printed' || p.tracking_number === null)
        ) {
          return {
            orderId,
            platformOrderId: c.platform_order_id,
            result: 'not_printed',
            trackingNumber: null,
            reason: null
          }
        }
        const now = ctx.now()
        const packageIds = set.map((p) => p.id)
        markShipped(ctx.db, orderId, packageIds, now)
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
            shippedAt: now,
            // What a split delivery sends upstream (Kuaishou goods.split.deliver, Taobao
            // is_split / sub_tid): every package with the items it carries.
            split: set.length > 1,
            packages: shippedPackages(ctx, set)
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
          trackingNumber: c.tracking_number,
          reason: null
        }
      })
    )
    .immediate()
  ctx.emit('orders.changed', {
    ids: outcomes.filter((o) => o.result === 'shipped').map((o) => o.orderId)
  })
  return ok(outcomes)
}

function shippedPackages(
  ctx: CoreContext,
  set: readonly PrintSetPackage[]
): {
  sequence: number
  role: string
  carrier: string | null
  trackingNumber: string | null
  items: { orderItemId: number; sku: string; quantity: number }[]
}[] {
  const items = packageItemsOf(
    ctx.db,
    set.map((p) => p.id)
  )
  return set.map((p, index) => ({
    sequence: index + 1,
    role: p.role,
    carrier: p.carrier,
    trackingNumber: p.tracking_number,
    items: items
      .filter((i) => i.packageId === p.id)
      .map((i) => ({ orderItemId: i.orderItemId, sku: i.sku, quantity: i.quantity }))
  }))
}

/**
 * The package a scanned or typed number means. Numbers are unique per carrier only, so two
 * carriers can share one: the carrier named wins, then the order on screen; if two are still
 * left the caller must say which (CONFLICT naming the carriers), never a silent guess.
 */
export function resolveTracking(
  ctx: CoreContext,
  trackingNumber: string,
  hint: {
    readonly carrier?: string | undefined
    readonly orderId?: number | null | undefined
    /** The carrier chosen on the page: breaks a tie, never hides another carrier's package. */
    readonly preferCarrier?: string | undefined
  } = {}
): Result<TrackedPackage | null> {
  let found = findPackagesByTracking(ctx.db, trackingNumber)
  if (hint.carrier !== undefined) {
    found = found.filter((p) => p.carrier === hint.carrier)
  }
  if (found.length > 1 && hint.orderId != null) {
    const onScreen = found.filter((p) => p.order_id === hint.orderId)
    if (onScreen.length > 0) {
      found = onScreen
    }
  }
  if (found.length > 1 && hint.preferCarrier !== undefined) {
    const chosen = found.filter((p) => p.carrier === hint.preferCarrier)
    if (chosen.length > 0) {
      found = chosen
    }
  }
  if (found.length > 1) {
    const carriers = [...new Set(found.map((p) => p.carrier ?? '?'))]
    if (carriers.length > 1) {
      return fail(
        'CONFLICT',
        `${trackingNumber} belongs to packages of ${carriers.join(' and ')}; say which carrier`,
        { trackingNumber, carriers }
      )
    }
  }
  return ok(found[0] ?? null)
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
  expectedOrderId: number | null,
  carrier?: string,
  preferCarrier?: string
): Result<VerifyOutcome> {
  const resolved = resolveTracking(ctx, trackingNumber, {
    carrier,
    orderId: expectedOrderId,
    preferCarrier
  })
  if (!resolved.ok) {
    return resolved
  }
  const pkg = resolved.value
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
export function voidPackage(
  ctx: CoreContext,
  trackingNumber: string,
  carrier?: string
): Result<{ orderId: number }> {
  return ctx.db
    .transaction((): Result<{ orderId: number }> => {
      const resolved = resolveTracking(ctx, trackingNumber, { carrier })
      if (!resolved.ok) {
        return resolved
      }
      const pkg = resolved.value
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
