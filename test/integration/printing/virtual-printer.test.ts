import { afterEach, describe, expect, test } from 'vitest'
import { bitmapsEqual } from '../../../src/main/core/printing/bitmap'
import { BUILTIN_TEMPLATES } from '../../../src/main/core/printing/builtin-templates'
import { connectPrinter } from '../../../src/main/core/printing/printer'
import { renderLabel } from '../../../src/main/core/printing/render'
import { readQrWithJsQr, readWithZxing } from '../../support/printing-barcode-reader'
import { code128Modules } from '../../../src/main/core/printing/barcodes'
import { decodeCode128, readCode128Row } from '../../support/printing-code128'
import { TRACKING_NUMBERS, sampleLabel } from '../../support/printing-fixtures'
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer'

let vp: VirtualPrinter | null = null
afterEach(async () => {
  await vp?.close()
  vp = null
})

const LANGUAGES = ['escpos', 'tspl', 'zpl'] as const

/** Every carrier shape: letter prefixes (SF…, JD…, YT…) and digits only, one per template in turn. */
const NUMBERS = [...TRACKING_NUMBERS, 'JD0012345678901', 'SF0000000000001']

/** Characters of each run of 4+ digits that a Code128 encoder must put in code set C. */
function digitRunChars(value: string): number {
  return (value.match(/\d{4,}/g) ?? []).reduce((n, run) => n + 2 * Math.floor(run.length / 2), 0)
}

describe.each(LANGUAGES)('%s over TCP to the virtual printer', (language) => {
  test.each([203, 300] as const)(
    'every template at %i dpi decodes back to the same bitmap, and its symbols read',
    async (dpi) => {
      vp = await startVirtualPrinter({ language, dpi })
      const printer = connectPrinter({
        id: 'vp',
        uri: vp.uri,
        language,
        dpi
      })
      const labels = NUMBERS.flatMap((number) =>
        BUILTIN_TEMPLATES.map((template) => ({ template, number }))
      )
      const sent = labels.map(({ template, number }) =>
        renderLabel(template, sampleLabel({ trackingNumber: number }), { dpi })
      )
      for (const [i, bitmap] of sent.entries()) {
        await printer.send(printer.encode(bitmap), `label-${i}`)
      }
      await vp.waitForPrinted(sent.length)
      expect(vp.unknown).toEqual([])
      for (const [i, bitmap] of sent.entries()) {
        const got = vp.printed[i]?.bitmap
        const number = labels[i]?.number
        if (!got || !number) {
          throw new Error(`label ${i} missing`)
        }
        // ESC/POS and the decoders work in whole bytes; compare the label's own width.
        expect([got.height, Math.ceil(got.width / 8)]).toEqual([bitmap.height, bitmap.bytesPerRow])
        expect(bitmapsEqual({ ...got, width: bitmap.width }, bitmap)).toBe(true)
        const symbols = await readWithZxing({ ...got, width: bitmap.width })
        expect(symbols.length).toBeGreaterThanOrEqual(2)
        expect(new Set(symbols.map((s) => s.text))).toEqual(new Set([number]))
        expect(readQrWithJsQr({ ...got, width: bitmap.width })).toBe(number)
      }
      expect((await printer.status()).state).toBe('ready')
      await printer.close()
    }
  )

  test('the printed Code128 encodes digit runs in code set C (start code and module sequence)', async () => {
    vp = await startVirtualPrinter({ language })
    const printer = connectPrinter({ id: 'vp', uri: vp.uri, language, dpi: 203 })
    for (const number of NUMBERS) {
      await printer.send(
        printer.encode(
          renderLabel(BUILTIN_TEMPLATES[0] ?? never(), sampleLabel({ trackingNumber: number }))
        ),
        number
      )
    }
    await vp.waitForPrinted(NUMBERS.length)
    for (const [i, number] of NUMBERS.entries()) {
      const label = vp.printed[i]
      const reading = label ? readCode128Row(label.bitmap) : null
      expect(reading?.text).toBe(number)
      // What bars came out is what the encoder chose: the same symbol values.
      expect(reading?.values).toEqual(decodeCode128(code128Modules(number)).values)
      const inC = reading?.sets.filter((set) => set === 'C').length ?? 0
      expect(inC).toBeGreaterThanOrEqual(digitRunChars(number))
      // An all-digit number of even length is set C from the start code on.
      if (/^\d+$/.test(number) && number.length % 2 === 0) {
        expect(reading?.start).toBe('C')
      }
      // Set C halves the symbols: fewer than one per character (+ start, check).
      expect(reading?.values.length ?? 99).toBeLessThan(number.length)
    }
    await printer.close()
  })

  test.each(['paper_out', 'cover_open', 'head_hot', 'offline'] as const)(
    'status reports %s',
    async (fault) => {
      vp = await startVirtualPrinter({ language })
      const printer = connectPrinter({
        id: 'vp',
        uri: vp.uri,
        language,
        dpi: 203
      })
      expect((await printer.status()).state).toBe('ready')
      vp.setFault(fault)
      const status = await printer.status()
      expect(status.state).toBe(fault)
      expect(status.conditions.length).toBeGreaterThan(0)
      await printer.close()
    }
  )
})

function never(): never {
  throw new Error('no built-in template')
}
