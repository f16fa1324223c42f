import type { SplitPlanView } from '../../../shared/api/split-plan'
import { CARRIERS, findCarrier } from '../../../shared/carriers'
import { fail, ok, type FieldIssue, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import {
  allCarrierLimits,
  carrierLimits,
  DEFAULT_CARRIER_LIMITS,
  saveCarrierLimits
} from '../db/carrier-limits-repo'
import type { ReadableDB } from '../db/connection'
import { planItemsOf, type PlanItemRow } from '../db/order-packages-repo'
import { getOrderRow, orderPackages } from '../db/orders-repo'
import { hasIssuedPackage, replacePlan, storedPlan } from '../db/split-plan-repo'
import { planPackages, type CarrierLimits } from './split-plan'
import { reasonsForContract } from './split-reasons'

type Part = readonly { readonly orderItemId: number; readonly quantity: number }[]

/** The carrier a plan is packed for: asked, else the order's latest package's, else the first known. */
function carrierFor(db: ReadableDB, orderId: number, asked: string | undefined): string {
  if (asked !== undefined) return asked
  const withCarrier = orderPackages(db, orderId)
    .filter((p) => p.carrier !== null)
    .at(-1)
  return withCarrier?.carrier ?? CARRIERS[0]?.code ?? 'ZTO'
}

function view(
  db: ReadableDB,
  orderId: number,
  carrier: string,
  items: readonly PlanItemRow[]
): SplitPlanView {
  const limits = carrierLimits(db, carrier)
  const byId = new Map(items.map((i) => [i.orderItemId, i] as const))
  const withTitles = (part: Part): SplitPlanView['packages'][number]['items'] =>
    part.map((p) => ({
      orderItemId: p.orderItemId,
      sku: byId.get(p.orderItemId)?.sku ?? '',
      title: byId.get(p.orderItemId)?.title ?? '',
      quantity: p.quantity
    }))
  const weightOf = (part: Part): number =>
    part.reduce((sum, p) => sum + (byId.get(p.orderItemId)?.unitWeightG ?? 0) * p.quantity, 0)
  const plan = planPackages(items, limits)
  const reasons = reasonsForContract(plan, limits)
  const proposal = plan.map((pkg, index) => ({
    items: withTitles(pkg.items),
    reasons: reasons[index] ?? [],
    overLimit: pkg.overLimit,
    weightG: pkg.weightG
  }))
  const saved = storedPlan(db, orderId)
  const packages =
    saved === null
      ? proposal
      : saved.map((part) => ({
          items: withTitles(part),
          reasons: saved.length > 1 ? [{ code: 'manual' as const }] : [],
          overLimit: false,
          weightG: weightOf(part)
        }))
  return {
    orderId,
    carrier,
    limits,
    items: items.map((i) => ({
      orderItemId: i.orderItemId,
      sku: i.sku,
      title: i.title,
      quantity: i.quantity,
      unitWeightG: i.unitWeightG,
      warehouse: i.warehouse,
      temperatureZone: i.temperatureZone
    })),
    proposal,
    packages,
    saved: saved !== null,
    editable: !hasIssuedPackage(db, orderId)
  }
}

function unknownCarrier(carrier: string): Result<never> {
  return fail('VALIDATION', `Unknown carrier ${carrier}`, {
    issues: [{ path: 'carrier', code: 'carrier_unknown', message: 'is not a known carrier' }]
  })
}

/** The proposed plan of one order (and the packer's saved one, if any). */
export function getSplitPlan(
  ctx: CoreContext,
  orderId: number,
  carrier?: string
): Result<SplitPlanView> {
  if (!getOrderRow(ctx.db, orderId))
    return fail('NOT_FOUND', `Order ${String(orderId)} does not exist`)
  const code = carrierFor(ctx.db, orderId, carrier)
  if (!findCarrier(code)) return unknownCarrier(code)
  const items = planItemsOf(ctx.db, [orderId]).get(orderId) ?? []
  return ok(view(ctx.db, orderId, code, items))
}

/**
 * Every item of the order placed exactly, none unknown, none twice in one package, no empty
 * package: one field issue per problem, named by the path the editor shows it on.
 */
export function checkPlanParts(
  items: readonly PlanItemRow[],
  parts: readonly Part[]
): FieldIssue[] {
  const issues: FieldIssue[] = []
  const ordered = new Map(items.map((i) => [i.orderItemId, i.quantity] as const))
  const placed = new Map<number, number>()
  parts.forEach((part, p) => {
    if (part.length === 0) {
      issues.push({
        path: `packages.${String(p)}.items`,
        code: 'package_empty',
        message: 'is empty'
      })
    }
    const seen = new Set<number>()
    part.forEach((row, r) => {
      const path = `packages.${String(p)}.items.${String(r)}.orderItemId`
      if (!ordered.has(row.orderItemId)) {
        issues.push({ path, code: 'item_unknown', message: 'is not an item of this order' })
      } else if (seen.has(row.orderItemId)) {
        issues.push({ path, code: 'item_twice', message: 'is listed twice in one package' })
      }
      seen.add(row.orderItemId)
      placed.set(row.orderItemId, (placed.get(row.orderItemId) ?? 0) + row.quantity)
    })
  })
  for (const item of items) {
    const got = placed.get(item.orderItemId) ?? 0
    if (got !== item.quantity) {
      issues.push({
        path: `items.${String(item.orderItemId)}.quantity`,
        code: 'split_quantity_mismatch',
        message: `${item.sku}: ${String(got)} placed of ${String(item.quantity)} ordered`
      })
    }
  }
  return issues
}

/** Stores the packer's plan on the order, while none of its packages is printed or numbered. */
export function saveSplitPlan(
  ctx: CoreContext,
  input: { orderId: number; carrier?: string | undefined; packages: readonly { items: Part }[] }
): Result<SplitPlanView> {
  const { orderId } = input
  if (!getOrderRow(ctx.db, orderId))
    return fail('NOT_FOUND', `Order ${String(orderId)} does not exist`)
  const code = carrierFor(ctx.db, orderId, input.carrier)
  if (!findCarrier(code)) return unknownCarrier(code)
  const parts = input.packages.map((p) => p.items)
  return ctx.db.transaction((): Result<SplitPlanView> => {
    const items = planItemsOf(ctx.db, [orderId]).get(orderId) ?? []
    const issues = checkPlanParts(items, parts)
    if (issues.length > 0) {
      return fail('VALIDATION', issues.map((i) => `${i.path} ${i.message}`).join('; '), { issues })
    }
    if (hasIssuedPackage(ctx.db, orderId)) {
      return fail('CONFLICT', 'The order already has a printed package: its plan is fixed', {
        reason: 'plan_fixed'
      })
    }
    replacePlan(ctx.db, orderId, parts, ctx.now())
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      station: ctx.station,
      action: 'order.split_plan_saved',
      entity: 'order',
      entityId: orderId,
      details: { packages: parts.length }
    })
    return ok(view(ctx.db, orderId, code, items))
  })()
}

export type CarrierLimitsEntry = CarrierLimits & { readonly carrier: string }

/** Every known carrier's limits (the defaults where none are stored). */
export function listCarrierLimits(ctx: CoreContext): CarrierLimitsEntry[] {
  const stored = allCarrierLimits(ctx.db)
  return CARRIERS.map((c) => ({
    carrier: c.code,
    ...(stored.get(c.code) ?? DEFAULT_CARRIER_LIMITS)
  }))
}

export function setCarrierLimits(
  ctx: CoreContext,
  input: CarrierLimitsEntry
): Result<CarrierLimitsEntry> {
  if (!findCarrier(input.carrier)) return unknownCarrier(input.carrier)
  if (input.maxSumOfSidesMm < input.maxLongestSideMm) {
    return fail('VALIDATION', 'The sum of sides cannot be below the longest side', {
      issues: [
        { path: 'maxSumOfSidesMm', code: 'sum_below_longest', message: 'is below the longest side' }
      ]
    })
  }
  const limits: CarrierLimits = {
    maxWeightG: input.maxWeightG,
    maxLongestSideMm: input.maxLongestSideMm,
    maxSumOfSidesMm: input.maxSumOfSidesMm
  }
  ctx.db.transaction(() => {
    saveCarrierLimits(ctx.db, input.carrier, limits)
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      station: ctx.station,
      action: 'carrier.limits_saved',
      entity: 'carrier',
      entityId: null,
      details: { carrier: input.carrier, ...limits }
    })
  })()
  return ok({ carrier: input.carrier, ...limits })
}
