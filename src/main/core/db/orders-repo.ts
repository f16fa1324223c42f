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

const ITEM_BATCH = 8

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
        number,
        number | null,
        number
      ]
    >(
      `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone, province, city,
         district, address_detail, receiver_phone_rev, remark, created_at, paid_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
    ),
    /** Statements inserting 1..ITEM_BATCH item rows at once: one call per order, not one per item. */
    items: Array.from({ length: ITEM_BATCH }, (_, k) =>
      db.prepare<(string | number | null)[]>(
        `INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_weight_g, warehouse, temperature_zone)
         VALUES ${Array.from({ length: k + 1 }, () => '(?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`
      )
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
    reverseText(r.phone),
    order.remark,
    order.createdAt,
    order.paidAt,
    order.updatedAt
  )
  const id = Number(info.lastInsertRowid)
  insertItems(db, id, order.items)
  return id
}

function insertItems(db: WritableDB, orderId: number, items: readonly NewOrderItem[]): void {
  const statements = writes(db).items
  for (let start = 0; start < items.length; start += ITEM_BATCH) {
    const chunk = items.slice(start, start + ITEM_BATCH)
    const values = chunk.flatMap((item, k) => [
      orderId,
      start + k + 1,
      item.sku,
      item.title,
      item.quantity,
      item.unitWeightG,
      item.warehouse,
      item.temperatureZone
    ])
    statements[chunk.length - 1]?.run(...values)
  }
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
    insertItems(db, id, order.items)
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
  readonly shopId?: number | undefined
  /** Created at or after / before (ms), the newest-first index's own range. */
  readonly createdFrom?: number | undefined
  readonly createdTo?: number | undefined
  readonly province?: string | undefined
  readonly carrier?: string | undefined
  readonly exemption?: string | undefined
  readonly problem?: 'any' | 'unshipped' | 'refund' | 'closed' | undefined
  /** `problem` 'unshipped' means pending and created before this (ms) with no tracking number. */
  readonly unshippedBefore?: number | undefined
  readonly sort?: 'created_desc' | 'created_asc' | undefined
  /** False skips counting; `total` is then -1. */
  readonly count?: boolean | undefined
}

const NO_TRACKING = `NOT EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND p.tracking_number IS NOT NULL)`

/**
 * The non-keyword filters as one AND-able condition on `o` and its named parameters. Dates are
 * a range of the newest-first index; the others are tested on the rows that index walk reaches,
 * and a carrier is looked up through the packages' (order_id, sequence) index per row.
 */
function filterSql(search: OrderSearch): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  if (search.status !== undefined) {
    parts.push('o.status = @status')
    params.status = search.status
  }
  if (search.shopId !== undefined) {
    parts.push('o.shop_id = @shopId')
    params.shopId = search.shopId
  }
  if (search.createdFrom !== undefined) {
    parts.push('o.created_at >= @createdFrom')
    params.createdFrom = search.createdFrom
  }
  if (search.createdTo !== undefined) {
    parts.push('o.created_at < @createdTo')
    params.createdTo = search.createdTo
  }
  if (search.province !== undefined) {
    parts.push('o.province = @province')
    params.province = search.province
  }
  if (search.exemption !== undefined) {
    parts.push('o.exemption = @exemption')
    params.exemption = search.exemption
  }
  if (search.carrier !== undefined) {
    parts.push('EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND p.carrier = @carrier)')
    params.carrier = search.carrier
  }
  if (search.problem !== undefined) {
    const unshipped = `(o.status = 'pending' AND o.created_at < @unshippedBefore AND ${NO_TRACKING})`
    const refund = `o.refund_state = 'requested'`
    const closed = `o.status = 'closed'`
    const tests = { unshipped, refund, closed, any: `(${unshipped} OR ${refund} OR ${closed})` }
    parts.push(tests[search.problem])
    if (search.problem === 'unshipped' || search.problem === 'any') {
      params.unshippedBefore = search.unshippedBefore ?? 0
    }
  }
  return { sql: parts.join(' AND '), params }
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

/**
 * The distinct carriers on packages, by skipping through the (carrier, tracking_number) index:
 * one index seek per carrier, however many packages there are.
 */
export function packageCarriers(db: ReadableDB): string[] {
  return db
    .prepare<[], { c: string }>(
      `WITH RECURSIVE c(c) AS (
         SELECT (SELECT min(carrier) FROM packages)
         UNION ALL
         SELECT (SELECT min(carrier) FROM packages WHERE carrier > c.c) FROM c WHERE c.c IS NOT NULL
       )
       SELECT c FROM c WHERE c IS NOT NULL`
    )
    .all()
    .map((r) => r.c)
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
 * Newest first (or oldest first). A keyword matches the start of an order id, the start or
 * the end of a tracking number, the end of a phone (the last four digits) or a whole phone, and
 * the start of a receiver name. (Order-id tails are not indexed: that index alone cost a third of
 * the insert rate, and order ids are scanned or typed from their start.) Every branch is a b-tree range, so a search costs the matches it finds, not
 * the table. When a keyword matches very many orders, the rows come from walking the newest-first
 * index instead, which then finds a page at once. The other filters ({@link filterSql}) narrow
 * either form; without a keyword the rows come from walking the created index (a date range
 * bounds that walk), and the count of a filtered list is exact.
 */
export function listOrders(
  db: ReadableDB,
  search: OrderSearch
): { total: number; totalCapped: boolean; rows: OrderListRow[] } {
  const filter = filterSql(search)
  const filterWhere = filter.sql ? `WHERE ${filter.sql}` : ''
  const filterAnd = filter.sql ? `AND ${filter.sql}` : ''
  const order =
    search.sort === 'created_asc'
      ? 'ORDER BY o.created_at ASC, o.id ASC'
      : 'ORDER BY o.created_at DESC, o.id DESC'
  const counting = search.count !== false
  const q = search.query
  const identifier = /^[A-Za-z0-9_-]+$/.test(q)
  const partial = identifier && q.length >= MIN_PARTIAL_KEY
  const params: Record<string, unknown> = {
    limit: search.limit,
    offset: search.offset,
    ...filter.params
  }
  if (q === '') {
    const total = counting
      ? (db
          .prepare<[Record<string, unknown>], { n: number }>(
            `SELECT count(*) AS n FROM orders o ${filterWhere}`
          )
          .get(filter.params)?.n ?? 0)
      : -1
    const rows = db
      .prepare<[Record<string, unknown>], OrderListRow>(
        `SELECT ${LIST_COLUMNS} FROM orders o ${filterWhere}
         ${order} LIMIT @limit OFFSET @offset`
      )
      .all(params)
    return { total, totalCapped: false, rows }
  }
  const keys = { q, qHigh: `${q}\uffff`, rev: reverseText(q), revHigh: `${reverseText(q)}\uffff` }
  const branches = [
    'SELECT id FROM orders WHERE receiver_name >= @q AND receiver_name < @qHigh',
    'SELECT id FROM orders WHERE platform_order_id = @q',
    // Whole phones through the reversed index: one index serves both whole phones and their tails.
    'SELECT id FROM orders WHERE receiver_phone_rev = @rev',
    'SELECT order_id AS id FROM packages WHERE tracking_number = @q'
  ]
  const rowTests = [
    '(o.receiver_name >= @q AND o.receiver_name < @qHigh)',
    'o.platform_order_id = @q',
    'o.receiver_phone_rev = @rev',
    'EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND p.tracking_number = @q)'
  ]
  if (partial) {
    branches.push(
      'SELECT id FROM orders WHERE platform_order_id >= @q AND platform_order_id < @qHigh',
      'SELECT id FROM orders WHERE receiver_phone_rev >= @rev AND receiver_phone_rev < @revHigh',
      'SELECT order_id AS id FROM packages WHERE tracking_number >= @q AND tracking_number < @qHigh',
      'SELECT order_id AS id FROM packages WHERE tracking_number_rev >= @rev AND tracking_number_rev < @revHigh'
    )
    rowTests.push(
      '(o.platform_order_id >= @q AND o.platform_order_id < @qHigh)',
      '(o.receiver_phone_rev >= @rev AND o.receiver_phone_rev < @revHigh)',
      `EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND ((p.tracking_number >= @q AND p.tracking_number < @qHigh)
         OR (p.tracking_number_rev >= @rev AND p.tracking_number_rev < @revHigh)))`
    )
  }
  const usedKeys = partial ? keys : { q: keys.q, qHigh: keys.qHigh, rev: keys.rev }
  const matching = branches.join(' UNION ')
  // The count also decides the plan (dense or not), so it runs even when not asked for.
  const counted =
    db
      .prepare<[Record<string, unknown>], { n: number }>(
        `SELECT count(*) AS n FROM (SELECT o.id FROM orders o WHERE o.id IN (${matching}) ${filterAnd} LIMIT @cap)`
      )
      .get({ ...usedKeys, cap: SEARCH_COUNT_CAP + 1, ...filter.params })?.n ?? 0
  const dense = counted > SEARCH_COUNT_CAP
  const rowsSql = dense
    ? `SELECT ${LIST_COLUMNS} FROM orders o WHERE (${rowTests.join(' OR ')}) ${filterAnd}
       ${order} LIMIT @limit OFFSET @offset`
    : `SELECT ${LIST_COLUMNS} FROM orders o WHERE o.id IN (${matching}) ${filterAnd}
       ${order} LIMIT @limit OFFSET @offset`
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
