import { z } from 'zod'
import { type MethodSpec } from './common'

/**
 * Order import (issue 3) over the contract. Files travel by id (see AppClient.upload /
 * download); the core keeps a checked import as a "plan" in memory between preview and commit.
 */

/** The order-level fields an import fills, in the order the mapping screen lists them. */
export const ORDER_FIELD_NAMES = [
  'orderId',
  'receiverName',
  'phone',
  'landline',
  'address',
  'province',
  'city',
  'district',
  'detail',
  'remark',
  'buyerMessage',
  'createdAt',
  'paidAt',
  'shipBy',
  'status'
] as const
/** Item-level fields: read from the item report when there is one (Taobao's two-report export). */
export const ITEM_FIELD_NAMES = [
  'title',
  'variant',
  'sku',
  'productId',
  'quantity',
  'weight',
  'warehouse',
  'temperatureZone'
] as const
export const IMPORT_FIELD_NAMES = [...ORDER_FIELD_NAMES, ...ITEM_FIELD_NAMES] as const
export type ImportFieldName = (typeof IMPORT_FIELD_NAMES)[number]

export const IMPORT_PRESETS = ['auto', 'kuaishou', 'taobao', 'taobao-items', 'template'] as const

/** A stored file's handle: 32 hex digits, nothing else reaches the disk. */
export const FileId = z.string().regex(/^[0-9a-f]{32}$/, 'file_id_invalid')
export const PlanId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'plan_id_invalid')

export const ColumnMappingSchema = z.partialRecord(
  z.enum(IMPORT_FIELD_NAMES),
  z.string().max(200, 'too_long')
)
export type ColumnMappingValue = z.infer<typeof ColumnMappingSchema>

export const ImportTableView = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  signature: z.string(),
  mapping: ColumnMappingSchema,
  /**
   * Where `mapping` came from: the caller's (`explicit`), the one saved for this layout
   * (`saved`: only when it maps every required field, so the UI may skip the mapping screen),
   * or read from the header names (`detected`).
   */
  mappingSource: z.enum(['explicit', 'saved', 'detected']),
  /** The export the header looks like, whatever the mapping's source. */
  preset: z.enum(['kuaishou', 'taobao', 'taobao-items', 'template']).nullable()
})
export type ImportTableView = z.infer<typeof ImportTableView>

export const ImportInspectionView = ImportTableView.extend({
  missing: z.array(z.enum(IMPORT_FIELD_NAMES)),
  sample: z.array(z.array(z.string()))
})
export type ImportInspectionView = z.infer<typeof ImportInspectionView>

export const RejectedRowView = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  reason: z.string(),
  reasonZh: z.string(),
  source: z.enum(['orders', 'items'])
})
export type RejectedRowView = z.infer<typeof RejectedRowView>

const Counts = z.object({
  new: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  skipped: z.number().int(),
  rejected: z.number().int()
})

/** The most orders one import can write; also the import's row limit (core IMPORT_LIMITS.maxRows). */
export const IMPORT_MAX_ORDERS = 500_000
/** Larger files are refused before reading: a day's export of a big shop is well under this. */
export const IMPORT_MAX_FILE_BYTES = 200 * 1024 * 1024

/** Rejected rows sent to the screen; the downloadable sheet has all of them. */
export const REJECTED_ROWS_SHOWN = 1000

export const importApi = {
  'import.inspect': {
    input: z
      .object({
        fileId: FileId,
        itemsFileId: FileId.optional(),
        preset: z.enum(IMPORT_PRESETS).optional(),
        mapping: ColumnMappingSchema.optional(),
        /** The user's mapping of the item report (two-file Taobao import). */
        itemsMapping: ColumnMappingSchema.optional()
      })
      .strict(),
    output: z.object({ orders: ImportInspectionView, items: ImportInspectionView.nullable() })
  },
  'import.saveMapping': {
    input: z
      .object({
        // What import.inspect reported (a header-row hash); anything else used to reach the
        // repository and come back as INTERNAL (found by the contract fuzzer).
        signature: z.string().regex(/^[0-9a-f]{16}$/, 'invalid_value'),
        mapping: ColumnMappingSchema
      })
      .strict(),
    output: z.object({ saved: z.boolean() })
  },
  'import.preview': {
    input: z
      .object({
        /** Chosen by the caller so it can cancel while the preview runs. */
        planId: PlanId.optional(),
        fileId: FileId,
        itemsFileId: FileId.optional(),
        preset: z.enum(IMPORT_PRESETS).optional(),
        mapping: ColumnMappingSchema.optional(),
        itemsMapping: ColumnMappingSchema.optional(),
        shopId: z.number().int().positive().optional(),
        onDuplicate: z.enum(['skip', 'update']).optional()
      })
      .strict(),
    output: z.object({
      planId: PlanId,
      rowsRead: z.number().int(),
      counts: Counts,
      /** At most {@link REJECTED_ROWS_SHOWN}; `rejectedTotal` counts them all. */
      rejected: z.array(RejectedRowView),
      rejectedTotal: z.number().int(),
      /** Rejected rows per file: which rejected-rows sheets have anything to download. */
      rejectedBySource: z.object({ orders: z.number().int(), items: z.number().int() }),
      /**
       * Rows of orders that import with a change (a remark cut to its limit): the order is kept,
       * the row says what changed. At most {@link REJECTED_ROWS_SHOWN}; `warningsTotal` counts all.
       */
      warnings: z.array(RejectedRowView),
      warningsTotal: z.number().int(),
      elapsedMs: z.number().int(),
      expiresAt: z.number().int()
    })
  },
  'import.cancel': {
    input: z.object({ planId: PlanId }).strict(),
    output: z.object({ cancelled: z.boolean() })
  },
  'import.commit': {
    input: z.object({ planId: PlanId, onDuplicate: z.enum(['skip', 'update']) }).strict(),
    output: z.object({
      accepted: z.number().int(),
      updated: z.number().int(),
      unchanged: z.number().int(),
      rejectedRows: z.number().int(),
      elapsedMs: z.number().int(),
      /**
       * Every order the commit inserted or updated (the app's order ids), so a caller can select
       * them, e.g. print step 1 taking the first 5000 in list order. Never truncated: an order
       * spans at least one row, so the import's row limit bounds it.
       */
      orderIds: z.array(z.number().int().positive()).max(IMPORT_MAX_ORDERS)
    })
  },
  'import.rejectedSheet': {
    input: z
      .object({
        planId: PlanId,
        format: z.enum(['xlsx', 'csv']),
        source: z.enum(['orders', 'items']).optional(),
        lang: z.enum(['zh-CN', 'en-US']).optional()
      })
      .strict(),
    output: z.object({ fileId: FileId, fileName: z.string(), rows: z.number().int() })
  },
  'import.template': {
    input: z.object({}).strict(),
    output: z.object({ fileId: FileId, fileName: z.string() })
  }
} as const satisfies Record<string, MethodSpec>

export const importEvents = {
  'import.progress': z.object({
    planId: PlanId,
    phase: z.enum(['reading', 'checking', 'writing', 'done']),
    rowsRead: z.number().int(),
    /** Set while writing: rowsRead is then the orders written of this many. */
    rowsTotal: z.number().int().optional(),
    rowsPerSecond: z.number().int(),
    bytesRead: z.number().int(),
    bytesTotal: z.number().int()
  })
} as const
