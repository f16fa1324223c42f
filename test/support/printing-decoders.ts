/**
 * Decoders for the printer byte streams, written from the language references rather than from
 * our encoders: ESC/POS (`GS v 0`, `GS V`, `DLE EOT`), TSPL (`SIZE`, `CLS`, `BITMAP`, `PRINT`,
 * `<ESC>!?`, and the printer's own `BARCODE "128M"` / `QRCODE` manual mode) and ZPL (`^XA`,
 * `^PW`, `^LL`, `^FO`, `^GFA` with ASCII compression, `^BY`, `^BC` mode N with invocation
 * codes, `^BQ` with manual or automatic input, `~SD`, `^XZ`, `~HS`).
 * Native symbols are drawn the way a printer's firmware would: bwip-js builds the symbol from
 * the codewords / data the command names, at the command's module size and origin, onto the
 * same canvas as the raster. Streaming: feed chunks as they arrive; each returns what completed.
 */
import bwipjs from 'bwip-js/node'
import { type Bitmap, createBitmap } from '../../src/main/core/printing/bitmap'

/** A symbol a native command drew: where, how large, and what it holds. */
export type NativeSymbol = {
  readonly kind: 'code128' | 'qr'
  readonly x: number
  readonly y: number
  readonly module: number
  /** Code128: bar height; QR: modules per side. */
  readonly size: number
  readonly text: string
}

export type DecodedEvent =
  | {
      readonly type: 'label'
      readonly bitmap: Bitmap
      readonly copies: number
      /** Symbols printed from native barcode commands (empty for a raster-only label). */
      readonly symbols?: readonly NativeSymbol[]
    }
  | { readonly type: 'status-query'; readonly n?: number }
  | { readonly type: 'unknown'; readonly at: number; readonly byte: number }

export type StreamDecoder = {
  feed(chunk: Uint8Array): DecodedEvent[]
  /** Bytes received but not yet part of a complete command (a label cut off mid-way). */
  pending(): number
}

function setPixel(bitmap: Bitmap, x: number, y: number, black: boolean): void {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) {
    return
  }
  const i = y * bitmap.bytesPerRow + (x >> 3)
  const bit = 0x80 >> (x & 7)
  bitmap.data[i] = black ? (bitmap.data[i] ?? 0) | bit : (bitmap.data[i] ?? 0) & ~bit & 0xff
}

function fillBlack(bitmap: Bitmap, x: number, y: number, w: number, h: number): void {
  for (let row = y; row < y + h; row++) {
    for (let col = x; col < x + w; col++) {
      setPixel(bitmap, col, row, true)
    }
  }
}

/** Code128 bars from codewords (start first; bwip-js adds the check and stop). */
function drawCode128(
  bitmap: Bitmap,
  codewords: readonly number[],
  at: { x: number; y: number; module: number; height: number }
): void {
  const raw = codewords.map((cw) => `^${String(cw).padStart(3, '0')}`).join('')
  const [symbol] = bwipjs.raw('code128', raw, 'raw')
  if (!symbol || !('sbs' in symbol)) {
    throw new Error('bwip-js returned no Code128 symbol')
  }
  let x = at.x
  symbol.sbs.forEach((w, i) => {
    if (i % 2 === 0) {
      fillBlack(bitmap, x, at.y, w * at.module, at.height)
    }
    x += w * at.module
  })
}

/** A QR symbol of the data at the cell size, top-left at (x, y); returns its modules per side. */
function drawQr(
  bitmap: Bitmap,
  data: string,
  ecLevel: string,
  at: { x: number; y: number; module: number }
): number {
  const [symbol] = bwipjs.raw('qrcode', data, `eclevel=${ecLevel}`)
  if (!symbol || !('pixs' in symbol)) {
    throw new Error('bwip-js returned no QR symbol')
  }
  for (let row = 0; row < symbol.pixy; row++) {
    for (let col = 0; col < symbol.pixx; col++) {
      if (symbol.pixs[row * symbol.pixx + col] === 1) {
        fillBlack(bitmap, at.x + col * at.module, at.y + row * at.module, at.module, at.module)
      }
    }
  }
  return symbol.pixx
}

/** Code set of a Code128 codeword stream: what one character or pair becomes. */
function code128Value(set: 'A' | 'B' | 'C', text: string): number {
  const c = text.charCodeAt(0)
  if (set === 'C') {
    return Number.parseInt(text, 10)
  }
  if (set === 'B') {
    return c - 32
  }
  return c >= 32 ? c - 32 : c + 64
}

/**
 * TSPL "128M" data: `!NNN` is a codeword (103-105 start A/B/C, 99 code C, 100 code B, 101
 * code A); other characters are data in the current code set (pairs of digits in C).
 */
export function tspl128mCodewords(data: string): number[] {
  const out: number[] = []
  let set: 'A' | 'B' | 'C' = 'B'
  let i = 0
  while (i < data.length) {
    if (data[i] === '!' && /^\d{3}$/.test(data.slice(i + 1, i + 4))) {
      const cw = Number(data.slice(i + 1, i + 4))
      out.push(cw)
      if (cw === 103 || cw === 101) set = 'A'
      if (cw === 104 || cw === 100) set = 'B'
      if (cw === 105 || cw === 99) set = 'C'
      i += 4
      continue
    }
    if (out.length === 0) {
      throw new Error('128M data must start with a start code')
    }
    const n = set === 'C' ? 2 : 1
    out.push(code128Value(set, data.slice(i, i + n)))
    i += n
  }
  return out
}

/**
 * ZPL `^BC` mode N data: `>9` `>:` `>;` start A/B/C, `>7` `>6` `>5` switch to A/B/C, `><`
 * is `>`; without a start code the printer starts in subset B.
 */
export function zplCode128Codewords(data: string): number[] {
  const out: number[] = []
  let set: 'A' | 'B' | 'C' = 'B'
  const invocations: Record<string, [number, 'A' | 'B' | 'C']> = {
    '9': [103, 'A'],
    ':': [104, 'B'],
    ';': [105, 'C'],
    '7': [101, 'A'],
    '6': [100, 'B'],
    '5': [99, 'C']
  }
  let i = 0
  while (i < data.length) {
    const next = data[i + 1] ?? ''
    if (data[i] === '>' && next in invocations) {
      const [cw, to] = invocations[next] ?? [0, 'B']
      out.push(cw)
      set = to
      i += 2
      continue
    }
    if (out.length === 0) {
      out.push(104)
    }
    if (data[i] === '>' && next === '<') {
      out.push(code128Value(set, '>'))
      i += 2
      continue
    }
    const n = set === 'C' ? 2 : 1
    out.push(code128Value(set, data.slice(i, i + n)))
    i += n
  }
  return out
}

/** QR manual-mode data (TSPL and ZPL share it): N / A / K segments, Bnnnn + n bytes; `!` switches in TSPL. */
export function qrManualData(data: string): string {
  let out = ''
  let i = 0
  while (i < data.length) {
    const mode = data[i]
    if (mode === 'B') {
      const n = Number(data.slice(i + 1, i + 5))
      out += data.slice(i + 5, i + 5 + n)
      i += 5 + n
    } else if (mode === 'N' || mode === 'A' || mode === 'K') {
      const end = data.indexOf('!', i + 1)
      out += data.slice(i + 1, end < 0 ? data.length : end)
      i = end < 0 ? data.length : end
    } else {
      throw new Error(`bad QR manual mode ${String(mode)}`)
    }
    if (data[i] === '!') {
      i++
    }
  }
  return out
}

/** Splits a TSPL parameter list on commas outside double quotes; quotes are removed. */
function tsplArgs(args: string): string[] {
  const out: string[] = []
  let current = ''
  let quoted = false
  for (const c of args) {
    if (c === '"') {
      quoted = !quoted
    } else if (c === ',' && !quoted) {
      out.push(current.trim())
      current = ''
    } else {
      current += c
    }
  }
  out.push(quoted ? current : current.trim())
  return out
}

class ByteQueue {
  private buf = Buffer.alloc(0)
  private pos = 0
  consumed = 0
  push(chunk: Uint8Array): void {
    this.buf = Buffer.concat([this.buf.subarray(this.pos), Buffer.from(chunk)])
    this.pos = 0
  }
  get length(): number {
    return this.buf.length - this.pos
  }
  at(i: number): number | undefined {
    return this.pos + i < this.buf.length ? this.buf[this.pos + i] : undefined
  }
  take(n: number): Buffer {
    const out = this.buf.subarray(this.pos, this.pos + n)
    this.pos += n
    this.consumed += n
    return out
  }
  indexOf(value: string | number, from = 0): number {
    const i = this.buf.indexOf(value, this.pos + from)
    return i < 0 ? -1 : i - this.pos
  }
}

export function escPosDecoder(): StreamDecoder {
  const q = new ByteQueue()
  let bands: { width: number; rows: number; data: Buffer }[] = []
  const finishLabel = (): DecodedEvent | null => {
    if (bands.length === 0) {
      return null
    }
    const bytesPerRow = bands[0]?.width ?? 0
    const height = bands.reduce((sum, band) => sum + band.rows, 0)
    const bitmap = createBitmap(bytesPerRow * 8, height)
    let at = 0
    for (const band of bands) {
      if (band.width !== bytesPerRow) {
        throw new Error('raster bands of different widths in one label')
      }
      bitmap.data.set(band.data, at)
      at += band.data.length
    }
    bands = []
    return { type: 'label', bitmap, copies: 1 }
  }
  return {
    pending: () => q.length + bands.reduce((sum, band) => sum + band.data.length, 0),
    feed(chunk): DecodedEvent[] {
      q.push(chunk)
      const events: DecodedEvent[] = []
      for (;;) {
        const b0 = q.at(0)
        const b1 = q.at(1)
        if (b0 === undefined) {
          break
        }
        if (b0 === 0x1b) {
          if (b1 === undefined) {
            break
          }
          if (b1 === 0x40) {
            q.take(2)
            continue
          }
          if (b1 === 0x64 || b1 === 0x4a) {
            if (q.length < 3) {
              break
            }
            q.take(3)
            continue
          }
          if (b1 === 0x42) {
            if (q.length < 4) {
              break
            }
            q.take(4)
            continue
          }
        } else if (b0 === 0x10 && b1 === 0x04) {
          if (q.length < 3) {
            break
          }
          const n = q.take(3)[2]
          events.push(n === undefined ? { type: 'status-query' } : { type: 'status-query', n })
          continue
        } else if (b0 === 0x10 && b1 === undefined) {
          break
        } else if (b0 === 0x1d) {
          if (b1 === undefined) {
            break
          }
          if (b1 === 0x76) {
            if (q.length < 8) {
              break
            }
            const width = (q.at(4) ?? 0) | ((q.at(5) ?? 0) << 8)
            const rows = (q.at(6) ?? 0) | ((q.at(7) ?? 0) << 8)
            if (q.at(2) !== 0x30 || q.length < 8 + width * rows) {
              if (q.at(2) !== 0x30) {
                events.push({ type: 'unknown', at: q.consumed, byte: b0 })
                q.take(1)
                continue
              }
              break
            }
            const block = q.take(8 + width * rows)
            bands.push({ width, rows, data: Buffer.from(block.subarray(8)) })
            continue
          }
          if (b1 === 0x56) {
            const m = q.at(2)
            if (m === undefined) {
              break
            }
            const extra = m === 65 || m === 66 ? 1 : 0
            if (q.length < 3 + extra) {
              break
            }
            q.take(3 + extra)
            const label = finishLabel()
            if (label) {
              events.push(label)
            }
            continue
          }
        }
        events.push({ type: 'unknown', at: q.consumed, byte: b0 })
        q.take(1)
      }
      return events
    }
  }
}

export function tsplDecoder(dotsPerMm: number): StreamDecoder {
  const q = new ByteQueue()
  let width = 0
  let height = 0
  let canvas: Bitmap | null = null
  let symbols: NativeSymbol[] = []
  const blank = (): Bitmap => createBitmap(Math.max(1, width), Math.max(1, height))
  return {
    pending: () => q.length,
    feed(chunk): DecodedEvent[] {
      q.push(chunk)
      const events: DecodedEvent[] = []
      for (;;) {
        if (q.length === 0) {
          break
        }
        const b0 = q.at(0)
        if (b0 === 0x0d || b0 === 0x0a || b0 === 0x20) {
          q.take(1)
          continue
        }
        if (b0 === 0x1b) {
          if (q.length < 3) {
            break
          }
          if (q.at(1) === 0x21 && q.at(2) === 0x3f) {
            q.take(3)
            events.push({ type: 'status-query' })
            continue
          }
          events.push({ type: 'unknown', at: q.consumed, byte: b0 })
          q.take(1)
          continue
        }
        // BITMAP carries binary data after its sixth field: handle it before line splitting.
        if (q.length >= 7 && q.indexOf('BITMAP ') === 0) {
          let commas = 0
          let i = 0
          while (i < q.length && commas < 5) {
            if (q.at(i) === 0x2c) {
              commas++
            }
            i++
          }
          if (commas < 5) {
            break
          }
          const head = Buffer.from(Array.from({ length: i }, (_, k) => q.at(k) ?? 0)).toString(
            'ascii'
          )
          const [x, y, wb, h, mode] = head
            .slice('BITMAP '.length, -1)
            .split(',')
            .map((part) => Number(part.trim()))
          if ([x, y, wb, h, mode].some((v) => v === undefined || Number.isNaN(v))) {
            throw new Error(`bad BITMAP header: ${head}`)
          }
          const bytes = (wb ?? 0) * (h ?? 0)
          if (q.length < i + bytes) {
            break
          }
          q.take(i)
          const data = q.take(bytes)
          canvas ??= blank()
          for (let row = 0; row < (h ?? 0); row++) {
            for (let col = 0; col < (wb ?? 0) * 8; col++) {
              const byte = data[row * (wb ?? 0) + (col >> 3)] ?? 0xff
              // TSPL BITMAP: 0 = black. Mode 0 overwrites, so 1 bits paint white.
              const black = (byte & (0x80 >> (col & 7))) === 0
              setPixel(canvas, (x ?? 0) + col, (y ?? 0) + row, black)
            }
          }
          continue
        }
        const eol = q.indexOf('\n')
        if (eol < 0) {
          break
        }
        const line = q
          .take(eol + 1)
          .toString('latin1')
          .trim()
        const [command = '', ...rest] = line.split(/\s+/)
        const args = rest.join(' ')
        switch (command.toUpperCase()) {
          case 'SIZE': {
            const mm = args.split(',').map((part) => Number.parseFloat(part))
            width = Math.round((mm[0] ?? 0) * dotsPerMm)
            height = Math.round((mm[1] ?? 0) * dotsPerMm)
            break
          }
          case 'CLS':
            canvas = blank()
            symbols = []
            break
          case 'BARCODE': {
            // x,y,"type",height,human readable,rotation,narrow,wide,"content"
            const [x, y, type, h, readable, rotation, narrow, , content = ''] = tsplArgs(args)
            if (type !== '128M' || readable !== '0' || rotation !== '0') {
              events.push({ type: 'unknown', at: q.consumed, byte: line.charCodeAt(0) })
              break
            }
            canvas ??= blank()
            const codewords = tspl128mCodewords(content)
            const at = { x: Number(x), y: Number(y), module: Number(narrow), height: Number(h) }
            drawCode128(canvas, codewords, at)
            symbols.push({ kind: 'code128', ...at, size: at.height, text: content })
            break
          }
          case 'QRCODE': {
            // x,y,ECC,cell,mode,rotation,[model,mask,]"content"
            const parts = tsplArgs(args)
            const [x, y, ecc = 'M', cell, mode, rotation] = parts
            const content = parts.at(-1) ?? ''
            if (rotation !== '0' || (parts.length === 9 && parts[6] !== 'M2')) {
              events.push({ type: 'unknown', at: q.consumed, byte: line.charCodeAt(0) })
              break
            }
            canvas ??= blank()
            const text = mode === 'M' ? qrManualData(content) : content
            const at = { x: Number(x), y: Number(y), module: Number(cell) }
            const size = drawQr(canvas, text, ecc, at)
            symbols.push({ kind: 'qr', ...at, size, text })
            break
          }
          case 'PRINT': {
            const copies = Number.parseInt(args.split(',')[0] ?? '1', 10)
            events.push({ type: 'label', bitmap: canvas ?? blank(), copies, symbols })
            canvas = null
            symbols = []
            break
          }
          case 'GAP':
          case 'DIRECTION':
          case 'DENSITY':
          case 'SPEED':
          case 'REFERENCE':
          case '':
            break
          default:
            events.push({ type: 'unknown', at: q.consumed, byte: line.charCodeAt(0) })
        }
      }
      return events
    }
  }
}

/** Expands `^GFA` ASCII data (hex with ZPL run-length compression) into rows of bytes. */
export function decodeZplGraphic(
  data: string,
  totalBytes: number,
  bytesPerRow: number
): Uint8Array {
  const rows = totalBytes / bytesPerRow
  const rowHex = bytesPerRow * 2
  const out = new Uint8Array(totalBytes)
  let row = ''
  let previous = ''
  let rowIndex = 0
  let count = 0
  const pushRow = (hex: string): void => {
    for (let i = 0; i < bytesPerRow; i++) {
      out[rowIndex * bytesPerRow + i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
    }
    previous = hex
    rowIndex++
    row = ''
  }
  for (const c of data) {
    if (rowIndex >= rows) {
      break
    }
    if (c === '\n' || c === '\r' || c === ' ') {
      continue
    }
    if (c >= 'G' && c <= 'Y') {
      count += c.charCodeAt(0) - 0x46
      continue
    }
    if (c >= 'g' && c <= 'z') {
      count += (c.charCodeAt(0) - 0x66) * 20
      continue
    }
    if (c === ',') {
      pushRow(row.padEnd(rowHex, '0'))
      continue
    }
    if (c === '!') {
      pushRow(row.padEnd(rowHex, 'F'))
      continue
    }
    if (c === ':') {
      pushRow(previous)
      continue
    }
    if (!/[0-9A-Fa-f]/.test(c)) {
      throw new Error(`bad ^GFA character ${c}`)
    }
    row += c.repeat(Math.max(1, count))
    count = 0
    while (row.length >= rowHex) {
      const rest = row.slice(rowHex)
      pushRow(row.slice(0, rowHex))
      row = rest
    }
  }
  if (rowIndex !== rows) {
    throw new Error(`^GFA data gave ${rowIndex} rows, expected ${rows}`)
  }
  return out
}

const NO_ARGS = new Set(['^XA', '^XZ', '~HS', '^FS'])

export function zplDecoder(): StreamDecoder {
  let text = ''
  let inLabel = false
  let width = 0
  let height = 0
  let originX = 0
  let originY = 0
  let graphics: { x: number; y: number; total: number; bpr: number; data: string }[] = []
  // ^BY defaults survive between formats, as on a printer; 10 dots is the power-up bar height.
  let barModule = 2
  let barHeight = 10
  let field: { kind: 'code128'; height: number } | { kind: 'qr'; module: number } | null = null
  let fieldData: string | null = null
  let natives: {
    kind: 'code128' | 'qr'
    x: number
    y: number
    module: number
    height: number
    data: string
  }[] = []
  return {
    pending: () => text.length,
    feed(chunk): DecodedEvent[] {
      text += Buffer.from(chunk).toString('latin1')
      const events: DecodedEvent[] = []
      for (;;) {
        const start = text.search(/[~^]/)
        if (start < 0) {
          text = ''
          break
        }
        if (text.length - start < 3) {
          text = text.slice(start)
          break
        }
        // Commands without parameters end after their name; the others run to the next ^ or ~
        // and are incomplete until one arrives.
        let end: number
        if (NO_ARGS.has(text.slice(start, start + 3).toUpperCase())) {
          end = start + 3
        } else {
          const next = text.slice(start + 1).search(/[~^]/)
          if (next < 0) {
            text = text.slice(start)
            break
          }
          end = start + 1 + next
        }
        const command = text.slice(start, end)
        text = text.slice(end)
        const name = command.slice(0, 3).toUpperCase()
        const args = command.slice(3).trim()
        switch (name) {
          case '~HS':
            events.push({ type: 'status-query' })
            break
          case '^XA':
            inLabel = true
            graphics = []
            natives = []
            break
          case '^BY': {
            const [w, , h] = args.split(',')
            barModule = w ? Number.parseInt(w, 10) : barModule
            barHeight = h ? Number.parseInt(h, 10) : barHeight
            break
          }
          case '^BC': {
            // o,h,f,g,e,m: only normal orientation, no interpretation line, mode N are modelled.
            const [o = 'N', h, f = 'Y', , , m = 'N'] = args.split(',')
            if (o !== 'N' || f !== 'N' || m !== 'N') {
              events.push({ type: 'unknown', at: 0, byte: name.charCodeAt(1) })
              break
            }
            field = { kind: 'code128', height: h ? Number.parseInt(h, 10) : barHeight }
            break
          }
          case '^BQ': {
            const [o = 'N', model = '2', magnification = '2'] = args.split(',')
            if (o !== 'N' || model !== '2') {
              events.push({ type: 'unknown', at: 0, byte: name.charCodeAt(1) })
              break
            }
            field = { kind: 'qr', module: Number.parseInt(magnification, 10) }
            break
          }
          case '^FD':
            fieldData = command.slice(3)
            break
          case '~SD':
          case '^MD':
            break
          case '^PW':
            width = Number.parseInt(args, 10)
            break
          case '^LL':
            height = Number.parseInt(args, 10)
            break
          case '^FO': {
            const [x, y] = args.split(',').map((part) => Number.parseInt(part, 10))
            originX = x ?? 0
            originY = y ?? 0
            break
          }
          case '^GF': {
            const [format, b, , d, ...dataParts] = command.slice(3).split(',')
            if (format !== 'A') {
              throw new Error(`only ^GFA is decoded, got ^GF${String(format)}`)
            }
            graphics.push({
              x: originX,
              y: originY,
              total: Number(b),
              bpr: Number(d),
              data: dataParts.join(',')
            })
            break
          }
          case '^FS':
            if (field && fieldData !== null) {
              if (field.kind === 'code128') {
                natives.push({
                  kind: 'code128',
                  x: originX,
                  y: originY,
                  module: barModule,
                  height: field.height,
                  data: fieldData
                })
              } else {
                // A ^FO QR prints lower by the current ^BY bar height (Labelary, zebrash#57).
                natives.push({
                  kind: 'qr',
                  x: originX,
                  y: originY + barHeight,
                  module: field.module,
                  height: 0,
                  data: fieldData
                })
              }
            }
            field = null
            fieldData = null
            break
          case '^XZ': {
            if (inLabel) {
              const bitmap = createBitmap(width, height)
              for (const g of graphics) {
                const bytes = decodeZplGraphic(g.data, g.total, g.bpr)
                for (let row = 0; row < g.total / g.bpr; row++) {
                  for (let col = 0; col < g.bpr * 8; col++) {
                    if ((bytes[row * g.bpr + (col >> 3)] ?? 0) & (0x80 >> (col & 7))) {
                      setPixel(bitmap, g.x + col, g.y + row, true)
                    }
                  }
                }
              }
              const symbols: NativeSymbol[] = []
              for (const n of natives) {
                if (n.kind === 'code128') {
                  const at = { x: n.x, y: n.y, module: n.module, height: n.height }
                  drawCode128(bitmap, zplCode128Codewords(n.data), at)
                  symbols.push({ kind: 'code128', ...at, size: n.height, text: n.data })
                  continue
                }
                // <EC level><A|M>,<data>; manual data names its character mode.
                const ec = n.data[0] ?? 'M'
                const input = n.data[1]
                const body = n.data.slice(3)
                const text = input === 'M' ? qrManualData(body) : body
                const at = { x: n.x, y: n.y, module: n.module }
                const size = drawQr(bitmap, text, ec, at)
                symbols.push({ kind: 'qr', ...at, size, text })
              }
              events.push({ type: 'label', bitmap, copies: 1, symbols })
            }
            inLabel = false
            break
          }
          case '^LH':
          case '^PQ':
            break
          default:
            events.push({ type: 'unknown', at: 0, byte: name.charCodeAt(1) })
        }
      }
      return events
    }
  }
}
