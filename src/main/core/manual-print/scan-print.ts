import { RULES } from '../../../shared/rules'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { findOrderByCode, getOrderRow } from '../db/orders-repo'
import { batchOrders } from '../db/print-batch-repo'
import { HOLD_RULE, orderHold } from '../rules/order-hold'
import { checkBatch, type HoldReason } from './batch'
import { resolveTracking } from './printed-service'
import { startPrintBatch, type LabelSink } from './run-batch'

export type ScanRequest = {
  readonly code: string
  readonly carrier: string
  readonly template: string
  readonly printerId: number
  readonly maskPrivacy: boolean
}

export type ScanOutcome = {
  result: 'printed' | 'already_printed' | 'held' | 'not_found'
  orderId: number | null
  platformOrderId: string | null
  trackingNumber: string | null
  reason: HoldReason | null
  /** The label queued by this scan, and its job: the page follows it until the printer answers. */
  packageId: number | null
  jobId: string | null
}

const NOT_FOUND: ScanOutcome = {
  result: 'not_found',
  orderId: null,
  platformOrderId: null,
  trackingNumber: null,
  reason: null,
  packageId: null,
  jobId: null
}

/**
 * 扫描打单: the scanned order gets its label through the same check as a batch (a held order is
 * refused with the reason; a printed one is offered a reprint, never a new number). "printed"
 * here means queued: the label's fate comes as 'printing.progress' for the returned job.
 */
export async function scanToPrint(
  ctx: CoreContext,
  sink: LabelSink,
  request: ScanRequest
): Promise<Result<ScanOutcome>> {
  const found = findOrderByCode(ctx.db, request.code)
  if (!found) {
    return ok(NOT_FOUND)
  }
  const orderId = found.orderId
  const platformOrderId = getOrderRow(ctx.db, orderId)?.platform_order_id ?? null
  const check = checkBatch(ctx, [orderId], request.carrier)
  if (!check.ok) {
    return check
  }
  const held = check.value.held[0]
  if (held) {
    const row = batchOrders(ctx.db, [orderId])[0]
    // A printed order's number is shown (reprint offered); a shipped one's too, for the
    // deliberate reprint the page asks the packer to confirm.
    const keepsNumber = held.reason === 'already_printed' || held.reason === 'shipped'
    return ok({
      result: held.reason === 'already_printed' ? 'already_printed' : 'held',
      orderId,
      platformOrderId,
      trackingNumber: keepsNumber ? (row?.first_tracking_number ?? null) : null,
      reason: held.reason,
      packageId: keepsNumber ? (row?.first_package_id ?? null) : null,
      jobId: null
    })
  }
  const started = await startPrintBatch(ctx, sink, { ...request, orderIds: [orderId] })
  if (!started.ok) {
    return started
  }
  const row = batchOrders(ctx.db, [orderId])[0]
  return ok({
    result: 'printed',
    orderId,
    platformOrderId,
    trackingNumber: row?.first_tracking_number ?? null,
    reason: null,
    packageId: row?.first_package_id ?? null,
    jobId: started.value.jobIds[0] ?? null
  })
}

export type ReprintRequest = {
  readonly trackingNumber: string
  readonly carrier?: string | undefined
  readonly printerId: number
  readonly template: string
  readonly maskPrivacy: boolean
  /** The packer confirmed reprinting a shipped order's label. */
  readonly shipped: boolean
}

/**
 * Prints a package again with its number. A shipped order's label is reprinted only when the
 * packer said so (FIRST_SHIPMENT_COUNTS): the order's hold is checked here, as print and ship do.
 */
export function reprintLabel(
  ctx: CoreContext,
  sink: LabelSink,
  request: ReprintRequest
): Promise<Result<{ jobId: string }>> | Result<{ jobId: string }> {
  const resolved = resolveTracking(ctx, request.trackingNumber, { carrier: request.carrier })
  if (!resolved.ok) {
    return resolved
  }
  const pkg = resolved.value
  if (!pkg || pkg.print_state === 'voided') {
    return fail('NOT_FOUND', `No printed package with tracking number ${request.trackingNumber}`)
  }
  const order = batchOrders(ctx.db, [pkg.order_id])[0]
  if (!request.shipped && order && orderHold(order) === 'shipped') {
    return fail(
      'RULE_VIOLATION',
      `${RULES.FIRST_SHIPMENT_COUNTS}: order ${order.platform_order_id} has shipped; confirm to reprint its label`,
      { rule: HOLD_RULE.shipped, code: 'order_shipped' }
    )
  }
  return sink.reprint({
    printerId: request.printerId,
    template: request.template,
    maskPrivacy: request.maskPrivacy,
    packageIds: [pkg.id]
  })
}
