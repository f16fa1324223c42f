import { PNG } from 'pngjs'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import { availableCount } from '../../../src/main/core/db/waybill-pools-repo'
import { allocateChunk } from '../../../src/main/core/manual-print/batch'
import { bitmapFromPredicate } from '../../../src/main/core/printing/bitmap'
import { PREVIEW_TRACKING_NUMBER } from '../../../src/shared/api/manual-print'
import { callErr, callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders, seedPool } from '../../support/manual-print-fixtures'
import { readWithZxing } from '../../support/printing-barcode-reader'

let tc: TestCore
let ctx: CoreContext
beforeEach(() => {
  tc = openTestCore()
  ctx = tc.core.ctx
})
afterEach(() => {
  tc.dispose()
})

async function code128(dataUrl: string): Promise<string | undefined> {
  const image = PNG.sync.read(
    Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64')
  )
  const bitmap = bitmapFromPredicate(
    image.width,
    image.height,
    (x, y) => (image.data[(y * image.width + x) * 4] ?? 255) < 128
  )
  return (await readWithZxing(bitmap)).find((s) => s.format === 'Code128')?.text
}

function packageCount(): number {
  return ctx.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM packages').get()?.n ?? 0
}

describe('print.preview: the first labels of the actual batch, nothing allocated', () => {
  test('renders the given orders in order; unprinted ones carry the placeholder, printed ones their number', async () => {
    const ids = seedOrders(ctx.db, 4, 'PV', (i) => ({
      receiver: { name: `收件人${String(i)}`, phone: `1390000000${String(i)}` }
    }))
    seedPool(ctx, 10)
    // The second order was printed earlier (e.g. a retry batch): its preview shows its own number.
    const printed = allocateChunk(ctx, [ids[1] ?? 0], 'ZTO', '76x130')
    if (!printed.ok) {
      throw new Error(printed.error.message)
    }
    markPrintedViaRecords(ctx.db, printed.value)
    const balance = availableCount(ctx.db, 'ZTO')
    const packages = packageCount()

    const batch = [ids[2] ?? 0, ids[1] ?? 0, ids[0] ?? 0]
    const { labels } = await callOk(tc.core, 'print.preview', {
      orderIds: batch,
      carrier: 'ZTO',
      template: '76x130',
      dpi: 203,
      maskPrivacy: true
    })
    expect(labels.map((l) => l.orderId)).toEqual(batch)
    expect(labels.map((l) => l.platformOrderId)).toEqual(['PV00003', 'PV00002', 'PV00001'])
    expect(labels.map((l) => [l.trackingNumber, l.allocated])).toEqual([
      [PREVIEW_TRACKING_NUMBER, false],
      [printed.value[0]?.trackingNumber, true],
      [PREVIEW_TRACKING_NUMBER, false]
    ])
    // Each label is its own order's, not a sample: the two placeholder labels still differ.
    expect(labels[0]?.dataUrl).not.toBe(labels[2]?.dataUrl)
    expect(await code128(labels[0]?.dataUrl ?? '')).toBe(PREVIEW_TRACKING_NUMBER)
    expect(await code128(labels[1]?.dataUrl ?? '')).toBe(printed.value[0]?.trackingNumber)
    // A preview never draws a number nor creates a package.
    expect(availableCount(ctx.db, 'ZTO')).toBe(balance)
    expect(packageCount()).toBe(packages)
  })

  test('masking follows the target: unmasked and masked renders differ', async () => {
    const [id] = seedOrders(ctx.db, 1, 'PM')
    const base = {
      orderIds: [id ?? 0],
      carrier: 'ZTO',
      template: '76x130' as const,
      dpi: 203 as const
    }
    const masked = await callOk(tc.core, 'print.preview', { ...base, maskPrivacy: true })
    const full = await callOk(tc.core, 'print.preview', { ...base, maskPrivacy: false })
    expect(masked.labels[0]?.dataUrl).not.toBe(full.labels[0]?.dataUrl)
  })

  test('at most 3 orders per preview', async () => {
    const error = await callErr(tc.core, 'print.preview', { orderIds: [1, 2, 3, 4] })
    expect(error.code).toBe('VALIDATION')
  })
})
