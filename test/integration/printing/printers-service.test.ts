import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Core } from '../../../src/main/core/app'
import { insertQueuedRecords, markSending } from '../../../src/main/core/db/print-records-repo'
import { openCore } from '../../../src/main/core/app'
import { printPackages } from '../../../src/main/core/printers'
import type { EventPayload } from '../../../src/shared/contract'
import { callErr, callOk, makeTempDir } from '../../support/core-fixtures'
import { readWithZxing } from '../../support/printing-barcode-reader'
import { packagePrintState, seedPackages } from '../../support/printing-db'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

let temp: ReturnType<typeof makeTempDir>
let core: Core
let vp: VirtualPrinter
let progress: EventPayload<'printing.progress'>[]

function open(): Core {
  const opened = openCore({
    dataDir: temp.dir,
    host: { host: 'browser', version: '0.0.0-test' },
    actor: 'tester',
    station: 'bench-1'
  })
  opened.subscribe((event, payload) => {
    if (event === 'printing.progress' && 'type' in payload) {
      progress.push(payload)
    }
  })
  return opened
}

beforeEach(async () => {
  temp = makeTempDir('wb-printers-')
  progress = []
  vp = await startVirtualPrinter({ language: 'tspl' })
  core = open()
})
afterEach(async () => {
  core.close()
  await vp.close()
  temp.remove()
})

async function addVirtual(language: 'tspl' | 'zpl' | 'escpos' = 'tspl'): Promise<number> {
  const printer = await callOk(core, 'printers.add', {
    name: `虚拟打印机-${language}`,
    uri: vp.uri,
    language,
    dpi: 203,
    labelSize: '76x130'
  })
  return printer.id
}

describe('printers over TCP (virtual printer)', () => {
  test('test print, status light, paper out, and a failed test never blocks the queue', async () => {
    const id = await addVirtual()
    expect(await callOk(core, 'printers.status', { id })).toMatchObject({
      state: 'ready',
      canQuery: true
    })

    const ok = await callOk(core, 'printers.test', { id })
    expect(ok).toMatchObject({ outcome: 'printed', cause: null, cannotReport: false })
    expect(vp.printed).toHaveLength(1)

    vp.setFault('paper_out')
    expect((await callOk(core, 'printers.status', { id })).state).toBe('paper_out')
    const out = await callOk(core, 'printers.test', { id })
    expect(out).toMatchObject({ outcome: 'failed', cause: 'paper_out', printerState: 'paper_out' })
    expect(vp.printed).toHaveLength(1)

    vp.setFault(null)
    const again = await callOk(core, 'printers.test', { id })
    expect(again.outcome).toBe('printed')
    expect(vp.printed).toHaveLength(2)
    expect((await callOk(core, 'printers.status', { id })).state).toBe('ready')
  })

  test('a printer that does not answer shows offline within the short timeout', async () => {
    const id = await addVirtual()
    vp.stall(true)
    const status = await callOk(core, 'printers.status', { id })
    expect(status.state).toBe('offline')
    // The app's own account of why: its short status timeout ran out (not the 10 s write timeout
    // or the 20 s test-print one). Said by the app, so it holds however slow the machine is.
    expect(status.conditions.join(' ')).toMatch(/no (status reply|answer) in (1500|3000) ms/)
    vp.stall(false)
  })

  test('printPackages prints packages that have numbers, in the given order, and the barcodes decode', async () => {
    const id = await addVirtual()
    const packages = seedPackages(core.db, 3, 'ORD-7')
    const order = [packages[2], packages[0], packages[1]].map((p) => p?.packageId ?? 0)
    const result = await printPackages(core.ctx, { printerId: id, packageIds: order })
    if (!result.ok) {
      throw new Error(result.error.message)
    }
    expect(result.value.labels.map((l) => l.packageId)).toEqual(order)
    expect(result.value.labels.every((l) => l.state === 'confirmed')).toBe(true)
    expect(vp.printed).toHaveLength(3)
    const expected = order.map(
      (pid) => packages.find((p) => p.packageId === pid)?.data.trackingNumber
    )
    for (const [i, label] of vp.printed.entries()) {
      const symbols = await readWithZxing(label.bitmap)
      expect(symbols.filter((s) => s.format === 'Code128').map((s) => s.text)).toEqual([
        expected[i]
      ])
    }
    for (const pid of order) {
      expect(packagePrintState(core.db, pid)).toBe('printed')
    }

    // Printed already: refused as a whole, nothing recorded, nothing sent.
    const twice = await printPackages(core.ctx, { printerId: id, packageIds: order })
    expect(twice.ok).toBe(false)
    expect(vp.printed).toHaveLength(3)
    // A reprint keeps the number and counts.
    const reprint = await printPackages(core.ctx, {
      printerId: id,
      packageIds: [order[0] ?? 0],
      reprint: true
    })
    expect(reprint.ok && reprint.value.labels[0]?.trackingNumber).toBe(expected[0])
    expect(vp.printed).toHaveLength(4)
  })

  test('a package without a tracking number is refused with one clear reason', async () => {
    const id = await addVirtual()
    const [pkg] = seedPackages(core.db, 1, 'ORD-8')
    core.db
      .prepare('UPDATE packages SET tracking_number = NULL, carrier = NULL WHERE id = ?')
      .run(pkg?.packageId ?? 0)
    const result = await printPackages(core.ctx, {
      printerId: id,
      packageIds: [pkg?.packageId ?? 0]
    })
    expect(result.ok ? null : result.error.code).toBe('RULE_VIOLATION')
    expect(result.ok ? '' : result.error.message).toMatch(/no tracking number/)
    expect(vp.printed).toHaveLength(0)
  })
})

describe('crash confirmation', () => {
  test('labels left sending are listed after a restart, confirmed once, and never resent', async () => {
    const [a, b] = seedPackages(core.db, 2, 'ORD-9')
    const records = insertQueuedRecords(
      core.db,
      [a, b].map((p) => ({
        packageId: p?.packageId ?? 0,
        trackingNumber: p?.data.trackingNumber ?? ''
      })),
      { printer: '预览打印机', jobId: 'job-1', reprint: false, now: 1 }
    )
    markSending(core.db, records[0]?.id ?? 0, 'hash', 2)
    // The app "crashes" here: the first label was sending, the second still queued.
    core.close()
    core = open()

    const { labels } = await callOk(core, 'printing.pending', {})
    expect(labels).toEqual([
      expect.objectContaining({
        recordId: records[0]?.id,
        platformOrderId: 'ORD-9',
        trackingNumber: a?.data.trackingNumber
      })
    ])
    expect(packagePrintState(core.db, b?.packageId ?? 0)).toBe('failed')

    const confirmed = await callOk(core, 'printing.confirm', {
      recordId: records[0]?.id ?? 0,
      printed: true
    })
    expect(confirmed.state).toBe('confirmed')
    expect((await callOk(core, 'printing.pending', {})).labels).toEqual([])
    const again = await callErr(core, 'printing.confirm', {
      recordId: records[0]?.id ?? 0,
      printed: false
    })
    expect(again.code).toBe('CONFLICT')
    expect((await callErr(core, 'printing.confirm', { recordId: 999, printed: true })).code).toBe(
      'NOT_FOUND'
    )
  })
})
