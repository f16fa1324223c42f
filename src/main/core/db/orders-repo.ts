import type { OrderStatus, TemperatureZone } from '../../../shared/domain'
import type { Receiver } from '../../../shared/schemas/order'
import { canonicalCity, isPlatformDistrict } from '../../../shared/regions'
import { skusOf, withCatalogueFacts } from '../skus/fill-facts'
import type { ReadableDB, WritableDB } from './connection'
import { skusBySku, type SkuFacts } from './skus-repo'

export type NewOrderItem = {
  readonly sku: string
  readonly title: string
  readonly quantity: number
  readonly unitWeightG: number
  readonly warehouse: string | null
  readonly temperatureZone: TemperatureZone
  /** Dimensions (mm); absent when the source does not give them (the SKU catalogue may). */
  readonly lengthMm?: number | null
  readonly widthMm?: number | null
  readonly heightMm?: number | null
  /**
   * False when the source had no temperature column, so 'ambient' is only the default and the
   * SKU catalogue's zone applies. Absent means stated (manual entry always states it).
   */
  readonly zoneStated?: boolean
}

export type NewOrder = {
  readonly shopId: number
  readonly platformOrderId: string
  readonly status: OrderStatus
  /** Imported orders carry the platform's refund state; 'none' when not given. */
  readonly refundState?: RefundState
  readonly receiver: Receiver
  readonly remark: string
  readonly createdAt: number
  readonly paidAt: number | null
  /** 最晚发货时间 as the sheet gave it; without one the shop's promise after payment applies. */
  readonly shipBy?: number | null
  readonly updatedAt: number
  readonly items: readonly NewOrderItem[]
}

/** The receiver as the orders table stores it: every row that shows an address selects these. */
export type ReceiverColumns = {
  receiver_name: string
  receiver_phone: string
  province: string
  city: string
  district: string
  address_detail: string
}

export type OrderRow = ReceiverColumns & {
  id: number
  shop_id: number
  platform_order_id: string
  status: OrderStatus
  refund_state: RefundState
  /** 1: the district is not in the division data, kept as the platform wrote it (migration 0040). */
  platform_district: number
  remark: string
  exemption: string
  created_at: number
  paid_at: number | null
  shipped_at: number | null
  /** Always written (the sheet's time, or the shop's promise after payment; migration 0100). */
  ship_by: number
  /** 1: `ship_by` is the sheet's own time; 0: the shop's promise after payment. */
  ship_by_imported: number
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

/**
 * The ship-by time from its three parameters (the sheet's time or null, the base time — payment,
 * else creation — and the shop): the sheet's own wins, otherwise the shop's promise after the base.
 */
const SHIP_BY_SQL =
  'coalesce(?, ? + (SELECT ship_promise_hours * 3600000 FROM shops WHERE shops.id = ?))'

function shipByParams(order: NewOrder): [number | null, number, number, number] {
  const imported = order.shipBy ?? null
  return [imported, order.paidAt ?? order.createdAt, order.shopId, imported === null ? 0 : 1]
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
        number,
        number | null,
        number,
        string,
        number,
        number | null,
        number,
        number,
        number
      ]
    >(
      `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone, province, city,
         district, address_detail, receiver_phone_rev, remark, created_at, paid_at, updated_at, refund_state,
         platform_district, ship_by, ship_by_imported)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ${SHIP_BY_SQL}, ?)`
    ),
    /** Statements inserting 1..ITEM_BATCH item rows at once: one call per order, not one per item. */
    items: Array.from({ length: ITEM_BATCH }, (_, k) =>
      db.prepare<(string | number | null)[]>(
        `INSERT INTO order_items (order_id, line_no, sku, title, quantity, unit_weight_g, warehouse, temperature_zone,
           length_mm, width_mm, height_mm)
         VALUES ${Array.from({ length: k + 1 }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`
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

/**
 * The region as stored: a municipality's city is the municipality (never the data's 市辖区), and
 * the platform-district mark follows from the address itself, so no writer can set it wrong.
 */
function storedRegion(r: NewOrder['receiver']): { city: string; platformDistrict: number } {
  const city = canonicalCity(r.province, r.city)
  return { city, platformDistrict: isPlatformDistrict(r.province, city, r.district) ? 1 : 0 }
}

function insertOne(
  db: WritableDB,
  order: NewOrder,
  catalogue: ReadonlyMap<string, SkuFacts>
): number {
  const s = writes(db)
  const r = order.receiver
  const region = storedRegion(r)
  const info = s.order.run(
    order.shopId,
    order.platformOrderId,
    order.status,
    r.name,
    r.phone,
    r.province,
    region.city,
    r.district,
    r.detail,
    reverseText(r.phone),
    order.remark,
    order.createdAt,
    order.paidAt,
    order.updatedAt,
    order.refundState ?? 'none',
    region.platformDistrict,
    ...shipByParams(order)
  )
  const id = Number(info.lastInsertRowid)
  insertItems(db, id, order.items, catalogue)
  recordSheetShipment(db, id, order)
  return id
}

const shipmentStatements = new WeakMap<ReadableDB, ReturnType<typeof prepareShipment>>()

function prepareShipment(db: WritableDB) {
  return {
    order: db.prepare<[number, number]>(
      'UPDATE orders SET shipped_at = coalesce(shipped_at, ?) WHERE id = ?'
    ),
    items: db.prepare<[number]>(
      'UPDATE order_items SET quantity_shipped = quantity WHERE order_id = ?'
    )
  }
}

/**
 * Issue 11: a sheet that says 已发货 means every line left upstream, so the quantities say so
 * too (APPEND_AFTER_FULL_SHIP reads quantities, never the status); otherwise no imported order
 * could ever take an appended package. Sheets carry no shipping time, so the first shipment is
 * taken as the moment the station learnt of it (the order's updated time) and the append window
 * runs from there. 部分发货 gets the time but no quantities: which lines left is not known.
 */
function recordSheetShipment(db: WritableDB, orderId: number, order: NewOrder): void {
  if (order.status !== 'shipped' && order.status !== 'partially_shipped') {
    return
  }
  let s = shipmentStatements.get(db)
  if (!s) {
    s = prepareShipment(db)
    shipmentStatements.set(db, s)
  }
  s.order.run(order.updatedAt, orderId)
  if (order.status === 'shipped') {
    s.items.run(orderId)
  }
}

function insertItems(
  db: WritableDB,
  orderId: number,
  given: readonly NewOrderItem[],
  catalogue?: ReadonlyMap<string, SkuFacts>
): void {
  // Issue 11: the SKU catalogue fills the facts the source left out, copied here so a later
  // catalogue edit never changes an order already taken.
  const items = withCatalogueFacts(given, catalogue ?? skusBySku(db, skusOf([given])))
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
      item.temperatureZone,
      item.lengthMm ?? null,
      item.widthMm ?? null,
      item.heightMm ?? null
    ])
    statements[chunk.length - 1]?.run(...values)
  }
}

/** Inserts orders with their items in one transaction; all or nothing. Returns the new ids. */
export function insertOrders(db: WritableDB, orders: readonly NewOrder[]): number[] {
  return db.transaction(() => {
    const catalogue = skusBySku(db, skusOf(orders.map((o) => o.items)))
    return orders.map((o) => insertOne(db, o, catalogue))
  })()
}

/**
 * Replaces receiver, status, refund state, remark, times and items of an existing order
 * (re-import in "update" mode). The caller checks {@link importHold} first; this refuses to touch
 * an order that has one, because deleting its items would orphan the package's items.
 */
export function replaceOrder(db: WritableDB, id: number, order: NewOrder): void {
  db.transaction(() => {
    const hold = importHold(db, id)
    if (hold) {
      throw new Error(
        `Order ${String(id)} has a package (${hold.printState}, tracking number ${hold.trackingNumber ?? 'none'}) and cannot be replaced`
      )
    }
    const r = order.receiver
    const region = storedRegion(r)
    db.prepare(
      `UPDATE orders SET status = ?, refund_state = ?, receiver_name = ?, receiver_phone = ?, receiver_phone_rev = ?,
         province = ?, city = ?, district = ?, address_detail = ?, remark = ?, created_at = ?, paid_at = ?,
         updated_at = ?, platform_district = ?, ship_by = ${SHIP_BY_SQL}, ship_by_imported = ? WHERE id = ?`
    ).run(
      order.status,
      order.refundState ?? 'none',
      r.name,
      r.phone,
      reverseText(r.phone),
      r.province,
      region.city,
      r.district,
      r.detail,
      order.remark,
      order.createdAt,
      order.paidAt,
      order.updatedAt,
      region.platformDistrict,
      ...shipByParams(order),
      id
    )
    db.prepare('DELETE FROM order_items WHERE order_id = ?').run(id)
    insertItems(db, id, order.items)
    recordSheetShipment(db, id, order)
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

/** Reverses by code point, for the suffix columns. */
export function reverseText(text: string): string {
  return Array.from(text).reverse().join('')
}

/** The newest order with this platform order id in any shop (ids repeat across shops). */
export function newestOrderWithPlatformId(
  db: ReadableDB,
  platformOrderId: string
): { id: number } | undefined {
  return db
    .prepare<[string], { id: number }>(
      'SELECT id FROM orders WHERE platform_order_id = ? ORDER BY created_at DESC, id DESC LIMIT 1'
    )
    .get(platformOrderId)
}

/** A scanned code: an order id (newest order with that id in any shop) or a tracking number. */
export function findOrderByCode(
  db: ReadableDB,
  code: string
): { orderId: number; matchedBy: 'order_id' | 'tracking_number' } | undefined {
  const byOrder = newestOrderWithPlatformId(db, code)
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

export type RefundState = 'none' | 'requested' | 'refunded'

/** Why an import must leave an order alone: the package that holds it. */
export type ImportHold = {
  readonly printed: boolean
  readonly printState: string
  readonly trackingNumber: string | null
}

/**
 * The package that keeps an import from changing an order, if any: one being printed or printed,
 * one holding a tracking number (allocated before printing, in any print state, voided too), or
 * one holding items (package_items point at the order's items, which an update would replace).
 * Printed packages come first, so the reason names the strongest hold.
 */
export function importHold(db: ReadableDB, orderId: number): ImportHold | undefined {
  const row = db
    .prepare<[number], { print_state: string; tracking_number: string | null; printed: number }>(
      `SELECT p.print_state, p.tracking_number, p.print_state IN ('printing', 'printed') AS printed
       FROM packages p
       WHERE p.order_id = ?
         AND (p.print_state IN ('printing', 'printed') OR p.tracking_number IS NOT NULL
              OR EXISTS (SELECT 1 FROM package_items pi WHERE pi.package_id = p.id))
       ORDER BY printed DESC, p.tracking_number IS NULL, p.sequence
       LIMIT 1`
    )
    .get(orderId)
  return row
    ? {
        printed: row.printed === 1,
        printState: row.print_state,
        trackingNumber: row.tracking_number
      }
    : undefined
}

/** An order's status and refund state, which an import compares and may set. */
export function orderStates(
  db: ReadableDB,
  id: number
): { status: OrderStatus; refundState: RefundState } | undefined {
  const row = db
    .prepare<[number], { status: OrderStatus; refund_state: RefundState }>(
      'SELECT status, refund_state FROM orders WHERE id = ?'
    )
    .get(id)
  return row ? { status: row.status, refundState: row.refund_state } : undefined
}

const lookupCache = new WeakMap<ReadableDB, ReturnType<typeof prepareLookup>>()

function prepareLookup(db: ReadableDB) {
  return db.prepare<[number, string], { platform_order_id: string; id: number }>(
    `SELECT platform_order_id, id FROM orders
     WHERE shop_id = ? AND platform_order_id IN (SELECT value FROM json_each(?))`
  )
}

/**
 * The importer's existence check: ids of the given platform order ids that a shop already
 * has. One cached statement per batch (a JSON array bound as one parameter) instead of a
 * prepared statement per order, which cost ~35 µs each on 100k-row imports.
 */
export function existingOrderIds(
  db: ReadableDB,
  shopId: number,
  platformOrderIds: readonly string[]
): Map<string, number> {
  let statement = lookupCache.get(db)
  if (!statement) {
    statement = prepareLookup(db)
    lookupCache.set(db, statement)
  }
  const found = new Map<string, number>()
  const BATCH = 500
  for (let i = 0; i < platformOrderIds.length; i += BATCH) {
    const rows = statement.all(shopId, JSON.stringify(platformOrderIds.slice(i, i + BATCH)))
    for (const row of rows) {
      found.set(row.platform_order_id, row.id)
    }
  }
  return found
}
