import type { Bitmap } from '../bitmap'
import { type NativeBarcode, spellCode128 } from './native-barcodes'

/**
 * TSPL commands for the native barcode mode (TSC TSPL/TSPL2 manual): `BARCODE` with the
 * manual code set type "128M", `QRCODE` in manual mode, and the raster as cropped `BITMAP`s.
 */

const TSPL_128M = { startB: '!104', startC: '!105', toC: '!099', toB: '!100' }

/** `BARCODE x,y,"128M",height,0 (no text: it is in the raster),0°,narrow,wide,"data"`. */
export function tsplBarcode(barcode: NativeBarcode): string {
  if (barcode.kind === 'code128') {
    const data = spellCode128(barcode.codewords, TSPL_128M)
    if (data === null) {
      throw new RangeError(`Code128 for "${barcode.value}" has codewords TSPL 128M is not given`)
    }
    const { x, y, height, module } = barcode
    return `BARCODE ${x},${y},"128M",${height},0,0,${module},${module},"${data}"`
  }
  // Manual mode with one segment (N numeric, A alphanumeric, B + 4-digit byte count), model 2,
  // the renderer's mask: the printer then builds the version the renderer measured.
  const segment =
    barcode.mode === 'B'
      ? `B${String(Buffer.byteLength(barcode.value, 'latin1')).padStart(4, '0')}${barcode.value}`
      : `${barcode.mode}${barcode.value}`
  return `QRCODE ${barcode.x},${barcode.y},${barcode.ecLevel},${barcode.module},M,0,M2,S${barcode.mask},"${segment}"`
}

/** Bytes of one `BITMAP x,y,w,h,0,` header plus the CRLF after its data, roughly. */
const BITMAP_OVERHEAD = 26

type Segment = { readonly x: number; readonly y: number; readonly wb: number; readonly h: number }

/** Non-blank byte column runs of one band of rows; gaps cheaper to send than a new header are kept. */
function bandSegments(bitmap: Bitmap, y: number, h: number): Segment[] {
  const { bytesPerRow, data } = bitmap
  const used = new Uint8Array(bytesPerRow)
  for (let row = y; row < y + h; row++) {
    const base = row * bytesPerRow
    for (let i = 0; i < bytesPerRow; i++) {
      used[i] = (used[i] ?? 0) | (data[base + i] ?? 0)
    }
  }
  const segments: Segment[] = []
  let start = -1
  let end = -1
  for (let i = 0; i < bytesPerRow; i++) {
    if (used[i] === 0) {
      continue
    }
    if (start >= 0 && (i - end - 1) * h <= BITMAP_OVERHEAD) {
      end = i
      continue
    }
    if (start >= 0) {
      segments.push({ x: start * 8, y, wb: end - start + 1, h })
    }
    start = i
    end = i
  }
  if (start >= 0) {
    segments.push({ x: start * 8, y, wb: end - start + 1, h })
  }
  return segments
}

function segmentsFor(bitmap: Bitmap, bandRows: number): Segment[] {
  const out: Segment[] = []
  for (let y = 0; y < bitmap.height; y += bandRows) {
    out.push(...bandSegments(bitmap, y, Math.min(bandRows, bitmap.height - y)))
  }
  return out
}

function cost(segments: readonly Segment[]): number {
  return segments.reduce((sum, s) => sum + BITMAP_OVERHEAD + s.wb * s.h, 0)
}

/**
 * The raster as `BITMAP` commands over its inked parts only: bands of rows, each cut to the byte
 * columns that have ink (the printer's image buffer starts white after CLS, so blank parts need
 * no bytes). The band height giving the fewest bytes is used. Mode 0 (overwrite) with 0 = black,
 * as in the whole-label path; the native symbols are drawn after, so nothing overwrites them.
 */
export function tsplSparseBitmaps(bitmap: Bitmap): Buffer {
  let best: Segment[] = []
  let bestCost = Number.POSITIVE_INFINITY
  for (const bandRows of [8, 16, 24, 32, 48]) {
    const segments = segmentsFor(bitmap, bandRows)
    const c = cost(segments)
    if (c < bestCost) {
      best = segments
      bestCost = c
    }
  }
  const parts: Buffer[] = []
  for (const s of best) {
    const head = Buffer.from(`BITMAP ${s.x},${s.y},${s.wb},${s.h},0,`, 'ascii')
    const body = Buffer.alloc(s.wb * s.h)
    const firstByte = s.x >> 3
    for (let row = 0; row < s.h; row++) {
      const base = (s.y + row) * bitmap.bytesPerRow + firstByte
      for (let i = 0; i < s.wb; i++) {
        body[row * s.wb + i] = ~(bitmap.data[base + i] ?? 0) & 0xff
      }
    }
    parts.push(head, body, CRLF_BYTES)
  }
  return Buffer.concat(parts)
}

const CRLF_BYTES = Buffer.from('\r\n', 'ascii')
