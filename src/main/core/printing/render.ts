import { PNG } from 'pngjs'
import { drawCode128, drawQr } from './barcodes'
import {
  type Bitmap,
  bitmapFromPredicate,
  blit,
  clearPadding,
  createBitmap,
  fillRect
} from './bitmap'
import { glyph, lineMetrics } from './glyphs'
import { type FieldOptions, type LabelData, labelFields } from './label-data'
import {
  type Code128Element,
  type ImageElement,
  type LabelTemplate,
  type LineElement,
  type TextElement,
  interpolate,
  isShown
} from './template'

export type Dpi = 203 | 300

export type RenderOptions = FieldOptions & {
  /** Printer resolution. Default 203 (8 dots/mm). */
  readonly dpi?: Dpi
  /** Named PNG images for `image` elements (carrier logos and the like). */
  readonly images?: Readonly<Record<string, Uint8Array>>
}

/**
 * A barcode as the renderer drew it, in dots: what a printer's own BARCODE / QRCODE command
 * needs to print the same symbol in the same place (see encoders/native-barcodes.ts).
 */
export type PlacedBarcode =
  | {
      readonly kind: 'code128'
      readonly value: string
      /** Top-left of the first bar (the quiet zone is outside). */
      readonly x: number
      readonly y: number
      readonly module: number
      readonly height: number
      /** Bar/space widths in modules, bar first, as drawn. */
      readonly widths: readonly number[]
    }
  | {
      readonly kind: 'qr'
      readonly value: string
      readonly ecLevel: 'L' | 'M' | 'Q' | 'H'
      /** Top-left of the symbol (the quiet zone is outside). */
      readonly x: number
      readonly y: number
      readonly module: number
      /** Modules per side. */
      readonly size: number
      /** size x size, 1 = dark, row by row. */
      readonly modules: readonly number[]
    }

/** A rendered label: the bitmap, and where its barcodes are in it (for native barcode modes). */
export type LabelBitmap = Bitmap & { readonly barcodes?: readonly PlacedBarcode[] }

/** 203 dpi printers are 8 dots/mm exactly (their "203" is 203.2); 300 dpi is 300/25.4. */
export function dotsPerMm(dpi: Dpi): number {
  return dpi === 203 ? 8 : dpi / 25.4
}

export function labelSizeDots(
  template: LabelTemplate,
  dpi: Dpi
): { width: number; height: number } {
  const k = dotsPerMm(dpi)
  return { width: Math.round(template.widthMm * k), height: Math.round(template.heightMm * k) }
}

/** Renders one label to the printer's 1-bit raster. Masking is on unless `maskPrivacy: false`. */
export function renderLabel(
  template: LabelTemplate,
  data: LabelData,
  options: RenderOptions = {}
): LabelBitmap {
  return renderFields(template, labelFields(data, options), options)
}

/** Renders a template against an already-built field map (previews, template editors). */
export function renderFields(
  template: LabelTemplate,
  fields: Readonly<Record<string, string>>,
  options: Pick<RenderOptions, 'dpi' | 'images'> = {}
): LabelBitmap {
  const dpi = options.dpi ?? 203
  const k = dotsPerMm(dpi)
  const size = labelSizeDots(template, dpi)
  const target = createBitmap(size.width, size.height)
  const barcodes: PlacedBarcode[] = []
  const d = (mm: number): number => Math.round(mm * k)
  for (const element of template.elements) {
    if (!isShown(element, fields)) {
      continue
    }
    switch (element.kind) {
      case 'box': {
        const stroke = element.stroke ?? 0.3
        const x = d(element.x)
        const y = d(element.y)
        const w = d(element.x + element.w) - x
        const h = d(element.y + element.h) - y
        if (element.fill) {
          fillRect(target, x, y, w, h)
        } else {
          const s = Math.max(1, d(stroke))
          fillRect(target, x, y, w, s)
          fillRect(target, x, y + h - s, w, s)
          fillRect(target, x, y, s, h)
          fillRect(target, x + w - s, y, s, h)
        }
        break
      }
      case 'line':
        drawLine(target, element, d)
        break
      case 'text':
        drawText(target, element, interpolate(element.text, fields), d, k)
        break
      case 'code128':
        drawBarcode(target, element, fields, d, k, dpi, barcodes)
        break
      case 'qr': {
        const value = interpolate(element.value, fields)
        if (value !== '') {
          const ecLevel = element.ecLevel ?? 'M'
          const placed = drawQr(target, value, area(element, d), ecLevel)
          barcodes.push({
            kind: 'qr',
            value,
            ecLevel,
            x: placed.x,
            y: placed.y,
            module: placed.module,
            size: placed.symbol.pixx,
            modules: placed.symbol.pixs
          })
        }
        break
      }
      case 'image':
        drawImage(target, element, fields, options.images ?? {}, d)
        break
    }
  }
  clearPadding(target)
  return { ...target, barcodes }
}

type Dots = (mm: number) => number

function area(
  e: { x: number; y: number; w: number; h: number },
  d: Dots
): {
  x: number
  y: number
  w: number
  h: number
} {
  const x = d(e.x)
  const y = d(e.y)
  return { x, y, w: d(e.x + e.w) - x, h: d(e.y + e.h) - y }
}

function drawLine(target: Bitmap, line: LineElement, d: Dots): void {
  const s = Math.max(1, d(line.stroke ?? 0.3))
  const x1 = d(Math.min(line.x1, line.x2))
  const x2 = d(Math.max(line.x1, line.x2))
  const y1 = d(Math.min(line.y1, line.y2))
  const y2 = d(Math.max(line.y1, line.y2))
  const horizontal = y1 === y2
  if (!horizontal && x1 !== x2) {
    throw new RangeError('Lines are horizontal or vertical; use boxes for anything else')
  }
  const length = horizontal ? x2 - x1 : y2 - y1
  const dash = line.dash === undefined ? length : Math.max(1, d(line.dash))
  for (let at = 0; at < length; at += 2 * dash) {
    const run = Math.min(dash, length - at)
    if (horizontal) {
      fillRect(target, x1 + at, y1 - (s >> 1), run, s)
    } else {
      fillRect(target, x1 - (s >> 1), y1 + at, s, run)
    }
  }
}

const NO_LINE_START = new Set(Array.from('）)】」』》〉，。、；：！？,.;:!?%…'))

type Line = { readonly chars: readonly string[]; readonly width: number }

/**
 * What a line break never splits: a Latin/digit run with the brackets around it ("(CAP-01)"),
 * an opening bracket with the character after it ("（前"), and a quantity ("×2").
 */
const WRAP_UNITS =
  /[×*]\d+|[(（【[「『《〈]*(?:[A-Za-z0-9\-_.@#/:]+|[^\s(（【[「『《〈])[)）】\]」』》〉]?|./gsu

/** Breaks text into lines no wider than maxWidth: CJK anywhere, Latin/digit runs kept whole when they fit. */
export function wrapText(text: string, sizePx: number, bold: boolean, maxWidth: number): Line[] {
  const lines: Line[] = []
  for (const paragraph of text.split('\n')) {
    let chars: string[] = []
    let width = 0
    const tokens = paragraph.match(WRAP_UNITS) ?? []
    for (const token of tokens) {
      const tokenChars = Array.from(token)
      const tokenWidth = tokenChars.reduce((sum, c) => sum + glyph(c, sizePx, bold).advance, 0)
      if (width + tokenWidth <= maxWidth) {
        chars.push(...tokenChars)
        width += tokenWidth
        continue
      }
      // Does not fit: a short word moves to the next line, a long one is split by character.
      if (tokenChars.length > 1 && tokenWidth <= maxWidth && chars.length > 0) {
        lines.push({ chars, width })
        chars = tokenChars
        width = tokenWidth
        continue
      }
      for (const c of tokenChars) {
        const w = glyph(c, sizePx, bold).advance
        if (width + w > maxWidth && chars.length > 0) {
          if (c === ' ') {
            lines.push({ chars, width })
            chars = []
            width = 0
            continue
          }
          // 禁则: closing punctuation never starts a line; it takes the previous character along.
          const carried = NO_LINE_START.has(c) && chars.length > 1 ? (chars.pop() ?? '') : ''
          const carriedWidth = carried === '' ? 0 : glyph(carried, sizePx, bold).advance
          lines.push({ chars, width: width - carriedWidth })
          chars = carried === '' ? [] : [carried]
          width = carriedWidth
        }
        chars.push(c)
        width += w
      }
    }
    lines.push({ chars, width })
  }
  return lines
}

function fitText(
  text: string,
  element: TextElement,
  k: number,
  boxW: number,
  boxH: number
): { lines: Line[]; sizePx: number; lineStep: number } {
  const bold = element.bold ?? false
  const maxSize = Math.max(4, Math.round(element.size * k))
  const minSize = Math.max(4, Math.round((element.minSize ?? element.size) * k))
  const lineFactor = element.lineHeight ?? 1.2
  let sizePx = maxSize
  for (;;) {
    const lineStep = Math.round(sizePx * lineFactor)
    const fitLines = Math.max(1, Math.floor((boxH - sizePx) / lineStep) + 1)
    const maxLines = Math.min(element.maxLines ?? fitLines, fitLines)
    const lines = wrapText(text, sizePx, bold, boxW)
    if (lines.length <= maxLines || sizePx <= minSize) {
      return { lines: truncate(lines, maxLines, sizePx, bold, boxW), sizePx, lineStep }
    }
    sizePx = Math.max(minSize, sizePx - Math.max(1, Math.round(sizePx / 12)))
  }
}

function truncate(
  lines: Line[],
  maxLines: number,
  sizePx: number,
  bold: boolean,
  maxWidth: number
): Line[] {
  if (lines.length <= maxLines) {
    return lines
  }
  const kept = lines.slice(0, maxLines)
  const last = kept[maxLines - 1]
  if (!last) {
    return kept
  }
  const ellipsis = glyph('…', sizePx, bold).advance
  const chars = [...last.chars]
  let width = last.width
  while (chars.length > 0 && width + ellipsis > maxWidth) {
    width -= glyph(chars.pop() ?? '', sizePx, bold).advance
  }
  kept[maxLines - 1] = { chars: [...chars, '…'], width: width + ellipsis }
  return kept
}

function drawText(target: Bitmap, element: TextElement, text: string, d: Dots, k: number): void {
  const box = area(element, d)
  if (element.inverse) {
    fillRect(target, box.x, box.y, box.w, box.h)
  }
  if (text === '') {
    return
  }
  const { lines, sizePx, lineStep } = fitText(text, element, k, box.w, box.h)
  const bold = element.bold ?? false
  const blockHeight = (lines.length - 1) * lineStep + sizePx
  const valign = element.valign ?? 'top'
  let top = box.y
  if (valign === 'middle') {
    top = box.y + Math.round((box.h - blockHeight) / 2)
  } else if (valign === 'bottom') {
    top = box.y + box.h - blockHeight
  }
  const { ascent } = lineMetrics(sizePx)
  // Glyph tops are relative to the font's ascent line; shift so the em box, not the ascent
  // box, sits on the line: CJK fills the em box and looks centred that way.
  const emShift = Math.round(sizePx * 0.88) - ascent
  for (const line of lines) {
    let x = box.x
    if (element.align === 'center') {
      x = box.x + (box.w - line.width) / 2
    } else if (element.align === 'right') {
      x = box.x + box.w - line.width
    }
    for (const char of line.chars) {
      const g = glyph(char, sizePx, bold)
      if (g.mask) {
        blit(target, g.mask, Math.round(x) + g.left, top + g.top + emShift, !element.inverse)
      }
      x += g.advance
    }
    top += lineStep
  }
}

function drawBarcode(
  target: Bitmap,
  element: Code128Element,
  fields: Readonly<Record<string, string>>,
  d: Dots,
  k: number,
  dpi: Dpi,
  placements: PlacedBarcode[]
): void {
  const value = interpolate(element.value, fields)
  if (value === '') {
    return
  }
  const box = area(element, d)
  const textPx = element.textSize === undefined ? 0 : Math.round(element.textSize * k)
  const gap = textPx > 0 ? Math.round(k * 0.8) : 0
  const barsHeight = box.h - textPx - gap
  // Wider modules than this gain nothing for scanners and eat the quiet zone.
  const maxModule = dpi === 203 ? 4 : 6
  const placed = drawCode128(
    target,
    value,
    { x: box.x, y: box.y, w: box.w, h: barsHeight },
    maxModule
  )
  placements.push({
    kind: 'code128',
    value,
    x: placed.x,
    y: box.y,
    module: placed.module,
    height: barsHeight,
    widths: placed.widths
  })
  if (textPx > 0) {
    const caption = element.text === undefined ? value : interpolate(element.text, fields)
    drawText(
      target,
      {
        kind: 'text',
        x: placed.x / k,
        y: (box.y + barsHeight + gap) / k,
        w: placed.width / k,
        h: (textPx + 2) / k,
        size: textPx / k,
        maxLines: 1,
        align: 'center',
        bold: true,
        text: caption
      },
      caption,
      d,
      k
    )
  }
}

const imageCache = new WeakMap<Uint8Array, Map<string, Bitmap>>()

function drawImage(
  target: Bitmap,
  element: ImageElement,
  fields: Readonly<Record<string, string>>,
  images: Readonly<Record<string, Uint8Array>>,
  d: Dots
): void {
  const png = images[interpolate(element.src, fields)]
  if (!png) {
    return
  }
  const box = area(element, d)
  let sized = imageCache.get(png)
  if (!sized) {
    sized = new Map()
    imageCache.set(png, sized)
  }
  const key = `${box.w}x${box.h}`
  let mask = sized.get(key)
  if (!mask) {
    mask = thresholdImage(png, box.w, box.h)
    sized.set(key, mask)
  }
  blit(target, mask, box.x + ((box.w - mask.width) >> 1), box.y + ((box.h - mask.height) >> 1))
}

/** Scales a PNG to fit the box (nearest neighbour, aspect kept) and thresholds it like the printer would. */
function thresholdImage(png: Uint8Array, boxW: number, boxH: number): Bitmap {
  const image = PNG.sync.read(Buffer.from(png))
  const scale = Math.min(boxW / image.width, boxH / image.height)
  const width = Math.max(1, Math.floor(image.width * scale))
  const height = Math.max(1, Math.floor(image.height * scale))
  return bitmapFromPredicate(width, height, (x, y) => {
    const sx = Math.min(image.width - 1, Math.floor(x / scale))
    const sy = Math.min(image.height - 1, Math.floor(y / scale))
    const i = (sy * image.width + sx) * 4
    const r = image.data[i] ?? 255
    const g = image.data[i + 1] ?? 255
    const b = image.data[i + 2] ?? 255
    const a = image.data[i + 3] ?? 0
    return a > 126 && 0.299 * r + 0.587 * g + 0.114 * b < 128
  })
}
