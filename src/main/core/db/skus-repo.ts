import type { TemperatureZone } from '../../../shared/domain'
import type { ReadableDB, WritableDB } from './connection'

/** One SKU's facts; null where the catalogue does not know. */
export type SkuFacts = {
  readonly sku: string
  readonly title: string
  readonly weightG: number | null
  readonly lengthMm: number | null
  readonly widthMm: number | null
  readonly heightMm: number | null
  readonly warehouse: string | null
  readonly temperatureZone: TemperatureZone | null
}

export type SkuRecord = SkuFacts & { readonly updatedAt: number }

type SkuRow = {
  sku: string
  title: string
  weight_g: number | null
  length_mm: number | null
  width_mm: number | null
  height_mm: number | null
  warehouse: string | null
  temperature_zone: TemperatureZone | null
  updated_at: number
}

const COLUMNS =
  'sku, title, weight_g, length_mm, width_mm, height_mm, warehouse, temperature_zone, updated_at'

function record(r: SkuRow): SkuRecord {
  return {
    sku: r.sku,
    title: r.title,
    weightG: r.weight_g,
    lengthMm: r.length_mm,
    widthMm: r.width_mm,
    heightMm: r.height_mm,
    warehouse: r.warehouse,
    temperatureZone: r.temperature_zone,
    updatedAt: r.updated_at
  }
}

/** The highest code point: `p <= x < p || TOP` is "x starts with p" as an index range. */
const TOP = '\u{10FFFF}'

function params(s: SkuFacts, now: number): (string | number | null)[] {
  return [
    s.sku,
    s.title,
    s.title.toLowerCase(),
    s.weightG,
    s.lengthMm,
    s.widthMm,
    s.heightMm,
    s.warehouse,
    s.temperatureZone,
    now
  ]
}

/**
 * Inserts or replaces many SKUs in one transaction (all or none): an import states every fact
 * of its rows, so a row replaces the SKU's previous facts. Returns how many were new.
 */
export function upsertSkus(db: WritableDB, skus: readonly SkuFacts[], now: number): number {
  const exists = db.prepare<[string], { n: number }>('SELECT 1 AS n FROM skus WHERE sku = ?')
  const upsert = db.prepare<(string | number | null)[]>(
    `INSERT INTO skus (sku, title, title_lower, weight_g, length_mm, width_mm, height_mm, warehouse,
       temperature_zone, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (sku) DO UPDATE SET title = excluded.title, title_lower = excluded.title_lower,
       weight_g = excluded.weight_g, length_mm = excluded.length_mm, width_mm = excluded.width_mm,
       height_mm = excluded.height_mm, warehouse = excluded.warehouse,
       temperature_zone = excluded.temperature_zone, updated_at = excluded.updated_at`
  )
  return db.transaction(() => {
    let fresh = 0
    for (const s of skus) {
      if (!exists.get(s.sku)) {
        fresh++
      }
      upsert.run(...params(s, now))
    }
    return fresh
  })()
}

/** Where clause of a search: SKU prefix (exact case) or title prefix (any case). */
function searchWhere(search: string): { sql: string; args: string[] } {
  const term = search.trim()
  if (term === '') {
    return { sql: '', args: [] }
  }
  const lower = term.toLowerCase()
  return {
    sql: `WHERE (sku >= ? AND sku < ?) OR (title_lower >= ? AND title_lower < ?)`,
    args: [term, term + TOP, lower, lower + TOP]
  }
}

export function countSkus(db: ReadableDB, search = ''): number {
  const w = searchWhere(search)
  return (
    db.prepare<string[], { n: number }>(`SELECT count(*) AS n FROM skus ${w.sql}`).get(...w.args)
      ?.n ?? 0
  )
}

/** One window of the catalogue in SKU order, for a virtualized table. */
export function skuWindow(db: ReadableDB, offset: number, limit: number, search = ''): SkuRecord[] {
  const w = searchWhere(search)
  return db
    .prepare<(string | number)[], SkuRow>(
      `SELECT ${COLUMNS} FROM skus ${w.sql} ORDER BY sku LIMIT ? OFFSET ?`
    )
    .all(...w.args, limit, offset)
    .map(record)
}

const LOOKUP_CHUNK = 500

/** The facts of the given SKUs that the catalogue has, by SKU. */
export function skusBySku(db: ReadableDB, skus: readonly string[]): Map<string, SkuRecord> {
  const out = new Map<string, SkuRecord>()
  const unique = [...new Set(skus)]
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
    const chunk = unique.slice(i, i + LOOKUP_CHUNK)
    const rows = db
      .prepare<string[], SkuRow>(
        `SELECT ${COLUMNS} FROM skus WHERE sku IN (${chunk.map(() => '?').join(', ')})`
      )
      .all(...chunk)
    for (const r of rows) {
      out.set(r.sku, record(r))
    }
  }
  return out
}

/** Replaces one SKU's facts; false when there is no such SKU. */
export function updateSku(db: WritableDB, facts: SkuFacts, now: number): boolean {
  const p = params(facts, now)
  const info = db
    .prepare<(string | number | null)[]>(
      `UPDATE skus SET title = ?, title_lower = ?, weight_g = ?, length_mm = ?, width_mm = ?,
         height_mm = ?, warehouse = ?, temperature_zone = ?, updated_at = ? WHERE sku = ?`
    )
    .run(...p.slice(1), facts.sku)
  return info.changes === 1
}

export function deleteSku(db: WritableDB, sku: string): boolean {
  return db.prepare<[string]>('DELETE FROM skus WHERE sku = ?').run(sku).changes === 1
}
