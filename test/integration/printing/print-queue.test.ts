import { chmodSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, test } from 'vitest'
import type { WritableDB } from '../../../src/main/core/db/connection'
import {
  getPrintRecord,
  listJobRecords,
  listPackageRecords
} from '../../../src/main/core/db/print-records-repo'
import { confirm, pendingConfirmation, recoverAfterRestart } from '../../../src/main/core/printing'
import { type Bitmap, bitmapsEqual } from '../../../src/main/core/printing/bitmap'
import { WAYBILL_76X130 } from '../../../src/main/core/printing/builtin-templates'
import {
  type PrintQueue,
  type PrintQueueEvent,
  createPrintQueue
} from '../../../src/main/core/printing/print-queue'
import { type PrinterConfig, connectPrinter } from '../../../src/main/core/printing/printer'
import { renderLabel } from '../../../src/main/core/printing/render'
import { type Transport, openTransport } from '../../../src/main/core/printing/transports'
import {
  type PrintablePackage,
  packagePrintState,
  printDb,
  seedPackages
} from '../../support/printing-db'
import { tsplDecoder } from '../../support/printing-decoders'
import {
  type VirtualLanguage,
  type VirtualPrinter,
  startVirtualPrinter
} from '../../support/virtual-printer'

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) {
    await cleanup()
  }
})

let tick = 1_000
const clock = (): number => ++tick

type Rig = {
  db: WritableDB
  vp: VirtualPrinter
  queue: PrintQueue
  events: PrintQueueEvent[]
  packages: PrintablePackage[]
}

async function rig(
  language: VirtualLanguage,
  count: number,
  onEvent?: (e: PrintQueueEvent, r: Rig) => void
): Promise<Rig> {
  const db = printDb()
  const vp = await startVirtualPrinter({ language })
  const events: PrintQueueEvent[] = []
  const packages = seedPackages(db, count)
  const r = {} as Rig
  const queue = createPrintQueue({
    db,
    printer: connectPrinter({ id: 'bench-1', uri: vp.uri, language, dpi: 203 }),
    clock,
    // Well above the virtual printer's pace(300) even on a loaded machine, so only a stalled
    // printer times out; still short, since the stall tests wait for it.
    statusTimeoutMs: 2500,
    writeTimeoutMs: 5000,
    onEvent: (event) => {
      events.push(event)
      onEvent?.(event, r)
    }
  })
  Object.assign(r, { db, vp, queue, events, packages })
  cleanups.push(
    () => queue.close(),
    () => vp.close(),
    () => {
      db.close()
    }
  )
  return r
}

function expected(p: PrintablePackage, reprintCount = 0): Bitmap {
  return renderLabel(WAYBILL_76X130, p.data, { dpi: 203, reprintCount })
}

/** Which package each printed label is, by exact bitmap match; throws on a stranger. */
function printedPackages(r: Rig): number[] {
  return r.vp.printed.map((label) => {
    const match = r.packages.find((p) => {
      const want = expected(p)
      return bitmapsEqual({ ...label.bitmap, width: want.width }, want)
    })
    if (!match) {
      throw new Error('the printer printed a label that matches no package')
    }
    return match.packageId
  })
}

function confirmedOnce(r: Rig): void {
  expect(printedPackages(r)).toEqual(r.packages.map((p) => p.packageId))
  for (const p of r.packages) {
    const records = listPackageRecords(r.db, p.packageId)
    expect(records.map((rec) => rec.state)).toEqual(['confirmed'])
    expect(records[0]?.trackingNumber).toBe(p.data.trackingNumber)
    expect(packagePrintState(r.db, p.packageId)).toBe('printed')
  }
}

const labelConfirmed = (e: PrintQueueEvent, index: number): boolean =>
  e.type === 'label' && e.state === 'confirmed' && e.index === index

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) {
      throw new Error('condition not met in time')
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

describe.each(['escpos', 'tspl', 'zpl'] as const)('print queue on %s', (language) => {
  test('prints a job in order, each label recorded before it leaves and confirmed by status', async () => {
    const r = await rig(language, 4)
    const sendingSeen: number[] = []
    r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
    await r.queue.whenIdle()
    for (const e of r.events) {
      if (e.type === 'label' && e.state === 'sending') {
        // The record existed and said `sending` before the transport was called.
        expect(getPrintRecord(r.db, e.recordId)?.bytesHash).toMatch(/^[0-9a-f]{64}$/)
        sendingSeen.push(e.index)
      }
    }
    expect(sendingSeen).toEqual([0, 1, 2, 3])
    confirmedOnce(r)
    expect(r.events.at(-1)).toMatchObject({ type: 'job', state: 'done', labels: 4 })
  })

  test('a connection dropped mid-label pauses; resume prints the rest, each label exactly once', async () => {
    const r = await rig(language, 5, (e, rr) => {
      if (labelConfirmed(e, 1)) {
        rr.vp.dropAfterBytes(3000) // the next label is cut off after 3 KB
      }
    })
    r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
    await r.queue.whenIdle()
    const snapshot = r.queue.snapshot()
    expect(snapshot.paused).toBe(true)
    expect(r.vp.printed.length).toBe(2)
    const third = r.packages[2]?.packageId ?? -1
    const state = listPackageRecords(r.db, third)[0]?.state
    expect(['failed', 'sent']).toContain(state)
    // `sent`: the OS took every byte before the reset, so only the packer can say it is lost.
    expect(r.queue.snapshot().unconfirmed?.packageId).toBe(state === 'sent' ? third : undefined)
    if (state === 'sent') {
      r.queue.resume()
      await r.queue.whenIdle()
      expect(r.vp.printed.length).toBe(2)
      r.queue.confirm(r.queue.snapshot().unconfirmed?.recordId ?? -1, false)
    }
    r.queue.resume()
    await r.queue.whenIdle()
    expect(r.queue.snapshot().paused).toBe(false)
    confirmedOnce(r)
    expect(listPackageRecords(r.db, third)[0]?.attempt).toBe(2)
  })

  test('paper out pauses with the printer state; the lost label is resent only after the user says so', async () => {
    const r = await rig(language, 4, (e, rr) => {
      if (labelConfirmed(e, 0)) {
        rr.vp.paperOutAfter(1) // label 2 prints; the roll ends during label 3, which does not come out
      }
    })
    r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
    await r.queue.whenIdle()
    const paused = r.events.find((e) => e.type === 'paused')
    expect(paused).toMatchObject({ type: 'paused', status: 'paper_out' })
    expect(r.vp.printed.length).toBe(2)
    expect(r.vp.rejected.length).toBe(1)
    // While out of paper, resuming does not send anything.
    r.queue.resume()
    await r.queue.whenIdle()
    expect(r.queue.snapshot()).toMatchObject({ paused: true, printerState: 'paper_out' })
    expect(r.vp.rejected.length).toBe(1)
    r.vp.setFault(null)
    // Paper reloaded: the third label's bytes all left before the fault, so it waits for an answer.
    const third = r.packages[2]?.packageId
    const doubt = r.queue.snapshot().unconfirmed
    expect(doubt?.packageId).toBe(third)
    r.queue.resume()
    await r.queue.whenIdle()
    expect(r.queue.snapshot()).toMatchObject({ paused: true, unconfirmed: doubt })
    expect(r.vp.rejected.length + r.vp.printed.length).toBe(3)
    expect(r.queue.confirm(doubt?.recordId ?? -1, false)).toBe(true)
    r.queue.resume()
    await r.queue.whenIdle()
    confirmedOnce(r)
    expect(listPackageRecords(r.db, third ?? -1)[0]?.attempt).toBe(2)
  })

  test('a stalled printer times out and pauses; resume after it recovers prints each label once', async () => {
    const r = await rig(language, 4, (e, rr) => {
      if (labelConfirmed(e, 1)) {
        rr.vp.stall(true)
      }
    })
    r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
    await r.queue.whenIdle()
    expect(r.queue.snapshot().paused).toBe(true)
    expect(r.queue.snapshot().pauseReason).toMatch(/did not answer/)
    expect(r.vp.printed.length).toBe(2)
    await until(() => r.vp.openLinks() === 0)
    r.vp.stall(false) // power-cycled: what the stalled link held is gone with it
    // Label 3 was written out whole before the printer went silent, or failed mid-write:
    // only the first needs the packer's word (here: nothing came out).
    const doubt = r.queue.snapshot().unconfirmed
    if (doubt) {
      expect(doubt.packageId).toBe(r.packages[2]?.packageId)
      r.queue.confirm(doubt.recordId, false)
    }
    r.queue.resume()
    await r.queue.whenIdle()
    confirmedOnce(r)
  })
})

describe.each(['escpos', 'tspl', 'zpl'] as const)(
  'a fault after a label was sent, on %s',
  (language) => {
    test.each(['head_hot', 'cover_open', 'paper_out'] as const)(
      'the printer took the label, then reported %s: it is not sent again',
      async (fault) => {
        const r = await rig(language, 4, (e, rr) => {
          if (labelConfirmed(e, 0)) {
            rr.vp.faultAfter(0, fault, 'took') // label 2 comes out, then the printer faults
          }
        })
        r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
        await r.queue.whenIdle()
        const second = r.packages[1]
        const record = listPackageRecords(r.db, second?.packageId ?? -1)[0]
        expect(record?.state).toBe('sent')
        expect(r.vp.printed.length).toBe(2)
        const paused = r.events.find((e) => e.type === 'paused')
        expect(paused).toMatchObject({
          status: fault,
          confirm: { recordId: record?.id, trackingNumber: second?.data.trackingNumber }
        })
        // The doubt is on disk too: a crash now would still ask the packer after the restart,
        // and no new job can take the package meanwhile.
        expect(pendingConfirmation(r.db).map((p) => p.id)).toEqual([record?.id])
        // The fault is cleared and the packer presses resume without answering: nothing is sent.
        r.vp.setFault(null)
        r.queue.resume()
        await r.queue.whenIdle()
        expect(r.queue.snapshot().paused).toBe(true)
        expect(r.vp.printed.length + r.vp.rejected.length).toBe(2)
        // "It came out": the queue goes on after it.
        expect(r.queue.confirm(record?.id ?? -1, true)).toBe(true)
        expect(pendingConfirmation(r.db)).toEqual([])
        r.queue.resume()
        await r.queue.whenIdle()
        confirmedOnce(r)
        expect(listPackageRecords(r.db, second?.packageId ?? -1)[0]?.attempt).toBe(1)
      }
    )

    test('the printer refused the label (cover open): it is resent once the packer says it did not come out', async () => {
      const r = await rig(language, 3, (e, rr) => {
        if (labelConfirmed(e, 0)) {
          rr.vp.faultAfter(0, 'cover_open', 'refused')
        }
      })
      r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
      await r.queue.whenIdle()
      expect(r.vp.rejected.length).toBe(1)
      const doubt = r.queue.snapshot().unconfirmed
      expect(doubt?.packageId).toBe(r.packages[1]?.packageId)
      r.vp.setFault(null)
      r.queue.resume()
      await r.queue.whenIdle()
      expect(r.vp.printed.length).toBe(1)
      r.queue.confirm(doubt?.recordId ?? -1, false)
      r.queue.resume()
      await r.queue.whenIdle()
      confirmedOnce(r)
    })
  }
)

test('a label waiting for its status reply is not in doubt; a user pause then asks nothing', async () => {
  const r = await rig('tspl', 3)
  r.vp.pace(300) // the printer answers once the label has fed out
  r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
  await until(() => r.events.some((e) => e.type === 'label' && e.state === 'sent'))
  expect(r.queue.snapshot().unconfirmed).toBeNull()
  r.queue.pause()
  expect(r.events.find((e) => e.type === 'paused')).not.toHaveProperty('confirm')
  await r.queue.whenIdle()
  expect(r.queue.snapshot()).toMatchObject({ paused: true, unconfirmed: null })
  expect(listPackageRecords(r.db, r.packages[0]?.packageId ?? -1)[0]?.state).toBe('confirmed')
  expect(r.vp.printed.length).toBe(1)
  r.vp.pace(0)
  r.queue.resume()
  await r.queue.whenIdle()
  confirmedOnce(r)
})

test('cancel while a label awaits confirmation: the rest is voided; the answer settles that one', async () => {
  const r = await rig('tspl', 4, (e, rr) => {
    if (labelConfirmed(e, 0)) {
      rr.vp.faultAfter(0, 'head_hot', 'refused')
    }
  })
  const more = seedPackages(r.db, 1, 'ORD-2')
  const first = r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
  r.queue.enqueue({ template: WAYBILL_76X130, labels: more })
  await r.queue.whenIdle()
  const doubt = r.queue.snapshot().unconfirmed
  expect(r.queue.cancel(first.jobId)).toBe(2)
  r.vp.setFault(null)
  r.queue.resume()
  await r.queue.whenIdle()
  // FIFO: the next job waits behind the unanswered label.
  expect(r.vp.printed.length).toBe(1)
  r.queue.confirm(doubt?.recordId ?? -1, false)
  r.queue.resume()
  await r.queue.whenIdle()
  expect(listJobRecords(r.db, first.jobId).map((rec) => rec.state)).toEqual([
    'confirmed',
    'voided',
    'voided',
    'voided'
  ])
  expect(r.vp.printed.length).toBe(2)
  expect(r.queue.snapshot().jobs).toEqual([])
  expect(r.packages.slice(1).map((p) => packagePrintState(r.db, p.packageId))).toEqual([
    'failed',
    'failed',
    'failed'
  ])
})

test('a fault present before the job starts pauses before any byte is sent', async () => {
  const r = await rig('tspl', 2)
  r.vp.setFault('cover_open')
  r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
  await r.queue.whenIdle()
  expect(r.queue.snapshot()).toMatchObject({ paused: true, printerState: 'cover_open' })
  expect(r.vp.stats.bytes).toBe(3) // only <ESC>!?
  expect(r.packages.map((p) => listPackageRecords(r.db, p.packageId)[0]?.state)).toEqual([
    'queued',
    'queued'
  ])
  r.vp.setFault(null)
  r.queue.resume()
  await r.queue.whenIdle()
  confirmedOnce(r)
})

test('a label the user confirms as printed while paused is not sent again', async () => {
  const r = await rig('zpl', 3, (e, rr) => {
    if (labelConfirmed(e, 0)) {
      rr.vp.paperOutAfter(1)
    }
  })
  r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages })
  await r.queue.whenIdle()
  const stuck = r.packages[2]
  const record = stuck ? listPackageRecords(r.db, stuck.packageId)[0] : undefined
  expect(record?.state).toBe('sent')
  // Say the real printer did print it after the paper was reloaded:
  confirm(r.db, record?.id ?? -1, true, clock())
  r.vp.setFault(null)
  r.queue.resume()
  await r.queue.whenIdle()
  expect(r.vp.printed.length).toBe(2)
  expect(r.queue.snapshot().jobs).toEqual([])
})

test('reprint keeps the tracking number, counts, marks the label; a plain second print is refused', async () => {
  const r = await rig('tspl', 1)
  const [p] = r.packages
  if (!p) {
    throw new Error('no package')
  }
  r.queue.enqueue({ template: WAYBILL_76X130, labels: [p] })
  await r.queue.whenIdle()
  expect(() => r.queue.enqueue({ template: WAYBILL_76X130, labels: [p] })).toThrow(
    /already printed/
  )
  r.queue.reprint({ template: WAYBILL_76X130, labels: [p] })
  await r.queue.whenIdle()
  r.queue.reprint({ template: WAYBILL_76X130, labels: [p] })
  await r.queue.whenIdle()
  const records = listPackageRecords(r.db, p.packageId)
  expect(records.map((rec) => [rec.trackingNumber, rec.reprintCount, rec.state])).toEqual([
    [p.data.trackingNumber, 0, 'confirmed'],
    [p.data.trackingNumber, 1, 'confirmed'],
    [p.data.trackingNumber, 2, 'confirmed']
  ])
  expect(r.vp.printed.length).toBe(3)
  const second = r.vp.printed[1]?.bitmap
  expect(second && bitmapsEqual(second, expected(p, 1))).toBe(true)
  expect(second && bitmapsEqual(second, expected(p, 0))).toBe(false)
})

test('a label for another tracking number than the package has is refused (no second number)', async () => {
  const r = await rig('tspl', 1)
  const [p] = r.packages
  if (!p) {
    throw new Error('no package')
  }
  expect(() =>
    r.queue.enqueue({
      template: WAYBILL_76X130,
      labels: [{ packageId: p.packageId, data: { ...p.data, trackingNumber: 'SF0000000000000' } }]
    })
  ).toThrow(/tracking number/)
  expect(listPackageRecords(r.db, p.packageId)).toEqual([])
})

test('cancel voids what has not left; FIFO: the next job prints', async () => {
  const r = await rig('tspl', 4)
  r.queue.pause()
  const first = r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages.slice(0, 2) })
  r.queue.enqueue({ template: WAYBILL_76X130, labels: r.packages.slice(2) })
  expect(r.queue.cancel(first.jobId)).toBe(2)
  r.queue.resume()
  await r.queue.whenIdle()
  expect(listJobRecords(r.db, first.jobId).map((rec) => rec.state)).toEqual(['voided', 'voided'])
  expect(printedPackages(r)).toEqual(r.packages.slice(2).map((p) => p.packageId))
})

test('a crash between the record and the send leaves the label in `sending` for the user', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'waybill-crash-'))
  const file = join(dir, 'app.db')
  const db = printDb(file)
  const packages = seedPackages(db, 2)
  // A transport that never returns: the process "dies" while the bytes are in flight.
  let writes = 0
  const hanging: Transport = {
    uri: 'tcp://hang',
    bidirectional: false,
    writeIsDelivery: false,
    write: () => {
      writes++
      return new Promise<void>(() => undefined)
    },
    query: () => Promise.reject(new Error('no')),
    reset: () => undefined,
    close: () => Promise.resolve()
  }
  const config: PrinterConfig = { id: 'p1', uri: 'tcp://hang', language: 'tspl', dpi: 203 }
  const queue = createPrintQueue({ db, printer: connectPrinter(config, hanging), clock })
  queue.enqueue({ template: WAYBILL_76X130, labels: packages })
  await until(() => writes === 1)
  db.close() // crash: nothing more is written by this process

  const restarted = printDb(file)
  cleanups.push(() => {
    restarted.close()
  })
  const pending = recoverAfterRestart(restarted, clock())
  expect(pending.map((rec) => [rec.packageId, rec.state])).toEqual([
    [packages[0]?.packageId, 'sending']
  ])
  expect(pendingConfirmation(restarted)).toEqual(pending)
  // The never-sent second label is failed with a reason, so it can be printed again.
  expect(listPackageRecords(restarted, packages[1]?.packageId ?? -1)[0]).toMatchObject({
    state: 'failed',
    error: expect.stringMatching(/interrupted/) as unknown
  })
  // Nothing prints the in-doubt package again until the user answers.
  const vp = await startVirtualPrinter({ language: 'tspl' })
  cleanups.push(() => vp.close())
  const live = createPrintQueue({
    db: restarted,
    printer: connectPrinter({ ...config, uri: vp.uri }),
    clock
  })
  cleanups.push(() => live.close())
  expect(() => live.enqueue({ template: WAYBILL_76X130, labels: packages.slice(0, 1) })).toThrow(
    /confirm/
  )
  confirm(restarted, pending[0]?.id ?? -1, false, clock())
  expect(pendingConfirmation(restarted)).toEqual([])
  live.enqueue({ template: WAYBILL_76X130, labels: packages })
  await live.whenIdle()
  expect(vp.printed.length).toBe(2)
  expect(writes).toBe(1)
})

describe('one-way transports', () => {
  test('preview:// writes one PNG per label and confirms it', async () => {
    const db = printDb()
    cleanups.push(() => {
      db.close()
    })
    const dir = mkdtempSync(join(tmpdir(), 'waybill-preview-'))
    const packages = seedPackages(db, 2)
    const queue = createPrintQueue({
      db,
      printer: connectPrinter({
        id: 'preview',
        uri: `preview://${dir}`,
        language: 'tspl',
        dpi: 203
      }),
      clock
    })
    queue.enqueue({ template: WAYBILL_76X130, labels: packages })
    await queue.whenIdle()
    expect(readdirSync(dir).sort()).toEqual(
      packages.map((p) => `${p.data.trackingNumber}.png`).sort()
    )
    expect(
      readFileSync(join(dir, `${packages[0]?.data.trackingNumber ?? ''}.png`))
        .subarray(1, 4)
        .toString()
    ).toBe('PNG')
    expect(packages.map((p) => listPackageRecords(db, p.packageId)[0]?.state)).toEqual([
      'confirmed',
      'confirmed'
    ])
  })

  test('file:// appends each label to the device file; lp:// pipes each label to lp -o raw', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'waybill-raw-'))
    const device = join(dir, 'lp0')
    const fakeLp = join(dir, 'lp')
    writeFileSync(fakeLp, `#!/bin/sh\necho "$@" >> ${dir}/lp-args\ncat >> ${dir}/spool\n`)
    chmodSync(fakeLp, 0o755)
    const label = renderLabel(WAYBILL_76X130, seedPackages(printDb(), 1)[0]?.data ?? ({} as never))
    const viaFile = connectPrinter({
      id: 'usb',
      uri: `file://${device}`,
      language: 'tspl',
      dpi: 203
    })
    const viaLp = connectPrinter(
      { id: 'cups', uri: 'lp://waybill-raw', language: 'tspl', dpi: 203 },
      openTransport('lp://waybill-raw', { lp: { command: fakeLp } })
    )
    for (const printer of [viaFile, viaLp]) {
      expect(printer.canQueryStatus).toBe(false)
      await printer.send(printer.encode(label), 'SF1')
      await printer.send(printer.encode(label), 'SF2')
    }
    for (const path of [device, join(dir, 'spool')]) {
      const decoded = tsplDecoder(8).feed(readFileSync(path))
      expect(decoded.filter((e) => e.type === 'label').length).toBe(2)
      const first = decoded.find((e) => e.type === 'label')
      expect(first?.type === 'label' && bitmapsEqual(first.bitmap, label)).toBe(true)
    }
    expect(readFileSync(join(dir, 'lp-args'), 'utf8')).toBe(
      '-d waybill-raw -o raw -t SF1\n-d waybill-raw -o raw -t SF2\n'
    )
  })
})
