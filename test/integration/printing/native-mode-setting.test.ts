import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Core } from '../../../src/main/core/app'
import { openCore } from '../../../src/main/core/app'
import { callOk, makeTempDir } from '../../support/core-fixtures'
import { readQrWithJsQr, readWithZxing } from '../../support/printing-barcode-reader'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

let temp: ReturnType<typeof makeTempDir>
let core: Core
const printers: VirtualPrinter[] = []

beforeEach(() => {
  temp = makeTempDir('wb-native-mode-')
  core = openCore({
    dataDir: temp.dir,
    host: { host: 'browser', version: '0.0.0-test' },
    actor: 'tester',
    station: 'bench-1'
  })
})
afterEach(async () => {
  core.close()
  await Promise.all(printers.splice(0).map((p) => p.close()))
  temp.remove()
})

test.each(['tspl', 'zpl'] as const)(
  '%s: the printer setting switches the test print between native barcodes and one raster',
  async (language) => {
    const vp = await startVirtualPrinter({ language })
    printers.push(vp)
    const fields = {
      name: `台-${language}`,
      uri: vp.uri,
      language,
      dpi: 203,
      labelSize: '76x130'
    } as const
    const added = await callOk(core, 'printers.add', fields)
    expect(added.nativeMode).toBe('off')
    const listed = async (): Promise<string | undefined> =>
      (await callOk(core, 'printers.list', {})).printers.find((p) => p.id === added.id)?.nativeMode

    await callOk(core, 'printers.test', { id: added.id })
    const updated = await callOk(core, 'printers.update', {
      id: added.id,
      ...fields,
      nativeMode: 'barcodes'
    })
    expect(updated.nativeMode).toBe('barcodes')
    expect(await listed()).toBe('barcodes')
    await callOk(core, 'printers.test', { id: added.id })
    await vp.waitForPrinted(2)
    expect(vp.unknown).toEqual([])

    const [raster, hybrid] = vp.printed
    expect(raster?.symbols).toEqual([])
    expect(hybrid?.symbols.map((s) => s.kind).sort()).toEqual(['code128', 'qr'])
    for (const label of [raster, hybrid]) {
      if (!label) {
        throw new Error('label missing')
      }
      // Both test labels carry the same (test) tracking number in both symbols.
      const symbols = await readWithZxing(label.bitmap)
      expect(symbols).toHaveLength(2)
      expect(new Set(symbols.map((s) => s.text)).size).toBe(1)
      expect(readQrWithJsQr(label.bitmap)).toBe(symbols[0]?.text)
    }
    expect(hybrid?.bytes ?? 0).toBeLessThan(raster?.bytes ?? 0)
  }
)
