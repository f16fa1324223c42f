import { resolve } from 'node:path'
import { relativePreviewDir } from '../../../shared/printer-uri'
import type { CoreContext } from '../context'
import type { PrinterRow } from '../db/printers-repo'
import {
  type PrinterConfig,
  type PrinterConnection,
  type Transport,
  openTransport,
  parsePrinterUri,
  previewTransport
} from '../printing'
import { shiftBitmap } from '../printing/label-offset'

/** How the station reaches a printer row: its folder or transport, and one serialized link. */

/** The preview printer's folder for a `preview:` address, absolute; null for other printers. */
export function previewDirOf(ctx: CoreContext, uri: string): string | null {
  const relative = relativePreviewDir(uri)
  if (relative !== null) {
    return resolve(ctx.dataDir, relative)
  }
  try {
    const parsed = parsePrinterUri(uri)
    return parsed.kind === 'preview' ? parsed.dir : null
  } catch {
    return null
  }
}

/** The engine's config and link for a printer row; relative preview folders sit in the data folder. */
export function printerLink(
  ctx: CoreContext,
  printer: PrinterRow
): { config: PrinterConfig; transport: Transport } {
  const relative = relativePreviewDir(printer.uri)
  const base = {
    id: printer.name,
    language: printer.language,
    dpi: printer.dpi,
    tspl: { density: printer.darkness, nativeBarcodes: printer.nativeMode === 'barcodes' },
    zpl: { darkness: printer.darkness, nativeBarcodes: printer.nativeMode === 'barcodes' }
  }
  if (relative !== null) {
    const dir = resolve(ctx.dataDir, relative)
    // The config URI only tells the engine "preview" (png); the folder goes to the transport.
    return { config: { ...base, uri: 'preview:///labels' }, transport: previewTransport(dir) }
  }
  return {
    config: { ...base, uri: printer.uri },
    transport: openTransport(printer.uri, { connectTimeoutMs: 2000 })
  }
}

/**
 * Status queries and label bytes share one link and must not interleave: every send and query
 * goes through one promise chain per printer.
 */
export function serialized(connection: PrinterConnection, printer: PrinterRow): PrinterConnection {
  let tail: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work)
    tail = next.catch(() => undefined)
    return next
  }
  return {
    config: connection.config,
    language: connection.language,
    transport: connection.transport,
    canQueryStatus: connection.canQueryStatus,
    encode: (bitmap) =>
      connection.encode(shiftBitmap(bitmap, printer.offsetXDots, printer.offsetYDots)),
    send: (bytes, name, timeoutMs) => exclusive(() => connection.send(bytes, name, timeoutMs)),
    // A failed query drops the link inside the chain: a reset from outside it could cut the
    // next caller's query (the status light's timeout killed a test print's).
    status: (timeoutMs) =>
      exclusive(async () => {
        try {
          return await connection.status(timeoutMs)
        } catch (error) {
          connection.transport.reset()
          throw error
        }
      }),
    close: () => connection.close()
  }
}
