import bwipjs from 'bwip-js/node'
import { type Bitmap, fillRect } from './bitmap'

/**
 * Barcodes are drawn from bwip-js's symbol matrices (`raw()`), not its images: we place every
 * module on the printer's dot grid at an integer width, so bars are exact at 203 and 300 dpi
 * and cost ~0.05 ms (Code128) / ~1 ms (QR) instead of a PNG encode and decode.
 */

export type Placement = {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** Code128 in modules: alternating bar/space widths, bar first. bwip-js picks code set C for digit runs. */
export function code128Modules(value: string): number[] {
  const [symbol] = bwipjs.raw('code128', value, {})
  if (!symbol || !('sbs' in symbol)) {
    throw new Error('bwip-js returned no Code128 symbol')
  }
  return symbol.sbs
}

/** Quiet zone each side, in modules (ISO/IEC 15417 asks for 10). */
export const CODE128_QUIET = 10

/**
 * Draws a Code128 centred in the area with the widest integer module that fits with its quiet
 * zones. Returns the module width in dots, or throws when even 1 dot does not fit.
 */
export function drawCode128(
  target: Bitmap,
  value: string,
  area: Placement,
  maxModule: number
): { module: number; x: number; width: number; widths: number[] } {
  const widths = code128Modules(value)
  const total = widths.reduce((sum, w) => sum + w, 0)
  const module = Math.min(maxModule, Math.floor(area.w / (total + 2 * CODE128_QUIET)))
  if (module < 1) {
    throw new RangeError(`Code128 for "${value}" needs ${total + 20} dots, area is ${area.w}`)
  }
  const width = total * module
  let x = Math.round(area.x + (area.w - width) / 2)
  const startX = x
  widths.forEach((w, i) => {
    if (i % 2 === 0) {
      fillRect(target, x, area.y, w * module, area.h)
    }
    x += w * module
  })
  return { module, x: startX, width, widths }
}

export type QrSymbol = {
  readonly pixs: readonly number[]
  readonly pixx: number
  readonly pixy: number
}

/**
 * The QR matrix with mask pattern 000 (the checkerboard, bwip-js `mask=1`) fixed. Letting bwip-js
 * score all eight masks costs ~0.65 ms of a ~2 ms label, two thirds of the render; any mask is
 * valid (ISO/IEC 18004 §7.8), the checkerboard breaks up runs and blocks well on short payloads,
 * and every template's QR is read back by ZXing and jsQR in the tests at both dpis.
 */
export function qrMatrix(value: string, ecLevel: 'L' | 'M' | 'Q' | 'H'): QrSymbol {
  const [symbol] = bwipjs.raw('qrcode', value, `eclevel=${ecLevel} mask=1`)
  if (!symbol || !('pixs' in symbol)) {
    throw new Error('bwip-js returned no QR symbol')
  }
  return symbol
}

/** QR quiet zone in modules; the spec's 4, which every reader we test with needs. */
export const QR_QUIET = 4

/** Draws a QR code centred in the area with the largest integer module that fits with its quiet zone. */
export function drawQr(
  target: Bitmap,
  value: string,
  area: Placement,
  ecLevel: 'L' | 'M' | 'Q' | 'H'
): { module: number; x: number; y: number; symbol: QrSymbol } {
  const symbol = qrMatrix(value, ecLevel)
  const { pixs, pixx, pixy } = symbol
  const module = Math.floor(
    Math.min(area.w / (pixx + 2 * QR_QUIET), area.h / (pixy + 2 * QR_QUIET))
  )
  if (module < 1) {
    throw new RangeError(`QR for "${value}" needs ${pixx + 8} dots, area is ${area.w}x${area.h}`)
  }
  const left = Math.round(area.x + (area.w - pixx * module) / 2)
  const top = Math.round(area.y + (area.h - pixy * module) / 2)
  for (let row = 0; row < pixy; row++) {
    // Runs of dark modules become one rectangle each.
    let col = 0
    while (col < pixx) {
      if (pixs[row * pixx + col] !== 1) {
        col++
        continue
      }
      const start = col
      while (col < pixx && pixs[row * pixx + col] === 1) {
        col++
      }
      fillRect(target, left + start * module, top + row * module, (col - start) * module, module)
    }
  }
  return { module, x: left, y: top, symbol }
}
