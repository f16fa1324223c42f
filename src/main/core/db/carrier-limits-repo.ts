import type { CarrierLimits } from '../packages/split-plan'
import type { ReadableDB, WritableDB } from './connection'

/** The figures migration 0080 seeds, for a carrier code that has no row (added after it). */
export const DEFAULT_CARRIER_LIMITS: CarrierLimits = {
  maxWeightG: 30_000,
  maxLongestSideMm: 1500,
  maxSumOfSidesMm: 3000
}

type LimitsRow = {
  carrier: string
  max_weight_g: number
  max_longest_side_mm: number
  max_sum_of_sides_mm: number
}

function toLimits(row: LimitsRow): CarrierLimits {
  return {
    maxWeightG: row.max_weight_g,
    maxLongestSideMm: row.max_longest_side_mm,
    maxSumOfSidesMm: row.max_sum_of_sides_mm
  }
}

const SELECT =
  'SELECT carrier, max_weight_g, max_longest_side_mm, max_sum_of_sides_mm FROM carrier_limits'

/** One carrier's stored limits; the defaults when it has no row. */
export function carrierLimits(db: ReadableDB, carrier: string): CarrierLimits {
  const row = db.prepare<[string], LimitsRow>(`${SELECT} WHERE carrier = ?`).get(carrier)
  return row ? toLimits(row) : DEFAULT_CARRIER_LIMITS
}

/** Every stored carrier's limits, by carrier code. */
export function allCarrierLimits(db: ReadableDB): Map<string, CarrierLimits> {
  const rows = db.prepare<[], LimitsRow>(`${SELECT} ORDER BY carrier`).all()
  return new Map(rows.map((r) => [r.carrier, toLimits(r)] as const))
}

export function saveCarrierLimits(db: WritableDB, carrier: string, limits: CarrierLimits): void {
  db.prepare(
    `INSERT INTO carrier_limits (carrier, max_weight_g, max_longest_side_mm, max_sum_of_sides_mm)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (carrier) DO UPDATE SET max_weight_g = excluded.max_weight_g,
       max_longest_side_mm = excluded.max_longest_side_mm,
       max_sum_of_sides_mm = excluded.max_sum_of_sides_mm`
  ).run(carrier, limits.maxWeightG, limits.maxLongestSideMm, limits.maxSumOfSidesMm)
}
