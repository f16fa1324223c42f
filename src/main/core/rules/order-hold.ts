import { RULES, type RuleId } from '../../../shared/rules'

/**
 * Why an order must not get a first label or be shipped, whatever screen asks: batch print,
 * scan-to-print and ship all call {@link orderHold}, so they can never disagree (issue 10.2).
 */
export const ORDER_HOLDS = ['no_address', 'closed', 'refund', 'shipped'] as const
export type OrderHold = (typeof ORDER_HOLDS)[number]

/** The order fields the rules read (the sheet's status and refund state, the receiver). */
export type HoldSubject = {
  readonly status: string
  readonly refund_state: string
  readonly receiver_name?: string
  readonly receiver_phone?: string
  readonly province?: string
  readonly city?: string
  readonly address_detail?: string
}

/** The platform rule each hold applies, where one does (DESIGN §2). */
export const HOLD_RULE: Readonly<Record<OrderHold, RuleId | null>> = {
  no_address: null,
  closed: null,
  refund: RULES.AFTERSALES_WHOLE_ORDER,
  // A sheet that says 已发货 (or 部分发货) means a first shipment exists upstream: another label
  // and another ship would overwrite the record the platform assesses.
  shipped: RULES.FIRST_SHIPMENT_COUNTS
}

function addressMissing(o: HoldSubject): boolean {
  const fields = [o.receiver_name, o.receiver_phone, o.province, o.city, o.address_detail]
  // Ship reads no address: only fields that were given are checked.
  return fields.some((v) => v !== undefined && v.trim() === '')
}

/**
 * The hold on an order, or null when it may print and ship. Shipped comes before refund: a
 * refund after shipping is an interception (AFTERSALES_INTERCEPT_ALL), not a print refusal.
 */
export function orderHold(o: HoldSubject): OrderHold | null {
  if (o.status === 'shipped' || o.status === 'partially_shipped') {
    return 'shipped'
  }
  if (addressMissing(o)) {
    return 'no_address'
  }
  if (o.status === 'closed') {
    return 'closed'
  }
  if (o.refund_state !== 'none') {
    return 'refund'
  }
  return null
}
