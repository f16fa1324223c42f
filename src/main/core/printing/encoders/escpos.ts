import { ThermalPrinter, PrinterTypes } from 'node-thermal-printer'
import type { Bitmap } from '../bitmap'

export type EscPosOptions = {
  /**
   * Rows per `GS v 0` block. Cheap Chinese printers have small receive buffers and garble one
   * big image (node-thermal-printer #99, #103); 256 is what DantSu's Android driver uses.
   */
  readonly bandRows?: number
  /** Full cut after the label (node-thermal-printer's `cut()`). Default true. */
  readonly cut?: boolean
  /** Lines fed before the cut. Default 0: label stock is positioned by its gap, not by feeding. */
  readonly feedLines?: number
  /** Sound the buzzer after the label (node-thermal-printer's `beep()`), e.g. for the last label of a batch. */
  readonly beep?: boolean
}

/** `GS v 0` raster bands only: the bitmap rows as they are (ESC/POS raster is 1 = black, MSB first). */
export function escPosRaster(bitmap: Bitmap, bandRows = 256): Buffer {
  return frame(bitmap, bandRows, EMPTY, EMPTY)
}

const EMPTY = Buffer.alloc(0)
const INIT = Buffer.from([0x1b, 0x40])

/** Writes head + bands + tail into one allocation: a label is 80-150 KB and copies add up. */
function frame(bitmap: Bitmap, bandRows: number, head: Buffer, tail: Buffer): Buffer {
  if (bandRows < 1 || bandRows > 0xffff) {
    throw new RangeError('bandRows must be 1..65535')
  }
  const { bytesPerRow, height, data } = bitmap
  const bands = Math.ceil(height / bandRows)
  const out = Buffer.allocUnsafe(head.length + bands * 8 + data.length + tail.length)
  head.copy(out, 0)
  let at = head.length
  for (let row = 0; row < height; row += bandRows) {
    const rows = Math.min(bandRows, height - row)
    out[at++] = 0x1d
    out[at++] = 0x76
    out[at++] = 0x30
    out[at++] = 0x00 // m = 0: normal density
    out.writeUInt16LE(bytesPerRow, at)
    out.writeUInt16LE(rows, at + 2)
    at += 4
    out.set(data.subarray(row * bytesPerRow, (row + rows) * bytesPerRow), at)
    at += rows * bytesPerRow
  }
  tail.copy(out, at)
  return out
}

/** Builds command bytes only; nothing is sent through this instance. */
const builder = new ThermalPrinter({
  type: PrinterTypes.EPSON,
  // The runtime takes any object as interface (the .d.ts says string); this one refuses I/O so
  // the builder can never send by mistake.
  interface: {
    execute: () => Promise.reject(new Error('escpos builder does not send')),
    isPrinterConnected: () => Promise.resolve(false)
  } as unknown as string
})

const trailers = new Map<string, Buffer>()

/** The bytes after the raster, from node-thermal-printer's `cut()` and `beep()`; cached per option set. */
function trailer(options: EscPosOptions): Buffer {
  const key = `${String(options.cut !== false)}|${options.feedLines ?? 0}|${String(options.beep === true)}`
  const cached = trailers.get(key)
  if (cached) {
    return cached
  }
  if (options.cut === false && !options.beep) {
    return EMPTY
  }
  builder.clear()
  if (options.cut !== false) {
    builder.cut({ verticalTabAmount: options.feedLines ?? 0 })
  }
  if (options.beep) {
    builder.beep(1, 1)
  }
  const bytes = Buffer.from(builder.getBuffer())
  builder.clear()
  trailers.set(key, bytes)
  return bytes
}

/**
 * One label as an ESC/POS job: `ESC @`, our raster in bands (node-thermal-printer's own image
 * conversion is ~590 ms per label), then node-thermal-printer's `cut()` / `beep()` bytes.
 * The job is sent through node-thermal-printer's raw path (see printer.ts).
 */
export function encodeEscPos(bitmap: Bitmap, options: EscPosOptions = {}): Buffer {
  return frame(bitmap, options.bandRows ?? 256, INIT, trailer(options))
}
