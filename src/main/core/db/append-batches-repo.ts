import type { ReadableDB, WritableDB } from './connection'

/** What the batch pre-flight needs about one order. */
export type AppendOrderFacts = {
  readonly id: number
  readonly shopId: number
  readonly platform: string
  readonly platformOrderId: string
  readonly status: 'pending' | 'partially_shipped' | 'shipped' | 'closed'
  readonly refundState: string
  readonly firstShippedAt: number | null
  readonly items: readonly { readonly quantity: number; readonly quantityShipped: number }[]
  readonly appendedCount: number
  /** The numbers of the order's first packages (FIRST_SHIPMENT_COUNTS), voided ones too. */
  readonly firstNumbers: readonly string[]
}

type OrderRow = {
  id: number
  shop_id: number
  platform: string
  platform_order_id: string
  status: AppendOrderFacts['status']
  refund_state: string
  shipped_at: number | null
}

export type NumberUse = {
  readonly orderId: number
  readonly platformOrderId: string
  readonly role: string
}

export type AppendFactsLookup = {
  readonly orders: (platformOrderId: string) => AppendOrderFacts[]
  readonly numberUses: (trackingNumber: string) => NumberUse[]
}

/**
 * Loads, in four set queries, what the batch pre-flight needs about the orders and numbers a
 * sheet names. A voided package's number stays used (invariant 2). The keys go in as one JSON array and json_each drives an indexed join, so 5000
 * rows cost four statements instead of 10 000 point lookups (the 500 ms budget at 1M orders).
 */
export function loadAppendFacts(
  db: ReadableDB,
  platformOrderIds: readonly string[],
  trackingNumbers: readonly string[]
): AppendFactsLookup {
  const orders = db
    .prepare<[string], OrderRow>(
      `SELECT o.id, o.shop_id, s.platform, o.platform_order_id, o.status, o.refund_state, o.shipped_at
       FROM (SELECT DISTINCT value AS v FROM json_each(?)) j
       CROSS JOIN orders o ON o.platform_order_id = j.v
       JOIN shops s ON s.id = o.shop_id`
    )
    .all(JSON.stringify(platformOrderIds))
  const ids = JSON.stringify(orders.map((o) => o.id))
  const items = new Map<number, { quantity: number; quantityShipped: number }[]>()
  for (const i of db
    .prepare<[string], { order_id: number; quantity: number; quantity_shipped: number }>(
      `SELECT i.order_id, i.quantity, i.quantity_shipped
       FROM json_each(?) j CROSS JOIN order_items i ON i.order_id = j.value`
    )
    .all(ids)) {
    const list = items.get(i.order_id) ?? []
    list.push({ quantity: i.quantity, quantityShipped: i.quantity_shipped })
    items.set(i.order_id, list)
  }
  const appended = new Map<number, number>()
  const first = new Map<number, string[]>()
  for (const p of db
    .prepare<
      [string],
      {
        order_id: number
        role: string
        sequence: number
        tracking_number: string | null
      }
    >(
      `SELECT p.order_id, p.role, p.sequence, p.tracking_number
       FROM json_each(?) j CROSS JOIN packages p ON p.order_id = j.value`
    )
    .all(ids)) {
    if (p.role === 'appended') {
      // Counted like the single append counts them (append-repo appendedCount): every one.
      appended.set(p.order_id, (appended.get(p.order_id) ?? 0) + 1)
    } else if (p.role === 'first' && p.tracking_number !== null) {
      // Like append-repo firstShipmentNumbers: every first package's number, voided or not.
      const list = first.get(p.order_id) ?? []
      list.push(p.tracking_number)
      first.set(p.order_id, list)
    }
  }
  const byPlatformId = new Map<string, AppendOrderFacts[]>()
  for (const o of orders) {
    const list = byPlatformId.get(o.platform_order_id) ?? []
    list.push({
      id: o.id,
      shopId: o.shop_id,
      platform: o.platform,
      platformOrderId: o.platform_order_id,
      status: o.status,
      refundState: o.refund_state,
      firstShippedAt: o.shipped_at,
      items: items.get(o.id) ?? [],
      appendedCount: appended.get(o.id) ?? 0,
      firstNumbers: first.get(o.id) ?? []
    })
    byPlatformId.set(o.platform_order_id, list)
  }
  const uses = new Map<string, NumberUse[]>()
  for (const u of db
    .prepare<
      [string],
      { tracking_number: string; order_id: number; platform_order_id: string; role: string }
    >(
      `SELECT p.tracking_number, p.order_id, o.platform_order_id, p.role
       FROM (SELECT DISTINCT value AS v FROM json_each(?)) j
       CROSS JOIN packages p ON p.tracking_number = j.v
       JOIN orders o ON o.id = p.order_id`
    )
    .all(JSON.stringify(trackingNumbers))) {
    const list = uses.get(u.tracking_number) ?? []
    list.push({ orderId: u.order_id, platformOrderId: u.platform_order_id, role: u.role })
    uses.set(u.tracking_number, list)
  }
  return {
    orders: (platformOrderId) => byPlatformId.get(platformOrderId) ?? [],
    numberUses: (trackingNumber) => uses.get(trackingNumber) ?? []
  }
}

export type AppendBatchRecord = {
  readonly id: number
  readonly fileName: string
  readonly fileHash: string
  readonly part: number
  readonly parts: number
  readonly rows: number
  readonly accepted: number
  readonly refused: number
  readonly state: 'previewed' | 'committed'
  readonly createdAt: number
  readonly committedAt: number | null
}

type RecordRow = {
  id: number
  file_name: string
  file_hash: string
  part: number
  parts: number
  rows: number
  accepted: number
  refused: number
  state: 'previewed' | 'committed'
  created_at: number
  committed_at: number | null
}

const RECORD_COLUMNS =
  'id, file_name, file_hash, part, parts, rows, accepted, refused, state, created_at, committed_at'

function toRecord(r: RecordRow): AppendBatchRecord {
  return {
    id: r.id,
    fileName: r.file_name,
    fileHash: r.file_hash,
    part: r.part,
    parts: r.parts,
    rows: r.rows,
    accepted: r.accepted,
    refused: r.refused,
    state: r.state,
    createdAt: r.created_at,
    committedAt: r.committed_at
  }
}

export type NewAppendBatch = {
  readonly fileName: string
  readonly fileHash: string
  readonly source: Buffer
  readonly part: number
  readonly parts: number
  /** JSON texts: the header cells, the parsed rows, the refusals. */
  readonly header: string
  readonly data: string
  readonly refusals: string
  readonly rows: number
  readonly accepted: number
  readonly refused: number
  readonly createdAt: number
  readonly actor: string
}

export function insertAppendBatch(db: WritableDB, b: NewAppendBatch): number {
  const info = db
    .prepare(
      `INSERT INTO append_batches (file_name, file_hash, source, part, parts, header, data, rows,
         accepted, refused, refusals, state, created_at, actor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'previewed', ?, ?)`
    )
    .run(
      b.fileName,
      b.fileHash,
      b.source,
      b.part,
      b.parts,
      b.header,
      b.data,
      b.rows,
      b.accepted,
      b.refused,
      b.refusals,
      b.createdAt,
      b.actor
    )
  return Number(info.lastInsertRowid)
}

export type AppendBatchContent = AppendBatchRecord & {
  readonly header: string
  readonly data: string
  readonly refusals: string
}

export function getAppendBatch(db: ReadableDB, id: number): AppendBatchContent | undefined {
  const row = db
    .prepare<[number], RecordRow & { header: string; data: string; refusals: string }>(
      `SELECT ${RECORD_COLUMNS}, header, data, refusals FROM append_batches WHERE id = ?`
    )
    .get(id)
  return row
    ? { ...toRecord(row), header: row.header, data: row.data, refusals: row.refusals }
    : undefined
}

export function appendBatchSource(
  db: ReadableDB,
  id: number
): { fileName: string; source: Buffer } | undefined {
  const row = db
    .prepare<[number], { file_name: string; source: Buffer }>(
      'SELECT file_name, source FROM append_batches WHERE id = ?'
    )
    .get(id)
  return row ? { fileName: row.file_name, source: row.source } : undefined
}

/** Marks the batch committed with the commit's own counts; false when it already was. */
export function markAppendBatchCommitted(
  db: WritableDB,
  id: number,
  result: { accepted: number; refused: number; refusals: string; at: number }
): boolean {
  const info = db
    .prepare(
      `UPDATE append_batches SET state = 'committed', accepted = ?, refused = ?, refusals = ?,
         committed_at = ? WHERE id = ? AND state = 'previewed'`
    )
    .run(result.accepted, result.refused, result.refusals, result.at, id)
  return info.changes === 1
}

export function listAppendBatches(db: ReadableDB, limit: number): AppendBatchRecord[] {
  return db
    .prepare<[number], RecordRow>(
      `SELECT ${RECORD_COLUMNS} FROM append_batches ORDER BY created_at DESC, id DESC LIMIT ?`
    )
    .all(limit)
    .map(toRecord)
}

/**
 * The same connection, with each distinct statement prepared once: a batch calls the single
 * append's repo functions (which prepare their statements on every call) 5000 times in one
 * transaction, and preparing cost more than the writes. Only for the length of one batch.
 */
export function withStatementCache(db: WritableDB): WritableDB {
  const cache = new Map<string, ReturnType<WritableDB['prepare']>>()
  return new Proxy(db, {
    get(target, property) {
      if (property === 'prepare') {
        return (source: string) => {
          let statement = cache.get(source)
          if (!statement) {
            statement = target.prepare(source)
            cache.set(source, statement)
          }
          return statement
        }
      }
      const value: unknown = Reflect.get(target, property, target)
      // Native methods must run on the real connection, not on the proxy.
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value
    }
  })
}
