import type { LabelBitmap } from '../render'
import { splitNativeBarcodes } from './native-barcodes'
import { tsplBarcode, tsplSparseBitmaps } from './native-tspl'

export type TsplOptions = {
  /** Dots per mm of the printer, to state SIZE in mm. 8 for 203 dpi. */
  readonly dotsPerMm: number
  /** Gap between labels (GAP). Default 2 mm, the usual waybill stock. */
  readonly gapMm?: number
  /** DIRECTION: 1 prints the top of the image first on most Chinese desktop printers. Default 1. */
  readonly direction?: 0 | 1
  /** DENSITY 0-15; omitted = printer setting. */
  readonly density?: number
  /** SPEED in inch/s; omitted = printer setting. */
  readonly speed?: number
  /**
   * Code128 and QR as the printer's own BARCODE / QRCODE commands at the renderer's place and
   * module size, the rest as cropped BITMAPs (see native-barcodes.ts). Default false: the
   * whole label as one BITMAP.
   */
  readonly nativeBarcodes?: boolean
}

const CRLF = '\r\n'

function mm(dots: number, dotsPerMm: number): string {
  return String(Math.round((dots / dotsPerMm) * 10) / 10)
}

/**
 * One label as TSPL: header, `BITMAP` with the raster, `PRINT 1,1`. TSPL's BITMAP mode 0 takes
 * 0 = black (printers.md §2.1), the opposite of our bitmap, so every byte is inverted; inverted
 * padding bits come out 1 = white, as they should.
 */
export function encodeTspl(bitmap: LabelBitmap, options: TsplOptions): Buffer {
  if (options.nativeBarcodes) {
    return encodeTsplNative(bitmap, options)
  }
  const { height, bytesPerRow, data } = bitmap
  const header = [...setup(bitmap, options), `BITMAP 0,0,${bytesPerRow},${height},0,`].join(CRLF)
  const head = Buffer.from(header, 'ascii')
  const tail = Buffer.from(`${CRLF}PRINT 1,1${CRLF}`, 'ascii')
  const out = Buffer.alloc(head.length + data.length + tail.length)
  head.copy(out, 0)
  let at = head.length
  for (let i = 0; i < data.length; i++) {
    out[at++] = ~(data[i] ?? 0) & 0xff
  }
  tail.copy(out, at)
  return out
}

function setup(bitmap: LabelBitmap, options: TsplOptions): string[] {
  return [
    `SIZE ${mm(bitmap.width, options.dotsPerMm)} mm,${mm(bitmap.height, options.dotsPerMm)} mm`,
    `GAP ${options.gapMm ?? 2} mm,0 mm`,
    `DIRECTION ${options.direction ?? 1}`,
    ...(options.density === undefined ? [] : [`DENSITY ${options.density}`]),
    ...(options.speed === undefined ? [] : [`SPEED ${options.speed}`]),
    'CLS'
  ]
}

/** Native barcode mode: cropped BITMAPs of the label without its symbols, then BARCODE / QRCODE. */
function encodeTsplNative(bitmap: LabelBitmap, options: TsplOptions): Buffer {
  const { raster, barcodes } = splitNativeBarcodes(bitmap)
  const symbols = barcodes.map((b) => tsplBarcode(b) + CRLF).join('')
  return Buffer.concat([
    Buffer.from(setup(bitmap, options).join(CRLF) + CRLF, 'ascii'),
    tsplSparseBitmaps(raster),
    Buffer.from(`${symbols}PRINT 1,1${CRLF}`, 'ascii')
  ])
}
