/**
 * print.currentBatch: the batch a print page re-attaches to after the packer left the page
 * (issue 10 item 5). Through the contract on a real SQLite file, a real print queue and a
 * virtual TCP printer: what it says is read back against the print records the app wrote.
 */
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { EventPayload } from '../../../src/shared/contract'
import type { PrinterRow } from '../../../src/main/core/db/printers-repo'
import { queueFor } from '../../../src/main/core/printers/print-service'
import { callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import { addTcpPrinter, seedOrders, seedPool } from '../../support/manual-print-fixtures'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

let tc: TestCore
let vp: VirtualPrinter
let printer: PrinterRow
let batchEvents: EventPayload<'print.batch'>[]

beforeEach(async () => {
  tc = openTestCore({ host: 'browser' })
  vp = await startVirtualPrinter({ language: 'tspl' })
  printer = addTcpPrinter(tc.core.db, vp.uri)
  batchEvents = []
  tc.core.subscribe((event, payload) => {
    if (event === 'print.batch') {
      batchEvents.push(payload as EventPayload<'print.batch'>)
    }
  })
})
afterEach(async () => {
  tc.dispose()
  await vp.close()
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

async function idle(): Promise<void> {
  const found = queueFor(tc.core.ctx, printer.id)
  if (!found.ok) {
    throw new Error(found.error.message)
  }
  await found.value.queue.whenIdle()
}

/** Each package's latest print record, as the app wrote it. */
function recordStates(): Map<number, { state: string; tracking: string }> {
  const rows = tc.core.db
    .prepare<[], { package_id: number; state: string; tracking_number: string }>(
      'SELECT package_id, state, tracking_number FROM print_records ORDER BY id'
    )
    .all()
  return new Map(rows.map((r) => [r.package_id, { state: r.state, tracking: r.tracking_number }]))
}

const start = (orderIds: number[]) =>
  callOk(tc.core, 'print.start', {
    orderIds,
    carrier: 'ZTO',
    template: '76x130',
    printerId: printer.id,
    maskPrivacy: true
  })

test('a paused batch is returned whole: orders in print order, held ones, each label as recorded, the pause', async () => {
  expect((await callOk(tc.core, 'print.currentBatch', {})).batch).toBeNull()
  const ids = seedOrders(tc.core.db, 30, 'CB')
  seedPool(tc.core.ctx, 40)
  // An order that does not exist is held out (not_found) but stays in the packer's list.
  const asked = [ids[2] ?? 0, 999_999, ...ids.filter((_, i) => i !== 2)]
  const started = await start(asked)
  await callOk(tc.core, 'print.pause', { batchId: started.batchId })
  await idle()

  const { batch } = await callOk(tc.core, 'print.currentBatch', {})
  expect(batch).not.toBeNull()
  if (!batch) {
    return
  }
  expect(batch.batchId).toBe(started.batchId)
  expect(batch.printerId).toBe(printer.id)
  expect(batch.orders.map((o) => o.orderId)).toEqual(asked)
  expect(batch.orders[0]?.platformOrderId).toBe('CB00003')
  expect(batch.held).toEqual([{ orderId: 999_999, platformOrderId: '999999', reason: 'not_found' }])
  expect(batch.progress).toMatchObject({ total: 30, held: 1, paused: true, done: false })
  expect(batch.stop?.reason).toBe('paused')
  // Every label drawn so far, with the state and number of its record; nothing invented.
  const records = recordStates()
  expect(batch.labels.length).toBe(records.size)
  expect(batch.labels.length).toBeGreaterThan(0)
  for (const label of batch.labels) {
    expect(records.get(label.packageId)).toEqual({
      state: label.state,
      tracking: label.trackingNumber
    })
  }
  const printed = batch.labels.filter((l) => l.state === 'confirmed').length
  expect(printed).toBe(vp.printed.length)
  expect(printed).toBeLessThan(30)

  // Resumed and finished: still the current batch (its summary), all labels printed.
  await callOk(tc.core, 'print.resume', { batchId: started.batchId })
  await vp.waitForPrinted(30)
  await until(() => batchEvents.some((e) => e.done))
  await idle()
  const after = (await callOk(tc.core, 'print.currentBatch', {})).batch
  expect(after?.progress).toMatchObject({ done: true, paused: false, allocated: 30 })
  expect(after?.stop).toBeNull()
  expect(after?.labels.filter((l) => l.state === 'confirmed')).toHaveLength(30)

  // 再打一批 dismisses it: no page re-attaches to it any more.
  expect(await callOk(tc.core, 'print.dismissBatch', { batchId: started.batchId })).toEqual({
    dismissed: true
  })
  expect((await callOk(tc.core, 'print.currentBatch', {})).batch).toBeNull()
}, 120_000)

test('a new batch replaces the one shown before', async () => {
  const ids = seedOrders(tc.core.db, 4, 'NB')
  seedPool(tc.core.ctx, 10)
  const first = await start(ids.slice(0, 2))
  await vp.waitForPrinted(2)
  await idle()
  expect((await callOk(tc.core, 'print.currentBatch', {})).batch?.batchId).toBe(first.batchId)
  const second = await start(ids.slice(2))
  const { batch } = await callOk(tc.core, 'print.currentBatch', {})
  expect(batch?.batchId).toBe(second.batchId)
  expect(batch?.orders.map((o) => o.orderId)).toEqual(ids.slice(2))
  await vp.waitForPrinted(4)
  await idle()
}, 60_000)
