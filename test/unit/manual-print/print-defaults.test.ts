import { describe, expect, test } from 'vitest'
import {
  ANY_SHOP,
  defaultsKey,
  rememberDefaults,
  savedFor,
  targetOnLoad,
  type CarrierInfo,
  type PrintTarget,
  type PrinterInfo,
  type SavedDefaults
} from '../../../src/renderer/src/features/print/use-print-target'

function printer(id: number, isDefault = false): PrinterInfo {
  return {
    id,
    name: `p${String(id)}`,
    uri: `tcp://127.0.0.1:${String(9100 + id)}`,
    kind: 'tcp',
    language: 'tspl',
    dpi: 203,
    labelSize: '76x130',
    darkness: 8,
    offsetXDots: 0,
    offsetYDots: 0,
    isDefault,
    previewDir: null
  }
}
const printers = [printer(1, true), printer(2), printer(3)]
const carriers = (['ZTO', 'YTO', 'SF'] as const).map((code) => ({ code }) as CarrierInfo)

const shop7: PrintTarget = { carrier: 'SF', template: '100x150', printerId: 3, maskPrivacy: false }
const shop8: PrintTarget = { carrier: 'YTO', template: '76x130', printerId: 2, maskPrivacy: true }
const blank: PrintTarget = { carrier: null, template: '76x130', printerId: null, maskPrivacy: true }

/** What the hook does: a first load with no shop known, then the batch's shop arrives. */
function loadSequence(saved: SavedDefaults, keys: readonly string[]): PrintTarget {
  let current = blank
  let currentKey: string | null = null
  for (const key of keys) {
    current = targetOnLoad({ current, currentKey, key, saved, printers, carriers })
    currentKey = key
  }
  return current
}

describe('print defaults per shop (issue 5: "defaults remembered per shop")', () => {
  test("a shop's own saved target is restored once the shop is known, after a global first load", () => {
    let saved: SavedDefaults = {}
    saved = rememberDefaults(saved, defaultsKey(7), shop7)
    saved = rememberDefaults(saved, defaultsKey(8), shop8)
    expect(loadSequence(saved, [ANY_SHOP, defaultsKey(7)])).toEqual(shop7)
    expect(loadSequence(saved, [ANY_SHOP, defaultsKey(8)])).toEqual(shop8)
    // Shop 7's batch, then shop 8's: each gets its own.
    expect(loadSequence(saved, [ANY_SHOP, defaultsKey(7), defaultsKey(8)])).toEqual(shop8)
  })

  test("remembering one shop leaves the other shops' entries and the global fallback alone", () => {
    let saved: SavedDefaults = {}
    saved = rememberDefaults(saved, defaultsKey(7), shop7)
    // The first choice ever also seeds the fallback, so a new shop starts from something.
    expect(saved[ANY_SHOP]).toEqual(shop7)
    saved = rememberDefaults(saved, defaultsKey(8), shop8)
    expect(saved[defaultsKey(7)]).toEqual(shop7)
    expect(saved[ANY_SHOP]).toEqual(shop7)
    // A shop with nothing saved falls back to the global entry.
    expect(savedFor(saved, defaultsKey(9))).toEqual(shop7)
    expect(loadSequence(saved, [ANY_SHOP, defaultsKey(9)])).toEqual(shop7)
    // Where no shop is known (scan-to-print), remembering sets the global entry only.
    saved = rememberDefaults(saved, ANY_SHOP, shop8)
    expect(saved[ANY_SHOP]).toEqual(shop8)
    expect(saved[defaultsKey(7)]).toEqual(shop7)
  })

  test("a reload for the same shop (balance refresh) keeps the packer's current choice", () => {
    const saved = rememberDefaults({}, defaultsKey(7), shop7)
    const chosen: PrintTarget = { ...shop7, printerId: 2, carrier: 'ZTO' }
    expect(
      targetOnLoad({ current: chosen, currentKey: '7', key: '7', saved, printers, carriers })
    ).toEqual(chosen)
  })

  test('a saved printer that was removed falls back to the default printer', () => {
    const saved = rememberDefaults({}, defaultsKey(7), { ...shop7, printerId: 99 })
    const target = loadSequence(saved, [defaultsKey(7)])
    expect(target.printerId).toBe(1)
    expect(target.carrier).toBe('SF')
  })

  test('nothing saved: the default printer, no carrier, masking on', () => {
    expect(loadSequence({}, [ANY_SHOP, defaultsKey(7)])).toEqual({
      carrier: null,
      template: '76x130',
      printerId: 1,
      maskPrivacy: true
    })
  })
})
