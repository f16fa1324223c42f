import type { ReadableDB } from './connection'
import { reverseText } from './orders-repo'

/**
 * The 包裹与追加 list's query: every package of the orders that have a split or an appended
 * package, newest order first, an order's packages in sequence. Its spine is the partial index
 * packages_extra (migration 0090), which holds only the packages that make an order listed, so a
 * page and a count cost the listed orders, never the million that have one package.
 */

export type PackageListSearch = {
  readonly query: string
  readonly carrier?: string | undefined
  readonly role?: 'first' | 'split' | 'appended' | undefined
  readonly syncState?: string | undefined
  readonly addedFrom?: number | undefined
  readonly addedTo?: number | undefined
  readonly offset: number
  readonly limit: number
  readonly after?: { readonly orderId: number; readonly sequence: number } | undefined
  readonly count?: boolean | undefined
}

export type PackageListDbRow = {
  package_id: number
  order_id: number
  platform_order_id: string
  shop_id: number
  sequence: number
  package_count: number
  role: 'first' | 'split' | 'appended'
  carrier: string | null
  tracking_number: string | null
  items: string | null
  print_state: string
  ship_state: string
  sync_state: string
  printed_at: number | null
  shipped_at: number | null
  created_at: number
}

export type PackageListResult = {
  readonly total: number
  readonly totalCapped: boolean
  readonly rows: PackageListDbRow[]
  readonly last: { readonly orderId: number; readonly sequence: number } | null
}

/** Identifier-like keywords shorter than this match whole values only (as on the Orders page). */
const MIN_PARTIAL_KEY = 4

/** Counting a keyword search stops here: "10 000+" is all a packer needs. */
export const PACKAGE_SEARCH_COUNT_CAP = 10_000

/**
 * The listed orders, one entry each: `m` walks packages_extra, and of an order's extra packages
 * only the last (highest sequence) stands for it. Written as a join rather than a DISTINCT subquery so
 * SQLite sees that `m` comes in order id order and sorts only within an order (its packages by
 * sequence) instead of sorting every listed row before the first page.
 */
const LISTED = `m.role != 'first' AND NOT EXISTS (
  SELECT 1 FROM packages m2 WHERE m2.order_id = m.order_id AND m2.role != 'first' AND m2.sequence > m.sequence)`

/** Only the split and appended packages; the literal lets SQLite use the partial index. */
const EXTRA = `p.role != 'first'`

type Where = { readonly parts: string[]; readonly params: Record<string, unknown> }

function filtersOf(search: PackageListSearch): Where {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  const given = (condition: string, name: string, value: unknown): void => {
    if (value !== undefined) {
      parts.push(condition)
      params[name] = value
    }
  }
  // Unary `+` keeps these off their indexes (packages_carrier_order): the page must walk the
  // listed orders in order and test their packages, not sort every package of a carrier.
  given('+p.carrier = @carrier', 'carrier', search.carrier)
  given('+p.role = @role', 'role', search.role)
  given('+p.sync_state = @syncState', 'syncState', search.syncState)
  given('+p.created_at >= @addedFrom', 'addedFrom', search.addedFrom)
  given('+p.created_at < @addedTo', 'addedTo', search.addedTo)
  return { parts, params }
}

/**
 * The orders a keyword names: the start (or, when short, the whole) of an order id, the start or
 * the end of any of its tracking numbers. Each branch is an index range.
 */
function keywordOrders(q: string, alias: 'm' | 'p'): Where {
  const partial = /^[A-Za-z0-9_-]+$/.test(q) && q.length >= MIN_PARTIAL_KEY
  const rev = reverseText(q)
  if (!partial) {
    return {
      parts: [
        `${alias}.order_id IN (SELECT id FROM orders WHERE platform_order_id = @q
          UNION SELECT order_id FROM packages WHERE tracking_number = @q)`
      ],
      params: { q }
    }
  }
  return {
    parts: [
      `${alias}.order_id IN (
        SELECT id FROM orders WHERE platform_order_id >= @q AND platform_order_id < @qHigh
        UNION SELECT order_id FROM packages WHERE tracking_number >= @q AND tracking_number < @qHigh
        UNION SELECT order_id FROM packages WHERE tracking_number_rev >= @rev AND tracking_number_rev < @revHigh)`
    ],
    params: { q, qHigh: `${q}\uffff`, rev, revHigh: `${rev}\uffff` }
  }
}

const ROW_COLUMNS = `p.id AS package_id, p.order_id, o.platform_order_id, o.shop_id, p.sequence,
  (SELECT count(*) FROM packages c WHERE c.order_id = p.order_id) AS package_count,
  p.role, p.carrier, p.tracking_number,
  (SELECT group_concat(i.title || '×' || pi.quantity, '；') FROM package_items pi
     JOIN order_items i ON i.id = pi.order_item_id WHERE pi.package_id = p.id) AS items,
  p.print_state, p.ship_state, p.sync_state, p.printed_at, p.shipped_at, p.created_at`

function whereOf(parts: readonly string[]): string {
  return parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : ''
}

/**
 * A page of the list by position (`offset`) or after a known row (`after`, a keyset page). The
 * outer loop walks the listed orders on packages_extra newest first; the inner one reads each
 * order's packages on the (order_id, sequence) unique index, so a page reads a page of orders,
 * and a filter only tests the packages of the orders walked.
 */
export function listPackages(db: ReadableDB, search: PackageListSearch): PackageListResult {
  const filters = filtersOf(search)
  // Split or appended packages only: they are all in packages_extra, which then is the whole
  // walk (no `m`), filters included, without reading the table.
  const extraOnly = search.role === 'split' || search.role === 'appended'
  const keyword =
    search.query === ''
      ? { parts: [], params: {} }
      : keywordOrders(search.query, extraOnly ? 'p' : 'm')
  const parts = [extraOnly ? EXTRA : LISTED, ...keyword.parts, ...filters.parts]
  const params = { ...keyword.params, ...filters.params }
  const from = extraOnly
    ? `FROM packages p INDEXED BY packages_extra`
    : `FROM packages m JOIN packages p ON p.order_id = m.order_id`
  const orderId = extraOnly ? 'p.order_id' : 'm.order_id'
  const pageParts = [...parts]
  const pageParams: Record<string, unknown> = {
    ...params,
    limit: search.limit,
    offset: search.offset
  }
  if (search.after !== undefined) {
    pageParts.push(
      `(${orderId} < @afterOrder OR (${orderId} = @afterOrder AND p.sequence > @afterSequence))`
    )
    pageParams.afterOrder = search.after.orderId
    pageParams.afterSequence = search.after.sequence
  }
  const rows = db
    .prepare<[Record<string, unknown>], PackageListDbRow>(
      `SELECT ${ROW_COLUMNS} ${from} JOIN orders o ON o.id = p.order_id
       ${whereOf(pageParts)}
       ORDER BY ${orderId} DESC, p.sequence ASC LIMIT @limit OFFSET @offset`
    )
    .all(pageParams)
  const lastRow = rows.at(-1)
  const last = lastRow ? { orderId: lastRow.order_id, sequence: lastRow.sequence } : null
  if (search.count === false) {
    return { total: -1, totalCapped: false, rows, last }
  }
  const cap = search.query === '' ? null : PACKAGE_SEARCH_COUNT_CAP + 1
  const counted =
    db
      .prepare<[Record<string, unknown>], { n: number }>(
        cap === null
          ? `SELECT count(*) AS n ${from} ${whereOf(parts)}`
          : `SELECT count(*) AS n FROM (SELECT 1 ${from} ${whereOf(parts)} LIMIT @cap)`
      )
      .get(cap === null ? params : { ...params, cap })?.n ?? 0
  const capped = cap !== null && counted > PACKAGE_SEARCH_COUNT_CAP
  return {
    total: capped ? PACKAGE_SEARCH_COUNT_CAP : counted,
    totalCapped: capped,
    rows,
    last
  }
}
