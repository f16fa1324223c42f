/**
 * The packer's Pause / Resume / Cancel on a running manual-print batch, through the contract
 * (core.dispatch, as a host calls it) to a real print queue and a virtual TCP printer: a paused
 * batch sends no more bytes; resume completes it with each label once; cancel leaves every label
 * definite, and printing the cancelled orders later reuses the numbers they already had.
 */
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { EventName, EventPayload } from '../../../src/shared/contract'
import type { PrinterRow } from '../../../src/main/core/db/printers-repo'
import { availableCount } from '../../../src/main/core/db/waybill-pools-repo'
import { queueFor } from '../../../src/main/core/printers/print-service'
import { callErr, callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import {
  addTcpPrinter,
  labelHash,
  numberInvariants,
  seedOrders,
  seedPool
} from '../../support/manual-print-fixtures'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

let tc: TestCore
let vp: VirtualPrinter
let printer: PrinterRow
let events: { event: EventName; payload: unknown }[]

beforeEach(async () => {
  tc = openTestCore({ host: 'browser' })
  vp = await startVirtualPrinter({ language: 'tspl' })
  printer = addTcpPrinter(tc.core.db, vp.uri)
  events = []
  tc.core.subscribe((event, payload) => {
    events.push({ event, payload })
  })
})
afterEach(async () => {
  tc.dispose()
  await vp.close()
})

function progress(): EventPayload<'printing.progress'>[] {
  return events
    .filter((e) => e.event === 'printing.progress')
    .map((e) => e.payload as EventPayload<'printing.progress'>)
}

function batchEvents(): EventPayload<'print.batch'>[] {
  return events
    .filter((e) => e.event === 'print.batch')
    .map((e) => e.payload as EventPayload<'print.batch'>)
}

async function until(condition: () => boolean, timeoutMs = 60_000): Promise<void> {
  const start = Date.now()
  while (!condition()) {
    if (Date.now() - start > timeoutMs) {
      throw new Error('condition not met in time')
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/**
 * After a pause or a resume: the printer's queue has stopped its send loop (its own idle signal,
 * not a quiet period), so the label in flight has settled and nothing more can leave.
 */
async function quiet(): Promise<void> {
  const found = queueFor(tc.core.ctx, printer.id)
  if (!found.ok) {
    throw new Error(found.error.message)
  }
  await found.value.queue.whenIdle()
  const last = progress()
    .filter((e) => e.type === 'label')
    .at(-1)
  expect(last?.type === 'label' && last.state).not.toBe('sending')
}

/** Labels whose record is in `state`, as the app recorded them. */
function recordsIn(state: string): number {
  return (
    tc.core.db
      .prepare<[string], { n: number }>('SELECT count(*) AS n FROM print_records WHERE state = ?')
      .get(state)?.n ?? 0
  )
}

/** Order id of every label the printer printed, in order, by the hash of its bytes. */
function printedOrders(): (number | undefined)[] {
  const byHash = new Map(
    tc.core.db
      .prepare<[], { bytes_hash: string; order_id: number }>(
        `SELECT r.bytes_hash, p.order_id FROM print_records r JOIN packages p ON p.id = r.package_id
          WHERE r.bytes_hash <> ''`
      )
      .all()
      .map((r) => [r.bytes_hash, r.order_id])
  )
  return vp.printed.map((label) => byHash.get(labelHash(label.bitmap, printer)))
}

function trackingOf(orderIds: readonly number[]): Map<number, string | null> {
  const get = tc.core.db.prepare<[number], { t: string | null }>(
    `SELECT tracking_number AS t FROM packages WHERE order_id = ? AND role = 'first'`
  )
  return new Map(orderIds.map((id) => [id, get.get(id)?.t ?? null]))
}

const start = (orderIds: number[]) =>
  callOk(tc.core, 'print.start', {
    orderIds,
    carrier: 'ZTO',
    template: '76x130',
    printerId: printer.id,
    maskPrivacy: true
  })

test('pause: no more bytes reach the printer and no more numbers are drawn; resume completes, each label once', async () => {
  const ids = seedOrders(tc.core.db, 60, 'PZ')
  seedPool(tc.core.ctx, 80)
  const started = await start(ids)
  const paused = await callOk(tc.core, 'print.pause', { batchId: started.batchId })
  expect(paused.paused).toBe(true)
  await until(() => progress().some((e) => e.type === 'paused'))
  // The label in flight finishes; then the link is quiet.
  await quiet()
  const bytes = vp.stats.bytes
  const printedAtPause = vp.printed.length
  const allocated = availableCount(tc.core.db, 'ZTO')
  // What reached the printer is exactly what the app confirmed; the rest waits, queued.
  expect(recordsIn('sending') + recordsIn('sent')).toBe(0)
  expect(recordsIn('confirmed')).toBe(printedAtPause)
  expect(printedAtPause).toBeLessThan(ids.length)
  await quiet()
  expect(vp.stats.bytes).toBe(bytes)
  expect(vp.printed.length).toBe(printedAtPause)
  expect(availableCount(tc.core.db, 'ZTO')).toBe(allocated)
  expect(batchEvents().at(-1)).toMatchObject({ paused: true, done: false })

  const resumed = await callOk(tc.core, 'print.resume', { batchId: started.batchId })
  expect(resumed.paused).toBe(false)
  await vp.waitForPrinted(ids.length)
  await until(() => batchEvents().some((e) => e.done))
  await quiet()
  expect(printedOrders()).toEqual(ids)
  expect(vp.printed).toHaveLength(ids.length)
  expect(numberInvariants(tc.core.db).violations).toEqual([])
}, 120_000)

test('cancel: labels not sent are voided, their numbers kept; printing the orders again reuses them', async () => {
  const ids = seedOrders(tc.core.db, 40, 'CX')
  seedPool(tc.core.ctx, 60)
  const started = await start(ids)
  await callOk(tc.core, 'print.pause', { batchId: started.batchId })
  await until(() => progress().some((e) => e.type === 'paused'))
  await quiet()
  const cancelled = await callOk(tc.core, 'print.cancel', { batchId: started.batchId })
  await until(() => batchEvents().some((e) => e.done && e.cancelled))
  await quiet()
  const printedBefore = printedOrders()
  expect(printedBefore.length).toBeGreaterThan(0)
  expect(cancelled.voided).toBeGreaterThan(0)
  expect(cancelled.unconfirmed).toBe(0)
  expect(printedBefore.length + cancelled.voided + cancelled.notStarted).toBe(ids.length)

  // Every order is definite: printed once, or voided with its number kept, or never numbered.
  const states = tc.core.db
    .prepare<[], { order_id: number; state: string; t: string }>(
      `SELECT p.order_id, r.state, r.tracking_number AS t FROM print_records r
         JOIN packages p ON p.id = r.package_id`
    )
    .all()
  expect(new Set(states.map((s) => s.state))).toEqual(new Set(['confirmed', 'voided']))
  expect(states.filter((s) => s.state === 'voided')).toHaveLength(cancelled.voided)
  const before = trackingOf(ids)
  const numbered = ids.filter((id) => before.get(id) !== null)
  expect(numbered).toHaveLength(printedBefore.length + cancelled.voided)
  expect(ids.slice(0, numbered.length)).toEqual(numbered)
  // Nothing else reaches the printer after the cancel.
  const bytes = vp.stats.bytes
  await quiet()
  expect(vp.stats.bytes).toBe(bytes)
  // The batch can no longer be resumed into printing its voided labels.
  await callOk(tc.core, 'print.resume', { batchId: started.batchId })
  await quiet()
  expect(vp.printed).toHaveLength(printedBefore.length)

  // The same orders again: the printed ones are held, the rest print with the numbers they had.
  const balance = availableCount(tc.core.db, 'ZTO')
  const again = await start(ids)
  expect(again.held.filter((h) => h.reason === 'already_printed')).toHaveLength(
    printedBefore.length
  )
  await vp.waitForPrinted(ids.length)
  await until(() => batchEvents().some((e) => e.batchId === again.batchId && e.done))
  const after = trackingOf(ids)
  for (const id of numbered) {
    expect(after.get(id)).toBe(before.get(id))
  }
  expect(balance - availableCount(tc.core.db, 'ZTO')).toBe(cancelled.notStarted)
  expect(printedOrders()).toEqual(ids)
  expect(numberInvariants(tc.core.db).violations).toEqual([])
}, 120_000)

test('pause, resume and cancel are validated and refuse an unknown batch as data', async () => {
  expect((await callErr(tc.core, 'print.pause', {})).code).toBe('VALIDATION')
  expect((await callErr(tc.core, 'print.cancel', { batchId: 'B1', extra: 1 })).code).toBe(
    'VALIDATION'
  )
  expect((await callErr(tc.core, 'print.resume', { batchId: 'B-none' })).code).toBe('NOT_FOUND')
})
