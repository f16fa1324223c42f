import bwipjs from 'bwip-js/node'
import { type Bitmap, createBitmap, fillRect, getPixel } from '../bitmap'
import type { LabelBitmap, PlacedBarcode } from '../render'

/**
 * The "native barcodes" mode of the TSPL and ZPL encoders: the label still goes as one raster,
 * but its Code128 and QR symbols are cut out of it and sent as the printer's own BARCODE /
 * QRCODE (TSPL) or ^BC / ^BQ (ZPL) commands at the same place and module size. Bars printed by
 * the firmware are sharper than rastered ones on worn heads, and the raster left behind is
 * mostly white, which ZPL's compression and TSPL's cropped BITMAPs turn into far fewer bytes.
 *
 * A symbol is sent natively only where that prints what the bitmap shows:
 * - the bitmap holds exactly the renderer's pattern in the symbol's box (nothing else was drawn
 *   over it, it is not cut by the label edge or an offset), so blanking the box loses nothing;
 * - Code128: the renderer's own codewords (bwip-js picks the code sets; a printer's automatic
 *   mode may choose others and change the width) are spelled out with the language's code-set
 *   controls (TSPL "128M" `!104`/`!105`/`!099`/`!100`, ZPL `>:`/`>;`/`>5`/`>6`), so the bars
 *   are the same modules; code set A, FNC and SHIFT codewords are not spelled and stay raster;
 * - QR: sent in manual mode with one segment (numeric, alphanumeric or byte), whose smallest
 *   version must be the renderer's version, so the symbol has the same size and position. The
 *   printer picks its own mask, so the dark modules may differ while the symbol is as valid;
 * - values with characters the command syntax reserves (`"` `!` `\` `>` `^` `~`, non-ASCII)
 *   stay raster, as does a module wider than the languages allow (10 dots).
 * Everything else (text, the human-readable number under the bars, boxes) stays in the bitmap:
 * the resident fonts would not lay out like the label font (see DESIGN §5).
 */

export type NativeCode128 = {
  readonly kind: 'code128'
  readonly value: string
  readonly x: number
  readonly y: number
  readonly module: number
  readonly height: number
  /** Codewords from the start code to the last data codeword (no check, no stop). */
  readonly codewords: readonly number[]
}

export type QrSegmentMode = 'N' | 'A' | 'B'

export type NativeQr = {
  readonly kind: 'qr'
  readonly value: string
  readonly x: number
  readonly y: number
  readonly module: number
  readonly ecLevel: 'L' | 'M' | 'Q' | 'H'
  readonly mode: QrSegmentMode
  /** The renderer's EC level and mask pattern (0-7), so the printer builds the same symbol size. */
  readonly mask: number
}

export type NativeBarcode = NativeCode128 | NativeQr

export type SplitLabel = {
  /** The label with the native symbols' boxes blank. */
  readonly raster: Bitmap
  readonly barcodes: readonly NativeBarcode[]
}

/** TSPL BARCODE narrow width and QRCODE cell width, ZPL ^BY and ^BQ magnification: 1-10. */
const MAX_MODULE = 10

/** Printable ASCII minus what TSPL strings, TSPL 128M controls or ZPL field data reserve. */
const SAFE_VALUE = /^[\x20-\x7e]*$/
const RESERVED = /["!\\>^~]/

export function nativeSafe(value: string): boolean {
  return value.length > 0 && SAFE_VALUE.test(value) && !RESERVED.test(value)
}

let patterns: Map<string, number> | null = null

/**
 * Code128 patterns (6 widths each) to codeword values, taken from bwip-js itself: one raw
 * symbol of every codeword 0-102 plus the three start codes, so the table cannot drift from
 * the renderer's.
 */
function code128Patterns(): Map<string, number> {
  if (patterns) {
    return patterns
  }
  const table = new Map<string, number>()
  const all = Array.from({ length: 103 }, (_, v) => `^${String(v).padStart(3, '0')}`).join('')
  const [symbol] = bwipjs.raw('code128', `^104${all}`, 'raw')
  if (!symbol || !('sbs' in symbol)) {
    throw new Error('bwip-js returned no Code128 symbol')
  }
  for (let v = 0; v <= 103; v++) {
    // Position 0 is the start B (104); codeword v sits at group v + 1.
    const at = v === 103 ? 0 : (v + 1) * 6
    table.set(symbol.sbs.slice(at, at + 6).join(''), v === 103 ? 104 : v)
  }
  for (const start of [103, 105]) {
    const [s] = bwipjs.raw('code128', `^${start}^000`, 'raw')
    if (!s || !('sbs' in s)) {
      throw new Error('bwip-js returned no Code128 symbol')
    }
    table.set(s.sbs.slice(0, 6).join(''), start)
  }
  patterns = table
  return table
}

/** The codewords behind bar/space widths: start, data (check and stop dropped). */
export function code128Codewords(widths: readonly number[]): number[] | null {
  // start + n data + check = 6 widths each, stop = 7.
  if (widths.length < 6 * 2 + 7 || (widths.length - 7) % 6 !== 0) {
    return null
  }
  const table = code128Patterns()
  const out: number[] = []
  for (let at = 0; at < widths.length - 7 - 6; at += 6) {
    const value = table.get(widths.slice(at, at + 6).join(''))
    if (value === undefined) {
      return null
    }
    out.push(value)
  }
  return out
}

/**
 * The codewords in a language's spelling. Code sets B and C with switches between them only:
 * anything else (set A, FNC, SHIFT) returns null and the symbol stays raster.
 */
export function spellCode128(
  codewords: readonly number[],
  controls: {
    readonly startB: string
    readonly startC: string
    readonly toC: string
    readonly toB: string
  }
): string | null {
  let set: 'B' | 'C'
  const [start, ...data] = codewords
  if (start === 104) {
    set = 'B'
  } else if (start === 105) {
    set = 'C'
  } else {
    return null
  }
  let out = set === 'B' ? controls.startB : controls.startC
  for (const cw of data) {
    if (set === 'C') {
      if (cw < 100) {
        out += String(cw).padStart(2, '0')
      } else if (cw === 100) {
        out += controls.toB
        set = 'B'
      } else {
        return null
      }
    } else if (cw < 95) {
      out += String.fromCharCode(cw + 32)
    } else if (cw === 99) {
      out += controls.toC
      set = 'C'
    } else {
      return null
    }
  }
  return out
}

const ALNUM = /^[0-9A-Z $%*+\-./:]*$/

export function qrSegmentMode(value: string): QrSegmentMode {
  if (/^[0-9]+$/.test(value)) {
    return 'N'
  }
  return ALNUM.test(value) ? 'A' : 'B'
}

/** Data codewords per version 1-10 for L, M, Q, H (ISO/IEC 18004 table 7). */
const QR_DATA_CODEWORDS: readonly (readonly [number, number, number, number])[] = [
  [19, 16, 13, 9],
  [34, 28, 22, 16],
  [55, 44, 34, 26],
  [80, 64, 48, 36],
  [108, 86, 62, 46],
  [136, 108, 76, 60],
  [156, 124, 88, 66],
  [194, 154, 110, 86],
  [232, 182, 132, 100],
  [274, 216, 154, 122]
]
const EC_INDEX = { L: 0, M: 1, Q: 2, H: 3 } as const

/**
 * The smallest QR version (1-10) that holds the value as one segment of `mode`, as a printer's
 * manual mode encodes it; null beyond version 10 (larger symbols stay raster).
 */
export function qrSingleSegmentVersion(
  value: string,
  mode: QrSegmentMode,
  ecLevel: 'L' | 'M' | 'Q' | 'H'
): number | null {
  const n = mode === 'B' ? Buffer.byteLength(value, 'latin1') : value.length
  for (let version = 1; version <= QR_DATA_CODEWORDS.length; version++) {
    // Character count bits for versions 1-9, then 10-26.
    const countBits = {
      N: version < 10 ? 10 : 12,
      A: version < 10 ? 9 : 11,
      B: version < 10 ? 8 : 16
    }[mode]
    let dataBits: number
    if (mode === 'N') {
      dataBits = Math.floor(n / 3) * 10 + (n % 3 === 0 ? 0 : n % 3 === 1 ? 4 : 7)
    } else if (mode === 'A') {
      dataBits = Math.floor(n / 2) * 11 + (n % 2) * 6
    } else {
      dataBits = n * 8
    }
    const capacity = QR_DATA_CODEWORDS[version - 1]?.[EC_INDEX[ecLevel]] ?? 0
    if (Math.ceil((4 + countBits + dataBits) / 8) <= capacity) {
      return version
    }
  }
  return null
}

/** Whether the bitmap holds exactly `expected` (a pattern the box's size) at (x, y). */
function boxMatches(bitmap: Bitmap, x: number, y: number, expected: Bitmap): boolean {
  if (x < 0 || y < 0 || x + expected.width > bitmap.width || y + expected.height > bitmap.height) {
    return false
  }
  for (let row = 0; row < expected.height; row++) {
    for (let col = 0; col < expected.width; col++) {
      if (getPixel(bitmap, x + col, y + row) !== getPixel(expected, col, row)) {
        return false
      }
    }
  }
  return true
}

function code128Pattern(placed: Extract<PlacedBarcode, { kind: 'code128' }>): Bitmap {
  const total = placed.widths.reduce((sum, w) => sum + w, 0)
  const pattern = createBitmap(total * placed.module, Math.max(1, placed.height))
  let x = 0
  placed.widths.forEach((w, i) => {
    if (i % 2 === 0) {
      fillRect(pattern, x, 0, w * placed.module, placed.height)
    }
    x += w * placed.module
  })
  return pattern
}

function qrPattern(placed: Extract<PlacedBarcode, { kind: 'qr' }>): Bitmap {
  const side = placed.size * placed.module
  const pattern = createBitmap(side, side)
  for (let row = 0; row < placed.size; row++) {
    for (let col = 0; col < placed.size; col++) {
      if (placed.modules[row * placed.size + col] === 1) {
        fillRect(pattern, col * placed.module, row * placed.module, placed.module, placed.module)
      }
    }
  }
  return pattern
}

function toNative(placed: PlacedBarcode): NativeBarcode | null {
  if (!nativeSafe(placed.value) || placed.module > MAX_MODULE || placed.module < 1) {
    return null
  }
  if (placed.kind === 'code128') {
    const codewords = code128Codewords(placed.widths)
    if (!codewords || spellCode128(codewords, PROBE) === null) {
      return null
    }
    return {
      kind: 'code128',
      value: placed.value,
      x: placed.x,
      y: placed.y,
      module: placed.module,
      height: placed.height,
      codewords
    }
  }
  const mode = qrSegmentMode(placed.value)
  const format = qrFormat(placed)
  if (!format) {
    return null
  }
  const version = qrSingleSegmentVersion(placed.value, mode, format.ecLevel)
  if (version === null || 17 + 4 * version !== placed.size) {
    return null
  }
  return {
    kind: 'qr',
    value: placed.value,
    x: placed.x,
    y: placed.y,
    module: placed.module,
    ecLevel: format.ecLevel,
    mode,
    mask: format.mask
  }
}

/** The 15-bit format information for an EC level and mask (ISO/IEC 18004 7.9, BCH(15,5)). */
function qrFormatBits(ecLevel: 'L' | 'M' | 'Q' | 'H', mask: number): number {
  const data = ({ L: 1, M: 0, Q: 3, H: 2 }[ecLevel] << 3) | mask
  let rem = data << 10
  for (let bit = 14; bit >= 10; bit--) {
    if (rem & (1 << bit)) {
      rem ^= 0x537 << (bit - 10)
    }
  }
  return ((data << 10) | rem) ^ 0x5412
}

/**
 * The EC level and mask of the renderer's symbol, read from the format information beside the
 * top-left finder (bwip-js may raise the EC level when the version has room to spare, so the
 * template's level is a minimum, not what was drawn).
 */
export function qrFormat(
  placed: Extract<PlacedBarcode, { kind: 'qr' }>
): { ecLevel: 'L' | 'M' | 'Q' | 'H'; mask: number } | null {
  const at = (x: number, y: number): number => (placed.modules[y * placed.size + x] === 1 ? 1 : 0)
  let bits = 0
  for (let x = 0; x <= 5; x++) {
    bits = (bits << 1) | at(x, 8)
  }
  bits = (bits << 1) | at(7, 8)
  bits = (bits << 1) | at(8, 8)
  bits = (bits << 1) | at(8, 7)
  for (let y = 5; y >= 0; y--) {
    bits = (bits << 1) | at(8, y)
  }
  for (const ecLevel of ['L', 'M', 'Q', 'H'] as const) {
    for (let mask = 0; mask < 8; mask++) {
      if (qrFormatBits(ecLevel, mask) === bits) {
        return { ecLevel, mask }
      }
    }
  }
  return null
}

const PROBE = { startB: 'b', startC: 'c', toC: 'C', toB: 'B' }

/**
 * Splits a rendered label into the raster without the symbols that can go natively, and those
 * symbols. A bitmap with no placements (not from the renderer, or moved without them) comes
 * back whole with no native symbols: the raster path always works.
 */
export function splitNativeBarcodes(label: LabelBitmap): SplitLabel {
  const candidates = (label.barcodes ?? []).flatMap((placed) => {
    const native = toNative(placed)
    if (!native) {
      return []
    }
    const pattern = placed.kind === 'code128' ? code128Pattern(placed) : qrPattern(placed)
    return boxMatches(label, placed.x, placed.y, pattern) ? [{ native, pattern }] : []
  })
  if (candidates.length === 0) {
    return { raster: label, barcodes: [] }
  }
  const raster: Bitmap = {
    width: label.width,
    height: label.height,
    bytesPerRow: label.bytesPerRow,
    data: Uint8Array.from(label.data)
  }
  for (const { native, pattern } of candidates) {
    fillRect(raster, native.x, native.y, pattern.width, pattern.height, false)
  }
  return { raster, barcodes: candidates.map((c) => c.native) }
}

/** The placements moved by (dx, dy), for a label shifted by the printer's offsets. */
export function shiftPlacements(
  barcodes: readonly PlacedBarcode[] | undefined,
  dx: number,
  dy: number
): PlacedBarcode[] {
  return (barcodes ?? []).map((b) => ({ ...b, x: b.x + dx, y: b.y + dy }))
}
