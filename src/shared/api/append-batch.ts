import { z } from 'zod'
import { RULES, type RuleId } from '../rules'
import { Empty, type MethodSpec } from './common'

const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]]

/**
 * Why a batch-append row was refused. `rule` names the platform rule when one applies (its words
 * come from ruleWords); the other reasons are about the sheet itself and have no rule id.
 */
export const APPEND_BATCH_REASONS = [
  /** A platform rule refused the row: see `rule` and `params`. */
  'rule',
  'order_missing',
  'carrier_missing',
  'number_missing',
  'unknown_order',
  /** The platform order id exists in more than one shop. */
  'ambiguous_order',
  'unknown_carrier',
  'number_pattern',
  /** The same number is on an earlier row of the sheet (`params.firstRow`). */
  'number_twice_in_sheet',
  /** The number is already appended to this very order. */
  'number_already_appended',
  'number_on_other_package',
  /** The order's own first-shipment number (rule FIRST_SHIPMENT_COUNTS). */
  'first_shipment_number'
] as const
export type AppendBatchReason = (typeof APPEND_BATCH_REASONS)[number]

/** The four columns of the sheet, by their template header. */
export const APPEND_BATCH_COLUMNS = ['订单号', '快递公司', '运单号', '备注'] as const
export type AppendBatchColumn = (typeof APPEND_BATCH_COLUMNS)[number]

export const AppendBatchRefusal = z.object({
  /** The sheet's own row number (header = row 1 when it is the first row). */
  row: z.number().int(),
  /** The header text of the column at fault, as written in the sheet. */
  column: z.string(),
  rule: z.enum(RULE_IDS).nullable(),
  reason: z.enum(APPEND_BATCH_REASONS),
  params: z.record(z.string(), z.union([z.string(), z.number()]))
})
export type AppendBatchRefusal = z.infer<typeof AppendBatchRefusal>

/** A sheet over the batch limit, refused whole; `part` in the preview takes it batch by batch. */
const TooBig = z.object({
  rule: z.enum(RULE_IDS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  rows: z.number().int(),
  max: z.number().int(),
  parts: z.number().int()
})

export const AppendBatchView = z.object({
  id: z.number().int(),
  fileName: z.string(),
  fileHash: z.string(),
  part: z.number().int(),
  parts: z.number().int(),
  rows: z.number().int(),
  accepted: z.number().int(),
  refused: z.number().int(),
  state: z.enum(['previewed', 'committed']),
  createdAt: z.number().int(),
  committedAt: z.number().int().nullable()
})
export type AppendBatchView = z.infer<typeof AppendBatchView>

const FileOut = z.object({ fileId: z.string(), fileName: z.string() })

export const appendBatchApi = {
  'packages.appendBatchTemplate': { input: Empty, output: FileOut },
  /** Reads and pre-flights an uploaded sheet; nothing is written but the batch record. */
  'packages.appendBatchPreview': {
    input: z
      .object({
        fileId: z.string().regex(/^[0-9a-f]{32}$/, 'invalid'),
        /** Take part k (1-based) of a sheet over the batch limit: its rows k·max-max+1 … k·max. */
        part: z.number().int().min(1).max(10_000).optional()
      })
      .strict(),
    output: z.object({
      /** Null when the sheet was refused whole (tooBig). */
      batchId: z.number().int().nullable(),
      fileName: z.string(),
      /** Data rows of this batch (of the part when taken in parts). */
      rows: z.number().int(),
      accepted: z.number().int(),
      refused: z.array(AppendBatchRefusal),
      tooBig: TooBig.nullable(),
      part: z.number().int(),
      parts: z.number().int()
    })
  },
  /** Writes every accepted row in one transaction, or none; re-checks each row first. */
  'packages.appendBatchCommit': {
    input: z.object({ batchId: z.number().int().positive() }).strict(),
    output: z.object({
      batchId: z.number().int(),
      accepted: z.number().int(),
      refused: z.array(AppendBatchRefusal),
      /** The batch was committed before (a second click): nothing new was written. */
      alreadyCommitted: z.boolean()
    })
  },
  /** The refused rows as an xlsx: the original columns plus 原因, to fix and upload again. */
  'packages.appendBatchRefusedSheet': {
    input: z
      .object({
        batchId: z.number().int().positive(),
        lang: z.enum(['zh-CN', 'en-US']).optional()
      })
      .strict(),
    output: FileOut.extend({ rows: z.number().int() })
  },
  /** The uploaded file of a kept batch, as it was. */
  'packages.appendBatchFile': {
    input: z.object({ batchId: z.number().int().positive() }).strict(),
    output: FileOut
  },
  'packages.appendBatches': {
    input: z.object({ limit: z.number().int().min(1).max(500).optional() }).strict(),
    output: z.object({ batches: z.array(AppendBatchView) })
  }
} as const satisfies Record<string, MethodSpec>
