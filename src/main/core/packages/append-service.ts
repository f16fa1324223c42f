import { resolveCarrier } from '../../../shared/carrier-aliases'
import type { Carrier } from '../../../shared/carriers'
import { fail, ok, type Result } from '../../../shared/result'
import { ruleWords } from '../../../shared/rule-words'
import type { AppendPreflight, NumberProblem } from '../../../shared/api/packages'
import type { CoreContext } from '../context'
import {
  appendedCount,
  findAppendOrders,
  firstShipmentNumbers,
  insertAppendedPackage,
  itemQuantities,
  packageSequence,
  packagesWithNumber,
  type AppendOrderRow
} from '../db/append-repo'
import { appendAudit } from '../db/audit-repo'
import type { ReadableDB, WritableDB } from '../db/connection'
import { enqueueOutbox } from '../db/outbox-repo'
import { assignTrackingNumber } from '../db/packages-repo'
import { platformLimits } from '../db/platform-limits-repo'
import {
  appendDeadline,
  checkAppend,
  checkNotFirstShipmentNumber,
  type AppendSubject
} from '../rules/append-rules'
import type { PlatformLimits } from '../rules/limits'
import type { Refusal, RuleResult } from '../rules/rule-result'
import type { LabelSink } from '../manual-print/run-batch'
import { stationTimeZone } from '../station-time'
import { poolSource, type TrackingNumberSource } from '../waybills/pool-service'

/** The order as the sheets name it: its platform order id, and the shop when ids collide. */
export type OrderRef = { readonly orderId: string; readonly shopId?: number | undefined }

export type AppendRequest = OrderRef & {
  readonly carrier: string
  readonly trackingNumber: string
}

export type AppendDone = {
  packageId: number
  sequence: number
  orderId: number
  carrier: string
  trackingNumber: string
  duplicate: boolean
}

/** One order's standing against the append rules at `now`. */
export type OrderStanding = {
  readonly order: AppendOrderRow
  readonly limits: PlatformLimits
  readonly appendedCount: number
  readonly deadlineMs: number | null
  readonly result: RuleResult
}

export function orderStanding(db: ReadableDB, order: AppendOrderRow, now: number): OrderStanding {
  const limits = platformLimits(db, order.platform)
  const subject: AppendSubject = {
    status: order.status,
    refundState: order.refund_state,
    items: itemQuantities(db, order.id),
    firstShippedAt: order.shipped_at,
    appendedCount: appendedCount(db, order.id)
  }
  return {
    order,
    limits,
    appendedCount: subject.appendedCount,
    deadlineMs: order.shipped_at === null ? null : appendDeadline(order.shipped_at, limits),
    result: zoned(db, checkAppend(subject, limits, now))
  }
}

/**
 * A deadline is shown on the station's wall clock: the refusal carries the station's zone so the
 * renderer and the CLI word it alike, whatever zone their machine is in.
 */
function zoned(db: ReadableDB, result: RuleResult): RuleResult {
  if (result.ok || result.refusal.params['deadlineMs'] === undefined) {
    return result
  }
  return {
    ok: false,
    refusal: {
      ...result.refusal,
      params: { ...result.refusal.params, timeZone: stationTimeZone(db) }
    }
  }
}

type OrderLookup =
  | { readonly kind: 'found'; readonly order: AppendOrderRow }
  | { readonly kind: 'not_found' }
  | { readonly kind: 'ambiguous'; readonly shopIds: readonly number[] }

function lookupOrder(db: ReadableDB, ref: OrderRef): OrderLookup {
  const rows = findAppendOrders(db, ref.orderId.trim(), ref.shopId)
  const [first] = rows
  if (first === undefined) {
    return { kind: 'not_found' }
  }
  return rows.length === 1
    ? { kind: 'found', order: first }
    : { kind: 'ambiguous', shopIds: rows.map((r) => r.shop_id) }
}

type NumberStanding = {
  readonly carrier: Carrier | undefined
  readonly problem: NumberProblem | null
  /** The same carrier and number are already appended to this order. */
  readonly alreadyAppended: number | null
  /** The rule behind `problem`, when a platform rule is what refuses the number. */
  readonly refusal?: Refusal
}

/**
 * What is wrong with the carrier and number for this order, before any order rule: an unknown
 * carrier; the order's own first-shipment number (FIRST_SHIPMENT_COUNTS); a number any other
 * package holds; a number that cannot be the carrier's. The same number appended to the same
 * order already is not a problem: the append is done, and saying so is the answer.
 */
export function numberStanding(
  db: ReadableDB,
  orderId: number,
  carrierText: string | undefined,
  trackingNumber: string | undefined
): NumberStanding {
  const carrier = carrierText === undefined ? undefined : resolveCarrier(carrierText)
  if (carrierText !== undefined && carrier === undefined) {
    return { carrier, problem: 'unknown_carrier', alreadyAppended: null }
  }
  const number = trackingNumber?.trim() ?? ''
  if (number === '') {
    return { carrier, problem: null, alreadyAppended: null }
  }
  for (const holder of packagesWithNumber(db, number)) {
    if (
      holder.order_id === orderId &&
      holder.role === 'appended' &&
      holder.carrier === carrier?.code
    ) {
      return { carrier, problem: null, alreadyAppended: holder.id }
    }
  }
  const first = checkNotFirstShipmentNumber(number, firstShipmentNumbers(db, orderId))
  if (!first.ok) {
    return {
      carrier,
      problem: 'first_shipment_number',
      alreadyAppended: null,
      refusal: first.refusal
    }
  }
  if (packagesWithNumber(db, number).length > 0) {
    return { carrier, problem: 'number_on_other_package', alreadyAppended: null }
  }
  if (carrier !== undefined && !carrier.pattern.test(number)) {
    return { carrier, problem: 'number_pattern', alreadyAppended: null }
  }
  return { carrier, problem: null, alreadyAppended: null }
}

function refusalOf(result: RuleResult): Refusal | null {
  return result.ok ? null : result.refusal
}

/** The facts the append dialog shows as its fields change; nothing is written. */
export function preflightAppend(
  ctx: CoreContext,
  request: OrderRef & {
    readonly carrier?: string | undefined
    readonly trackingNumber?: string | undefined
  }
): Result<AppendPreflight> {
  const found = lookupOrder(ctx.db, request)
  if (found.kind === 'ambiguous') {
    return ambiguous(request.orderId, found.shopIds)
  }
  if (found.kind === 'not_found') {
    const carrier = request.carrier === undefined ? undefined : resolveCarrier(request.carrier)
    return ok({
      order: null,
      refusal: null,
      deadlineMs: null,
      appendedCount: 0,
      appendMax: 0,
      carrier: carrier?.code ?? null,
      numberProblem:
        request.carrier !== undefined && carrier === undefined ? 'unknown_carrier' : null,
      alreadyAppended: null,
      canAppend: false
    })
  }
  const standing = orderStanding(ctx.db, found.order, ctx.now())
  const number = numberStanding(ctx.db, found.order.id, request.carrier, request.trackingNumber)
  const refusal = number.refusal ?? refusalOf(standing.result)
  return ok({
    order: {
      id: found.order.id,
      shopId: found.order.shop_id,
      platformOrderId: found.order.platform_order_id,
      platform: found.order.platform,
      status: found.order.status
    },
    refusal: refusal === null ? null : { rule: refusal.rule, params: { ...refusal.params } },
    deadlineMs: standing.deadlineMs,
    appendedCount: standing.appendedCount,
    appendMax: standing.limits.appendMax,
    carrier: number.carrier?.code ?? null,
    numberProblem: number.problem,
    alreadyAppended: number.alreadyAppended,
    canAppend:
      refusal === null &&
      number.carrier !== undefined &&
      number.problem === null &&
      number.alreadyAppended === null &&
      (request.trackingNumber?.trim() ?? '') !== ''
  })
}

function ambiguous(orderId: string, shopIds: readonly number[]): Result<never> {
  return fail('CONFLICT', `Order ${orderId} exists in several shops; name the shop`, {
    code: 'order_ambiguous',
    shopIds
  })
}

function ruleFailure(refusal: Refusal): Result<never> {
  return fail(
    'RULE_VIOLATION',
    `${refusal.rule}: ${ruleWords(refusal.rule, { ...refusal.params }, 'en-US')}`,
    {
      rule: refusal.rule,
      params: refusal.params
    }
  )
}

function numberFailure(problem: NumberProblem, carrierText: string, number: string): Result<never> {
  switch (problem) {
    case 'unknown_carrier':
      return fail('VALIDATION', `Unknown carrier ${carrierText}`, {
        issues: [{ path: 'carrier', code: 'carrier_unknown', message: 'is not a known carrier' }]
      })
    case 'number_pattern':
      return fail('VALIDATION', `${number} is not a ${carrierText} tracking number`, {
        issues: [
          { path: 'trackingNumber', code: 'number_pattern', message: 'does not fit the carrier' }
        ]
      })
    case 'number_on_other_package':
      return fail('CONFLICT', `Tracking number ${number} is already on another package`, {
        code: 'number_on_other_package'
      })
    case 'first_shipment_number':
      // Refused by its rule (checkNotFirstShipmentNumber) before this is reached.
      return fail('CONFLICT', `Tracking number ${number} is the order's first shipment number`, {
        code: 'first_shipment_number'
      })
  }
}

/**
 * Records one appended package with its audit event and its upstream effect, for the single
 * append and for every path that appends. The outbox key names the shop, order, carrier and
 * number, so the same append queued twice is one effect (invariant 5). The payload carries what
 * Kuaishou's open.seller.order.goods.logistics.append (oid, expressCode, expressNo) and Taobao's
 * consign.resend (tid, company_code, out_sid; the sync adds the order's other packages) need.
 */
export function recordAppend(
  db: WritableDB,
  w: {
    readonly order: AppendOrderRow
    readonly carrier: Carrier
    readonly trackingNumber: string
    readonly packageId: number
    readonly sequence: number
    readonly now: number
    readonly actor: string
    readonly station: string
    readonly source: 'typed' | 'pool'
  }
): void {
  enqueueOutbox(db, {
    shopId: w.order.shop_id,
    kind: 'append_package',
    lane: 'appended',
    idempotencyKey: `append:${String(w.order.shop_id)}:${w.order.platform_order_id}:${w.carrier.code}:${w.trackingNumber}`,
    payload: {
      platform: w.order.platform,
      orderId: w.order.id,
      platformOrderId: w.order.platform_order_id,
      packageId: w.packageId,
      sequence: w.sequence,
      carrier: w.carrier.code,
      trackingNumber: w.trackingNumber,
      appendedAt: w.now,
      kuaishou: {
        oid: w.order.platform_order_id,
        expressCode: w.carrier.kuaishouExpressCode,
        expressNo: w.trackingNumber
      },
      taobao: {
        tid: w.order.platform_order_id,
        companyCode: w.carrier.taobaoCode,
        outSid: w.trackingNumber
      }
    },
    now: w.now
  })
  appendAudit(db, {
    at: w.now,
    actor: w.actor,
    station: w.station,
    action: 'package.appended',
    entity: 'order',
    entityId: w.order.id,
    details: {
      packageId: w.packageId,
      sequence: w.sequence,
      carrier: w.carrier.code,
      trackingNumber: w.trackingNumber,
      source: w.source
    }
  })
}

/** The checks both append paths run inside their transaction; the order and carrier when they pass. */
function checkedTarget(
  ctx: CoreContext,
  ref: OrderRef,
  carrierText: string,
  trackingNumber: string | null
): Result<{ order: AppendOrderRow; carrier: Carrier; duplicateOf: number | null }> {
  const found = lookupOrder(ctx.db, ref)
  if (found.kind === 'ambiguous') {
    return ambiguous(ref.orderId, found.shopIds)
  }
  if (found.kind === 'not_found') {
    return fail('NOT_FOUND', `No order ${ref.orderId}`, { code: 'order_not_found' })
  }
  const number = numberStanding(ctx.db, found.order.id, carrierText, trackingNumber ?? undefined)
  if (number.alreadyAppended !== null && number.carrier !== undefined) {
    // A retry or a second scan of the same parcel: the append is done; rules that would refuse
    // a new one (the 21st, a closed window) must not turn a done append into an error.
    return ok({ order: found.order, carrier: number.carrier, duplicateOf: number.alreadyAppended })
  }
  if (number.refusal !== undefined) {
    return ruleFailure(number.refusal)
  }
  if (number.problem !== null || number.carrier === undefined) {
    return numberFailure(number.problem ?? 'unknown_carrier', carrierText, trackingNumber ?? '')
  }
  const standing = orderStanding(ctx.db, found.order, ctx.now())
  if (!standing.result.ok) {
    return ruleFailure(standing.result.refusal)
  }
  return ok({ order: found.order, carrier: number.carrier, duplicateOf: null })
}

/**
 * 追加包裹 with a typed or scanned number: the checks run again inside the one transaction that
 * writes the package (role 'appended', next sequence, shipped now), its audit event and its
 * outbox entry, so a concurrent append cannot slip past the count or take the number twice.
 */
export function appendPackage(ctx: CoreContext, request: AppendRequest): Result<AppendDone> {
  const trackingNumber = request.trackingNumber.trim()
  const result = ctx.db
    .transaction((): Result<AppendDone> => {
      const target = checkedTarget(ctx, request, request.carrier, trackingNumber)
      if (!target.ok) {
        return target
      }
      const { order, carrier, duplicateOf } = target.value
      if (duplicateOf !== null) {
        return ok({
          packageId: duplicateOf,
          sequence: packageSequence(ctx.db, duplicateOf) ?? 0,
          orderId: order.id,
          carrier: carrier.code,
          trackingNumber,
          duplicate: true
        })
      }
      const now = ctx.now()
      const written = insertAppendedPackage(ctx.db, {
        orderId: order.id,
        carrier: carrier.code,
        trackingNumber,
        now
      })
      recordAppend(ctx.db, {
        order,
        carrier,
        trackingNumber,
        ...written,
        now,
        actor: ctx.actor,
        station: ctx.station,
        source: 'typed'
      })
      return ok({
        ...written,
        orderId: order.id,
        carrier: carrier.code,
        trackingNumber,
        duplicate: false
      })
    })
    .immediate()
  if (result.ok && !result.value.duplicate) {
    ctx.emit('orders.changed', { ids: [result.value.orderId] })
  }
  return result
}

export type TakeNumberRequest = OrderRef & {
  readonly carrier: string
  readonly printerId: number
  readonly template: string
  readonly maskPrivacy: boolean
}

/**
 * 取号并打印: the next number from the carrier's pool (the same source batch print draws from)
 * becomes an appended package, written with its audit and outbox entry in one transaction, and
 * its label goes to the printer's queue through the same sink as batch and scan-to-print. The
 * printer is asked first, so a refused printer draws no number.
 */
export async function appendTakeNumber(
  ctx: CoreContext,
  sink: LabelSink,
  request: TakeNumberRequest,
  source: TrackingNumberSource = poolSource
): Promise<Result<AppendDone & { jobId: string | null }>> {
  const ready = sink.ready?.(request.printerId)
  if (ready && !ready.ok) {
    return ready
  }
  const written = ctx.db.transaction((): Result<AppendDone> => {
    const target = checkedTarget(ctx, request, request.carrier, null)
    if (!target.ok) {
      return target
    }
    const { order, carrier } = target.value
    const now = ctx.now()
    const pkg = insertAppendedPackage(ctx.db, {
      orderId: order.id,
      carrier: carrier.code,
      trackingNumber: null,
      now
    })
    const trackingNumber = source.allocate(ctx.db, carrier.code, pkg.packageId, now)
    if (trackingNumber === null) {
      // Throwing rolls the package back: no package without its number.
      throw new PoolEmpty(carrier.code)
    }
    assignTrackingNumber(ctx.db, pkg.packageId, carrier.code, trackingNumber)
    recordAppend(ctx.db, {
      order,
      carrier,
      trackingNumber,
      ...pkg,
      now,
      actor: ctx.actor,
      station: ctx.station,
      source: 'pool'
    })
    return ok({
      ...pkg,
      orderId: order.id,
      carrier: carrier.code,
      trackingNumber,
      duplicate: false
    })
  })
  let done: Result<AppendDone>
  try {
    done = written.immediate()
  } catch (error) {
    if (error instanceof PoolEmpty) {
      return fail('CONFLICT', `The ${error.carrier} pool has no numbers left`, {
        code: 'pool_empty',
        carrier: error.carrier
      })
    }
    throw error
  }
  if (!done.ok) {
    return done
  }
  ctx.emit('orders.changed', { ids: [done.value.orderId] })
  const job = await sink.print({
    printerId: request.printerId,
    template: request.template,
    maskPrivacy: request.maskPrivacy,
    packageIds: [done.value.packageId]
  })
  // The package and its number stand whatever the printer does: a failed label is reprinted
  // from the queue view with the same number, never re-drawn.
  return ok({ ...done.value, jobId: job.ok ? job.value.jobId : null })
}

class PoolEmpty extends Error {
  constructor(readonly carrier: string) {
    super(`pool empty: ${carrier}`)
  }
}
