import { BATCH_PRINT_MAX } from '../../../shared/rules'

/** Per-platform limits, stored in table platform_limits (migration 0060) so a rule change is data. */
export type PlatformLimits = {
  /** APPEND_MAX_20: appended packages an order may carry (Kuaishou 20). */
  readonly appendMax: number
  /** APPEND_WINDOW_30D: how long after the first shipment an append is allowed (30 days). */
  readonly appendWindowMs: number
  /** APPEND_BATCH_MAX_5000: rows in one batch-append file. */
  readonly appendBatchMax: number
  /** BATCH_PRINT_MAX_5000: orders in one print batch. */
  readonly batchPrintMax: number
}

export const DAY_MS = 86_400_000

/** The seeded values (migration 0060); used when a platform has no stored row. */
export const DEFAULT_PLATFORM_LIMITS: PlatformLimits = Object.freeze({
  appendMax: 20,
  appendWindowMs: 30 * DAY_MS,
  appendBatchMax: 5000,
  batchPrintMax: BATCH_PRINT_MAX
})
