import bwipjs from 'bwip-js/node'
import { describe, expect, test } from 'vitest'
import { shiftBitmap } from '../../../src/main/core/printing/label-offset'
import {
  type Bitmap,
  bitmapsEqual,
  fillRect,
  getPixel
} from '../../../src/main/core/printing/bitmap'
import { BUILTIN_TEMPLATES } from '../../../src/main/core/printing/builtin-templates'
import { encodeTspl } from '../../../src/main/core/printing/encoders/tspl'
import { encodeZpl } from '../../../src/main/core/printing/encoders/zpl'
import {
  type LabelBitmap,
  type PlacedBarcode,
  renderFields,
  renderLabel
} from '../../../src/main/core/printing/render'
import type { LabelTemplate } from '../../../src/main/core/printing/template'
import { sampleLabel } from '../../support/printing-fixtures'
import {
  type DecodedEvent,
  tspl128mCodewords,
  tsplDecoder,
  zplCode128Codewords,
  zplDecoder
} from '../../support/printing-decoders'

const found = BUILTIN_TEMPLATES.find((t) => t.id === '76x130')
if (!found) {
  throw new Error('no 76x130 template')
}
const template: LabelTemplate = found

function label(trackingNumber = 'SF1423567890123'): LabelBitmap {
  return renderLabel(template, sampleLabel({ trackingNumber }), { dpi: 203 })
}

function only<T extends PlacedBarcode['kind']>(
  l: LabelBitmap,
  kind: T
): Extract<PlacedBarcode, { kind: T }> {
  const found = (l.barcodes ?? []).find((b) => b.kind === kind)
  if (!found) {
    throw new Error(`no ${kind}`)
  }
  return found as Extract<PlacedBarcode, { kind: T }>
}

function printed(events: DecodedEvent[]): Extract<DecodedEvent, { type: 'label' }> {
  for (const event of events) {
    if (event.type === 'label') {
      return event
    }
  }
  throw new Error('no label decoded')
}

const tspl = (l: Bitmap, nativeBarcodes?: boolean): Buffer =>
  encodeTspl(l, { dotsPerMm: 8, ...(nativeBarcodes === undefined ? {} : { nativeBarcodes }) })

/** The printer command lines of a TSPL job (BITMAP data left out). */
function tsplLines(bytes: Buffer): string[] {
  return bytes
    .toString('latin1')
    .split('\r\n')
    .filter((line) => /^[A-Z]+ /.test(line) || line === 'CLS')
    .map((line) => /^BITMAP \d+,\d+,\d+,\d+,0,/.exec(line)?.[0] ?? line)
}

function plain(l: Bitmap): Bitmap {
  return { width: l.width, height: l.height, bytesPerRow: l.bytesPerRow, data: l.data }
}

function allWhite(b: Bitmap, x: number, y: number, w: number, h: number): boolean {
  for (let row = y; row < y + h; row++) {
    for (let col = x; col < x + w; col++) {
      if (getPixel(b, col, row)) {
        return false
      }
    }
  }
  return true
}

describe('native barcode mode off', () => {
  test('TSPL and ZPL send the whole label as one raster, placements or not', () => {
    const l = label()
    for (const bytes of [tspl(l), tspl(l, false)]) {
      expect(bytes.equals(tspl(plain(l)))).toBe(true)
      const lines = tsplLines(bytes)
      expect(lines.filter((line) => line.startsWith('BITMAP '))).toEqual([
        `BITMAP 0,0,${l.bytesPerRow},${l.height},0,`
      ])
      expect(lines.some((line) => /^(BARCODE|QRCODE|TEXT) /.test(line))).toBe(false)
      expect(bitmapsEqual(printed(tsplDecoder(8).feed(bytes)).bitmap, l)).toBe(true)
    }
    for (const bytes of [encodeZpl(l), encodeZpl(l, { nativeBarcodes: false })]) {
      expect(bytes.equals(encodeZpl(plain(l)))).toBe(true)
      const text = bytes.toString('latin1')
      expect(text.match(/\^GFA/g)).toHaveLength(1)
      expect(text).not.toMatch(/\^B[CQY]|\^FD|~SD/)
      const got = printed(zplDecoder().feed(bytes))
      expect(bitmapsEqual(got.bitmap, l)).toBe(true)
      expect(got.symbols).toEqual([])
    }
  })
})

describe('native barcode mode on', () => {
  test.each(['773123456789012', 'SF1423567890123'])(
    'Code128 %s: the command spells the renderer codewords, and the raster box is blank',
    (trackingNumber) => {
      const l = label(trackingNumber)
      const bar = only(l, 'code128')
      const barWidth = bar.widths.reduce((s, w) => s + w, 0) * bar.module
      const tsplBytes = tspl(l, true)
      const command = tsplLines(tsplBytes).find((line) => line.startsWith('BARCODE '))
      const match = /^BARCODE (\d+),(\d+),"128M",(\d+),0,0,(\d+),\d+,"(.*)"$/.exec(command ?? '')
      expect(match?.slice(1, 5).map(Number)).toEqual([bar.x, bar.y, bar.height, bar.module])
      const zplText = encodeZpl(l, { nativeBarcodes: true }).toString('latin1')
      const zplField = /\^FO(\d+),(\d+)\^BY(\d+)\^BCN,(\d+),N,N,N,N\^FD([^^]*)\^FS/.exec(zplText)
      expect(zplField?.slice(1, 5).map(Number)).toEqual([bar.x, bar.y, bar.module, bar.height])
      // Both spellings, read back by the reference-written decoders, are the very modules drawn.
      for (const codewords of [
        tspl128mCodewords(match?.[5] ?? ''),
        zplCode128Codewords(zplField?.[5] ?? '')
      ]) {
        const raw = codewords.map((cw) => `^${String(cw).padStart(3, '0')}`).join('')
        const [symbol] = bwipjs.raw('code128', raw, 'raw')
        expect(symbol && 'sbs' in symbol ? symbol.sbs : []).toEqual(bar.widths)
      }
      // Digit runs in code set C: all digits start in C; a letter prefix starts in B.
      expect(match?.[5]?.slice(0, 4)).toBe(/^\d+$/.test(trackingNumber) ? '!105' : '!104')
      // Without the native commands the printer would print nothing in the bar box.
      const rasterOnly = Buffer.from(
        tsplBytes.toString('latin1').replace(/(BARCODE|QRCODE) [^\r]*\r\n/g, ''),
        'latin1'
      )
      const raster = printed(tsplDecoder(8).feed(rasterOnly)).bitmap
      expect(allWhite(raster, bar.x, bar.y, barWidth, bar.height)).toBe(true)
      expect(allWhite(l, bar.x, bar.y, barWidth, bar.height)).toBe(false)
    }
  )

  test('QR: manual mode, one segment, the renderer EC level and mask read from its symbol', () => {
    const l = label('SF1423567890123')
    const qr = only(l, 'qr')
    const line = tsplLines(tspl(l, true)).find((x) => x.startsWith('QRCODE '))
    const m = /^QRCODE (\d+),(\d+),([LMQH]),(\d+),M,0,M2,S([0-7]),"A(.*)"$/.exec(line ?? '')
    expect(m?.slice(1, 3).map(Number)).toEqual([qr.x, qr.y])
    expect(Number(m?.[4])).toBe(qr.module)
    expect(m?.[6]).toBe('SF1423567890123')
    // bwip-js with that EC level and mask gives back the very matrix the label shows.
    const [again] = bwipjs.raw(
      'qrcode',
      'SF1423567890123',
      `eclevel=${m?.[3]} mask=${Number(m?.[5]) + 1}`
    )
    expect(again && 'pixs' in again ? again.pixs : []).toEqual(qr.modules)
  })

  test('a symbol box with anything else drawn in it stays raster', () => {
    const l = label()
    const bar = only(l, 'code128')
    // A dot in the first space of the bars: erasing the box would lose it.
    const dotX = bar.x + (bar.widths[0] ?? 1) * bar.module
    fillRect(l, dotX, bar.y + 2, 1, 1)
    const bytes = tspl(l, true)
    expect(tsplLines(bytes).some((x) => x.startsWith('BARCODE '))).toBe(false)
    expect(tsplLines(bytes).some((x) => x.startsWith('QRCODE '))).toBe(true)
    expect(getPixel(printed(tsplDecoder(8).feed(bytes)).bitmap, dotX, bar.y + 2)).toBe(true)
    expect(encodeZpl(l, { nativeBarcodes: true }).toString('latin1')).not.toContain('^BC')
  })

  test('reserved characters and modules over 10 dots stay raster', () => {
    const custom: LabelTemplate = {
      id: 'custom',
      name: 'custom',
      widthMm: 76,
      heightMm: 80,
      elements: [
        { kind: 'code128', x: 2, y: 2, w: 72, h: 15, value: '{{a}}' },
        { kind: 'qr', x: 2, y: 30, w: 45, h: 45, value: '{{b}}' }
      ]
    }
    const l = renderFields(custom, { a: 'AB>12', b: 'SF1' }, { dpi: 203 })
    expect(only(l, 'qr').module).toBeGreaterThan(10)
    const lines = tsplLines(tspl(l, true))
    expect(lines.some((x) => /^(BARCODE|QRCODE) /.test(x))).toBe(false)
    expect(bitmapsEqual(printed(tsplDecoder(8).feed(tspl(l, true))).bitmap, l)).toBe(true)
  })

  test('printer offsets move the native symbols with the picture', () => {
    const l = label()
    const bar = only(l, 'code128')
    const shifted = shiftBitmap(l, 16, -8)
    const line = tsplLines(tspl(shifted, true)).find((x) => x.startsWith('BARCODE '))
    expect(line).toMatch(new RegExp(`^BARCODE ${bar.x + 16},${bar.y - 8},`))
    const got = printed(tsplDecoder(8).feed(tspl(shifted, true)))
    // The bars printed natively are the shifted bitmap's bars.
    const barWidth = bar.widths.reduce((s, w) => s + w, 0) * bar.module
    for (let x = bar.x + 16; x < bar.x + 16 + barWidth; x++) {
      expect(getPixel(got.bitmap, x, bar.y)).toBe(getPixel(shifted, x, bar.y))
    }
  })

  test('no text goes natively: every command byte is ASCII, so no GBK is needed', () => {
    const l = label()
    const zpl = encodeZpl(l, { nativeBarcodes: true })
    expect([...zpl].every((b) => b < 0x80)).toBe(true)
    const lines = tsplLines(tspl(l, true))
    expect(lines.some((x) => x.startsWith('TEXT '))).toBe(false)
    for (const x of lines) {
      expect([...Buffer.from(x, 'latin1')].every((b) => b < 0x80)).toBe(true)
    }
  })
})

describe('ZPL darkness', () => {
  test.each([
    [0, '00'],
    [8, '16'],
    [15, '30']
  ])('darkness %i of 15 is ~SD%s of 30, and the printer takes it', (darkness, sd) => {
    const l = label()
    const bytes = encodeZpl(l, { darkness })
    expect(bytes.toString('latin1').startsWith(`~SD${sd}\n^XA`)).toBe(true)
    const events = zplDecoder().feed(bytes)
    expect(events.filter((e) => e.type === 'unknown')).toEqual([])
    expect(bitmapsEqual(printed(events).bitmap, l)).toBe(true)
  })
})
