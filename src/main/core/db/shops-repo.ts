import type { ReadableDB, WritableDB } from './connection'

export function shopExists(db: ReadableDB, shopId: number): boolean {
  return (
    db.prepare<[number], { id: number }>('SELECT id FROM shops WHERE id = ?').get(shopId) !==
    undefined
  )
}

/** The shops, for the list's shop filter. */
export function listShops(
  db: ReadableDB
): { id: number; name: string; platform: 'kuaishou' | 'taobao' | 'manual' }[] {
  return db
    .prepare<[], { id: number; name: string; platform: 'kuaishou' | 'taobao' | 'manual' }>(
      'SELECT id, name, platform FROM shops ORDER BY id'
    )
    .all()
}

export type ShopRulesRow = {
  id: number
  name: string
  platform: 'kuaishou' | 'taobao' | 'manual'
  ship_promise_hours: number
}

/** Each shop with what it promises its buyers (Settings → 店铺规则). */
export function shopRules(db: ReadableDB): ShopRulesRow[] {
  return db
    .prepare<[], ShopRulesRow>(
      'SELECT id, name, platform, ship_promise_hours FROM shops ORDER BY id'
    )
    .all()
}

/**
 * Sets a shop's ship promise and moves the ship-by time of its orders that still wait to ship
 * and took theirs from the promise (a sheet's own 最晚发货时间 stays). Returns how many moved,
 * or null for an unknown shop.
 */
export function setShipPromise(
  db: WritableDB,
  shopId: number,
  hours: number
): { shop: ShopRulesRow; orders: number } | null {
  return db.transaction(() => {
    const changed = db
      .prepare('UPDATE shops SET ship_promise_hours = ? WHERE id = ?')
      .run(hours, shopId).changes
    if (changed === 0) {
      return null
    }
    const orders = db
      .prepare(
        `UPDATE orders SET ship_by = coalesce(paid_at, created_at) + ? * 3600000
         WHERE shop_id = ? AND ship_by_imported = 0 AND status IN ('pending', 'partially_shipped')`
      )
      .run(hours, shopId).changes
    const shop = db
      .prepare<[number], ShopRulesRow>(
        'SELECT id, name, platform, ship_promise_hours FROM shops WHERE id = ?'
      )
      .get(shopId)
    return shop ? { shop, orders } : null
  })()
}
