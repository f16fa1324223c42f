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
        string,
        string,
        number,
        number | null,
        number
      ]
    >(
      `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone, province, city,
         district, address_detail, platform_order_id_rev, receiver_phone_rev, remark, created_at, paid_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
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
    reverseText(order.platformOrderId),
    reverseText(r.phone),
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
      `UPDATE orders SET receiver_name = ?, receiver_phone = ?, receiver_phone_rev = ?, province = ?, city = ?,
         district = ?, address_detail = ?, remark = ?, created_at = ?, paid_at = ?, updated_at = ? WHERE id = ?`
    ).run(
      r.name,
      r.phone,
      reverseText(r.phone),
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

/** The order ids of a shop that start with `prefix` (one day's manual orders). */
export function platformOrderIdsWithPrefix(
  db: ReadableDB,
  shopId: number,
  prefix: string
): string[] {
  return db
    .prepare<[number, string, string], { id: string }>(
      `SELECT platform_order_id AS id FROM orders
       WHERE shop_id = ? AND platform_order_id >= ? AND platform_order_id < ?`
    )
    .all(shopId, prefix, `${prefix}\uffff`)
    .map((row) => row.id)
}

export function shopExists(db: ReadableDB, shopId: number): boolean {
  return (
    db.prepare<[number], { id: number }>('SELECT id FROM shops WHERE id = ?').get(shopId) !==
    undefined
  )
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

/** Reverses by code point, for the suffix columns. */
export function reverseText(text: string): string {
  return Array.from(text).reverse().join('')
}

/** Identifier-like keywords shorter than this match whole values only, so "13" never means every phone. */
export const MIN_PARTIAL_KEY = 4

/**
 * Newest first. A keyword matches the start or the end of an order id, phone or tracking number
 * (the last four digits of a phone, the tail of a tracking number) and the start of a receiver
 * name. Every branch is a b-tree range, so a search costs the matches it finds, not the table.
 * When a keyword matches very many orders, the rows come from walking the newest-first index
 * instead, which then finds a page at once.
 */
export function listOrders(
  db: ReadableDB,
  search: OrderSearch
): { total: number; totalCapped: boolean; rows: OrderListRow[] } {
  const statusWhere = search.status ? 'WHERE o.status = @status' : ''
  const statusAnd = search.status ? 'AND o.status = @status' : ''
  const q = search.query
  const identifier = /^[A-Za-z0-9_-]+$/.test(q)
  const partial = identifier && q.length >= MIN_PARTIAL_KEY
  const params: Record<string, unknown> = {
    limit: search.limit,
    offset: search.offset,
    ...(search.status ? { status: search.status } : {})
  }
  if (q === '') {
    const total =
      db
        .prepare<[Record<string, unknown>], { n: number }>(
          `SELECT count(*) AS n FROM orders o ${statusWhere}`
        )
        .get(search.status ? { status: search.status } : {})?.n ?? 0
    const rows = db
      .prepare<[Record<string, unknown>], OrderListRow>(
        `SELECT ${LIST_COLUMNS} FROM orders o ${statusWhere}
         ORDER BY o.created_at DESC, o.id DESC LIMIT @limit OFFSET @offset`
      )
      .all(params)
    return { total, totalCapped: false, rows }
  }
  const keys = { q, qHigh: `${q}\uffff`, rev: reverseText(q), revHigh: `${reverseText(q)}\uffff` }
  const branches = [
    'SELECT id FROM orders WHERE receiver_name >= @q AND receiver_name < @qHigh',
    'SELECT id FROM orders WHERE platform_order_id = @q',
    'SELECT id FROM orders WHERE receiver_phone = @q',
    'SELECT order_id AS id FROM packages WHERE tracking_number = @q'
  ]
  const rowTests = [
    '(o.receiver_name >= @q AND o.receiver_name < @qHigh)',
    'o.platform_order_id = @q',
    'o.receiver_phone = @q',
    'EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND p.tracking_number = @q)'
  ]
  if (partial) {
    branches.push(
      'SELECT id FROM orders WHERE platform_order_id >= @q AND platform_order_id < @qHigh',
      'SELECT id FROM orders WHERE platform_order_id_rev >= @rev AND platform_order_id_rev < @revHigh',
      'SELECT id FROM orders WHERE receiver_phone >= @q AND receiver_phone < @qHigh',
      'SELECT id FROM orders WHERE receiver_phone_rev >= @rev AND receiver_phone_rev < @revHigh',
      'SELECT order_id AS id FROM packages WHERE tracking_number >= @q AND tracking_number < @qHigh',
      'SELECT order_id AS id FROM packages WHERE tracking_number_rev >= @rev AND tracking_number_rev < @revHigh'
    )
    rowTests.push(
      '(o.platform_order_id >= @q AND o.platform_order_id < @qHigh)',
      '(o.platform_order_id_rev >= @rev AND o.platform_order_id_rev < @revHigh)',
      '(o.receiver_phone >= @q AND o.receiver_phone < @qHigh)',
      '(o.receiver_phone_rev >= @rev AND o.receiver_phone_rev < @revHigh)',
      `EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND ((p.tracking_number >= @q AND p.tracking_number < @qHigh)
         OR (p.tracking_number_rev >= @rev AND p.tracking_number_rev < @revHigh)))`
    )
  }
  const usedKeys = partial ? keys : { q: keys.q, qHigh: keys.qHigh }
  const matching = branches.join(' UNION ')
  const counted =
    db
      .prepare<[Record<string, unknown>], { n: number }>(
        `SELECT count(*) AS n FROM (SELECT o.id FROM orders o WHERE o.id IN (${matching}) ${statusAnd} LIMIT @cap)`
      )
      .get({
        ...usedKeys,
        cap: SEARCH_COUNT_CAP + 1,
        ...(search.status ? { status: search.status } : {})
      })?.n ?? 0
  const dense = counted > SEARCH_COUNT_CAP
  const rowsSql = dense
    ? `SELECT ${LIST_COLUMNS} FROM orders o WHERE (${rowTests.join(' OR ')}) ${statusAnd}
       ORDER BY o.created_at DESC, o.id DESC LIMIT @limit OFFSET @offset`
    : `SELECT ${LIST_COLUMNS} FROM orders o WHERE o.id IN (${matching}) ${statusAnd}
       ORDER BY o.created_at DESC, o.id DESC LIMIT @limit OFFSET @offset`
  return {
    total: Math.min(counted, SEARCH_COUNT_CAP),
    totalCapped: dense,
    rows: db
      .prepare<[Record<string, unknown>], OrderListRow>(rowsSql)
      .all({ ...params, ...usedKeys })
  }
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
