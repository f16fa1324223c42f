import { DEFAULT_PLATFORM_LIMITS, type PlatformLimits } from '../rules/limits'
import type { ReadableDB } from './connection'

type LimitsRow = {
  append_max: number
  append_window_ms: number
  append_batch_max: number
  batch_print_max: number
}

function toLimits(row: LimitsRow): PlatformLimits {
  return {
    appendMax: row.append_max,
    appendWindowMs: row.append_window_ms,
    appendBatchMax: row.append_batch_max,
    batchPrintMax: row.batch_print_max
  }
}

/** The stored limits of one platform ('kuaishou', 'taobao', 'manual'); the seeded defaults if it has no row. */
export function platformLimits(db: ReadableDB, platform: string): PlatformLimits {
  const row = db
    .prepare<[string], LimitsRow>(
      `SELECT append_max, append_window_ms, append_batch_max, batch_print_max
       FROM platform_limits WHERE platform = ?`
    )
    .get(platform)
  return row ? toLimits(row) : DEFAULT_PLATFORM_LIMITS
}

/**
 * The strictest stored value of each limit across platforms: what a batch that may mix shops of
 * several platforms (a print batch, an append sheet) must respect before its rows are known.
 */
export function strictestLimits(db: ReadableDB): PlatformLimits {
  const row = db
    .prepare<[], { [K in keyof LimitsRow]: number | null }>(
      `SELECT min(append_max) AS append_max, min(append_window_ms) AS append_window_ms,
              min(append_batch_max) AS append_batch_max, min(batch_print_max) AS batch_print_max
       FROM platform_limits`
    )
    .get()
  return {
    appendMax: row?.append_max ?? DEFAULT_PLATFORM_LIMITS.appendMax,
    appendWindowMs: row?.append_window_ms ?? DEFAULT_PLATFORM_LIMITS.appendWindowMs,
    appendBatchMax: row?.append_batch_max ?? DEFAULT_PLATFORM_LIMITS.appendBatchMax,
    batchPrintMax: row?.batch_print_max ?? DEFAULT_PLATFORM_LIMITS.batchPrintMax
  }
}
