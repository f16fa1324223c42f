import type { ReadableDB } from './connection'
import { MIN_PARTIAL_KEY } from './order-list-query'
import { reverseText, type ReceiverColumns } from './orders-repo'

/** Letters a carrier's numbers start with (YT, JT, SF, JD): short, but a search of their own. */
const CARRIER_PREFIX = /^[A-Za-z]{2,3}$/

export type PrintedRow = ReceiverColumns & {
  package_id: number
  order_id: number
  platform_order_id: string
  items: string | null
  carrier: string
  tracking_number: string
  sequence: number
  /** Its place among the order's live packages, and how many there are (包裹 2/3). */
  package_index: number
  package_count: number
  role: string
  print_state: string
  printed_at: number | null
  print_count: number
  verified_at: number | null
  ship_state: string
  shipped_at: number | null
  sync_state: string
  /** Scan-back found another order's label on this order's parcel, and no check passed since (0/1). */
  mislabelled: number
}

export type PrintedFilter = {
  readonly query: string
  readonly carrier: string | undefined
  readonly shipped: boolean | undefined
  readonly verified: boolean | undefined
  readonly includeVoided: boolean
  /** When set, only these packages (the user's selection). */
  readonly packageIds: readonly number[] | undefined
  /** When set, leaves this shop's packages out (exports leave the demo shop out). */
  readonly excludeShopId?: number | undefined
  /** Only each order's first package: the platforms' bulk ship upload takes one number per order. */
  readonly firstOnly?: boolean | undefined
}

function where(filter: PrintedFilter): { sql: string; params: Record<string, unknown> } {
  const clauses = [
    filter.includeVoided ? `p.print_state IN ('printed', 'voided')` : `p.print_state = 'printed'`
  ]
  const params: Record<string, unknown> = {}
  if (filter.carrier) {
    clauses.push('p.carrier = @carrier')
    params.carrier = filter.carrier
  }
  if (filter.shipped !== undefined) {
    clauses.push(filter.shipped ? `p.ship_state = 'shipped'` : `p.ship_state = 'none'`)
  }
  if (filter.verified !== undefined) {
    clauses.push(filter.verified ? 'p.verified_at IS NOT NULL' : 'p.verified_at IS NULL')
  }
  if (filter.firstOnly === true) {
    clauses.push(`p.role = 'first'`)
  }
  if (filter.excludeShopId !== undefined) {
    clauses.push('o.shop_id != @excludeShopId')
    params.excludeShopId = filter.excludeShopId
  }
  if (filter.packageIds) {
    clauses.push(`p.id IN (SELECT value FROM json_each(@ids))`)
    params.ids = JSON.stringify(filter.packageIds)
  }
  const q = filter.query.trim()
  if (q !== '') {
    params.q = q
    params.qHigh = `${q}\uffff`
    params.rev = reverseText(q)
    params.revHigh = `${reverseText(q)}\uffff`
    // Tracking numbers are printed in capitals; a packer types "yt" as often as "YT".
    params.tracking = q.toUpperCase()
    const tests = [
      'p.tracking_number = @tracking',
      'o.platform_order_id = @q',
      'o.receiver_name = @q',
      'o.receiver_phone_rev = @rev'
    ]
    if (CARRIER_PREFIX.test(q)) {
      tests.push(`substr(p.tracking_number, 1, ${String(q.length)}) = @tracking`)
    }
    if (q.length >= MIN_PARTIAL_KEY) {
      // Any part of a tracking number: "8539" finds YT8539…, whose digits start after the
      // carrier's letters. The list already walks the printed packages, so this costs a compare
      // per row, not another scan.
      tests.push(
        'instr(p.tracking_number, @tracking) > 0',
        '(o.platform_order_id >= @q AND o.platform_order_id < @qHigh)',
        '(o.receiver_phone_rev >= @rev AND o.receiver_phone_rev < @revHigh)'
      )
    }
    clauses.push(`(${tests.join(' OR ')})`)
  }
  return { sql: clauses.join(' AND '), params }
}

const COLUMNS = `p.id AS package_id, o.id AS order_id, o.platform_order_id, o.receiver_name, o.receiver_phone,
  o.province, o.city, o.district, o.address_detail,
  (SELECT group_concat(i.title || '×' || pi.quantity, '；') FROM package_items pi JOIN order_items i ON i.id = pi.order_item_id
     WHERE pi.package_id = p.id) AS items,
  p.carrier, p.tracking_number, p.sequence,
  (SELECT count(*) FROM packages q WHERE q.order_id = p.order_id AND q.print_state <> 'voided'
     AND q.sequence <= p.sequence) AS package_index,
  (SELECT count(*) FROM packages q WHERE q.order_id = p.order_id AND q.print_state <> 'voided') AS package_count,
  p.role, p.print_state, p.printed_at,
  (SELECT count(*) FROM print_records r WHERE r.package_id = p.id AND r.state IN ('sent', 'confirmed')) AS print_count,
  p.verified_at, p.ship_state, p.shipped_at, p.sync_state,
  EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'order' AND a.entity_id = o.id
    AND a.action = 'package.verify_mismatch' AND a.at >= coalesce(p.verified_at, 0)) AS mislabelled`

export function countPrinted(db: ReadableDB, filter: PrintedFilter): number {
  const w = where(filter)
  return (
    db
      .prepare<[Record<string, unknown>], { n: number }>(
        `SELECT count(*) AS n FROM packages p JOIN orders o ON o.id = p.order_id WHERE ${w.sql}`
      )
      .get(w.params)?.n ?? 0
  )
}

/** Newest print first. */
export function listPrinted(
  db: ReadableDB,
  filter: PrintedFilter,
  offset: number,
  limit: number
): PrintedRow[] {
  const w = where(filter)
  return db
    .prepare<[Record<string, unknown>], PrintedRow>(
      `SELECT ${COLUMNS} FROM packages p JOIN orders o ON o.id = p.order_id WHERE ${w.sql}
       ORDER BY p.printed_at DESC, p.id DESC LIMIT @limit OFFSET @offset`
    )
    .all({ ...w.params, limit, offset })
}

/**
 * Every matching row in pages of `pageSize`, oldest print first, for streaming exports: no page
 * holds the connection while the caller awaits a write, and 100k rows never sit in memory.
 */
export function* printedPages(
  db: ReadableDB,
  filter: PrintedFilter,
  pageSize = 2000
): Generator<PrintedRow[]> {
  const w = where(filter)
  const statement = db.prepare<[Record<string, unknown>], PrintedRow>(
    `SELECT ${COLUMNS} FROM packages p JOIN orders o ON o.id = p.order_id
     WHERE ${w.sql} AND (p.printed_at, p.id) > (@afterAt, @afterId)
     ORDER BY p.printed_at, p.id LIMIT @pageSize`
  )
  let afterAt = -1
  let afterId = 0
  for (;;) {
    const rows = statement.all({ ...w.params, afterAt, afterId, pageSize })
    const last = rows.at(-1)
    if (!last) {
      return
    }
    yield rows
    afterAt = last.printed_at ?? 0
    afterId = last.package_id
  }
}

export type PickingLine = {
  sku: string
  title: string
  quantity: number
  order_count: number
}

/**
 * The 拣货单: what to fetch from the shelves for the matching packages, one line per SKU with the
 * total quantity and how many orders want it. A SKU sold under two titles keeps one (the first).
 */
export function pickingLines(db: ReadableDB, filter: PrintedFilter): PickingLine[] {
  const w = where(filter)
  return db
    .prepare<[Record<string, unknown>], PickingLine>(
      `SELECT i.sku, min(i.title) AS title, sum(pi.quantity) AS quantity,
         count(DISTINCT p.order_id) AS order_count
       FROM packages p JOIN orders o ON o.id = p.order_id
         JOIN package_items pi ON pi.package_id = p.id
         JOIN order_items i ON i.id = pi.order_item_id
       WHERE ${w.sql}
       GROUP BY i.sku ORDER BY i.sku`
    )
    .all(w.params)
}
