import type { MethodOutput } from '../../../shared/contract'
import { MOVED_PREFIX } from '../../../shared/queue-stop-reasons'
import { maskName } from '../../../shared/phone'
import { regionText } from '../../../shared/regions'
import type { CoreContext } from '../context'
import { batchOrders } from '../db/print-batch-repo'
import { listJobRecords } from '../db/print-records-repo'
import { currentBatch } from './run-batch'

type CurrentBatchView = NonNullable<MethodOutput<'print.currentBatch'>['batch']>
type LabelView = CurrentBatchView['labels'][number]
export type BatchStop = CurrentBatchView['stop']

/**
 * The running or last unfinished batch as the print page re-attaches to it: its orders in print
 * order, each label's state from the print records (the queue's own truth, not a replay of
 * events the page missed), and why its printer waits. `stopOf` comes from the printing side.
 */
export function currentBatchView(
  ctx: CoreContext,
  stopOf: (printerId: number) => BatchStop
): { batch: CurrentBatchView | null } {
  const record = currentBatch(ctx)
  if (!record) {
    return { batch: null }
  }
  const orderOf = new Map([...record.packages].map(([orderId, pkg]) => [pkg, orderId]))
  const labels = new Map<number, LabelView>()
  // Records in job order, later ones winning: a label moved to another printer ends up in the
  // job that carries it there, and the voided record it left behind means "waiting there".
  for (const jobId of record.jobIds) {
    for (const r of listJobRecords(ctx.db, jobId)) {
      const orderId = orderOf.get(r.packageId)
      if (orderId === undefined) {
        continue
      }
      const moved = r.state === 'voided' && (r.error ?? '').startsWith(MOVED_PREFIX)
      labels.set(orderId, {
        orderId,
        packageId: r.packageId,
        state: moved ? 'queued' : r.state,
        trackingNumber: r.trackingNumber
      })
    }
  }
  const rows = new Map(batchOrders(ctx.db, record.orderIds).map((row) => [row.id, row]))
  return {
    batch: {
      batchId: record.batchId,
      printerId: record.printerId,
      orders: record.orderIds.map((orderId) => {
        const row = rows.get(orderId)
        return {
          orderId,
          platformOrderId: row?.platform_order_id ?? String(orderId),
          receiverName: row ? maskName(row.receiver_name) : '',
          region: row ? regionText(row.province, row.city, row.district) : ''
        }
      }),
      held: [...record.held],
      labels: [...labels.values()],
      progress: record.progress,
      stop: stopOf(record.printerId)
    }
  }
}
