import { findCarrier } from '../../../shared/carriers'
import { maskName, maskPhone } from '../../../shared/phone'
import { regionText } from '../../../shared/regions'
import { ok } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import type { CoreContext } from '../context'
import { countPrinted, listPrinted, type PrintedFilter } from '../db/printed-repo'
import { getOrderRow } from '../db/orders-repo'
import { exportScope } from '../demo/demo-service'
import { checkBatch } from './batch'
import { DEFAULT_EXPORT_COLUMNS, exportPrinted } from './export'
import { writePackingSheet, writePickingList } from './packing-sheet'
import { previewBatch } from './preview'
import { shipOrders, verifyScan, voidPackage } from './printed-service'
import { reprintLabel, scanToPrint } from './scan-print'
import { queueControl } from '../printers/print-service'
import { printerQueues } from '../printers/printer-queues'
import { currentBatchView, type BatchStop } from './current-batch'
import { poolSource } from '../waybills/pool-service'
import {
  cancelBatch,
  dismissBatch,
  pauseBatch,
  resumeBatch,
  startPrintBatch,
  type LabelSink,
  type QueueControl
} from './run-batch'

type Methods =
  | 'print.check'
  | 'print.start'
  | 'print.pause'
  | 'print.resume'
  | 'print.cancel'
  | 'print.currentBatch'
  | 'print.dismissBatch'
  | 'print.scan'
  | 'print.reprint'
  | 'print.preview'
  | 'printed.list'
  | 'printed.verify'
  | 'printed.void'
  | 'printed.export'
  | 'printed.packingSheet'
  | 'ship.orders'

function toFilter(input: {
  query: string
  carrier?: string | undefined
  shipped?: boolean | undefined
  verified?: boolean | undefined
  includeVoided: boolean
  packageIds?: number[] | undefined
}): PrintedFilter {
  return {
    query: input.query,
    carrier: input.carrier,
    shipped: input.shipped,
    verified: input.verified,
    includeVoided: input.includeVoided,
    packageIds: input.packageIds
  }
}

/** Why a printer's queue waits, in the queue view's words (the one place that knows). */
function queueStop(ctx: CoreContext, printerId: number): BatchStop {
  const queues = printerQueues(ctx)
  const queue = queues.ok ? queues.value.queues.find((q) => q.printerId === printerId) : undefined
  return queue && queue.state === 'stopped' ? { reason: queue.reason, detail: queue.detail } : null
}

function stamp(now: number): string {
  const d = new Date(now)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${String(d.getFullYear())}${p(d.getMonth() + 1)}${p(d.getDate())}-${p(d.getHours())}${p(d.getMinutes())}`
}

/**
 * 手工打单: batch and scan-to-print, the Printed list, export and ship. The printer side comes in
 * as a {@link LabelSink} and a {@link QueueControl}, so this domain never touches a queue or a
 * transport itself.
 */
export function createManualPrintHandlers(
  sinkFor: (ctx: CoreContext) => LabelSink,
  controlFor: (ctx: CoreContext) => QueueControl = queueControl
): DomainHandlers<Methods> {
  return {
    'print.check': (ctx, input) => checkBatch(ctx, input.orderIds, input.carrier),
    'print.start': async (ctx, input) => {
      const started = await startPrintBatch(
        ctx,
        sinkFor(ctx),
        input,
        (progress) => {
          ctx.emit('print.batch', progress)
        },
        poolSource,
        controlFor(ctx)
      )
      if (!started.ok) {
        return started
      }
      const { batchId, accepted, held, labels, jobIds } = started.value
      return ok({ batchId, accepted, held, labels, jobIds })
    },
    'print.pause': (ctx, input) => pauseBatch(ctx, controlFor(ctx), input.batchId),
    'print.resume': (ctx, input) => resumeBatch(ctx, controlFor(ctx), input.batchId),
    'print.cancel': (ctx, input) => cancelBatch(ctx, controlFor(ctx), input.batchId),
    'print.currentBatch': (ctx) => ok(currentBatchView(ctx, (id) => queueStop(ctx, id))),
    'print.dismissBatch': (ctx, input) => dismissBatch(ctx, input.batchId),
    'print.scan': (ctx, input) => scanToPrint(ctx, sinkFor(ctx), input),
    'print.reprint': (ctx, input) => reprintLabel(ctx, sinkFor(ctx), input),
    'print.preview': (ctx, input) => previewBatch(ctx, input),
    'printed.list': (ctx, input) => {
      const filter = toFilter(input.filter)
      const rows = listPrinted(ctx.db, filter, input.offset, input.limit)
      return ok({
        total: countPrinted(ctx.db, filter),
        rows: rows.map((r) => ({
          packageId: r.package_id,
          orderId: r.order_id,
          platformOrderId: r.platform_order_id,
          packageIndex: r.package_index,
          packageCount: r.package_count,
          // Masked here, not on screen: what leaves main is what the user may see (invariant 9).
          receiverName: input.full ? r.receiver_name : maskName(r.receiver_name),
          receiverPhone: input.full ? r.receiver_phone : maskPhone(r.receiver_phone),
          region: regionText(r.province, r.city, r.district),
          items: r.items ?? '',
          carrier: r.carrier,
          carrierName: findCarrier(r.carrier)?.name ?? r.carrier,
          trackingNumber: r.tracking_number,
          printState: r.print_state,
          printedAt: r.printed_at,
          printCount: r.print_count,
          verified: r.verified_at !== null,
          mislabelled: r.mislabelled === 1,
          shipped: r.ship_state === 'shipped',
          syncState: r.sync_state
        }))
      })
    },
    'printed.verify': (ctx, input) => {
      const verified = verifyScan(
        ctx,
        input.trackingNumber,
        input.expectedOrderId,
        input.carrier,
        input.preferCarrier
      )
      if (!verified.ok) {
        return verified
      }
      const order =
        verified.value.orderId === null ? undefined : getOrderRow(ctx.db, verified.value.orderId)
      return ok({ ...verified.value, platformOrderId: order?.platform_order_id ?? null })
    },
    'printed.void': (ctx, input) => voidPackage(ctx, input.trackingNumber, input.carrier),
    'printed.export': async (ctx, input) => {
      const name = `${input.preset === 'platform-upload' ? '批量发货' : '已打印'}-${stamp(ctx.now())}.${input.format}`
      const file = await ctx.files.reserve(name)
      const { rows } = await exportPrinted(
        ctx.db,
        exportScope(ctx.db, toFilter(input.filter)),
        {
          format: input.format,
          encoding: input.encoding,
          columns: input.columns ?? DEFAULT_EXPORT_COLUMNS,
          fullPhone: input.fullPhone,
          preset: input.preset
        },
        file.path
      )
      return ok({ fileId: file.fileId, name: file.name, rows })
    },
    'printed.packingSheet': async (ctx, input) => {
      const picking = input.kind === 'picking'
      const file = await ctx.files.reserve(
        `${picking ? '拣货单' : '发货单'}-${stamp(ctx.now())}.pdf`
      )
      const scope = exportScope(ctx.db, toFilter(input.filter))
      const { rows, pages } = picking
        ? await writePickingList(ctx.db, scope, file.path)
        : await writePackingSheet(ctx.db, scope, file.path, {
            maskPrivacy: input.maskPrivacy
          })
      return ok({ fileId: file.fileId, name: file.name, rows, pages })
    },
    'ship.orders': (ctx, input) => {
      const shipped = shipOrders(ctx, input.orderIds)
      return shipped.ok ? ok({ outcomes: shipped.value }) : shipped
    }
  }
}
