import { findCarrier } from '../../../shared/carriers'
import { ruleWords } from '../../../shared/rule-words'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import { orderPrintSet } from '../db/order-packages-repo'
import { assignTrackingNumber } from '../db/packages-repo'
import { batchOrders, type BatchOrderRow } from '../db/print-batch-repo'
import { poolSource, type TrackingNumberSource } from '../waybills/pool-service'
import { ORDER_HOLDS, orderHold } from '../rules/order-hold'
import { checkBatchPrintSize } from '../rules/append-rules'
import { strictestLimits } from '../db/platform-limits-repo'
import { ensureOrderPackages, plannedCounts } from './order-packages'

export const HOLD_REASONS = ['not_found', ...ORDER_HOLDS, 'already_printed', 'in_queue'] as const
export type HoldReason = (typeof HOLD_REASONS)[number]
export type HeldOrder = { orderId: number; platformOrderId: string; reason: HoldReason }

export type BatchCheck = {
  /** Orders that will print, in the order the user sees them. */
  eligible: number[]
  held: HeldOrder[]
  /** Labels each eligible order prints (its packages), parallel to `eligible`. */
  labels: number[]
  /** Every label of the eligible orders: "3 单 · 5 个包裹". */
  packages: number
  /** How many of those labels still need a tracking number. */
  needNumbers: number
  available: number
}

function holdReason(row: BatchOrderRow | undefined): HoldReason | null {
  if (!row) {
    return 'not_found'
  }
  const hold = orderHold(row)
  if (hold !== null) {
    return hold
  }
  if (
    row.first_package_state !== null &&
    ['queued', 'printing'].includes(row.first_package_state)
  ) {
    // Its label waits in a printer's queue (perhaps a dead printer's): not printed, and not to be
    // numbered twice; the printer queue view retries, moves or cancels it.
    return 'in_queue'
  }
  if (row.first_package_state === 'printed') {
    return 'already_printed'
  }
  return null
}

/** Step 2's check: which orders print, which are held out and why, and whether the pool suffices. */
export function checkBatch(
  ctx: CoreContext,
  orderIds: readonly number[],
  carrier: string,
  source: TrackingNumberSource = poolSource
): Result<BatchCheck> {
  // A batch may mix shops of several platforms: the strictest stored limit holds.
  const size = checkBatchPrintSize(orderIds.length, strictestLimits(ctx.db))
  if (!size.ok) {
    const { rule, params } = size.refusal
    return fail('RULE_VIOLATION', `${rule}: ${ruleWords(rule, params, 'en-US')}`, { rule, params })
  }
  if (!findCarrier(carrier)) {
    return fail('VALIDATION', `Unknown carrier ${carrier}`, {
      issues: [{ path: 'carrier', code: 'carrier_unknown', message: 'is not a known carrier' }]
    })
  }
  const rows = new Map(batchOrders(ctx.db, orderIds).map((r) => [r.id, r]))
  const eligible: number[] = []
  const held: HeldOrder[] = []
  const seen = new Set<number>()
  for (const id of orderIds) {
    if (seen.has(id)) {
      continue
    }
    seen.add(id)
    const row = rows.get(id)
    const reason = holdReason(row)
    if (reason !== null) {
      held.push({ orderId: id, platformOrderId: row?.platform_order_id ?? String(id), reason })
      continue
    }
    eligible.push(id)
  }
  // An order without a first package prints its plan; one with a first package (numbered before a
  // failed print) prints the packages made then, keeping their numbers (invariant 2).
  const unplanned = eligible.filter((id) => rows.get(id)?.first_package_id == null)
  const planned = plannedCounts(ctx.db, unplanned, carrier)
  let needNumbers = 0
  const labels = eligible.map((id) => {
    const count = planned.get(id)
    if (count !== undefined) {
      needNumbers += count
      return count
    }
    const set = orderPrintSet(ctx.db, id)
    needNumbers += set.filter((p) => p.tracking_number === null).length
    return set.length
  })
  const packages = labels.reduce((sum, n) => sum + n, 0)
  return ok({
    eligible,
    held,
    labels,
    packages,
    needNumbers,
    available: source.available(ctx.db, carrier)
  })
}

export type AllocatedPackage = {
  orderId: number
  packageId: number
  trackingNumber: string
  carrier: string
  fresh: boolean
}

/**
 * Gives each order its packages (one, or its split plan) and a tracking number each, in one
 * transaction for the chunk, the packages of one order one after another. A package that already
 * has a number keeps it (invariant 2): a retry, a crash restart or a double click never draws a
 * second one.
 */
export function allocateChunk(
  ctx: CoreContext,
  orderIds: readonly number[],
  carrier: string,
  template: string,
  source: TrackingNumberSource = poolSource
): Result<AllocatedPackage[]> {
  return ctx.db
    .transaction((): Result<AllocatedPackage[]> => {
      const out: AllocatedPackage[] = []
      for (const orderId of orderIds) {
        for (const pkg of ensureOrderPackages(ctx, orderId, carrier, template)) {
          const now = ctx.now()
          if (pkg.tracking_number !== null && pkg.carrier !== null) {
            out.push({
              orderId,
              packageId: pkg.id,
              trackingNumber: pkg.tracking_number,
              carrier: pkg.carrier,
              fresh: false
            })
            continue
          }
          const number = source.allocate(ctx.db, carrier, pkg.id, now)
          if (number === null) {
            // Throwing rolls the whole chunk back: no package keeps a half-made state.
            throw new PoolEmptyError(carrier)
          }
          if (!assignTrackingNumber(ctx.db, pkg.id, carrier, number)) {
            throw new Error(`package ${String(pkg.id)} already has a tracking number`)
          }
          appendAudit(ctx.db, {
            at: now,
            actor: ctx.actor,
            station: ctx.station,
            action: 'waybill.allocated',
            entity: 'order',
            entityId: orderId,
            details: { packageId: pkg.id, carrier, trackingNumber: number }
          })
          out.push({ orderId, packageId: pkg.id, trackingNumber: number, carrier, fresh: true })
        }
      }
      return ok(out)
    })
    .immediate()
}

export class PoolEmptyError extends Error {
  constructor(readonly carrier: string) {
    super(`The ${carrier} pool has no numbers left`)
  }
}
