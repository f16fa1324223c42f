import { z } from 'zod'
import { Empty, type MethodSpec } from './common'
import { QUEUE_STOP_REASONS } from '../queue-stop-reasons'
import { PRINT_RECORD_STATES, PRINTER_STATES } from './printers'

export const QueueLabel = z.object({
  recordId: z.number().int(),
  jobId: z.string(),
  packageId: z.number().int(),
  orderId: z.number().int().nullable(),
  platformOrderId: z.string().nullable(),
  trackingNumber: z.string(),
  /** queued: waits its turn; sending: in flight; sent: out whole, awaiting the printer or the packer; failed: did not leave. */
  state: z.enum(PRINT_RECORD_STATES),
  /** The link's own words for a failed label (English, for a tooltip and the log). */
  error: z.string().nullable()
})

export const PrinterQueue = z.object({
  printerId: z.number().int(),
  printer: z.string(),
  /** printing: labels are going out; stopped: the queue waits (see reason); idle: nothing waits. */
  state: z.enum(['idle', 'printing', 'stopped']),
  reason: z.enum(QUEUE_STOP_REASONS).nullable(),
  /** The raw cause (English), for the tooltip. */
  detail: z.string().nullable(),
  printerState: z.enum(PRINTER_STATES).nullable(),
  /** Labels not printed yet, in print order. */
  labels: z.array(QueueLabel)
})

const PrinterId = z.object({ id: z.number().int().positive() }).strict()

export const printerQueueApi = {
  /** Every printer's queue: what waits, why, in print order. */
  'printers.queues': { input: Empty, output: z.object({ queues: z.array(PrinterQueue) }) },
  /**
   * Voids every label of the printer's queue that has not left; the packages keep their tracking
   * numbers (invariant 2), so printing them later reuses them. Batches on it stop drawing numbers.
   */
  'printers.queueCancel': {
    input: PrinterId,
    output: z.object({ voided: z.number().int(), unconfirmed: z.number().int() })
  },
  /**
   * Moves the labels that have not left to another printer, with the same label data and tracking
   * numbers; running batches follow. A label awaiting the packer's answer stays.
   */
  'printers.queueMove': {
    input: z
      .object({ from: z.number().int().positive(), to: z.number().int().positive() })
      .strict(),
    output: z.object({ moved: z.number().int(), unconfirmed: z.number().int() })
  }
} as const satisfies Record<string, MethodSpec>

export type PrinterQueueView = z.output<typeof PrinterQueue>
export type QueueLabelView = z.output<typeof QueueLabel>
