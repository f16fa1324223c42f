import type { OrderStatus, TemperatureZone } from '../../../shared/domain'
import type { ReadableDB, WritableDB } from './connection'

export type NewOrderItem = {
  readonly sku: string
  readonly title: string
  readonly quantity: number
  readonly unitWeightG: number
  readonly warehouse: string | null
  readonly temperatureZone: TemperatureZone
}

export type NewOrder = {
  readonly shopId: number
  readonly platformOrderId: string
  readonly status: OrderStatus
  readonly receiver: {
    readonly name: string
    readonly phone: string
    readonly province: string
    readonly city: string
    readonly district: string
    readonly detail: string
  }
  readonly remark: string
  readonly createdAt: number
  readonly paidAt: number | null
  readonly updatedAt: number
  readonly items: readonly NewOrderItem[]
}

export type OrderRow = {
  id: number
  shop_id: number
  platform_order_id: string
  status: OrderStatus
  receiver_name: string
  receiver_phone: string
  province: string
  city: string
  district: string
  address_detail: string
  remark: string
  exemption: string
  created_at: number
  paid_at: number | null
  shipped_at: number | null
}

export type OrderListRow = OrderRow & {
  item_count: number | null
  item_summary: string | null
  tracking_numbers: string | null
}

export type OrderItemRow = {
  id: number
  line_no: number
  sku: string
  title: string
  quantity: number
  quantity_shipped: number
  unit_weight_g: number
  warehouse: string | null
  temperature_zone: TemperatureZone
}

export type PackageRow = {
  id: number
  sequence: number
  role: 'first' | 'split' | 'appended'
  carrier: string | null
  tracking_number: string | null
  print_state: string
  ship_state: string
  sync_state: string
  created_at: number
}

const statementCache = new WeakMap<ReadableDB, ReturnType<typeof prepareWrites>>()

function prepareWrites(db: WritableDB) {
  return {
    order: db.prepare<
      [
        number,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        string,
        number,
        number | null,
        number
      ]
    >(
      `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone, province, city,
         district, address_detail, remark, created_at, paid_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    item: db.prepare<[number, number, string, string, number, number, string | null, string]>(
      `INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_weight_g, warehouse, temperature_zone)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
    )
  }
}

function writes(db: WritableDB) {
  let cached = statementCache.get(db)
  if (!cached) {
    cached = prepareWrites(db)
    statementCache.set(db, cached)
  }
  return cached
}

function insertOne(db: WritableDB, order: NewOrder): number {
  const s = writes(db)
  const r = order.receiver
  const info = s.order.run(
    order.shopId,
    order.platformOrderId,
    order.status,
    r.name,
    r.phone,
    r.province,
    r.city,
    r.district,
    r.detail,
    order.remark,
    order.createdAt,
    order.paidAt,
    order.updatedAt
  )
  const id = Number(info.lastInsertRowid)
  order.items.forEach((item, index) => {
    s.item.run(
      id,
      index + 1,
      item.sku,
      item.title,
      item.quantity,
      item.unitWeightG,
      item.warehouse,
      item.temperatureZone
    )
  })
  return id
}

/** Inserts orders with their items in one transaction; all or nothing. Returns the new ids. */
export function insertOrders(db: WritableDB, orders: readonly NewOrder[]): number[] {
  return db.transaction(() => orders.map((o) => insertOne(db, o)))()
}

/**
 * Replaces receiver, remark, times and items of an existing order (re-import in "update" mode).
 * The caller checks that the order has no printed package; this only refuses to touch one.
 */
export function replaceOrder(db: WritableDB, id: number, order: NewOrder): void {
  db.transaction(() => {
    if (hasPrintedPackage(db, id)) {
      throw new Error(`Order ${id} has a printed package and cannot be replaced`)
    }
    const r = order.receiver
    db.prepare(
      `UPDATE orders SET receiver_name = ?, receiver_phone = ?, province = ?, city = ?, district = ?,
         address_detail = ?, remark = ?, created_at = ?, paid_at = ?, updated_at = ? WHERE id = ?`
    ).run(
      r.name,
      r.phone,
      r.province,
      r.city,
      r.district,
      r.detail,
      order.remark,
      order.createdAt,
      order.paidAt,
      order.updatedAt,
      id
    )
    db.prepare('DELETE FROM order_items WHERE order_id = ?').run(id)
    const s = writes(db)
    order.items.forEach((item, index) => {
      s.item.run(
        id,
        index + 1,
        item.sku,
        item.title,
        item.quantity,
        item.unitWeightG,
        item.warehouse,
        item.temperatureZone
      )
    })
  })()
}

export function hasPrintedPackage(db: ReadableDB, orderId: number): boolean {
  return (
    db
      .prepare<[number], { n: number }>(
        `SELECT count(*) AS n FROM packages WHERE order_id = ? AND print_state IN ('printing', 'printed')`
      )
      .get(orderId)?.n !== 0
  )
}

export function findOrderByPlatformId(
  db: ReadableDB,
  shopId: number,
  platformOrderId: string
): { id: number } | undefined {
  return db
    .prepare<[number, string], { id: number }>(
      'SELECT id FROM orders WHERE shop_id = ? AND platform_order_id = ?'
    )
    .get(shopId, platformOrderId)
}

export function lastPlatformOrderIdWithPrefix(
  db: ReadableDB,
  shopId: number,
  prefix: string
): string | null {
  const row = db
    .prepare<[number, string, string], { id: string | null }>(
      `SELECT max(platform_order_id) AS id FROM orders
       WHERE shop_id = ? AND platform_order_id >= ? AND platform_order_id < ?`
    )
    .get(shopId, prefix, `${prefix}\uffff`)
  return row?.id ?? null
}

export function getOrderRow(
  db: ReadableDB,
  id: number
): (OrderRow & { shop_name: string }) | undefined {
  return db
    .prepare<[number], OrderRow & { shop_name: string }>(
      `SELECT o.*, s.name AS shop_name FROM orders o JOIN shops s ON s.id = o.shop_id WHERE o.id = ?`
    )
    .get(id)
}

export function orderItems(db: ReadableDB, orderId: number): OrderItemRow[] {
  return db
    .prepare<[number], OrderItemRow>(
      `SELECT id, line_no, sku, title, quantity, quantity_shipped, unit_weight_g, warehouse, temperature_zone
       FROM order_items WHERE order_id = ? ORDER BY line_no`
    )
    .all(orderId)
}

export function orderPackages(db: ReadableDB, orderId: number): PackageRow[] {
  return db
    .prepare<[number], PackageRow>(
      `SELECT id, sequence, role, carrier, tracking_number, print_state, ship_state, sync_state, created_at
       FROM packages WHERE order_id = ? ORDER BY sequence`
    )
    .all(orderId)
}

export type OrderSearch = {
  readonly query: string
  readonly status: OrderStatus | undefined
  readonly offset: number
  readonly limit: number
}

/** Counting stops here for keyword searches: "10 000+" is all a packer needs to know. */
export const SEARCH_COUNT_CAP = 10_000

const LIST_COLUMNS = `o.*,
  (SELECT sum(quantity) FROM order_items WHERE order_id = o.id) AS item_count,
  (SELECT group_concat(title || '×' || quantity, '；') FROM order_items WHERE order_id = o.id) AS item_summary,
  (SELECT group_concat(tracking_number, ',') FROM packages WHERE order_id = o.id AND tracking_number IS NOT NULL) AS tracking_numbers`

/**
 * Newest first. Keywords of 3+ characters go through the trigram index (substring match on
 * order id, receiver name, phone and tracking numbers); shorter ones match name prefixes and
 * exact ids, which the b-tree indexes answer.
 */
export function listOrders(
  db: ReadableDB,
  search: OrderSearch
): { total: number; totalCapped: boolean; rows: OrderListRow[] } {
  const statusClause = search.status ? 'AND o.status = @status' : ''
  const params = {
    status: search.status ?? null,
    limit: search.limit,
    offset: search.offset,
    query: search.query,
    match: ftsPhrase(search.query),
    upper: `${search.query}\uffff`,
    cap: SEARCH_COUNT_CAP + 1
  }
  const bind = (sql: string) => {
    const used: Record<string, unknown> = {}
    for (const [key, value] of Object.entries(params)) {
      if (sql.includes(`@${key}`)) {
        used[key] = value
      }
    }
    return used
  }
  if (search.query === '') {
    const where = search.status ? 'WHERE o.status = @status' : ''
    const countSql = `SELECT count(*) AS n FROM orders o ${where}`
    const total =
      db.prepare<[Record<string, unknown>], { n: number }>(countSql).get(bind(countSql))?.n ?? 0
    const rowsSql = `SELECT ${LIST_COLUMNS} FROM orders o ${where}
      ORDER BY o.created_at DESC, o.id DESC LIMIT @limit OFFSET @offset`
    return {
      total,
      totalCapped: false,
      rows: db.prepare<[Record<string, unknown>], OrderListRow>(rowsSql).all(bind(rowsSql))
    }
  }
  const matching =
    Array.from(search.query).length >= 3
      ? `SELECT rowid AS id FROM order_search WHERE order_search MATCH @match`
      : `SELECT id FROM orders WHERE receiver_name >= @query AND receiver_name < @upper
         UNION SELECT id FROM orders WHERE platform_order_id = @query
         UNION SELECT id FROM orders WHERE receiver_phone = @query
         UNION SELECT order_id FROM packages WHERE tracking_number = @query`
  const countSql = `SELECT count(*) AS n FROM (SELECT o.id FROM orders o
    WHERE o.id IN (${matching}) ${statusClause} LIMIT @cap)`
  const counted =
    db.prepare<[Record<string, unknown>], { n: number }>(countSql).get(bind(countSql))?.n ?? 0
  const rowsSql = `SELECT ${LIST_COLUMNS} FROM orders o WHERE o.id IN (${matching}) ${statusClause}
    ORDER BY o.created_at DESC, o.id DESC LIMIT @limit OFFSET @offset`
  return {
    total: Math.min(counted, SEARCH_COUNT_CAP),
    totalCapped: counted > SEARCH_COUNT_CAP,
    rows: db.prepare<[Record<string, unknown>], OrderListRow>(rowsSql).all(bind(rowsSql))
  }
}

/** An FTS5 phrase that matches the keyword literally (quotes doubled, no operators). */
function ftsPhrase(query: string): string {
  return `"${query.replaceAll('"', '""')}"`
}

/** A scanned code: an order id (newest order with that id in any shop) or a tracking number. */
export function findOrderByCode(
  db: ReadableDB,
  code: string
): { orderId: number; matchedBy: 'order_id' | 'tracking_number' } | undefined {
  const byOrder = db
    .prepare<[string], { id: number }>(
      'SELECT id FROM orders WHERE platform_order_id = ? ORDER BY created_at DESC, id DESC LIMIT 1'
    )
    .get(code)
  if (byOrder) {
    return { orderId: byOrder.id, matchedBy: 'order_id' }
  }
  const byTracking = db
    .prepare<[string], { order_id: number }>(
      'SELECT order_id FROM packages WHERE tracking_number = ? ORDER BY id DESC LIMIT 1'
    )
    .get(code)
  return byTracking ? { orderId: byTracking.order_id, matchedBy: 'tracking_number' } : undefined
}
