import type { PrinterQueueView } from '../../../shared/api/printer-queue'
import { MOVED_PREFIX, stopReason } from '../../../shared/queue-stop-reasons'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { packageOrders, recordErrors } from '../db/print-queue-repo'
import { getPrinter, listPrinters } from '../db/printers-repo'
import { cancelBatchesOn, retargetBatches } from '../manual-print/run-batch'
import type { PrintQueue } from '../printing'
import { openQueues, queueControl, queueFor } from './print-service'

/**
 * The one place that shows each printer's queue (Settings → 打印机 and the indicator in the
 * header): what waits, why, and the packer's retry / move / cancel. Built from the live queues, so
 * the state is the queue's, not the last test print's.
 */
export function printerQueues(ctx: CoreContext): Result<{ queues: PrinterQueueView[] }> {
  const open = new Map(openQueues(ctx).map((entry) => [entry.printerId, entry.queue]))
  return ok({
    queues: listPrinters(ctx.db).map((printer) =>
      queueView(ctx, printer.id, printer.name, open.get(printer.id))
    )
  })
}

function queueView(
  ctx: CoreContext,
  printerId: number,
  name: string,
  queue: PrintQueue | undefined
): PrinterQueueView {
  if (!queue) {
    return {
      printerId,
      printer: name,
      state: 'idle',
      reason: null,
      detail: null,
      printerState: null,
      labels: []
    }
  }
  const snap = queue.snapshot()
  const waiting = snap.jobs.flatMap((job) =>
    job.labels.filter((label) => !label.done).map((label) => ({ ...label, jobId: job.jobId }))
  )
  const orders = packageOrders(
    ctx.db,
    waiting.map((label) => label.packageId)
  )
  const errors = recordErrors(
    ctx.db,
    waiting.map((label) => label.recordId)
  )
  const reason = snap.paused
    ? stopReason(snap.pauseReason, snap.printerState, snap.unconfirmed !== null)
    : null
  // A packer's pause of an empty queue is nothing to show; a fault is, even with nothing waiting.
  const stopped = snap.paused && (waiting.length > 0 || reason !== 'paused')
  return {
    printerId,
    printer: name,
    state: stopped ? 'stopped' : waiting.length > 0 ? 'printing' : 'idle',
    reason: stopped ? reason : null,
    detail: stopped ? snap.pauseReason : null,
    printerState: snap.printerState,
    labels: waiting.map((label) => {
      const order = orders.get(label.packageId)
      return {
        recordId: label.recordId,
        jobId: label.jobId,
        packageId: label.packageId,
        orderId: order?.orderId ?? null,
        platformOrderId: order?.platformOrderId ?? null,
        trackingNumber: label.trackingNumber,
        state: label.state,
        error: errors.get(label.recordId) ?? null
      }
    })
  }
}

/** Nothing left to wait for: the next print tries the printer again instead of sitting paused. */
function settleEmpty(queue: PrintQueue): void {
  const snap = queue.snapshot()
  if (snap.paused && snap.jobs.length === 0 && snap.unconfirmed === null) {
    queue.resume()
  }
}

export function cancelPrinterQueue(
  ctx: CoreContext,
  printerId: number
): Result<{ voided: number; unconfirmed: number }> {
  const found = queueFor(ctx, printerId)
  if (!found.ok) {
    return found
  }
  const { queue } = found.value
  // Batches first, so none draws another number for this printer while its labels are voided.
  cancelBatchesOn(ctx, queueControl(ctx), printerId)
  let voided = 0
  for (const job of queue.snapshot().jobs) {
    voided += queue.cancel(job.jobId)
  }
  const unconfirmed = queue.snapshot().unconfirmed ? 1 : 0
  settleEmpty(queue)
  ctx.log.info('printer queue cancelled', { printerId, voided, unconfirmed })
  return ok({ voided, unconfirmed })
}

export function movePrinterQueue(
  ctx: CoreContext,
  from: number,
  to: number
): Result<{ moved: number; unconfirmed: number }> {
  if (from === to) {
    return fail('VALIDATION', 'Choose another printer to move the labels to', {
      issues: [{ path: 'to', code: 'same_printer', message: 'same printer' }]
    })
  }
  if (!getPrinter(ctx.db, to)) {
    return fail('NOT_FOUND', `Printer ${String(to)} does not exist`)
  }
  const source = queueFor(ctx, from)
  if (!source.ok) {
    return source
  }
  const target = queueFor(ctx, to)
  if (!target.ok) {
    return target
  }
  settleEmpty(target.value.queue)
  const taken = source.value.queue.detach(`${MOVED_PREFIX}${target.value.printer.name}`)
  const carried = new Map<string, string>()
  let moved = 0
  for (const { jobId, request } of taken) {
    // The same label data: the package keeps its tracking number (invariant 2). Its record on the
    // old printer is voided first, so the new one is its only queued record.
    const queued = target.value.queue.enqueue(request)
    carried.set(jobId, queued.jobId)
    moved += request.labels.length
  }
  retargetBatches(ctx, from, to, carried)
  const unconfirmed = source.value.queue.snapshot().unconfirmed ? 1 : 0
  settleEmpty(source.value.queue)
  ctx.log.info('printer queue moved', { from, to, moved, unconfirmed })
  return ok({ moved, unconfirmed })
}
