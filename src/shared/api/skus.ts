import { z } from 'zod'
import { type MethodSpec } from './common'
import { FileId, PlanId } from './import'

/**
 * The SKU catalogue (Settings → 商品, issue 11 item 2): per SKU the facts the split plan needs
 * when an order sheet does not say them. Import travels like the order import: a file by id, a
 * checked sheet kept in main as a plan between preview and commit.
 */

/** The columns a SKU sheet can fill, in the order the mapping screen lists them. */
export const SKU_FIELD_NAMES = [
  'sku',
  'title',
  'weight',
  'length',
  'width',
  'height',
  'warehouse',
  'temperatureZone'
] as const
export type SkuFieldName = (typeof SKU_FIELD_NAMES)[number]

export const SkuMappingSchema = z.partialRecord(
  z.enum(SKU_FIELD_NAMES),
  z.string().max(200, 'too_long')
)

const Zone = z.enum(['ambient', 'chilled', 'frozen'])
const Mm = z.number().int().min(0).max(10_000).nullable()

export const SkuView = z.object({
  sku: z.string(),
  title: z.string(),
  weightG: z.number().int().nullable(),
  lengthMm: z.number().int().nullable(),
  widthMm: z.number().int().nullable(),
  heightMm: z.number().int().nullable(),
  warehouse: z.string().nullable(),
  temperatureZone: Zone.nullable(),
  updatedAt: z.number().int()
})
export type SkuView = z.infer<typeof SkuView>

export const SkuTableView = z.object({
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  encoding: z.string().nullable(),
  headerRow: z.number().int(),
  headers: z.array(z.string()),
  mapping: SkuMappingSchema,
  missing: z.array(z.enum(SKU_FIELD_NAMES)),
  sample: z.array(z.array(z.string()))
})
export type SkuTableView = z.infer<typeof SkuTableView>

export const SkuRejectedRowView = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  reason: z.string(),
  reasonZh: z.string()
})
export type SkuRejectedRowView = z.infer<typeof SkuRejectedRowView>

/** Rows one window call returns at most: a virtualized table asks for what it shows. */
export const SKU_WINDOW_MAX = 500
/** Rejected rows sent to the screen; the downloadable sheet has all of them. */
export const SKU_REJECTED_SHOWN = 1000

const Search = z.string().max(100, 'too_long').optional()

export const skusApi = {
  'skus.window': {
    input: z
      .object({
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(SKU_WINDOW_MAX),
        search: Search
      })
      .strict(),
    output: z.object({ rows: z.array(SkuView), total: z.number().int() })
  },
  'skus.count': {
    input: z.object({ search: Search }).strict(),
    output: z.object({ total: z.number().int() })
  },
  'skus.update': {
    input: z
      .object({
        sku: z.string().min(1, 'required').max(100, 'too_long'),
        title: z.string().max(300, 'too_long'),
        weightG: z.number().int().min(0).max(1_000_000).nullable(),
        lengthMm: Mm,
        widthMm: Mm,
        heightMm: Mm,
        warehouse: z.string().trim().max(50, 'too_long').nullable(),
        temperatureZone: Zone.nullable()
      })
      .strict(),
    output: z.object({ sku: SkuView })
  },
  'skus.delete': {
    input: z.object({ sku: z.string().min(1, 'required').max(100, 'too_long') }).strict(),
    output: z.object({ deleted: z.boolean() })
  },
  'skus.importInspect': {
    input: z.object({ fileId: FileId, mapping: SkuMappingSchema.optional() }).strict(),
    output: SkuTableView
  },
  'skus.importPreview': {
    input: z.object({ fileId: FileId, mapping: SkuMappingSchema.optional() }).strict(),
    output: z.object({
      planId: PlanId,
      table: SkuTableView,
      rowsRead: z.number().int(),
      accepted: z.number().int(),
      rejectedRows: z.number().int(),
      /** At most {@link SKU_REJECTED_SHOWN}; `rejectedTotal` counts them all. */
      rejected: z.array(SkuRejectedRowView),
      rejectedTotal: z.number().int(),
      elapsedMs: z.number().int(),
      expiresAt: z.number().int()
    })
  },
  'skus.importCommit': {
    input: z.object({ planId: PlanId }).strict(),
    output: z.object({
      imported: z.number().int(),
      created: z.number().int(),
      updated: z.number().int(),
      rejectedRows: z.number().int(),
      elapsedMs: z.number().int()
    })
  },
  'skus.rejectedSheet': {
    input: z
      .object({
        planId: PlanId,
        format: z.enum(['xlsx', 'csv']),
        lang: z.enum(['zh-CN', 'en-US']).optional()
      })
      .strict(),
    output: z.object({ fileId: FileId, fileName: z.string(), rows: z.number().int() })
  }
} as const satisfies Record<string, MethodSpec>
