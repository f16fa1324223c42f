import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { GlobalFonts, createCanvas, type SKRSContext2D } from '@napi-rs/canvas'
import { type Bitmap, createBitmap } from './bitmap'

/**
 * Text is drawn from a per-process glyph cache: each (character, pixel size, weight) is
 * rasterised once by @napi-rs/canvas with the bundled font, thresholded to 1 bit, and from then
 * on blitted byte-wise. A waybill has ~300 characters; drawing them through the canvas and
 * reading the whole page back costs ~10x more than blitting cached masks.
 */

export const FONT_FILE = 'wqy-microhei.ttc'
export const FONT_FAMILY = 'WaybillStationCJK'
const FAMILY = FONT_FAMILY

/** Alpha at or above this is ink. Below 50% so thin CJK strokes survive at 2.5 mm on 203 dpi. */
const INK_ALPHA = 100

export type Glyph = {
  /** Pen advance in pixels (fractional). */
  readonly advance: number
  /** Ink offset from the pen position on the line's top edge. */
  readonly left: number
  readonly top: number
  /** Ink; null for blanks. */
  readonly mask: Bitmap | null
}

type FontState = { readonly path: string }
let font: FontState | null = null

/**
 * Where the bundled font lives: `WAYBILL_FONT`, then `resources/fonts` found upwards from this
 * module (dev, tests, packaged app with resources beside the bundle) or from the working directory.
 */
export function findFontFile(): string {
  const fromEnv = process.env.WAYBILL_FONT
  if (fromEnv && existsSync(fromEnv)) {
    return fromEnv
  }
  const starts = [typeof __dirname === 'string' ? __dirname : process.cwd(), process.cwd()]
  for (const start of starts) {
    let dir = resolve(start)
    for (;;) {
      const candidate = join(dir, 'resources', 'fonts', FONT_FILE)
      if (existsSync(candidate)) {
        return candidate
      }
      const parent = dirname(dir)
      if (parent === dir) {
        break
      }
      dir = parent
    }
  }
  throw new Error(
    `Label font ${FONT_FILE} not found under resources/fonts; set WAYBILL_FONT to its path`
  )
}

/** Registers the label font once. Pass a path to use a different CJK font. */
export function loadLabelFont(path?: string): string {
  if (font && (path === undefined || path === font.path)) {
    return font.path
  }
  const file = path ?? findFontFile()
  if (!GlobalFonts.registerFromPath(file, FAMILY)) {
    throw new Error(`Could not load label font ${file}`)
  }
  font = { path: file }
  glyphCache.clear()
  metricsCache.clear()
  return file
}

type Scratch = { readonly ctx: SKRSContext2D; readonly size: number }
const scratches = new Map<number, Scratch>()

function scratchFor(sizePx: number): Scratch {
  const existing = scratches.get(sizePx)
  if (existing) {
    return existing
  }
  const size = Math.ceil(sizePx * 2) + 8
  const canvas = createCanvas(size, size)
  const ctx = canvas.getContext('2d')
  ctx.font = `${sizePx}px ${FAMILY}`
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = '#000'
  const scratch = { ctx, size }
  scratches.set(sizePx, scratch)
  return scratch
}

export type LineMetrics = { readonly ascent: number; readonly lineHeight: number }
const metricsCache = new Map<number, LineMetrics>()

/** Ascent of the font at this size: where the baseline sits below a line's top edge. */
export function lineMetrics(sizePx: number): LineMetrics {
  const cached = metricsCache.get(sizePx)
  if (cached) {
    return cached
  }
  loadLabelFont()
  const { ctx } = scratchFor(sizePx)
  const m = ctx.measureText('国')
  // The em box is what a CJK designer fills; centre it on the line rather than trust the
  // font's (Latin-oriented) ascent, so 收件人 and digits share a visual middle.
  const ascent = Math.round(m.fontBoundingBoxAscent || sizePx * 0.88)
  const metrics = { ascent, lineHeight: sizePx }
  metricsCache.set(sizePx, metrics)
  return metrics
}

const glyphCache = new Map<string, Glyph>()

/** C0 and C1 control characters: they have no glyph, and the canvas refuses some (NUL). */
function isControl(char: string): boolean {
  const code = char.codePointAt(0) ?? 0
  return code < 0x20 || (code >= 0x7f && code <= 0x9f)
}

const NO_GLYPH: Glyph = { advance: 0, left: 0, top: 0, mask: null }

export function glyph(char: string, sizePx: number, bold: boolean): Glyph {
  // Sheets and typed text can carry control characters; a label draws them as nothing.
  if (isControl(char)) {
    return NO_GLYPH
  }
  const key = `${sizePx}|${bold ? 1 : 0}|${char}`
  const cached = glyphCache.get(key)
  if (cached) {
    return cached
  }
  const made = rasterise(char, sizePx, bold)
  glyphCache.set(key, made)
  return made
}

function rasterise(char: string, sizePx: number, bold: boolean): Glyph {
  loadLabelFont()
  const { ascent } = lineMetrics(sizePx)
  const { ctx, size } = scratchFor(sizePx)
  // The bundled face has no bold: embolden by smearing the ink right, the classic synthetic
  // bold, ~1/16 em so it reads bold at 203 dpi without closing the counters of 国 or 8.
  const embolden = bold ? Math.max(1, Math.round(sizePx / 16)) : 0
  const advance = ctx.measureText(char).width + embolden
  if (char.trim() === '') {
    return { advance, left: 0, top: 0, mask: null }
  }
  const pad = 4
  ctx.clearRect(0, 0, size, size)
  ctx.fillText(char, pad, pad + ascent)
  const pixels = ctx.getImageData(0, 0, size, size).data
  let minX = size
  let minY = size
  let maxX = -1
  let maxY = -1
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((pixels[(y * size + x) * 4 + 3] ?? 0) >= INK_ALPHA) {
        minX = Math.min(minX, x)
        maxX = Math.max(maxX, x)
        minY = Math.min(minY, y)
        maxY = Math.max(maxY, y)
      }
    }
  }
  if (maxX < 0) {
    return { advance, left: 0, top: 0, mask: null }
  }
  const width = maxX - minX + 1 + embolden
  const height = maxY - minY + 1
  const mask = createBitmap(width, height)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let ink = false
      for (let d = 0; d <= embolden && !ink; d++) {
        const sx = minX + x - d
        if (sx >= minX && sx <= maxX) {
          ink = (pixels[((minY + y) * size + sx) * 4 + 3] ?? 0) >= INK_ALPHA
        }
      }
      if (ink) {
        const i = y * mask.bytesPerRow + (x >> 3)
        mask.data[i] = (mask.data[i] ?? 0) | (0x80 >> (x & 7))
      }
    }
  }
  return { advance, left: minX - pad, top: minY - pad, mask }
}

/** Width in pixels of a run of text at this size. */
export function measure(text: string, sizePx: number, bold: boolean): number {
  let width = 0
  for (const char of text) {
    width += glyph(char, sizePx, bold).advance
  }
  return width
}
