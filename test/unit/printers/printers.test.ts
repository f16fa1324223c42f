import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  addPrinter,
  listPrinters,
  removePrinter,
  setDefaultPrinter
} from '../../../src/main/core/db/printers-repo'
import { printerUriProblem } from '../../../src/shared/printer-uri'
import {
  callErr,
  callOk,
  countRowsOf,
  openTestCore,
  type TestCore
} from '../../support/core-fixtures'

let t: TestCore

beforeEach(() => {
  t = openTestCore({ host: 'browser', now: () => Date.UTC(2026, 10, 23, 2, 0, 0) })
})
afterEach(() => {
  t.dispose()
})

const tspl = {
  name: '打包台1号',
  uri: 'tcp://192.168.1.50:9100',
  language: 'tspl',
  dpi: 203,
  labelSize: '76x130'
} as const

function defaults(): number {
  return listPrinters(t.core.db).filter((p) => p.isDefault).length
}

describe('printers repo', () => {
  test('a fresh database has the preview printer as its one default', () => {
    const printers = listPrinters(t.core.db)
    expect(printers).toHaveLength(1)
    expect(printers[0]).toMatchObject({
      name: '预览打印机',
      uri: 'preview:labels',
      isDefault: true
    })
  })

  test('names are unique, and exactly one printer is the default through set and remove', () => {
    const db = t.core.db
    const a = addPrinter(db, { ...tspl, darkness: 8, offsetXDots: 0, offsetYDots: 0 }, 1)
    expect(a.isDefault).toBe(false)
    expect(() =>
      addPrinter(db, { ...tspl, darkness: 8, offsetXDots: 0, offsetYDots: 0 }, 2)
    ).toThrow(/already exists/)
    setDefaultPrinter(db, a.id)
    expect(defaults()).toBe(1)
    expect(listPrinters(db)[0]?.id).toBe(a.id)
    removePrinter(db, a.id)
    expect(defaults()).toBe(1)
    expect(listPrinters(db)[0]?.name).toBe('预览打印机')
    const last = listPrinters(db)[0]?.id ?? 0
    expect(() => {
      removePrinter(db, last)
    }).toThrow(/last printer/)
  })
})

describe('printer addresses', () => {
  test.each([
    ['tcp://192.168.1.50:9100', null],
    ['tcp://printer.local', null],
    ['tcp://[::1]:9100', null],
    ['lp://Deli_DL888D', null],
    ['file:///dev/usb/lp0', null],
    ['preview:labels', null],
    ['preview:///var/tmp/labels', null],
    ['tcp://192.168.1.50:70000', 'uri_port'],
    ['tcp://', 'uri_invalid'],
    ['http://192.168.1.50', 'uri_invalid'],
    ['192.168.1.50:9100', 'uri_invalid'],
    ['file:///home/me/.bashrc', 'uri_device'],
    ['file:///dev/../etc/passwd', 'uri_device'],
    ['preview:../outside', 'uri_preview_dir'],
    ['lp://bad queue', 'uri_invalid']
  ])('%s -> %s', (uri, problem) => {
    expect(printerUriProblem(uri)).toBe(problem)
  })
})

describe('printers domain through the contract', () => {
  test('add, update, set default and remove, with field errors for bad input', async () => {
    const core = t.core
    const added = await callOk(core, 'printers.add', tspl)
    expect(added).toMatchObject({ kind: 'tcp', darkness: 8, isDefault: false, previewDir: null })

    const taken = await callErr(core, 'printers.add', tspl)
    expect(taken.code).toBe('VALIDATION')
    expect(taken.details?.issues).toEqual([
      expect.objectContaining({ path: 'name', code: 'printer_name_taken' })
    ])

    // (A bare IP:port is fine since issue 10 item 7: it means tcp://IP:PORT.)
    const badUri = await callErr(core, 'printers.add', {
      ...tspl,
      name: 'x',
      uri: 'http://10.0.0.5:9100'
    })
    expect(badUri.details?.issues).toEqual([
      expect.objectContaining({ path: 'uri', code: 'uri_invalid' })
    ])
    expect(badUri.message).toMatch(/uri/)

    const png = await callErr(core, 'printers.add', { ...tspl, name: 'y', language: 'png' })
    expect(png.details?.issues).toEqual([
      expect.objectContaining({ path: 'language', code: 'language_png_preview' })
    ])

    const dark = await callErr(core, 'printers.add', { ...tspl, name: 'z', darkness: 16 })
    expect(dark.details?.issues).toEqual([
      expect.objectContaining({ path: 'darkness', code: 'darkness_range' })
    ])

    const updated = await callOk(core, 'printers.update', {
      ...tspl,
      id: added.id,
      uri: 'tcp://192.168.1.51',
      dpi: 300,
      offsetXDots: 16
    })
    expect(updated).toMatchObject({ uri: 'tcp://192.168.1.51', dpi: 300, offsetXDots: 16 })

    const def = await callOk(core, 'printers.setDefault', { id: added.id })
    expect(def.isDefault).toBe(true)
    const { printers } = await callOk(core, 'printers.list', {})
    expect(printers.filter((p) => p.isDefault).map((p) => p.id)).toEqual([added.id])

    await callOk(core, 'printers.remove', { id: added.id })
    const after = await callOk(core, 'printers.list', {})
    expect(after.printers.map((p) => [p.name, p.isDefault])).toEqual([['预览打印机', true]])
    const last = await callErr(core, 'printers.remove', { id: after.printers[0]?.id ?? 0 })
    expect(last.code).toBe('CONFLICT')
    expect((await callErr(core, 'printers.setDefault', { id: 999 })).code).toBe('NOT_FOUND')
  })

  test('the preview printer is ready and a test print writes a PNG into <dataDir>/labels', async () => {
    const core = t.core
    const preview = (await callOk(core, 'printers.list', {})).printers[0]
    expect(preview?.previewDir).toBe(join(t.dataDir, 'labels'))
    const id = preview?.id ?? 0
    const status = await callOk(core, 'printers.status', { id })
    expect(status).toMatchObject({ state: 'ready', canQuery: false, busy: false })

    const result = await callOk(core, 'printers.test', { id })
    expect(result).toMatchObject({ outcome: 'printed', trackingNumber: 'TEST-000000' })
    const files = readdirSync(join(t.dataDir, 'labels'))
    expect(files).toEqual(['TEST-000000.png'])
    const png = PNG.sync.read(readFileSync(join(t.dataDir, 'labels', files[0] ?? '')))
    expect([png.width, png.height]).toEqual([608, 1040])
    // A test print is not an order: nothing is written (issue 10 item 8).
    await callOk(core, 'printers.test', { id })
    for (const table of ['orders', 'packages', 'print_records'] as const) {
      expect(countRowsOf(core.db, table)).toBe(0)
    }
  })

  test('labels.preview renders each template at both dpis as a PNG data URL', async () => {
    const small = await callOk(t.core, 'labels.preview', { templateId: '76x130' })
    expect(small).toMatchObject({ width: 608, height: 1040, dpi: 203 })
    expect(small.dataUrl).toMatch(/^data:image\/png;base64,/)
    const big = await callOk(t.core, 'labels.preview', { templateId: '100x180', dpi: 300 })
    expect([big.width, big.height]).toEqual([1181, 2126])
    const bad = await callErr(t.core, 'labels.preview', {
      templateId: '76x130',
      trackingNumber: 'no spaces'
    })
    expect(bad.details?.issues).toEqual([
      expect.objectContaining({ path: 'trackingNumber', code: 'tracking_number_chars' })
    ])
    expect(existsSync(join(t.dataDir, 'labels'))).toBe(false)
  })
})
