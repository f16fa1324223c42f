import type { CoreContext } from '../context'
import {
  addPackageItems,
  orderPrintSet,
  planItemsOf,
  type PlanItemRow,
  type PrintSetPackage
} from '../db/order-packages-repo'
import { addAllItemsToPackage, insertPackage, nextPackageSequence } from '../db/packages-repo'
import { carrierLimits } from '../db/carrier-limits-repo'
import type { ReadableDB } from '../db/connection'
import { planPackages, type CarrierLimits } from '../packages/split-plan'

/** One planned package: the order items (and how many of each) it carries. */
export type PackagePart = readonly { readonly orderItemId: number; readonly quantity: number }[]

/**
 * The packages the planner proposes. A plan the packer saved on the order's detail is already
 * its packages (unnumbered, split-plan-repo), which orderPrintSet finds before this is asked.
 */
function partsOf(items: readonly PlanItemRow[], limits: CarrierLimits): readonly PackagePart[] {
  // An order without items still prints one label, as it always did.
  return items.length === 0 ? [[]] : planPackages(items, limits).map((p) => p.items)
}

/** How many labels each order's next print makes (plan size), for orders without a live first package. */
export function plannedCounts(
  db: ReadableDB,
  orderIds: readonly number[],
  carrier: string
): Map<number, number> {
  const limits = carrierLimits(db, carrier)
  const items = planItemsOf(db, orderIds)
  return new Map(orderIds.map((id) => [id, partsOf(items.get(id) ?? [], limits).length] as const))
}

/**
 * The order's packages for this print, made from its plan when it has none yet: package 1 is
 * role 'first' (the order's shipping record, FIRST_SHIPMENT_COUNTS), the others role 'split',
 * each with its items. Runs inside the caller's transaction, so a crash leaves all of them or none.
 * An order planned as one package is made exactly as before: one 'first' package with every item.
 */
export function ensureOrderPackages(
  ctx: CoreContext,
  orderId: number,
  carrier: string,
  template: string
): PrintSetPackage[] {
  const existing = orderPrintSet(ctx.db, orderId)
  if (existing.length > 0) {
    return existing
  }
  const now = ctx.now()
  const items = planItemsOf(ctx.db, [orderId]).get(orderId) ?? []
  const parts = partsOf(items, carrierLimits(ctx.db, carrier))
  const first = nextPackageSequence(ctx.db, orderId)
  parts.forEach((part, index) => {
    const id = insertPackage(ctx.db, {
      orderId,
      sequence: first + index,
      role: index === 0 ? 'first' : 'split',
      carrier: null,
      trackingNumber: null,
      template,
      createdAt: now
    })
    if (parts.length === 1) {
      addAllItemsToPackage(ctx.db, id, orderId)
    } else {
      addPackageItems(ctx.db, id, part)
    }
  })
  return orderPrintSet(ctx.db, orderId)
}
