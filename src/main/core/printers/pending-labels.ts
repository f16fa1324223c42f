import type { PrintJobResultView } from '../../../shared/api/printers'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { packageLabelRows, sendingLabels, type PendingLabelRow } from '../db/label-data-repo'
import { getPrintRecord } from '../db/print-records-repo'
import { confirm } from '../printing'
import { openQueues } from './print-service'

/**
 * Labels whose fate only the packer knows: left `sending` by an earlier run (not the ones a live
 * queue is sending right now), and labels a live queue sent whole before the printer faulted.
 */
export function pendingLabels(ctx: CoreContext): PendingLabelRow[] {
  const inFlight = new Set<number>()
  const unconfirmed: PendingLabelRow[] = []
  for (const st of openQueues(ctx)) {
    const snap = st.queue.snapshot()
    for (const job of snap.jobs) {
      for (const label of job.labels) {
        if (!label.done) {
          inFlight.add(label.recordId)
        }
      }
    }
    const doubt = snap.unconfirmed ? getPrintRecord(ctx.db, snap.unconfirmed.recordId) : undefined
    const row = doubt ? packageLabelRows(ctx.db, [doubt.packageId]).get(doubt.packageId) : undefined
    if (doubt && row) {
      unconfirmed.push({
        recordId: doubt.id,
        packageId: doubt.packageId,
        trackingNumber: doubt.trackingNumber,
        printer: doubt.printer,
        orderId: row.orderId,
        platformOrderId: row.platformOrderId,
        sentAt: doubt.updatedAt
      })
    }
  }
  return [...sendingLabels(ctx.db).filter((label) => !inFlight.has(label.recordId)), ...unconfirmed]
}

export function confirmPending(
  ctx: CoreContext,
  recordId: number,
  printed: boolean
): Result<{ recordId: number; state: PrintJobResultView['labels'][number]['state'] }> {
  if (!pendingLabels(ctx).some((label) => label.recordId === recordId)) {
    const record = getPrintRecord(ctx.db, recordId)
    return record
      ? fail('CONFLICT', `Label ${record.trackingNumber} does not wait for confirmation`, {
          state: record.state
        })
      : fail('NOT_FOUND', `Print record ${String(recordId)} does not exist`)
  }
  // A live queue's label is answered through its queue, which then goes on (or resends) on resume.
  const live = openQueues(ctx).find((st) => st.queue.snapshot().unconfirmed?.recordId === recordId)
  if (live) {
    live.queue.confirm(recordId, printed)
  }
  const record = live
    ? (getPrintRecord(ctx.db, recordId) ?? confirm(ctx.db, recordId, printed, ctx.now()))
    : confirm(ctx.db, recordId, printed, ctx.now())
  ctx.emit('printing.pendingChanged', { count: pendingLabels(ctx).length })
  ctx.log.info('print record confirmed after restart', { recordId, printed })
  return ok({ recordId: record.id, state: record.state })
}
