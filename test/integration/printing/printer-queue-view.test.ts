/**
 * The printer queue view (issue 10 item 5) through the contract, against two real virtual TCP
 * printers: a printer switched off mid-batch stops its queue with a reason in words' codes,
 * its orders are not "printed" anywhere, move sends the waiting labels to another printer with
 * the same tracking numbers, cancel voids them with their numbers kept, and a printer with
 * waiting labels refuses deletion with the count.
 */
import jsQR from 'jsqr'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { toRgba } from '../../../src/main/core/printing/bitmap'
import type { PrinterRow } from '../../../src/main/core/db/printers-repo'
import type { EventName, EventPayload } from '../../../src/shared/contract'
import { callErr, callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import {
  addTcpPrinter,
  numberInvariants,
  seedOrders,
  seedPool
} from '../../support/manual-print-fixtures'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

let tc: TestCore
let a: VirtualPrinter
let b: VirtualPrinter
let printerA: PrinterRow
let printerB: PrinterRow
let events: { event: EventName; payload: unknown }[]

beforeEach(async () => {
  // Printer B always answers; only A is switched off (refused at once, no timeout involved).
  tc = openTestCore({ host: 'browser', printerStatusTimeoutMs: 30_000 })
  a = await startVirtualPrinter({ language: 'tspl' })
  b = await startVirtualPrinter({ language: 'tspl' })
  printerA = addTcpPrinter(tc.core.db, a.uri, 'tspl', '打包台A')
  printerB = addTcpPrinter(tc.core.db, b.uri, 'tspl', '打包台B')
  events = []
  tc.core.subscribe((event, payload) => {
    events.push({ event, payload })
  })
})
afterEach(async () => {
  tc.dispose()
  await a.close()
  await b.close()
})

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) {
      throw new Error('condition not met in time')
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

function paused(): EventPayload<'printing.progress'>[] {
  return events
    .filter((e) => e.event === 'printing.progress')
    .map((e) => e.payload as EventPayload<'printing.progress'>)
    .filter((e) => e.type === 'paused')
}

async function queueOf(printerId: number) {
  const { queues } = await callOk(tc.core, 'printers.queues', {})
  const queue = queues.find((q) => q.printerId === printerId)
  if (!queue) {
    throw new Error('no queue view')
  }
  return queue
}

const qr = (label: VirtualPrinter['printed'][number]): string =>
  jsQR(toRgba(label.bitmap), label.bitmap.width, label.bitmap.height, {
    inversionAttempts: 'dontInvert'
  })?.data ?? ''

test('a printer switched off mid-batch: the queue says why; move prints the rest elsewhere with the same numbers', async () => {
  const ids = seedOrders(tc.core.db, 4, 'QV')
  seedPool(tc.core.ctx, 10)
  a.switchOffAfter(1)
  await callOk(tc.core, 'print.start', {
    orderIds: ids,
    carrier: 'ZTO',
    template: '76x130',
    printerId: printerA.id,
    maskPrivacy: true
  })
  await until(() => paused().some((e) => e.printerId === printerA.id))
  expect(a.printed).toHaveLength(1)

  // The power went right after label 1: the queue cannot know it came out, so it waits for the
  // packer, and says the link broke.
  const doubt = await queueOf(printerA.id)
  expect(doubt.state).toBe('stopped')
  expect(doubt.reason).toBe('connection_lost')
  expect(doubt.labels.map((l) => [l.platformOrderId, l.state])).toEqual([
    ['QV00001', 'sent'],
    ['QV00002', 'queued'],
    ['QV00003', 'queued'],
    ['QV00004', 'queued']
  ])
  await callOk(tc.core, 'printing.confirm', {
    recordId: doubt.labels[0]?.recordId ?? 0,
    printed: true
  })

  // Retry against the dead printer: refused (its status check, before any byte), said as such.
  await callOk(tc.core, 'printers.resume', { id: printerA.id })
  await until(() => paused().filter((e) => e.printerId === printerA.id).length >= 2)
  const stopped = await queueOf(printerA.id)
  expect(stopped.reason).toBe('refused')
  expect(paused().at(-1)).toMatchObject({ cause: 'refused' })
  expect(stopped.labels.map((l) => [l.platformOrderId, l.state])).toEqual([
    ['QV00002', 'queued'],
    ['QV00003', 'queued'],
    ['QV00004', 'queued']
  ])

  // Not printed anywhere: 已打印 lists the one label that came out; the waiting orders are held
  // as waiting in a queue, not as printed.
  const printed = await callOk(tc.core, 'printed.list', { filter: { query: '' } })
  expect(printed.total).toBe(1)
  const check = await callOk(tc.core, 'print.check', { orderIds: ids, carrier: 'ZTO' })
  expect(check.held.map((h) => h.reason)).toEqual([
    'already_printed',
    'in_queue',
    'in_queue',
    'in_queue'
  ])

  // Deleting the printer says how many wait, as data the UI puts in words.
  const refusedRemove = await callErr(tc.core, 'printers.remove', { id: printerA.id })
  expect(refusedRemove.details).toMatchObject({ reason: 'PRINTER_HAS_JOBS', waiting: 3 })

  const numbers = stopped.labels.map((l) => l.trackingNumber)
  const moved = await callOk(tc.core, 'printers.queueMove', { from: printerA.id, to: printerB.id })
  expect(moved).toEqual({ moved: 3, unconfirmed: 0 })
  await b.waitForPrinted(3)
  expect(b.printed.map(qr)).toEqual(numbers)
  await expect
    .poll(async () => (await queueOf(printerB.id)).labels.length, { timeout: 60_000 })
    .toBe(0)
  expect((await queueOf(printerA.id)).labels).toEqual([])
  const after = await callOk(tc.core, 'printed.list', { filter: { query: '' } })
  expect(after.total).toBe(4)
  expect(numberInvariants(tc.core.db).violations).toEqual([])
  // Nothing waits on A any more: it can go.
  await callOk(tc.core, 'printers.remove', { id: printerA.id })
}, 120_000)

test('cancel voids the waiting labels; the packages keep their numbers and print with them later', async () => {
  const ids = seedOrders(tc.core.db, 2, 'QC')
  seedPool(tc.core.ctx, 10)
  await a.close()
  await callOk(tc.core, 'print.start', {
    orderIds: ids,
    carrier: 'ZTO',
    template: '76x130',
    printerId: printerA.id,
    maskPrivacy: true
  })
  await until(() => paused().some((e) => e.printerId === printerA.id))
  const waiting = await queueOf(printerA.id)
  expect(waiting.state).toBe('stopped')
  expect(waiting.reason).toBe('refused')
  const numbers = waiting.labels.map((l) => l.trackingNumber)
  expect(numbers).toHaveLength(2)

  const cancelled = await callOk(tc.core, 'printers.queueCancel', { id: printerA.id })
  expect(cancelled).toEqual({ voided: 2, unconfirmed: 0 })
  const idle = await queueOf(printerA.id)
  expect(idle.labels).toEqual([])
  expect((await callOk(tc.core, 'printed.list', { filter: { query: '' } })).total).toBe(0)

  // Printed later on B: the same numbers, no new ones drawn.
  await callOk(tc.core, 'print.start', {
    orderIds: ids,
    carrier: 'ZTO',
    template: '76x130',
    printerId: printerB.id,
    maskPrivacy: true
  })
  await b.waitForPrinted(2)
  expect(b.printed.map(qr)).toEqual(numbers)
  expect(numberInvariants(tc.core.db).violations).toEqual([])
}, 120_000)
