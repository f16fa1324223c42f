import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer'
import type { PrinterLanguage } from '../../../shared/api/printers'
import { type Bitmap, toPng } from './bitmap'
import { type EscPosOptions, encodeEscPos } from './encoders/escpos'
import { type TsplOptions, encodeTspl } from './encoders/tspl'
import { type ZplOptions, encodeZpl } from './encoders/zpl'
import { type Dpi, dotsPerMm } from './render'
import {
  ESCPOS_STATUS_QUERIES,
  type EscPosStatusReplies,
  type PrinterStatus,
  TSPL_STATUS_QUERY,
  ZPL_STATUS_QUERY,
  escPosStatusByte,
  escPosStatusQuery,
  parseEscPosStatus,
  parseTsplStatus,
  parseZplStatus,
  tsplStatusByte,
  zplStatusComplete
} from './status'
import { type Transport, openTransport, parsePrinterUri } from './transports'

/** `png` is the preview printer's language: the label image itself. */
export type { PrinterLanguage }

export type PrinterConfig = {
  /** Stable name, stored in print_records.printer. */
  readonly id: string
  /** tcp://, lp://, file:// or preview:// (see parsePrinterUri). */
  readonly uri: string
  /** Ignored for preview:// (always png). */
  readonly language: PrinterLanguage
  readonly dpi: Dpi
  readonly escpos?: EscPosOptions
  readonly tspl?: Omit<TsplOptions, 'dotsPerMm'>
  readonly zpl?: ZplOptions
}

export type EncodeOptions = {
  readonly dpi: Dpi
  readonly escpos?: EscPosOptions
  readonly tspl?: Omit<TsplOptions, 'dotsPerMm'>
  readonly zpl?: ZplOptions
}

/** One label's bytes for a printer language. Pure: same bitmap, same bytes. */
export function encodeLabel(
  language: PrinterLanguage,
  bitmap: Bitmap,
  options: EncodeOptions
): Buffer {
  switch (language) {
    case 'escpos':
      return encodeEscPos(bitmap, options.escpos)
    case 'tspl':
      return encodeTspl(bitmap, { ...options.tspl, dotsPerMm: dotsPerMm(options.dpi) })
    case 'zpl':
      return encodeZpl(bitmap, options.zpl)
    case 'png':
      return toPng(bitmap)
  }
}

/** A printer as the queue sees it: encode, send, ask. */
export type PrinterConnection = {
  readonly config: PrinterConfig
  readonly language: PrinterLanguage
  readonly transport: Transport
  /** Whether `status()` can answer (a bidirectional link and a language with a status query). */
  readonly canQueryStatus: boolean
  encode(bitmap: Bitmap): Buffer
  send(bytes: Uint8Array, name: string, timeoutMs?: number): Promise<void>
  /** Rejects when the printer does not answer within timeoutMs. */
  status(timeoutMs?: number): Promise<PrinterStatus>
  close(): Promise<void>
}

export function effectiveLanguage(config: PrinterConfig): PrinterLanguage {
  return parsePrinterUri(config.uri).kind === 'preview' ? 'png' : config.language
}

/**
 * Binds a printer config to its transport (opened from the URI unless given, e.g. a fake in
 * tests). ESC/POS goes through node-thermal-printer: our transport is its interface object, so
 * its `raw()` sends the label and its `execute({ waitForResponse })` carries DLE EOT queries.
 */
export function connectPrinter(
  config: PrinterConfig,
  transport: Transport = openTransport(config.uri)
): PrinterConnection {
  const language = effectiveLanguage(config)
  const encodeOptions: EncodeOptions = {
    dpi: config.dpi,
    ...(config.escpos ? { escpos: config.escpos } : {}),
    ...(config.tspl ? { tspl: config.tspl } : {}),
    ...(config.zpl ? { zpl: config.zpl } : {})
  }
  const canQueryStatus = transport.bidirectional && language !== 'png'

  if (language === 'escpos') {
    return escPosConnection(config, transport, encodeOptions, canQueryStatus)
  }
  return {
    config,
    language,
    transport,
    canQueryStatus,
    encode: (bitmap) => encodeLabel(language, bitmap, encodeOptions),
    send: (bytes, name, timeoutMs) =>
      transport.write(bytes, timeoutMs === undefined ? { name } : { name, timeoutMs }),
    async status(timeoutMs = 2000): Promise<PrinterStatus> {
      if (language === 'tspl') {
        const reply = await transport.query(TSPL_STATUS_QUERY, (r) => r.length >= 1, timeoutMs)
        return parseTsplStatus(tsplStatusByte(reply))
      }
      if (language === 'zpl') {
        return parseZplStatus(await transport.query(ZPL_STATUS_QUERY, zplStatusComplete, timeoutMs))
      }
      throw new Error(`${config.uri} cannot report status`)
    },
    close: () => transport.close()
  }
}

function escPosConnection(
  config: PrinterConfig,
  transport: Transport,
  encodeOptions: EncodeOptions,
  canQueryStatus: boolean
): PrinterConnection {
  let label = 'label'
  let writeTimeout: number | undefined
  let queryTimeout = 2000
  // node-thermal-printer calls interface.execute(buffer, { waitForResponse }) for both sends
  // and status reads; this object routes each to our transport.
  const bridge = {
    execute: async (
      buffer: Buffer,
      options?: { waitForResponse?: boolean }
    ): Promise<Buffer | undefined> => {
      if (options?.waitForResponse) {
        return transport.query(buffer, (reply) => reply.length >= 1, queryTimeout)
      }
      await transport.write(
        buffer,
        writeTimeout === undefined ? { name: label } : { name: label, timeoutMs: writeTimeout }
      )
      return undefined
    },
    isPrinterConnected: (): Promise<boolean> =>
      transport.bidirectional
        ? transport
            .query(escPosStatusQuery(1), (r) => r.length >= 1, queryTimeout)
            .then(
              () => true,
              () => false
            )
        : Promise.resolve(true)
  }
  const printer = new ThermalPrinter({
    type: PrinterTypes.EPSON,
    // The .d.ts types `interface` as string; the runtime takes an object with execute() and
    // isPrinterConnected() (printers.md §1.2), the seam for our own transports.
    interface: bridge as unknown as string
  })
  return {
    config,
    language: 'escpos',
    transport,
    canQueryStatus,
    encode: (bitmap) => encodeLabel('escpos', bitmap, encodeOptions),
    async send(bytes, name, timeoutMs): Promise<void> {
      label = name
      writeTimeout = timeoutMs
      await printer.raw(Buffer.from(bytes))
    },
    async status(timeoutMs = 2000): Promise<PrinterStatus> {
      if (!canQueryStatus) {
        throw new Error(`${config.uri} cannot report status`)
      }
      queryTimeout = timeoutMs
      const replies: Record<number, number> = {}
      for (const n of ESCPOS_STATUS_QUERIES) {
        printer.clear()
        printer.add(escPosStatusQuery(n))
        const reply: unknown = await printer.execute({ waitForResponse: true })
        // Only a reply with the DLE EOT shape is read as status bits (see NotAPrinterError).
        replies[n] = escPosStatusByte(Buffer.isBuffer(reply) ? reply : Buffer.alloc(0))
      }
      printer.clear()
      return parseEscPosStatus(replies as EscPosStatusReplies)
    },
    close: () => transport.close()
  }
}
