/**
 * The label engine: templates -> one 1-bit bitmap per label -> ESC/POS, TSPL, ZPL or PNG ->
 * a transport, through a per-printer FIFO queue that records every label before it leaves.
 *
 * Entry points for the hosts (UI page, CLI verbs):
 * - preview: `renderLabel(builtinTemplate(id), data, { dpi })` then `toPng` / `toPdf`.
 * - print:   `createPrintQueue({ db, printer: connectPrinter(config) , onEvent })`, then
 *            `enqueue` / `reprint` / `pause` / `resume` / `cancel` / `snapshot`.
 * - status:  `connectPrinter(config).status()`.
 * - start-up: `recoverAfterRestart(db)` lists the labels to confirm; `confirm(db, id, printed)`.
 */
import type { WritableDB, ReadableDB } from '../db/connection'
import {
  type PrintRecord,
  failInterruptedQueued,
  listSendingRecords,
  resolveSending
} from '../db/print-records-repo'

export { type Bitmap, createBitmap, getPixel, toPng, toRgba, bitmapsEqual } from './bitmap'
export { toPdf } from './pdf'
export {
  type LabelData,
  type LabelParty,
  type LabelItem,
  type FieldOptions,
  labelFields,
  maskName,
  maskPhone,
  groupTrackingNumber,
  formatPrintTime
} from './label-data'
export {
  type LabelTemplate,
  type LabelElement,
  type BoxElement,
  type LineElement,
  type TextElement,
  type Code128Element,
  type QrElement,
  type ImageElement,
  interpolate,
  templateFields
} from './template'
export {
  BUILTIN_TEMPLATES,
  DEFAULT_TEMPLATE_ID,
  WAYBILL_76X130,
  WAYBILL_100X150,
  WAYBILL_100X180,
  builtinTemplate
} from './builtin-templates'
export {
  type Dpi,
  type RenderOptions,
  renderLabel,
  renderFields,
  dotsPerMm,
  labelSizeDots
} from './render'
export { loadLabelFont, findFontFile, FONT_FAMILY } from './glyphs'
export { type EscPosOptions, encodeEscPos, escPosRaster } from './encoders/escpos'
export { type TsplOptions, encodeTspl } from './encoders/tspl'
export { type ZplOptions, encodeZpl, zplGraphicData } from './encoders/zpl'
export {
  type PrinterLanguage,
  type PrinterConfig,
  type PrinterConnection,
  type EncodeOptions,
  encodeLabel,
  connectPrinter,
  effectiveLanguage
} from './printer'
export {
  type PrinterState,
  type PrinterStatus,
  parseEscPosStatus,
  parseTsplStatus,
  parseZplStatus
} from './status'
export {
  type Transport,
  type ParsedPrinterUri,
  TransportError,
  openTransport,
  parsePrinterUri,
  tcpTransport,
  lpTransport,
  deviceFileTransport,
  previewTransport
} from './transports'
export {
  type PrintQueue,
  type PrintQueueOptions,
  type PrintQueueEvent,
  type PrintJobRequest,
  type PrintJobLabel,
  type QueueSnapshot,
  createPrintQueue
} from './print-queue'
export { type PrintRecord, type PrintRecordState, PrintRecordError } from '../db/print-records-repo'

/** Labels left in `sending` by a crash: the bytes may or may not have left. The user decides. */
export function pendingConfirmation(db: ReadableDB): PrintRecord[] {
  return listSendingRecords(db)
}

/**
 * The user's answer for a label from {@link pendingConfirmation}: printed -> confirmed;
 * not printed -> failed, after which the package can be printed again (same tracking number).
 */
export function confirm(
  db: WritableDB,
  recordId: number,
  printed: boolean,
  now: number = Date.now()
): PrintRecord {
  return resolveSending(db, recordId, printed, now)
}

/**
 * Call once at start-up, before any queue runs: labels still `queued` never left (queues live
 * in memory) and become failed; returns the `sending` ones for the user to confirm.
 */
export function recoverAfterRestart(db: WritableDB, now: number = Date.now()): PrintRecord[] {
  failInterruptedQueued(db, now)
  return listSendingRecords(db)
}
