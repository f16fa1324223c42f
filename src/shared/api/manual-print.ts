import { z } from 'zod'
import { Empty, type MethodSpec } from './common'
import { QUEUE_STOP_REASONS } from '../queue-stop-reasons'

const OrderIds = z.array(z.number().int().positive()).min(1, 'required').max(100_000, 'too_large')
const Carrier = z.string().trim().min(1, 'required').max(20)
const Template = z.enum(['76x130', '100x150', '100x180'])
export const HOLD_REASON = z.enum([
  'not_found',
  'no_address',
  'closed',
  'refund',
  /** The sheet says 已发货 / 部分发货, or it shipped here (FIRST_SHIPMENT_COUNTS). */
  'shipped',
  'already_printed',
  /** Its label waits in a printer's queue: not printed yet, and it keeps its number. */
  'in_queue'
])

const Held = z.object({
  orderId: z.number().int(),
  platformOrderId: z.string(),
  reason: HOLD_REASON
})

export const PrintedFilterInput = z
  .object({
    query: z.string().trim().max(100, 'too_long').default(''),
    carrier: z.string().max(20).optional(),
    shipped: z.boolean().optional(),
    verified: z.boolean().optional(),
    includeVoided: z.boolean().default(false),
    /** The user's selection; when absent, everything the filter matches. */
    packageIds: z.array(z.number().int().positive()).max(100_000).optional()
  })
  .strict()

export const PrintedRowView = z.object({
  packageId: z.number().int(),
  orderId: z.number().int(),
  platformOrderId: z.string(),
  /** This package's place among its order's live packages, and their number (包裹 2/3). */
  packageIndex: z.number().int(),
  packageCount: z.number().int(),
  receiverName: z.string(),
  receiverPhone: z.string(),
  region: z.string(),
  items: z.string(),
  carrier: z.string(),
  carrierName: z.string(),
  trackingNumber: z.string(),
  printState: z.string(),
  printedAt: z.number().int().nullable(),
  printCount: z.number().int(),
  verified: z.boolean(),
  /** Scan-back said 贴错了 for this order and no check passed since: ship asks first. */
  mislabelled: z.boolean(),
  shipped: z.boolean(),
  syncState: z.string()
})
export type PrintedRowView = z.infer<typeof PrintedRowView>

export const EXPORT_COLUMN = z.enum([
  'platformOrderId',
  'receiverName',
  'receiverPhone',
  'address',
  'items',
  'carrier',
  'trackingNumber',
  'printedAt',
  'sequence',
  'printCount',
  'verified',
  'shipped'
])

/** 订单号, 收货人, 手机, 地址, 商品, 快递公司, 运单号, 打印时间: the export a packer gets without choosing. */
export const DEFAULT_EXPORT_COLUMNS: readonly z.infer<typeof EXPORT_COLUMN>[] = [
  'platformOrderId',
  'receiverName',
  'receiverPhone',
  'address',
  'items',
  'carrier',
  'trackingNumber',
  'printedAt'
]

/** Stands in for the tracking number on a preview: Code128-safe, and plainly not a real one. */
export const PREVIEW_TRACKING_NUMBER = 'PREVIEW-NOT-ALLOCATED'

const PrintTarget = {
  carrier: Carrier,
  template: Template.default('76x130'),
  printerId: z.number().int().positive(),
  maskPrivacy: z.boolean().default(true)
}

const BatchId = z.object({ batchId: z.string().trim().min(1, 'required').max(64) }).strict()
const BatchControl = z.object({
  batchId: z.string(),
  paused: z.boolean(),
  cancelled: z.boolean(),
  allocated: z.number().int(),
  total: z.number().int()
})

const BatchProgress = z.object({
  batchId: z.string(),
  allocated: z.number().int(),
  total: z.number().int(),
  held: z.number().int(),
  done: z.boolean(),
  error: z.string().nullable(),
  paused: z.boolean(),
  cancelled: z.boolean()
})

/** A batch as the print page re-attaches to it after the packer left the page and came back. */
const CurrentBatch = z.object({
  batchId: z.string(),
  printerId: z.number().int(),
  /** Every order the packer asked for, in print order (held ones included). */
  orders: z.array(
    z.object({
      orderId: z.number().int(),
      platformOrderId: z.string(),
      /** Masked (张*), as the batch table shows it. */
      receiverName: z.string(),
      region: z.string()
    })
  ),
  held: z.array(Held),
  /** Each eligible order's label as far as it got (no entry: no number drawn yet). */
  labels: z.array(
    z.object({
      orderId: z.number().int(),
      packageId: z.number().int(),
      state: z.enum(['queued', 'sending', 'sent', 'confirmed', 'failed', 'voided']),
      trackingNumber: z.string().nullable()
    })
  ),
  progress: BatchProgress,
  /** Why the batch's printer waits (a fault or the packer's Pause); null while it prints. */
  stop: z
    .object({ reason: z.enum(QUEUE_STOP_REASONS).nullable(), detail: z.string().nullable() })
    .nullable()
})

export const manualPrintApi = {
  'print.check': {
    input: z.object({ orderIds: OrderIds, carrier: Carrier }).strict(),
    output: z.object({
      eligible: z.array(z.number().int()),
      held: z.array(Held),
      /** Labels (packages) each eligible order prints, parallel to `eligible`. */
      labels: z.array(z.number().int()),
      /** Every label of the eligible orders: "3 单 · 5 个包裹". */
      packages: z.number().int(),
      /** Labels that still need a tracking number. */
      needNumbers: z.number().int(),
      available: z.number().int()
    })
  },
  'print.start': {
    input: z.object({ orderIds: OrderIds, ...PrintTarget }).strict(),
    output: z.object({
      batchId: z.string(),
      accepted: z.number().int(),
      held: z.array(Held),
      /** Labels each accepted order prints, in print order: a split order prints one per package. */
      labels: z.array(z.number().int()),
      jobIds: z.array(z.string())
    })
  },
  /** Stops the batch's printer after the label in flight; no more numbers are drawn meanwhile. */
  'print.pause': { input: BatchId, output: BatchControl },
  /** Goes on from the first unconfirmed label (one awaiting the packer's answer stops it again). */
  'print.resume': { input: BatchId, output: BatchControl },
  /**
   * Labels not sent are voided (their packages keep their tracking numbers, so a later print
   * reuses them); orders not reached get none; the label in flight finishes.
   */
  'print.cancel': {
    input: BatchId,
    output: BatchControl.extend({
      voided: z.number().int(),
      /** A label sent before a printer fault, still waiting for the packer's answer. */
      unconfirmed: z.number().int(),
      /** Orders the batch had not drawn a number for. */
      notStarted: z.number().int()
    })
  },
  /**
   * The batch the print page shows when it opens: the latest one, running or finished, until the
   * packer starts another or dismisses its summary; null when there is none (or after a restart).
   */
  'print.currentBatch': { input: Empty, output: z.object({ batch: CurrentBatch.nullable() }) },
  /** The packer closed the batch's summary (再打一批 / 重打): the page no longer re-attaches to it. */
  'print.dismissBatch': { input: BatchId, output: z.object({ dismissed: z.boolean() }) },
  'print.scan': {
    input: z
      .object({ code: z.string().trim().min(1, 'required').max(128, 'too_long'), ...PrintTarget })
      .strict(),
    output: z.object({
      result: z.enum(['printed', 'already_printed', 'held', 'not_found']),
      orderId: z.number().int().nullable(),
      platformOrderId: z.string().nullable(),
      trackingNumber: z.string().nullable(),
      reason: HOLD_REASON.nullable(),
      /** The printed label's package and queue job: 'printing.progress' tells what became of it. */
      packageId: z.number().int().nullable(),
      jobId: z.string().nullable()
    })
  },
  'print.reprint': {
    input: z
      .object({
        trackingNumber: z.string().trim().min(1).max(64),
        /** Numbers are unique per carrier only: names the one meant when two carriers share it. */
        carrier: Carrier.optional(),
        printerId: z.number().int().positive(),
        template: Template.default('76x130'),
        maskPrivacy: z.boolean().default(true),
        /**
         * The packer confirmed reprinting a label of a shipped order (FIRST_SHIPMENT_COUNTS):
         * without it such a reprint is refused, so it is never a side effect of a scan.
         */
        shipped: z.boolean().default(false)
      })
      .strict(),
    output: z.object({ jobId: z.string() })
  },
  /**
   * The first labels of a batch as they will print, for step 2's preview. Nothing is allocated:
   * an order without a number shows {@link PREVIEW_TRACKING_NUMBER}, a printed one its own.
   */
  'print.preview': {
    input: z
      .object({
        orderIds: z.array(z.number().int().positive()).min(1, 'required').max(3, 'too_large'),
        carrier: Carrier.nullable().default(null),
        template: Template.default('76x130'),
        dpi: z.union([z.literal(203), z.literal(300)]).default(203),
        maskPrivacy: z.boolean().default(true)
      })
      .strict(),
    output: z.object({
      labels: z.array(
        z.object({
          orderId: z.number().int(),
          platformOrderId: z.string(),
          trackingNumber: z.string(),
          /** False: the number is the placeholder, the real one is drawn when the label prints. */
          allocated: z.boolean(),
          dataUrl: z.string(),
          width: z.number().int(),
          height: z.number().int()
        })
      )
    })
  },
  'printed.list': {
    input: z
      .object({
        filter: PrintedFilterInput,
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(100),
        /** Receiver name and phone in full; masked (张*, 138****1234) unless asked (invariant 9). */
        full: z.boolean().default(false)
      })
      .strict(),
    output: z.object({ total: z.number().int(), rows: z.array(PrintedRowView) })
  },
  'printed.verify': {
    input: z
      .object({
        trackingNumber: z.string().trim().min(1, 'required').max(64),
        expectedOrderId: z.number().int().positive().nullable().default(null),
        carrier: Carrier.optional(),
        /** The carrier chosen on the page: decides a number two carriers share, filters nothing. */
        preferCarrier: Carrier.optional()
      })
      .strict(),
    output: z.object({
      result: z.enum(['verified', 'wrong_order', 'not_found', 'voided']),
      orderId: z.number().int().nullable(),
      platformOrderId: z.string().nullable(),
      packageId: z.number().int().nullable()
    })
  },
  'printed.void': {
    input: z
      .object({ trackingNumber: z.string().trim().min(1).max(64), carrier: Carrier.optional() })
      .strict(),
    output: z.object({ orderId: z.number().int() })
  },
  'printed.export': {
    input: z
      .object({
        filter: PrintedFilterInput,
        format: z.enum(['xlsx', 'csv']).default('xlsx'),
        encoding: z.enum(['utf8bom', 'gbk']).default('utf8bom'),
        columns: z.array(EXPORT_COLUMN).min(1).optional(),
        /** Receiver name and phone in full; both masked by default, as in the list and on labels. */
        fullPhone: z.boolean().default(false),
        preset: z.enum(['default', 'platform-upload']).default('default')
      })
      .strict(),
    output: z.object({ fileId: z.string(), name: z.string(), rows: z.number().int() })
  },
  'printed.packingSheet': {
    input: z
      .object({
        filter: PrintedFilterInput,
        /** packing: 发货单, one row per package; picking: 拣货单, one row per SKU (rows = SKUs). */
        kind: z.enum(['packing', 'picking']).default('packing'),
        /** The 发货单 masks the receiver's name and phone (张*, 138****1234) as labels do. */
        maskPrivacy: z.boolean().default(true)
      })
      .strict(),
    output: z.object({
      fileId: z.string(),
      name: z.string(),
      rows: z.number().int(),
      pages: z.number().int()
    })
  },
  'ship.orders': {
    input: z.object({ orderIds: OrderIds }).strict(),
    output: z.object({
      outcomes: z.array(
        z.object({
          orderId: z.number().int(),
          platformOrderId: z.string(),
          result: z.enum([
            'shipped',
            'already_shipped',
            'not_printed',
            'not_found',
            'refund',
            'closed',
            'demo'
          ]),
          trackingNumber: z.string().nullable(),
          /** Why a refused order did not ship (its state, and the rule id where one applies). */
          reason: z.string().nullable()
        })
      )
    })
  }
} as const satisfies Record<string, MethodSpec>

export const manualPrintEvents = {
  'print.batch': BatchProgress
} as const
