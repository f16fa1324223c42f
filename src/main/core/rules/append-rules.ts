import { RULES } from '../../../shared/rules'
import type { PlatformLimits } from './limits'
import { ALLOWED, refuse, type RuleResult } from './rule-result'

/** The order facts the append rules read; plain data so the rules stay pure. */
export type AppendSubject = {
  readonly status: 'pending' | 'partially_shipped' | 'shipped' | 'closed'
  /** 'none' | 'requested' | 'refunded' */
  readonly refundState: string
  readonly items: readonly { readonly quantity: number; readonly quantityShipped: number }[]
  /** ms; the order's first shipment, null when nothing shipped yet. */
  readonly firstShippedAt: number | null
  /** Appended packages already on the order. */
  readonly appendedCount: number
}

/**
 * Every unit of every line has shipped. Computed from quantities, never from the status: a sheet
 * can say 已发货 for an order whose lines only partly went out.
 */
export function isFullyShipped(items: AppendSubject['items']): boolean {
  return items.length > 0 && items.every((item) => item.quantityShipped >= item.quantity)
}

/** The last ms an append is allowed (inclusive). */
export function appendDeadline(firstShippedAt: number, limits: PlatformLimits): number {
  return firstShippedAt + limits.appendWindowMs
}

/**
 * May this order take one more appended package now? Checked in a fixed order so the refusal
 * names the most fundamental reason: closed → after-sales → not fully shipped → window → count.
 * `extraInSameBatch` counts appends for the same order earlier in the same batch.
 */
export function checkAppend(
  s: AppendSubject,
  limits: PlatformLimits,
  now: number,
  extraInSameBatch = 0
): RuleResult {
  if (s.status === 'closed') {
    return refuse(RULES.APPEND_AFTER_FULL_SHIP, { reason: 'closed' })
  }
  if (s.refundState !== 'none') {
    return refuse(RULES.AFTERSALES_WHOLE_ORDER, { refundState: s.refundState })
  }
  if (!isFullyShipped(s.items) || s.firstShippedAt === null) {
    const quantity = s.items.reduce((sum, item) => sum + item.quantity, 0)
    const shipped = s.items.reduce(
      (sum, item) => sum + Math.min(item.quantityShipped, item.quantity),
      0
    )
    return refuse(RULES.APPEND_AFTER_FULL_SHIP, { quantity, shipped })
  }
  const deadline = appendDeadline(s.firstShippedAt, limits)
  if (now > deadline) {
    return refuse(RULES.APPEND_WINDOW_30D, {
      deadlineMs: deadline,
      deadline: new Date(deadline).toISOString(),
      days: Math.round(limits.appendWindowMs / 86_400_000)
    })
  }
  const count = s.appendedCount + extraInSameBatch
  if (count + 1 > limits.appendMax) {
    return refuse(RULES.APPEND_MAX_20, { max: limits.appendMax, count })
  }
  return ALLOWED
}

export function checkAppendBatchSize(rows: number, limits: PlatformLimits): RuleResult {
  return rows > limits.appendBatchMax
    ? refuse(RULES.APPEND_BATCH_MAX_5000, { max: limits.appendBatchMax, count: rows })
    : ALLOWED
}

export function checkBatchPrintSize(rows: number, limits: PlatformLimits): RuleResult {
  return rows > limits.batchPrintMax
    ? refuse(RULES.BATCH_PRINT_MAX_5000, { max: limits.batchPrintMax, count: rows })
    : ALLOWED
}

/**
 * FIRST_SHIPMENT_COUNTS for appends: the number of the order's own first shipment is the record
 * the platform assesses; appending it again would report the first parcel as an extra one.
 */
export function checkNotFirstShipmentNumber(
  trackingNumber: string,
  firstShipmentNumbers: readonly string[]
): RuleResult {
  return firstShipmentNumbers.includes(trackingNumber)
    ? refuse(RULES.FIRST_SHIPMENT_COUNTS, { reason: 'first_number' })
    : ALLOWED
}
