import { z } from 'zod'
import { normalizePrinterUri, printerUriProblem, printerUriKind } from '../printer-uri'
import { QUEUE_STOP_REASONS } from '../queue-stop-reasons'
import { Empty, Id, type MethodSpec } from './common'

export const PRINTER_LANGUAGES = ['escpos', 'tspl', 'zpl', 'png'] as const
export type PrinterLanguage = (typeof PRINTER_LANGUAGES)[number]
export const PRINTER_DPIS = [203, 300] as const
/**
 * TSPL/ZPL only: 'barcodes' sends the Code128 and QR as the printer's own barcode commands
 * over the raster of the rest; 'off' sends the whole label as one raster. Text always stays raster.
 */
export const NATIVE_MODES = ['off', 'barcodes'] as const
/**
 * Whether the station asks the printer's status: 'auto' asks unless the printer turns out never
 * to answer (a one-way print server or bridge); 'off' never asks (labels count as sent once the
 * link took them, scan-back is the check). See src/main/core/printing/status-check.ts.
 */
export const STATUS_MODES = ['auto', 'off'] as const
/** What the station learned: 'mute' = it never answered a status query, so it cannot report paper-out. */
export const STATUS_REPLIES = ['unknown', 'answered', 'mute'] as const
/** Label stock sizes; each is also the id of the built-in template for it. */
export const LABEL_SIZES = ['76x130', '100x150', '100x180'] as const
export const TEMPLATE_IDS = LABEL_SIZES
export const PRINTER_STATES = [
  'ready',
  'offline',
  'paper_out',
  'cover_open',
  'head_hot',
  'unknown',
  /** Something answered at the address, but not with a label printer's status reply. */
  'not_a_printer'
] as const
export const PRINT_RECORD_STATES = [
  'queued',
  'sending',
  'sent',
  'confirmed',
  'failed',
  'voided'
] as const

const Dpi = z.union([z.literal(203), z.literal(300)], { message: 'dpi_invalid' })
const Offset = z
  .number({ message: 'integer_required' })
  .int('integer_required')
  .min(-400, 'offset_range')
  .max(400, 'offset_range')

const PrinterFields = z
  .object({
    name: z.string().trim().min(1, 'required').max(40, 'too_long'),
    // A bare IP or IP:port means the printer's raw TCP port (tcp://IP:9100).
    uri: z.string().trim().min(1, 'required').max(300, 'too_long').transform(normalizePrinterUri),
    language: z.enum(PRINTER_LANGUAGES),
    dpi: Dpi,
    labelSize: z.enum(LABEL_SIZES),
    darkness: z
      .number({ message: 'integer_required' })
      .int('integer_required')
      .min(0, 'darkness_range')
      .max(15, 'darkness_range')
      .default(8),
    offsetXDots: Offset.default(0),
    offsetYDots: Offset.default(0),
    nativeMode: z.enum(NATIVE_MODES).default('off'),
    /** Absent: 'auto' for a new printer, the stored mode on an update. */
    statusMode: z.enum(STATUS_MODES).optional()
  })
  .strict()

/** The address must parse, and the preview printer (and only it) speaks png. */
function checkPrinter(value: { uri: string; language: string }, ctx: z.RefinementCtx): void {
  const problem = printerUriProblem(value.uri)
  if (problem) {
    ctx.addIssue({ code: 'custom', path: ['uri'], message: problem })
    return
  }
  const preview = printerUriKind(value.uri) === 'preview'
  if (preview && value.language !== 'png') {
    ctx.addIssue({ code: 'custom', path: ['language'], message: 'language_preview_png' })
  } else if (!preview && value.language === 'png') {
    ctx.addIssue({ code: 'custom', path: ['language'], message: 'language_png_preview' })
  }
}

export const PrinterInput = PrinterFields.superRefine(checkPrinter)
export const PrinterUpdate = PrinterFields.extend({ id: z.number().int().positive() })
  .strict()
  .superRefine(checkPrinter)

export const Printer = z.object({
  id: z.number().int(),
  name: z.string(),
  uri: z.string(),
  kind: z.enum(['tcp', 'lp', 'file', 'preview']),
  language: z.enum(PRINTER_LANGUAGES),
  dpi: z.union([z.literal(203), z.literal(300)]),
  labelSize: z.enum(LABEL_SIZES),
  darkness: z.number().int(),
  offsetXDots: z.number().int(),
  offsetYDots: z.number().int(),
  /** Absent reads as 'off' (views built before the field existed). */
  nativeMode: z.enum(NATIVE_MODES).optional(),
  /** Absent reads as 'auto'. */
  statusMode: z.enum(STATUS_MODES).optional(),
  /** 'mute' (or statusMode 'off'): the printer cannot report paper-out; Settings says so. */
  statusReplies: z.enum(STATUS_REPLIES).optional(),
  isDefault: z.boolean(),
  /** Where the preview printer writes its PNGs (absolute), for "open folder". */
  previewDir: z.string().nullable()
})

export const PrinterStatus = z.object({
  id: z.number().int(),
  state: z.enum(PRINTER_STATES),
  /** Every condition the printer reported (English, for the log and a tooltip). */
  conditions: z.array(z.string()),
  /** False for links that cannot answer (OS queue, preview folder): the state is then a best guess. */
  canQuery: z.boolean(),
  /** A job is printing; the state is the queue's last known one (no query was sent mid-job). */
  busy: z.boolean(),
  paused: z.boolean(),
  pauseReason: z.string().nullable(),
  checkedAt: z.number()
})

export const LabelResult = z.object({
  recordId: z.number().int(),
  packageId: z.number().int(),
  trackingNumber: z.string(),
  state: z.enum(PRINT_RECORD_STATES),
  error: z.string().nullable()
})

export const PrintJobResult = z.object({
  jobId: z.string(),
  printer: z.string(),
  labels: z.array(LabelResult),
  /** The queue stopped (a fault or a link error); the labels not done resume from the first unconfirmed. */
  paused: z.boolean(),
  pauseReason: z.string().nullable(),
  printerState: z.enum(PRINTER_STATES).nullable()
})

/**
 * A test print: one sample label (number TEST-000000, marked 打印测试) straight to the printer.
 * It is not an order: nothing is recorded, no number is taken from a pool.
 */
export const TestPrintResult = z.object({
  printer: z.string(),
  trackingNumber: z.string(),
  /**
   * printed: the printer said ready after it; sent: the link took every byte but the printer
   * cannot say (one-way link, status off, or found mute by this test); failed: see `cause`.
   */
  outcome: z.enum(['printed', 'sent', 'failed']),
  /** Why it failed, as a code the UI puts in words (连接被拒绝 / 无响应 / 缺纸 …). */
  cause: z.enum(QUEUE_STOP_REASONS).nullable(),
  printerState: z.enum(PRINTER_STATES).nullable(),
  /** The core's own account (English), for the log and a tooltip. */
  reason: z.string().nullable(),
  /** The printer never answers status queries (or they are off): it cannot report paper-out. */
  cannotReport: z.boolean()
})

export const PendingLabel = z.object({
  recordId: z.number().int(),
  packageId: z.number().int(),
  trackingNumber: z.string(),
  printer: z.string(),
  orderId: z.number().int(),
  platformOrderId: z.string(),
  sentAt: z.number()
})

const TrackingNumber = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,40}$/, 'tracking_number_chars')

export const printersApi = {
  'printers.list': { input: Empty, output: z.object({ printers: z.array(Printer) }) },
  'printers.add': { input: PrinterInput, output: Printer },
  'printers.update': { input: PrinterUpdate, output: Printer },
  'printers.remove': { input: Id, output: z.object({ id: z.number().int() }) },
  'printers.setDefault': { input: Id, output: Printer },
  /** Prints one label with sample data through the printer's queue and waits for its outcome. */
  /** Prints one sample label straight to the printer (no order, no record) and says what happened. */
  'printers.test': { input: Id, output: TestPrintResult },
  'printers.status': { input: Id, output: PrinterStatus },
  'labels.preview': {
    input: z
      .object({
        templateId: z.enum(TEMPLATE_IDS),
        dpi: Dpi.default(203),
        trackingNumber: TrackingNumber.optional(),
        /** Sample data shows a realistic two-parcel order unless this is given. */
        packageCount: z.number().int().min(1).max(20).optional(),
        maskPrivacy: z.boolean().default(true)
      })
      .strict(),
    output: z.object({
      dataUrl: z.string(),
      width: z.number().int(),
      height: z.number().int(),
      templateId: z.enum(TEMPLATE_IDS),
      dpi: z.number().int()
    })
  },
  /**
   * Labels a crash left in `sending`, and a label a live queue sent whole before the printer
   * faulted: the user says whether each one came out.
   */
  'printing.pending': { input: Empty, output: z.object({ labels: z.array(PendingLabel) }) },
  'printing.confirm': {
    input: z.object({ recordId: z.number().int().positive(), printed: z.boolean() }).strict(),
    output: z.object({
      recordId: z.number().int(),
      state: z.enum(PRINT_RECORD_STATES)
    })
  },
  /** After a fault (paper out, cover open) the packer fixes the printer and resumes its queue. */
  'printers.resume': {
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: z.null()
  }
} as const satisfies Record<string, MethodSpec>

const ProgressBase = { printerId: z.number().int(), printer: z.string() }

export const PrintProgress = z.discriminatedUnion('type', [
  z.object({
    ...ProgressBase,
    type: z.literal('job'),
    jobId: z.string(),
    state: z.enum(['queued', 'done', 'cancelled']),
    labels: z.number().int()
  }),
  z.object({
    ...ProgressBase,
    type: z.literal('label'),
    jobId: z.string(),
    recordId: z.number().int(),
    packageId: z.number().int(),
    trackingNumber: z.string(),
    index: z.number().int(),
    count: z.number().int(),
    state: z.enum(PRINT_RECORD_STATES),
    error: z.string().optional()
  }),
  z.object({
    ...ProgressBase,
    type: z.literal('paused'),
    reason: z.string(),
    /** The reason as a code the UI puts in words (see queue-stop-reasons.ts). */
    cause: z.enum(QUEUE_STOP_REASONS).optional(),
    status: z.enum(PRINTER_STATES).optional(),
    jobId: z.string().optional(),
    recordId: z.number().int().optional(),
    /** A label sent whole before the printer faulted: the packer says whether it came out. */
    confirm: z
      .object({
        recordId: z.number().int(),
        packageId: z.number().int(),
        trackingNumber: z.string(),
        jobId: z.string()
      })
      .optional()
  }),
  z.object({ ...ProgressBase, type: z.literal('resumed') })
])

export const printingEvents = {
  /** Every queue's progress: jobs, labels, pauses; the renderer shows "3 / 20" and faults. */
  'printing.progress': PrintProgress,
  /** Labels awaiting crash confirmation changed (after a confirm). */
  'printing.pendingChanged': z.object({ count: z.number().int() })
} as const

export type PrinterView = z.output<typeof Printer>
export type PrinterStatusView = z.output<typeof PrinterStatus>
export type PrintJobResultView = z.output<typeof PrintJobResult>
export type TestPrintResultView = z.output<typeof TestPrintResult>
export type PrintProgressEvent = z.output<typeof PrintProgress>
