import { ok } from '../../../shared/result'
import type { PackageListPage } from '../../../shared/api/packages-list'
import type { DomainHandlers } from '../api/handler-types'
import { listPackages } from '../db/packages-list-query'

/** The 包裹与追加 list: the query's rows in the contract's words. */
export const packagesListHandlers: DomainHandlers<'packages.list'> = {
  'packages.list': (ctx, input) => {
    const found = listPackages(ctx.db, input)
    const page: PackageListPage = {
      total: found.total,
      totalCapped: found.totalCapped,
      last: found.last,
      rows: found.rows.map((r) => ({
        packageId: r.package_id,
        orderId: r.order_id,
        platformOrderId: r.platform_order_id,
        shopId: r.shop_id,
        sequence: r.sequence,
        packageCount: r.package_count,
        role: r.role,
        carrier: r.carrier,
        trackingNumber: r.tracking_number,
        items: r.items ?? '',
        printState: r.print_state,
        shipState: r.ship_state,
        syncState: r.sync_state,
        printedAt: r.printed_at,
        shippedAt: r.shipped_at,
        createdAt: r.created_at
      }))
    }
    return ok(page)
  }
}
