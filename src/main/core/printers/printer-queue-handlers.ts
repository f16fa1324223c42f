import type { DomainHandlers } from '../api/handler-types'
import { cancelPrinterQueue, movePrinterQueue, printerQueues } from './printer-queues'

export const printerQueueHandlers: DomainHandlers<
  'printers.queues' | 'printers.queueCancel' | 'printers.queueMove'
> = {
  'printers.queues': (ctx) => printerQueues(ctx),
  'printers.queueCancel': (ctx, input) => cancelPrinterQueue(ctx, input.id),
  'printers.queueMove': (ctx, input) => movePrinterQueue(ctx, input.from, input.to)
}
