import { fail, ok, type Result } from '../../../shared/result'
import type { MethodOutput } from '../../../shared/contract'
import type { DomainHandlers } from '../api/handler-types'
import type { CoreContext } from '../context'
import { findAppendOrders, orderPackageItems, orderPackages } from '../db/append-repo'
import type { LabelSink } from '../manual-print/run-batch'
import {
  appendPackage,
  appendTakeNumber,
  orderStanding,
  preflightAppend,
  type OrderRef
} from './append-service'

type Methods =
  'packages.preflightAppend' | 'packages.append' | 'packages.appendTakeNumber' | 'packages.forOrder'

/** An order's packages with their items, the appended count and the last moment to append. */
export function packagesForOrder(
  ctx: CoreContext,
  ref: OrderRef
): Result<MethodOutput<'packages.forOrder'>> {
  const rows = findAppendOrders(ctx.db, ref.orderId.trim(), ref.shopId)
  const [order] = rows
  if (order === undefined) {
    return fail('NOT_FOUND', `No order ${ref.orderId}`, { code: 'order_not_found' })
  }
  if (rows.length > 1) {
    return fail('CONFLICT', `Order ${ref.orderId} exists in several shops; name the shop`, {
      code: 'order_ambiguous',
      shopIds: rows.map((r) => r.shop_id)
    })
  }
  const standing = orderStanding(ctx.db, order, ctx.now())
  const items = orderPackageItems(ctx.db, order.id)
  return ok({
    orderId: order.id,
    platformOrderId: order.platform_order_id,
    packages: orderPackages(ctx.db, order.id).map((p) => ({
      id: p.id,
      sequence: p.sequence,
      role: p.role,
      carrier: p.carrier,
      trackingNumber: p.tracking_number,
      printState: p.print_state,
      shipState: p.ship_state,
      syncState: p.sync_state,
      printedAt: p.printed_at,
      shippedAt: p.shipped_at,
      createdAt: p.created_at,
      items: items
        .filter((i) => i.package_id === p.id)
        .map((i) => ({
          orderItemId: i.order_item_id,
          sku: i.sku,
          title: i.title,
          quantity: i.quantity
        }))
    })),
    appendedCount: standing.appendedCount,
    appendMax: standing.limits.appendMax,
    deadlineMs: standing.deadlineMs
  })
}

export function createPackagesHandlers(
  sinkFor: (ctx: CoreContext) => LabelSink
): DomainHandlers<Methods> {
  return {
    'packages.preflightAppend': (ctx, input) => preflightAppend(ctx, input),
    'packages.append': (ctx, input) => appendPackage(ctx, input),
    'packages.appendTakeNumber': (ctx, input) => appendTakeNumber(ctx, sinkFor(ctx), input),
    'packages.forOrder': (ctx, input) => packagesForOrder(ctx, input)
  }
}
