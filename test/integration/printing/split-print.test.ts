/**
 * Issue 11 item 4: an order whose items cannot share a box (frozen and ambient) prints as two
 * packages through the real path (startPrintBatch → queueSink → print queue → TCP → virtual
 * printer) on a real SQLite file: two labels, one after the other, whose Code128 barcodes decode
 * to two different numbers; the package items add up to the order; a retry keeps the numbers;
 * ship marks both packages and queues one upstream effect carrying both with their items.
 */
import { writeFileSync } from 'node:fs'
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import type { PrinterRow } from '../../../src/main/core/db/printers-repo'
import { availableCount } from '../../../src/main/core/db/waybill-pools-repo'
import { allocateChunk } from '../../../src/main/core/manual-print/batch'
import { queueSink } from '../../../src/main/core/manual-print/label-sink'
import { shipOrders, verifyScan } from '../../../src/main/core/manual-print/printed-service'
import { startPrintBatch } from '../../../src/main/core/manual-print/run-batch'
import { scanToPrint } from '../../../src/main/core/manual-print/scan-print'
import { toPng } from '../../../src/main/core/printing/bitmap'
import { openTestCore, newOrderRow, type TestCore } from '../../support/core-fixtures'
import {
  addTcpPrinter,
  labelHash,
  numberInvariants,
  seedOrders,
  seedPool
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

const FROZEN_AND_AMBIENT = {
  items: [
    {
      sku: 'DUMPLING-1',
      title: '速冻水饺',
      quantity: 2,
      unitWeightG: 500,
      warehouse: null,
      temperatureZone: 'frozen' as const
    },
    {
      sku: 'SK-1',
      title: '运动袜 三双装',
      quantity: 3,
      unitWeightG: 100,
      warehouse: null,
      temperatureZone: 'ambient' as const
    }
  ]
}

function seedSplit(prefix: string): number {
  const [id] = seedOrders(ctx.db, 1, prefix, () => FROZEN_AND_AMBIENT)
  if (id === undefined) {
    throw new Error('no order')
  }
  return id
}

type PackageRow = {
  id: number
  sequence: number
  role: string
  tracking_number: string | null
  ship_state: string
}

function packagesOf(orderId: number): PackageRow[] {
  return ctx.db
    .prepare<[number], PackageRow>(
      `SELECT id, sequence, role, tracking_number, ship_state FROM packages
        WHERE order_id = ? ORDER BY sequence`
    )
    .all(orderId)
}

async function decoded(index: number): Promise<string[]> {
  const label = vp.printed[index]
  if (!label) {
    throw new Error(`label ${String(index)} did not print`)
  }
  const symbols = await readWithZxing(label.bitmap)
  return symbols.filter((s) => s.format === 'Code128').map((s) => s.text)
}

test('a frozen and an ambient item print as two labels with two numbers; a retry keeps them; ship marks both', async () => {
  const single = seedOrders(ctx.db, 1, 'ONE')[0] ?? 0
  const split = seedSplit('SPLIT')
  seedPool(ctx, 20)
  const sink = queueSink(ctx)
  const request = {
    orderIds: [single, split],
    carrier: 'ZTO',
    template: '76x130',
    printerId: printer.id,
    maskPrivacy: true
  }

  // Step 2 counts orders and labels.
  const started = await startPrintBatch(ctx, sink, request)
  if (!started.ok) {
    throw new Error(started.error.message)
  }
  expect(started.value.accepted).toBe(2)
  expect(started.value.labels).toEqual([1, 2])
  expect((await started.value.finished).error).toBeNull()
  await vp.waitForPrinted(3)

  const packages = packagesOf(split)
  expect(packages.map((p) => [p.sequence, p.role])).toEqual([
    [1, 'first'],
    [2, 'split']
  ])
  const numbers = packages.map((p) => p.tracking_number)
  expect(numbers.every((n) => n !== null)).toBe(true)
  expect(new Set(numbers).size).toBe(2)
  expect(packagesOf(single)).toHaveLength(1)

  // The labels leave in screen order, the split order's two one after the other.
  const orderOfHash = new Map(
    ctx.db
      .prepare<[], { bytes_hash: string; order_id: number; tracking_number: string }>(
        `SELECT r.bytes_hash, p.order_id, r.tracking_number FROM print_records r
           JOIN packages p ON p.id = r.package_id`
      )
      .all()
      .map((r) => [r.bytes_hash, r])
  )
  const printed = vp.printed.map((l) => orderOfHash.get(labelHash(l.bitmap, printer)))
  expect(printed.map((r) => r?.order_id)).toEqual([single, split, split])
  expect(printed.slice(1).map((r) => r?.tracking_number)).toEqual(numbers)
  expect(await decoded(1)).toContain(numbers[0])
  expect(await decoded(2)).toContain(numbers[1])
  const second = vp.printed[2]
  if (second) {
    writeFileSync('/tmp/split-print-package-2.png', toPng(second.bitmap))
  }

  // The packages carry the order's items between them, frozen apart from ambient.
  const items = ctx.db
    .prepare<[number], { package_id: number; sku: string; quantity: number }>(
      `SELECT pi.package_id, i.sku, pi.quantity FROM package_items pi
         JOIN order_items i ON i.id = pi.order_item_id JOIN packages p ON p.id = pi.package_id
        WHERE p.order_id = ? ORDER BY p.sequence, i.line_no`
    )
    .all(split)
  expect(items.map((i) => [i.package_id, i.sku, i.quantity])).toEqual([
    [packages[0]?.id, 'DUMPLING-1', 2],
    [packages[1]?.id, 'SK-1', 3]
  ])

  // A retry (the same chunk again, or the batch again) never draws another number.
  const balance = availableCount(ctx.db, 'ZTO')
  const retried = allocateChunk(ctx, [split], 'ZTO', '76x130')
  if (!retried.ok) {
    throw new Error(retried.error.message)
  }
  expect(retried.value.map((a) => [a.trackingNumber, a.fresh])).toEqual([
    [numbers[0], false],
    [numbers[1], false]
  ])
  const again = await startPrintBatch(ctx, sink, request)
  if (!again.ok) {
    throw new Error(again.error.message)
  }
  await again.value.finished
  expect(again.value.held.map((h) => h.reason)).toEqual(['already_printed', 'already_printed'])
  expect(availableCount(ctx.db, 'ZTO')).toBe(balance)
  expect(packagesOf(split).map((p) => p.tracking_number)).toEqual(numbers)

  // Scan-back of either label finds the order.
  for (const n of numbers) {
    const scanned = verifyScan(ctx, n ?? '', split)
    expect(scanned.ok && scanned.value).toMatchObject({ result: 'verified', orderId: split })
  }

  // Ship: both packages ship, every item counts as shipped, one upstream effect with both.
  const shipped = shipOrders(ctx, [split])
  expect(shipped.ok && shipped.value[0]?.result).toBe('shipped')
  expect(packagesOf(split).map((p) => p.ship_state)).toEqual(['shipped', 'shipped'])
  const order = ctx.db
    .prepare<[number], { status: string; left: number }>(
      `SELECT o.status, (SELECT sum(quantity - quantity_shipped) FROM order_items WHERE order_id = o.id) AS left
         FROM orders o WHERE o.id = ?`
    )
    .get(split)
  expect(order).toEqual({ status: 'shipped', left: 0 })
  const outbox = ctx.db
    .prepare<[], { payload: string }>(`SELECT payload FROM outbox WHERE kind = 'ship_first'`)
    .all()
  expect(outbox).toHaveLength(1)
  const payload = JSON.parse(outbox[0]?.payload ?? '{}') as {
    trackingNumber: string
    split: boolean
    packages: { role: string; trackingNumber: string; items: { sku: string; quantity: number }[] }[]
  }
  expect(payload.trackingNumber).toBe(numbers[0])
  expect(payload.split).toBe(true)
  expect(
    payload.packages.map((p) => [p.role, p.trackingNumber, p.items.map((i) => i.quantity)])
  ).toEqual([
    ['first', numbers[0], [2]],
    ['split', numbers[1], [3]]
  ])
  expect(numberInvariants(ctx.db).violations).toEqual([])
}, 120_000)

test('scan-to-print of a split order prints all its packages', async () => {
  const split = seedSplit('SCAN')
  seedPool(ctx, 5)
  const platformOrderId = newOrderRow('SCAN00001').platformOrderId
  const outcome = await scanToPrint(ctx, queueSink(ctx), {
    code: platformOrderId,
    carrier: 'ZTO',
    template: '100x180',
    printerId: printer.id,
    maskPrivacy: true
  })
  expect(outcome.ok && outcome.value.result).toBe('printed')
  await vp.waitForPrinted(2)
  const numbers = packagesOf(split).map((p) => p.tracking_number)
  expect(new Set(numbers).size).toBe(2)
  expect(await decoded(0)).toContain(numbers[0])
  expect(await decoded(1)).toContain(numbers[1])
  const first = vp.printed[0]
  if (first) {
    writeFileSync('/tmp/split-print-100x180-1.png', toPng(first.bitmap))
  }
}, 120_000)
