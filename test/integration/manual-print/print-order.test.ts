/**
 * A real batch through queueSink → print queue → TCP → virtual printer: labels come out in the
 * order on screen (held orders left out), each label maps to its print record by the hash of its
 * bytes, the barcodes decode to the numbers, and printing the same orders again holds them all as
 * already printed — no new number, no new label.
 */
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import type { PrinterRow } from '../../../src/main/core/db/printers-repo'
import { availableCount } from '../../../src/main/core/db/waybill-pools-repo'
import { queueSink } from '../../../src/main/core/manual-print/label-sink'
import { startPrintBatch } from '../../../src/main/core/manual-print/run-batch'
import { openTestCore, type TestCore } from '../../support/core-fixtures'
import {
  addTcpPrinter,
  labelHash,
  numberInvariants,
  seedOrders,
  seedPool,
  seededRandom
} from '../../support/manual-print-fixtures'
import { readWithZxing } from '../../support/printing-barcode-reader'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

let tc: TestCore
let ctx: CoreContext
let vp: VirtualPrinter
let printer: PrinterRow

beforeEach(async () => {
  tc = openTestCore({ host: 'browser' })
  ctx = tc.core.ctx
  vp = await startVirtualPrinter({ language: 'tspl' })
  printer = addTcpPrinter(ctx.db, vp.uri)
})
afterEach(async () => {
  tc.dispose()
  await vp.close()
})

test('labels leave in the on-screen order and decode to their numbers; a second run prints nothing', async () => {
  const ids = seedOrders(ctx.db, 40, 'PO', (i) => (i % 9 === 0 ? { status: 'closed' } : {}))
  seedPool(ctx, 50)
  const random = seededRandom(5)
  const onScreen = [...ids].sort(() => random() - 0.5)
  const request = {
    orderIds: onScreen,
    carrier: 'ZTO',
    template: '76x130',
    printerId: printer.id,
    maskPrivacy: true
  }
  const started = await startPrintBatch(ctx, queueSink(ctx), request)
  if (!started.ok) {
    throw new Error(started.error.message)
  }
  expect(started.value.held.map((h) => h.reason)).toEqual(['closed', 'closed', 'closed', 'closed'])
  const done = await started.value.finished
  expect(done.error).toBeNull()
  await vp.waitForPrinted(36)

  const orderOfHash = new Map(
    ctx.db
      .prepare<[], { bytes_hash: string; order_id: number; tracking_number: string }>(
        `SELECT r.bytes_hash, p.order_id, r.tracking_number FROM print_records r
         JOIN packages p ON p.id = r.package_id`
      )
      .all()
      .map((r) => [r.bytes_hash, r])
  )
  const printedOrders = vp.printed.map((l) => orderOfHash.get(labelHash(l.bitmap, printer)))
  expect(printedOrders.every((r) => r !== undefined)).toBe(true)
  const held = new Set(started.value.held.map((h) => h.orderId))
  expect(printedOrders.map((r) => r?.order_id)).toEqual(onScreen.filter((id) => !held.has(id)))

  for (const index of [0, 17, 35]) {
    const label = vp.printed[index]
    if (!label) {
      throw new Error('missing label')
    }
    const symbols = await readWithZxing(label.bitmap)
    expect(symbols.filter((s) => s.format === 'Code128').map((s) => s.text)).toContain(
      printedOrders[index]?.tracking_number
    )
  }

  const balance = availableCount(ctx.db, 'ZTO')
  const again = await startPrintBatch(ctx, queueSink(ctx), request)
  if (!again.ok) {
    throw new Error(again.error.message)
  }
  await again.value.finished
  expect(again.value.accepted).toBe(0)
  expect(again.value.held.filter((h) => h.reason === 'already_printed')).toHaveLength(36)
  expect(availableCount(ctx.db, 'ZTO')).toBe(balance)
  expect(vp.printed).toHaveLength(36)
  expect(numberInvariants(ctx.db).violations).toEqual([])
}, 120_000)
