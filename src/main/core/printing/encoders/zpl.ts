import type { Bitmap } from '../bitmap'
import type { LabelBitmap } from '../render'
import { splitNativeBarcodes } from './native-barcodes'
import { ZPL_QR_SINK, zplBarcode } from './native-zpl'

export type ZplOptions = {
  /**
   * ZPL's ASCII run-length compression of `^GFA` hex (`,` `!` `:` and G-z repeat counts).
   * Default true: a waybill shrinks from ~290 KB of hex to ~30 KB, which matters on USB-serial.
   */
  readonly compress?: boolean
  /**
   * Print darkness on the app's 0-15 scale (the printer row's `darkness`, TSPL's DENSITY),
   * sent as `~SD` 00-30. `~SD` sets the darkness itself; `^MD` only adds to whatever the
   * front panel holds, so the same label would print differently per printer. Omitted = the
   * printer's setting.
   */
  readonly darkness?: number
  /**
   * Code128 and QR as `^BC` / `^BQ` fields at the renderer's place and module size over a
   * `^GFA` of the rest (see native-barcodes.ts). Default false: the whole label as one `^GFA`.
   */
  readonly nativeBarcodes?: boolean
}

const HEX = '0123456789ABCDEF'
const BYTE_HEX: string[] = Array.from(
  { length: 256 },
  (_, b) => (HEX[b >> 4] ?? '') + (HEX[b & 15] ?? '')
)

/** A run of n copies of one hex digit in ZPL's count letters: G..Y = 1..19, g..z = 20..400. */
function repeat(char: string, n: number): string {
  let out = ''
  let left = n
  while (left > 0) {
    // 400 (z) at a time while more than one letter pair is needed; the rest in one go.
    const chunk = left > 419 ? 400 : left
    const twenties = Math.floor(chunk / 20)
    const ones = chunk % 20
    if (chunk === 1) {
      out += char
    } else {
      out +=
        (twenties > 0 ? String.fromCharCode(0x66 + twenties) : '') +
        (ones > 0 ? String.fromCharCode(0x46 + ones) : '') +
        char
    }
    left -= chunk
  }
  return out
}

function compressRow(hex: string): string {
  let end = hex.length
  let tail = ''
  // A row that ends in white (0) or black (F) closes with `,` or `!`.
  const lastChar = hex[end - 1]
  if (lastChar === '0' || lastChar === 'F') {
    while (end > 0 && hex[end - 1] === lastChar) {
      end--
    }
    tail = lastChar === '0' ? ',' : '!'
  }
  let out = ''
  let i = 0
  while (i < end) {
    const c = hex[i] ?? '0'
    let j = i + 1
    while (j < end && hex[j] === c) {
      j++
    }
    out += repeat(c, j - i)
    i = j
  }
  if (end === 0 && tail === ',') {
    return ','
  }
  return out + tail
}

/** `^GFA` field data for the bitmap (1 = black, as ZPL wants). */
export function zplGraphicData(bitmap: Bitmap, compress = true): string {
  const { bytesPerRow, height, data } = bitmap
  const rows: string[] = []
  let previous = ''
  for (let y = 0; y < height; y++) {
    let hex = ''
    for (let i = y * bytesPerRow; i < (y + 1) * bytesPerRow; i++) {
      hex += BYTE_HEX[data[i] ?? 0] ?? '00'
    }
    if (!compress) {
      rows.push(hex)
      continue
    }
    rows.push(y > 0 && hex === previous ? ':' : compressRow(hex))
    previous = hex
  }
  return rows.join(compress ? '' : '\n')
}

/** `~SD` value for the app's 0-15 darkness: ZPL's 00-30, twice as fine. */
export function zplDarkness(darkness: number): string {
  const value = Math.min(30, Math.max(0, Math.round(darkness * 2)))
  return String(value).padStart(2, '0')
}

/** One label as ZPL II: `[~SD] ^XA ^PW ^LL ^FO0,0 ^GFA ... ^FS [^BC/^BQ fields] ^XZ`. */
export function encodeZpl(bitmap: LabelBitmap, options: ZplOptions = {}): Buffer {
  let raster: Bitmap = bitmap
  let fields = ''
  if (options.nativeBarcodes) {
    // A QR whose origin would move off the label after the ^BQ sink stays in the raster.
    const split = splitNativeBarcodes({
      ...bitmap,
      barcodes: (bitmap.barcodes ?? []).filter((b) => b.kind === 'code128' || b.y >= ZPL_QR_SINK)
    })
    raster = split.raster
    fields = split.barcodes.map((b) => `${zplBarcode(b)}\n`).join('')
  }
  const total = raster.bytesPerRow * raster.height
  const graphic = zplGraphicData(raster, options.compress ?? true)
  const darkness = options.darkness === undefined ? '' : `~SD${zplDarkness(options.darkness)}\n`
  return Buffer.from(
    `${darkness}^XA\n^PW${raster.width}\n^LL${raster.height}\n^LH0,0\n` +
      `^FO0,0^GFA,${total},${total},${raster.bytesPerRow},${graphic}^FS\n${fields}^PQ1\n^XZ\n`,
    'ascii'
  )
}
