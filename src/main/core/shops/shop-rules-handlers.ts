import { fail, ok } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import { appendAudit } from '../db/audit-repo'
import { setShipPromise, shopRules, type ShopRulesRow } from '../db/shops-repo'

function view(row: ShopRulesRow) {
  return {
    id: row.id,
    name: row.name,
    platform: row.platform,
    shipPromiseHours: row.ship_promise_hours
  }
}

/** Settings → 店铺规则: each shop's ship promise, which sets the deadline of its orders. */
export const shopRulesHandlers: DomainHandlers<'shops.rules' | 'shops.setShipPromise'> = {
  'shops.rules': (ctx) => ok({ shops: shopRules(ctx.db).map(view) }),
  'shops.setShipPromise': (ctx, input) => {
    const result = setShipPromise(ctx.db, input.shopId, input.hours)
    if (!result) {
      return fail('NOT_FOUND', `Shop ${String(input.shopId)} does not exist`)
    }
    appendAudit(ctx.db, {
      at: ctx.now(),
      actor: ctx.actor,
      station: ctx.station,
      action: 'shop.ship_promise',
      entity: 'shop',
      entityId: input.shopId,
      details: { hours: input.hours, orders: result.orders }
    })
    return ok({ shop: view(result.shop), orders: result.orders })
  }
}
