import type { OrderStatus } from '../../../shared/domain'
import type { OrderSort } from '../../../shared/schemas/order'
import type { ReadableDB } from './connection'
import { reverseText, type OrderRow } from './orders-repo'

/**
 * The order list's query planner: one page of orders under a sort, keyword and filters, planned
 * so each form reads an index range instead of the table (see {@link listOrders}).
 */

export type OrderListRow = OrderRow & {
  /** Paid time, or created time for an order without one (a generated column, migration 0020). */
  paid_sort: number
  item_count: number | null
  item_summary: string | null
  tracking_numbers: string | null
}

/** A row's key values under a sort, as {@link ORDER_SORT_KEYS} lists them. */
export type OrderSortKey = readonly (string | number)[]

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
  /** Only with `province`: a city of it. */
  readonly city?: string | undefined
  readonly carrier?: string | undefined
  readonly exemption?: string | undefined
  readonly problem?: 'any' | 'unshipped' | 'refund' | 'closed' | undefined
  /** True: only orders whose district is not in the division data (平台区县); false: only the others. */
  readonly platformDistrict?: boolean | undefined
  /** True: only orders waiting for a label (未打印): pending, no package with a tracking number. */
  readonly unprinted?: boolean | undefined
  /** `problem` 'unshipped' means pending and created before this (ms) with no tracking number. */
  readonly unshippedBefore?: number | undefined
  /** Waiting for a label and past the ship-by time (`overdue`), or due before `dueSoonBefore`. */
  readonly deadline?: 'overdue' | 'due_soon' | undefined
  /** The present (ms), for `deadline`. */
  readonly now?: number | undefined
  /** The end (ms) of "due soon", for `deadline`. */
  readonly dueSoonBefore?: number | undefined
  readonly sort?: OrderSort | undefined
  /** Rows after (or before) the row with this key under `sort`; `offset` then counts from it. */
  readonly after?: OrderSortKey | undefined
  readonly before?: OrderSortKey | undefined
  /** False skips counting; `total` is then -1. */
  readonly count?: boolean | undefined
}

type SortColumn =
  'created_at' | 'paid_sort' | 'platform_order_id' | 'shop_id' | 'province' | 'city' | 'ship_by'

/**
 * Each sort is the column list of one index of migration 0020 (or 0010) followed by the id, the
 * index's implicit last column: walking that index in either direction is the list's order, a
 * page at OFFSET n reads n index entries and no table rows, and a key names a row uniquely.
 */
const SORTS: Readonly<
  Record<OrderSort, { readonly columns: readonly SortColumn[]; readonly desc: boolean }>
> = {
  created_desc: { columns: ['created_at'], desc: true },
  created_asc: { columns: ['created_at'], desc: false },
  paid_desc: { columns: ['paid_sort'], desc: true },
  paid_asc: { columns: ['paid_sort'], desc: false },
  order_id_asc: { columns: ['platform_order_id', 'shop_id'], desc: false },
  order_id_desc: { columns: ['platform_order_id', 'shop_id'], desc: true },
  region_asc: { columns: ['province', 'city', 'created_at'], desc: false },
  // Index orders_ship_by (migration 0100): the most urgent first.
  ship_by_asc: { columns: ['ship_by'], desc: false }
}

function sortSql(sort: OrderSort, reversed: boolean): string {
  const spec = SORTS[sort]
  const dir = spec.desc !== reversed ? 'DESC' : 'ASC'
  return [...spec.columns, 'id'].map((c) => `o.${c} ${dir}`).join(', ')
}

/**
 * Rows strictly after (`after`) or before the keyed row in list order, as one row-value
 * comparison: SQLite turns it into a range of the sort's index, a seek instead of an OFFSET walk.
 */
function keysetSql(
  sort: OrderSort,
  key: OrderSortKey,
  side: 'after' | 'before'
): { sql: string; params: Record<string, unknown> } {
  const spec = SORTS[sort]
  const columns = [...spec.columns, 'id']
  if (key.length !== columns.length) {
    throw new Error(`A ${sort} key has ${String(columns.length)} values, not ${String(key.length)}`)
  }
  const forward = side === 'after'
  const op = spec.desc === forward ? '<' : '>'
  const params: Record<string, unknown> = {}
  key.forEach((v, i) => {
    params[`k${String(i)}`] = v
  })
  return {
    sql: `(${columns.map((c) => `o.${c}`).join(', ')}) ${op} (${columns.map((_, i) => `@k${String(i)}`).join(', ')})`,
    params
  }
}

function sortKeyOf(row: OrderListRow, sort: OrderSort): OrderSortKey {
  return [...SORTS[sort].columns.map((c) => row[c]), row.id]
}

/**
 * Below this many packages a carrier is "rare": its orders are read from the (carrier, order_id)
 * index and sorted (at most this many ids). Above it, the list walks its sort index and probes
 * each order's packages, and meets a page of matches within a few thousand orders.
 */
export const RARE_CARRIER_PACKAGES = 20_000

type Filter = {
  /** AND-ed conditions on `o`. */
  readonly parts: readonly string[]
  /** For 'has problems': its alternatives, OR-ed (counted as disjoint parts, see countMatching). */
  readonly anyOf: readonly string[]
  readonly params: Record<string, unknown>
  /** Whether a carrier filter is set, and if so whether its carrier has few packages. */
  readonly carrier: 'none' | 'rare' | 'common'
}

/** Filters that keep fewer orders than this are read from their own index and sorted. */
export const FEW_MATCHES = 20_000

const FILTER_COLUMNS =
  /(?<![\w+.])o\.(status|shop_id|created_at|province|city|exemption|refund_state|has_tracking|ship_by)\b/g

/**
 * The same condition with its orders columns kept off their indexes (SQLite's unary `+`), but
 * for `keep`: columns the sort's own index leads with, where the filter is a range of it.
 */
function unindexed(condition: string, keep: readonly string[]): string {
  return condition.replace(FILTER_COLUMNS, (match, column: string) =>
    keep.includes(column) ? match : `+o.${column}`
  )
}

/**
 * The non-keyword filters as conditions on `o` and their named parameters. Each single filter
 * has an index of migration 0020 leading with it and ending in created_at, so its count reads
 * only its own index entries and its newest-first page only a page of them.
 */
function filterSql(db: ReadableDB, search: OrderSearch): Filter {
  const parts: string[] = []
  const params: Record<string, unknown> = {}
  /** The condition on `@name`, when the search gives that filter a value. */
  const given = (condition: string, name: string, value: unknown): void => {
    if (value !== undefined) {
      parts.push(condition)
      params[name] = value
    }
  }
  given('o.status = @status', 'status', search.status)
  given('o.shop_id = @shopId', 'shopId', search.shopId)
  given('o.created_at >= @createdFrom', 'createdFrom', search.createdFrom)
  given('o.created_at < @createdTo', 'createdTo', search.createdTo)
  if (search.province !== undefined) {
    given('o.province = @province', 'province', search.province)
    given('o.city = @city', 'city', search.city)
  }
  given('o.exemption = @exemption', 'exemption', search.exemption)
  if (search.platformDistrict !== undefined) {
    // Literals, so `= 1` matches the partial index orders_platform_district (migration 0040):
    // such orders are few, and that index walks them newest first.
    parts.push(search.platformDistrict ? 'o.platform_district = 1' : 'o.platform_district = 0')
  }
  if (search.unprinted === true) {
    // A tracking number is given when a label is printed, so "no label yet" is has_tracking = 0
    // (kept by triggers on packages, migration 0020). Pending is part of the meaning (a closed
    // or shipped order waits for no label) and, as literals, puts the filter on the partial
    // index orders_unshipped, which holds exactly these orders, newest first.
    parts.push(`(o.status = 'pending' AND o.has_tracking = 0)`)
  }
  if (search.deadline !== undefined) {
    // The literals of 未打印 (partial index orders_unshipped): only an order still waiting for
    // its label can miss its ship-by time; a printed one is the packer's, not the deadline's.
    const waiting = `o.status = 'pending' AND o.has_tracking = 0`
    params.now = search.now ?? 0
    if (search.deadline === 'overdue') {
      parts.push(`(${waiting} AND o.ship_by < @now)`)
    } else {
      params.dueSoonBefore = search.dueSoonBefore ?? 0
      parts.push(`(${waiting} AND o.ship_by >= @now AND o.ship_by < @dueSoonBefore)`)
    }
  }
  const carrier =
    search.carrier === undefined ? 'none' : isRareCarrier(db, search.carrier) ? 'rare' : 'common'
  if (search.carrier !== undefined) {
    params.carrier = search.carrier
    // LIMIT 1 keeps the probe a per-row index seek: without it SQLite may first build a Bloom
    // filter over every package of the carrier (~30 ms at 230k packages) before the first row.
    parts.push(
      carrier === 'rare'
        ? 'o.id IN (SELECT order_id FROM packages WHERE carrier = @carrier)'
        : 'EXISTS (SELECT 1 FROM packages p WHERE p.order_id = o.id AND p.carrier = @carrier LIMIT 1)'
    )
  }
  let anyOf: string[] = []
  if (search.problem !== undefined) {
    // has_tracking is kept by triggers on packages (migration 0020); these literals match the
    // partial index orders_unshipped.
    const unshipped = `(o.status = 'pending' AND o.has_tracking = 0 AND o.created_at < @unshippedBefore)`
    // The literal matches the partial index orders_refund_requested.
    const refund = `o.refund_state = 'requested'`
    const closed = `o.status = 'closed'`
    if (search.problem === 'any') {
      anyOf = [unshipped, closed, refund]
    } else {
      parts.push({ unshipped, refund, closed }[search.problem])
    }
    if (search.problem === 'unshipped' || search.problem === 'any') {
      params.unshippedBefore = search.unshippedBefore ?? 0
    }
  }
  return { parts, anyOf, params, carrier }
}

function isRareCarrier(db: ReadableDB, carrier: string): boolean {
  const n =
    db
      .prepare<[string, number], { n: number }>(
        'SELECT count(*) AS n FROM (SELECT 1 FROM packages WHERE carrier = ? LIMIT ?)'
      )
      .get(carrier, RARE_CARRIER_PACKAGES)?.n ?? 0
  return n < RARE_CARRIER_PACKAGES
}

function whereOf(conditions: readonly string[]): string {
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''
}

/** The filter's conditions as one list, 'has problems' as one OR-ed condition. */
function conditionsOf(filter: Filter): string[] {
  return filter.anyOf.length > 0
    ? [...filter.parts, `(${filter.anyOf.join(' OR ')})`]
    : [...filter.parts]
}

/**
 * The conditions a page uses. A created-time sort keeps them as they are: every filter index ends
 * in created_at, so it yields its rows in that order. Another sort's key is in no filter index:
 * a filter keeping few orders is still read from its index and its matches sorted (at most
 * {@link FEW_MATCHES}), but one keeping many is kept off its index, so the page walks the sort's
 * index and meets a page of matches within a few thousand rows instead of sorting them all.
 */
function pageConditions(db: ReadableDB, filter: Filter, sort: OrderSort): string[] {
  const conditions = conditionsOf(filter)
  if (sort === 'created_desc' || sort === 'created_asc' || conditions.length === 0) {
    return conditions
  }
  if (fewMatches(db, filter)) {
    return conditions
  }
  const keep =
    sort === 'region_asc' ? ['province', 'city'] : sort === 'ship_by_asc' ? ['ship_by'] : []
  return conditions.map((c) => unindexed(c, keep))
}

function fewMatches(db: ReadableDB, filter: Filter): boolean {
  if (filter.carrier === 'rare') {
    return true
  }
  // A common carrier is probed per order, so it is left out of the estimate.
  const probed = conditionsOf(filter).filter(
    (c) => filter.carrier === 'none' || !c.includes('@carrier')
  )
  if (probed.length === 0) {
    return false
  }
  const n =
    db
      .prepare<[Record<string, unknown>], { n: number }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM orders o ${whereOf(probed)} LIMIT @few)`
      )
      .get({ ...filter.params, few: FEW_MATCHES })?.n ?? 0
  return n < FEW_MATCHES
}

/**
 * The exact count of the filtered list. "Has problems" (A or B or C) is counted as the disjoint
 * A + (B and not A) + (C and not A, B), so each term reads its own index instead of the table;
 * a carrier alone is counted from the (carrier, order_id) index without touching orders.
 */
function countMatching(db: ReadableDB, search: OrderSearch, filter: Filter): number {
  const onlyCarrier =
    search.carrier !== undefined && filter.parts.length === 1 && filter.anyOf.length === 0
  if (onlyCarrier) {
    return (
      db
        .prepare<[Record<string, unknown>], { n: number }>(
          'SELECT count(DISTINCT order_id) AS n FROM packages WHERE carrier = @carrier'
        )
        .get(filter.params)?.n ?? 0
    )
  }
  const terms =
    filter.anyOf.length > 0
      ? filter.anyOf.map((alt, i) => [
          ...filter.parts,
          alt,
          ...filter.anyOf.slice(0, i).map((before) => `NOT ${before}`)
        ])
      : [[...filter.parts]]
  const sql = terms.map((t) => `(SELECT count(*) FROM orders o ${whereOf(t)})`).join(' + ')
  return (
    db.prepare<[Record<string, unknown>], { n: number }>(`SELECT ${sql} AS n`).get(filter.params)
      ?.n ?? 0
  )
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

/** Identifier-like keywords shorter than this match whole values only, so "13" never means every phone. */
export const MIN_PARTIAL_KEY = 4

export type OrderListResult = {
  readonly total: number
  readonly totalCapped: boolean
  readonly rows: OrderListRow[]
  /** The sort keys of the first and last row, null when the page is empty. */
  readonly first: OrderSortKey | null
  readonly last: OrderSortKey | null
}

/**
 * One page in list order. The inner query finds the page's ids on the sort's index (covering when
 * the conditions are on indexed columns, so even OFFSET 500 000 reads no table rows); the outer
 * one computes the display columns (item summary, tracking numbers) for those rows only.
 */
function page(
  db: ReadableDB,
  search: OrderSearch,
  sort: OrderSort,
  conditions: readonly string[],
  params: Record<string, unknown>
): Pick<OrderListResult, 'rows' | 'first' | 'last'> {
  const all = [...conditions]
  const values: Record<string, unknown> = { ...params, limit: search.limit, offset: search.offset }
  const cursor = search.after ?? search.before
  // Rows before a key are read walking backwards from it, then shown in list order.
  const backwards = search.after === undefined && search.before !== undefined
  if (cursor !== undefined) {
    const keyset = keysetSql(sort, cursor, backwards ? 'before' : 'after')
    all.push(keyset.sql)
    Object.assign(values, keyset.params)
  }
  const rows = db
    .prepare<[Record<string, unknown>], OrderListRow>(
      `SELECT ${LIST_COLUMNS} FROM orders o WHERE o.id IN (
         SELECT o.id FROM orders o ${whereOf(all)}
         ORDER BY ${sortSql(sort, backwards)} LIMIT @limit OFFSET @offset
       ) ORDER BY ${sortSql(sort, false)}`
    )
    .all(values)
  const firstRow = rows[0]
  const lastRow = rows.at(-1)
  return {
    rows,
    first: firstRow ? sortKeyOf(firstRow, sort) : null,
    last: lastRow ? sortKeyOf(lastRow, sort) : null
  }
}

/**
 * A page of the order list in the chosen sort, by position (`offset`) or next to a known row
 * (`after` / `before`, a keyset page: one index seek however deep). A keyword matches the start
 * of an order id, the start or the end of a tracking number, the end of a phone (the last four
 * digits) or a whole phone, and the start of a receiver name. (Order-id tails are not indexed:
 * that index alone cost a third of the insert rate, and order ids are scanned or typed from their
 * start.) Every branch is a b-tree range, so a search costs the matches it finds, not the table.
 * When a keyword matches very many orders, the rows come from walking the sort's index instead,
 * which then finds a page at once. The other filters ({@link filterSql}) narrow either form;
 * without a keyword the count of a filtered list is exact ({@link countMatching}).
 */
export function listOrders(db: ReadableDB, search: OrderSearch): OrderListResult {
  const sort = search.sort ?? 'created_desc'
  const filter = filterSql(db, search)
  const conditions = conditionsOf(filter)
  const counting = search.count !== false
  const q = search.query
  const identifier = /^[A-Za-z0-9_-]+$/.test(q)
  const partial = identifier && q.length >= MIN_PARTIAL_KEY
  if (q === '') {
    const total = counting ? countMatching(db, search, filter) : -1
    return {
      total,
      totalCapped: false,
      ...page(db, search, sort, pageConditions(db, filter, sort), filter.params)
    }
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
  const matching = `o.id IN (${branches.join(' UNION ')})`
  // The count also decides the plan (dense or not), so it runs even when not asked for.
  const counted =
    db
      .prepare<[Record<string, unknown>], { n: number }>(
        `SELECT count(*) AS n FROM (SELECT o.id FROM orders o ${whereOf([matching, ...conditions])} LIMIT @cap)`
      )
      .get({ ...usedKeys, cap: SEARCH_COUNT_CAP + 1, ...filter.params })?.n ?? 0
  const dense = counted > SEARCH_COUNT_CAP
  const found = dense ? `(${rowTests.join(' OR ')})` : matching
  return {
    total: Math.min(counted, SEARCH_COUNT_CAP),
    totalCapped: dense,
    ...page(db, search, sort, [found, ...(dense ? pageConditions(db, filter, sort) : conditions)], {
      ...filter.params,
      ...usedKeys
    })
  }
}
