import { writeFileSync } from 'node:fs'
import { PNG } from 'pngjs'
import { describe, expect, test } from 'vitest'
import { getPixel, toPng } from '../../../src/main/core/printing/bitmap'
import {
  BUILTIN_TEMPLATES,
  builtinTemplate
} from '../../../src/main/core/printing/builtin-templates'
import { labelSizeDots, renderFields, renderLabel } from '../../../src/main/core/printing/render'
import type { LabelTemplate } from '../../../src/main/core/printing/template'
import { readQrWithJsQr, readWithZxing } from '../../support/printing-barcode-reader'
import { TRACKING_NUMBERS, sampleLabel } from '../../support/printing-fixtures'

const SIZES: Record<string, [number, number, number, number]> = {
  // id: 203 dpi width, height; 300 dpi width, height (printers.md §2.2)
  '76x130': [608, 1040, 898, 1535],
  '100x150': [800, 1200, 1181, 1772],
  '100x180': [800, 1440, 1181, 2126]
}

describe.each(BUILTIN_TEMPLATES.map((t) => [t.id, t] as const))('template %s', (id, template) => {
  test.each([203, 300] as const)(
    'renders at %i dpi and both symbols decode to the tracking number',
    async (dpi) => {
      const expected = SIZES[id] ?? [0, 0, 0, 0]
      for (const trackingNumber of TRACKING_NUMBERS) {
        const bitmap = renderLabel(template, sampleLabel({ trackingNumber }), { dpi })
        expect([bitmap.width, bitmap.height]).toEqual(
          dpi === 203 ? expected.slice(0, 2) : expected.slice(2)
        )
        const symbols = await readWithZxing(bitmap)
        const codes = symbols.filter((s) => s.format === 'Code128')
        const qrs = symbols.filter((s) => s.format === 'QRCode')
        // 二联 carries the barcode on both parts.
        expect(codes.length).toBe(id === '100x180' ? 2 : 1)
        expect(qrs.length).toBe(1)
        for (const symbol of symbols) {
          expect(symbol.text).toBe(trackingNumber)
        }
        expect(readQrWithJsQr(bitmap)).toBe(trackingNumber)
        if (trackingNumber === TRACKING_NUMBERS[0]) {
          writeFileSync(`/tmp/waybill-${id}-${dpi}.png`, toPng(bitmap))
        }
      }
    }
  )
})

test('the PNG is a 1-bit image other decoders read back pixel for pixel', () => {
  const bitmap = renderLabel(builtinTemplate('76x130'), sampleLabel())
  const png = PNG.sync.read(toPng(bitmap))
  expect([png.width, png.height]).toEqual([bitmap.width, bitmap.height])
  let differing = 0
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      const dark = (png.data[(y * png.width + x) * 4] ?? 255) < 128
      if (dark !== getPixel(bitmap, x, y)) {
        differing++
      }
    }
  }
  expect(differing).toBe(0)
})

test('rendering is deterministic and depends on the data', () => {
  const template = builtinTemplate('76x130')
  const a = renderLabel(template, sampleLabel())
  const b = renderLabel(template, sampleLabel())
  const c = renderLabel(template, sampleLabel({ orderNo: '999' }))
  expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true)
  expect(Buffer.from(a.data).equals(Buffer.from(c.data))).toBe(false)
})

test('privacy masking is on unless explicitly turned off, and changes the label', () => {
  const template = builtinTemplate('76x130')
  const data = sampleLabel()
  const masked = renderLabel(template, data)
  const maskedExplicit = renderLabel(template, data, { maskPrivacy: true })
  const full = renderLabel(template, data, { maskPrivacy: false })
  expect(Buffer.from(masked.data).equals(Buffer.from(maskedExplicit.data))).toBe(true)
  expect(Buffer.from(masked.data).equals(Buffer.from(full.data))).toBe(false)
})

test('elements: boxes, lines, inverse text, conditions and images land where the template says', () => {
  const logo = new PNG({ width: 4, height: 4 })
  logo.data.fill(0) // transparent black: nothing
  for (let i = 0; i < 16; i++) {
    logo.data[i * 4 + 3] = 255 // opaque black
  }
  const template: LabelTemplate = {
    id: 't',
    name: 't',
    widthMm: 40,
    heightMm: 30,
    elements: [
      { kind: 'box', x: 0, y: 0, w: 40, h: 30, stroke: 0.5 },
      { kind: 'line', x1: 0, y1: 15, x2: 40, y2: 15, stroke: 0.25 },
      { kind: 'text', x: 2, y: 2, w: 10, h: 6, text: '收', size: 4, inverse: true },
      { kind: 'box', x: 20, y: 2, w: 5, h: 5, fill: true, when: ['package'] },
      { kind: 'image', x: 30, y: 20, w: 5, h: 5, src: 'logo-{{carrier.code}}' }
    ]
  }
  const fields = { package: '', 'carrier.code': 'SF' }
  const bitmap = renderFields(template, fields, { images: { 'logo-SF': PNG.sync.write(logo) } })
  expect(labelSizeDots(template, 203)).toEqual({ width: 320, height: 240 })
  expect(getPixel(bitmap, 0, 100)).toBe(true) // left border
  expect(getPixel(bitmap, 100, 120)).toBe(true) // the 0.25 mm line at 15 mm
  expect(getPixel(bitmap, 100, 110)).toBe(false)
  expect(getPixel(bitmap, 17, 17)).toBe(true) // inverse block corner
  expect(getPixel(bitmap, 180, 30)).toBe(false) // box hidden: `package` is empty
  expect(getPixel(bitmap, 260, 180)).toBe(true) // image, scaled to 5 mm
  const shown = renderFields(template, { ...fields, package: '1 / 2' })
  expect(getPixel(shown, 180, 30)).toBe(true)
})

test('a long address shrinks, then is cut with an ellipsis, never spilling out of its box', () => {
  const template = builtinTemplate('76x130')
  const detail = '非常长的地址'.repeat(30)
  const base = sampleLabel()
  const bitmap = renderLabel(template, { ...base, receiver: { ...base.receiver, detail } })
  // The receiver block ends at 67 mm (line at y = 536 dots); the rows just above it stay white.
  for (let x = 80; x < 600; x++) {
    expect(getPixel(bitmap, x, 532)).toBe(false)
  }
  expect(getPixel(bitmap, 300, 536)).toBe(true)
})

test('control characters in any text draw as nothing, and the label still carries its number', async () => {
  const label = sampleLabel({
    carrier: { code: '\u0000\u001b', name: '顺丰\u0000速运\r\n' },
    receiver: { ...sampleLabel().receiver, name: '张\u0000三\u0085' }
  })
  const bitmap = renderLabel(builtinTemplate('76x130'), label)
  const codes = (await readWithZxing(bitmap)).filter((s) => s.format === 'Code128')
  expect(codes.map((s) => s.text)).toEqual([label.trackingNumber])
})
