import { afterEach, describe, expect, test } from 'vitest'
import { bitmapsEqual } from '../../../src/main/core/printing/bitmap'
import { BUILTIN_TEMPLATES } from '../../../src/main/core/printing/builtin-templates'
import { connectPrinter } from '../../../src/main/core/printing/printer'
import { renderLabel } from '../../../src/main/core/printing/render'
import { readQrWithJsQr, readWithZxing } from '../../support/printing-barcode-reader'
import { sampleLabel } from '../../support/printing-fixtures'
import { startVirtualPrinter, type VirtualPrinter } from '../../support/virtual-printer'

let vp: VirtualPrinter | null = null
afterEach(async () => {
  await vp?.close()
  vp = null
})

const LANGUAGES = ['escpos', 'tspl', 'zpl'] as const

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
      const sent = BUILTIN_TEMPLATES.map((template, i) =>
        renderLabel(template, sampleLabel({ trackingNumber: `77312345678901${i}` }), { dpi })
      )
      for (const [i, bitmap] of sent.entries()) {
        await printer.send(printer.encode(bitmap), `label-${i}`)
      }
      await vp.waitForPrinted(sent.length)
      expect(vp.unknown).toEqual([])
      for (const [i, bitmap] of sent.entries()) {
        const got = vp.printed[i]?.bitmap
        if (!got) {
          throw new Error(`label ${i} missing`)
        }
        // ESC/POS and the decoders work in whole bytes; compare the label's own width.
        expect([got.height, Math.ceil(got.width / 8)]).toEqual([bitmap.height, bitmap.bytesPerRow])
        expect(bitmapsEqual({ ...got, width: bitmap.width }, bitmap)).toBe(true)
        const symbols = await readWithZxing({ ...got, width: bitmap.width })
        expect(symbols.length).toBeGreaterThanOrEqual(2)
        expect(new Set(symbols.map((s) => s.text))).toEqual(new Set([`77312345678901${i}`]))
        expect(readQrWithJsQr({ ...got, width: bitmap.width })).toBe(`77312345678901${i}`)
      }
      expect((await printer.status()).state).toBe('ready')
      await printer.close()
    }
  )

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
