import { DEMO_SHOP_NAME } from '../../../shared/api/demo'
import { fail, ok, type Result } from '../../../shared/result'
import { OrderInput } from '../../../shared/schemas/order'
import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import type { ReadableDB } from '../db/connection'
import {
  deleteShopData,
  insertShop,
  otherShopsOrderCount,
  shopOrderCount,
  shopOrderIds,
  shopPackagesInFlight
} from '../db/demo-repo'
import { insertOrders } from '../db/orders-repo'
import { countPrinted, type PrintedFilter } from '../db/printed-repo'
import { getSetting, setSetting } from '../db/settings-repo'
import { toNewOrder } from '../orders/orders-service'
import { demoOrderInputs } from './demo-orders'

/**
 * Settings key: the demo shop's id while it exists. A setting rather than a column, the way the
 * demo pool is remembered: the demo is a property of this station's data, not of shops in general.
 */
const DEMO_SHOP_KEY = 'demo.shopId'

export type DemoState = {
  readonly shopId: number | null
  readonly orders: number
  readonly offer: boolean
}

export function demoShopId(db: ReadableDB): number | null {
  const raw = getSetting(db, DEMO_SHOP_KEY)
  const id = raw === null ? NaN : Number(raw)
  return Number.isInteger(id) && id > 0 ? id : null
}

export function demoState(db: ReadableDB): DemoState {
  const shopId = demoShopId(db)
  return {
    shopId,
    orders: shopId === null ? 0 : shopOrderCount(db, shopId),
    offer: shopId === null && otherShopsOrderCount(db, null) === 0
  }
}

/**
 * Writes the demo shop and its orders in one transaction, each order checked by the same schema
 * as a hand-entered one. Refused once the station has real orders (the demo is for a first
 * look, and its ids must not crowd a working list) or while a demo is loaded.
 */
export function loadDemo(ctx: CoreContext): Result<DemoState> {
  const loaded = ctx.db
    .transaction((): Result<number[]> => {
      if (demoShopId(ctx.db) !== null) {
        return fail('CONFLICT', 'The demo orders are already loaded', { reason: 'demo_loaded' })
      }
      if (otherShopsOrderCount(ctx.db, null) > 0) {
        return fail(
          'CONFLICT',
          'This station already has orders; the demo is for a fresh install',
          {
            reason: 'demo_real_orders'
          }
        )
      }
      const now = ctx.now()
      const shopId = insertShop(ctx.db, DEMO_SHOP_NAME, now)
      const orders = demoOrderInputs(shopId, now).map((input) => {
        const parsed = OrderInput.parse(input)
        return toNewOrder(parsed, parsed.platformOrderId ?? '', now)
      })
      const ids = insertOrders(ctx.db, orders)
      setSetting(ctx.db, DEMO_SHOP_KEY, String(shopId))
      appendAudit(ctx.db, {
        at: now,
        actor: ctx.actor,
        station: ctx.station,
        action: 'demo.loaded',
        entity: 'shop',
        entityId: shopId,
        details: { orders: ids.length }
      })
      return ok(ids)
    })
    .immediate()
  if (!loaded.ok) {
    return loaded
  }
  ctx.log.info('demo orders loaded', { orders: loaded.value.length })
  ctx.emit('orders.changed', { ids: loaded.value })
  return ok(demoState(ctx.db))
}

/** Removes the demo shop with all its orders, packages and print records, in one transaction. */
export function removeDemo(ctx: CoreContext): Result<{ orders: number; packages: number }> {
  const removed = ctx.db
    .transaction((): Result<{ orders: number; packages: number; ids: number[] }> => {
      const shopId = demoShopId(ctx.db)
      if (shopId === null) {
        return ok({ orders: 0, packages: 0, ids: [] })
      }
      if (shopPackagesInFlight(ctx.db, shopId) > 0) {
        return fail('CONFLICT', 'A demo label is still printing; remove the demo when it is done', {
          reason: 'demo_printing'
        })
      }
      const ids = shopOrderIds(ctx.db, shopId)
      const counts = deleteShopData(ctx.db, shopId, ctx.now())
      setSetting(ctx.db, DEMO_SHOP_KEY, 'removed')
      appendAudit(ctx.db, {
        at: ctx.now(),
        actor: ctx.actor,
        station: ctx.station,
        action: 'demo.removed',
        entity: 'shop',
        entityId: shopId,
        details: counts
      })
      return ok({ ...counts, ids })
    })
    .immediate()
  if (!removed.ok) {
    return removed
  }
  const { ids, ...counts } = removed.value
  ctx.log.info('demo orders removed', counts)
  if (ids.length > 0) {
    ctx.emit('orders.changed', { ids })
  }
  return ok(counts)
}

/**
 * What an export covers: the demo shop's packages stay out of a sheet that holds real ones, so
 * a demo number never reaches a platform upload or a real 发货单. Only when the scope holds
 * nothing but demo packages (a new user trying the export) does the sheet show them.
 */
export function exportScope(db: ReadableDB, filter: PrintedFilter): PrintedFilter {
  const demo = demoShopId(db)
  if (demo === null) {
    return filter
  }
  const withoutDemo: PrintedFilter = { ...filter, excludeShopId: demo }
  return countPrinted(db, withoutDemo) > 0 ? withoutDemo : filter
}
