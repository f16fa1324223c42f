import { ok } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import { confirmPending, pendingLabels } from './pending-labels'
import { resumePrinter } from './print-service'
import { printerStatus } from './printer-status-light'
import { testPrinter } from './test-print'
import {
  addPrinterFrom,
  listPrinterViews,
  previewLabel,
  removePrinterById,
  setDefaultPrinterById,
  updatePrinterFrom
} from './printers-service'

export const printersHandlers: DomainHandlers<
  | 'printers.list'
  | 'printers.add'
  | 'printers.update'
  | 'printers.remove'
  | 'printers.setDefault'
  | 'printers.test'
  | 'printers.status'
  | 'labels.preview'
  | 'printing.pending'
  | 'printing.confirm'
  | 'printers.resume'
> = {
  'printers.list': (ctx) => listPrinterViews(ctx),
  'printers.add': addPrinterFrom,
  'printers.update': updatePrinterFrom,
  'printers.remove': (ctx, input) => removePrinterById(ctx, input.id),
  'printers.setDefault': (ctx, input) => setDefaultPrinterById(ctx, input.id),
  'printers.test': (ctx, input) => testPrinter(ctx, input.id),
  'printers.status': (ctx, input) => printerStatus(ctx, input.id),
  'labels.preview': previewLabel,
  'printing.pending': (ctx) => ok({ labels: pendingLabels(ctx) }),
  'printing.confirm': (ctx, input) => confirmPending(ctx, input.recordId, input.printed),
  'printers.resume': (ctx, input) => resumePrinter(ctx, input.id)
}
