import { afterEach, describe, expect, test } from 'vitest'
import { type Bitmap, getPixel } from '../../../src/main/core/printing/bitmap'
import { BUILTIN_TEMPLATES } from '../../../src/main/core/printing/builtin-templates'
import { connectPrinter } from '../../../src/main/core/printing/printer'
import { type PlacedBarcode, renderLabel } from '../../../src/main/core/printing/render'
import { readQrWithJsQr, readWithZxing } from '../../support/printing-barcode-reader'
import { sampleLabel } from '../../support/printing-fixtures'
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer'

let vp: VirtualPrinter | null = null
afterEach(async () => {
  await vp?.close()
  vp = null
})

/** Pixels that differ between two labels outside the given boxes. */
function differencesOutside(
  a: Bitmap,
  b: Bitmap,
  boxes: readonly { x: number; y: number; w: number; h: number }[]
): number {
  let count = 0
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      if (boxes.some((box) => x >= box.x && x < box.x + box.w && y >= box.y && y < box.y + box.h)) {
        continue
      }
      if (getPixel(a, x, y) !== getPixel(b, x, y)) {
        count++
      }
    }
  }
  return count
}

function qrBox(placed: Extract<PlacedBarcode, { kind: 'qr' }>): {
  x: number
  y: number
  w: number
  h: number
} {
  const side = placed.size * placed.module
  return { x: placed.x, y: placed.y, w: side, h: side }
}

// Digits only (code set C all through) and letter-prefixed (B, then C for the digit run).
const NUMBERS = ['773123456789012', 'SF1423567890123', 'JDVA12345678901'] as const

describe.each(['tspl', 'zpl'] as const)(
  '%s with native barcodes to the virtual printer',
  (language) => {
    test.each([203, 300] as const)(
      'at %i dpi the printer draws the barcodes at the bitmap boxes and they read back exactly',
      async (dpi) => {
        vp = await startVirtualPrinter({ language, dpi })
        const native = { nativeBarcodes: true }
        const printer = connectPrinter({
          id: 'vp',
          uri: vp.uri,
          language,
          dpi,
          ...(language === 'tspl' ? { tspl: native } : { zpl: { ...native, darkness: 8 } })
        })
        const sent = BUILTIN_TEMPLATES.flatMap((template) =>
          NUMBERS.map((trackingNumber) => ({
            trackingNumber,
            label: renderLabel(template, sampleLabel({ trackingNumber }), { dpi })
          }))
        )
        for (const [i, { label }] of sent.entries()) {
          await printer.send(printer.encode(label), `label-${i}`)
        }
        await vp.waitForPrinted(sent.length)
        expect(vp.unknown).toEqual([])
        for (const [i, { trackingNumber, label }] of sent.entries()) {
          const printed = vp.printed[i]
          if (!printed) {
            throw new Error(`label ${i} missing`)
          }
          const got = { ...printed.bitmap, width: label.width }
          const placed = label.barcodes ?? []
          // Every Code128 is printed by the printer, at the renderer's origin and module width.
          for (const bar of placed.filter((b) => b.kind === 'code128')) {
            expect(printed.symbols).toContainEqual(
              expect.objectContaining({
                kind: 'code128',
                x: bar.x,
                y: bar.y,
                module: bar.module,
                size: bar.height
              })
            )
          }
          // A QR goes natively when its module fits the languages' 1-10 range, with the same
          // size in modules; otherwise it is in the raster.
          const qrs = placed.filter((b) => b.kind === 'qr')
          for (const qr of qrs) {
            const drawn = printed.symbols.find((s) => s.kind === 'qr')
            if (qr.module <= 10) {
              expect(drawn).toMatchObject({ x: qr.x, y: qr.y, module: qr.module, size: qr.size })
              expect(drawn?.text).toBe(trackingNumber)
            } else {
              expect(drawn).toBeUndefined()
            }
          }
          // Outside the QR (whose mask bits the printer's encoder may place differently) the
          // printed label is the rendered one, pixel for pixel, native bars included.
          expect(differencesOutside(got, label, qrs.map(qrBox))).toBe(0)
          const symbols = await readWithZxing(got)
          expect(symbols.length).toBe(placed.length)
          expect(new Set(symbols.map((s) => s.text))).toEqual(new Set([trackingNumber]))
          expect(readQrWithJsQr(got)).toBe(trackingNumber)
        }
        await printer.close()
      },
      60_000
    )
  }
)

test('a 76x130 label at 203 dpi: hybrid bytes against the whole-label raster', () => {
  const template = BUILTIN_TEMPLATES.find((t) => t.id === '76x130')
  if (!template) {
    throw new Error('no 76x130 template')
  }
  const label = renderLabel(template, sampleLabel(), { dpi: 203 })
  const sizes = (['tspl', 'zpl'] as const).map((language) => {
    const encode = (nativeBarcodes: boolean): number =>
      connectPrinter({
        id: 'p',
        uri: 'tcp://127.0.0.1:9',
        language,
        dpi: 203,
        ...(language === 'tspl' ? { tspl: { nativeBarcodes } } : { zpl: { nativeBarcodes } })
      }).encode(label).length
    return { language, bitmap: encode(false), hybrid: encode(true) }
  })
  console.info(
    sizes.map((s) => `${s.language}: bitmap ${s.bitmap} B, hybrid ${s.hybrid} B`).join('; ')
  )
  for (const s of sizes) {
    expect(s.hybrid).toBeLessThan(s.bitmap)
  }
})
