import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import type { PrintedFilter } from '../../../src/main/core/db/printed-repo'
import { pickingLines, printedPages } from '../../../src/main/core/db/printed-repo'
import { allocateChunk, type AllocatedPackage } from '../../../src/main/core/manual-print/batch'
import {
  packingSheetLayout,
  pickingListLayout,
  writePackingSheet,
  writePickingList
} from '../../../src/main/core/manual-print/packing-sheet'
import { voidPackage } from '../../../src/main/core/manual-print/printed-service'
import { contract } from '../../../src/shared/contract'
import { callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders, seedPool } from '../../support/manual-print-fixtures'

const ALL: PrintedFilter = {
  query: '',
  carrier: undefined,
  shipped: undefined,
  verified: undefined,
  includeVoided: false,
  packageIds: undefined
}

const SKUS = ['SKU-A', 'SKU-B', 'SKU-C'] as const
const ORDERS = 40

/** Order i buys SKU-A ×(i % 3 + 1); every even order also SKU-B ×2; every fifth SKU-C ×1. */
function itemsOf(i: number): { sku: string; quantity: number }[] {
  const items = [{ sku: 'SKU-A', quantity: (i % 3) + 1 }]
  if (i % 2 === 0) {
    items.push({ sku: 'SKU-B', quantity: 2 })
  }
  if (i % 5 === 0) {
    items.push({ sku: 'SKU-C', quantity: 1 })
  }
  return items
}

let tc: TestCore
let ctx: CoreContext
let printed: AllocatedPackage[]

beforeEach(() => {
  tc = openTestCore()
  ctx = tc.core.ctx
  const ids = seedOrders(ctx.db, ORDERS, 'PK', (i) => ({
    items: itemsOf(i).map((it) => ({
      sku: it.sku,
      title: `商品 ${it.sku}`,
      quantity: it.quantity,
      unitWeightG: 100,
      warehouse: null,
      temperatureZone: 'ambient' as const
    }))
  }))
  seedPool(ctx, ORDERS)
  const allocated = allocateChunk(ctx, ids, 'ZTO', '76x130')
  if (!allocated.ok) {
    throw new Error(allocated.error.message)
  }
  printed = allocated.value
  markPrintedViaRecords(ctx.db, printed)
})
afterEach(() => {
  tc.dispose()
})

/** What the shelves must give for the orders 1…n (by seed index), computed from the seed. */
function expectedTotals(indexes: readonly number[]) {
  return SKUS.map((sku) => {
    const lines = indexes.flatMap((i) => itemsOf(i).filter((it) => it.sku === sku))
    return { sku, quantity: lines.reduce((s, l) => s + l.quantity, 0), orders: lines.length }
  }).filter((t) => t.orders > 0)
}

async function pdfPages(file: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(file))).getPageCount()
}

describe('拣货单 (picking list)', () => {
  test('aggregates every selected package by SKU: total quantity and order count', async () => {
    const lines = pickingLines(ctx.db, ALL)
    const all = Array.from({ length: ORDERS }, (_, k) => k + 1)
    expect(lines.map((l) => ({ sku: l.sku, quantity: l.quantity, orders: l.order_count }))).toEqual(
      expectedTotals(all)
    )
    const layout = pickingListLayout(lines, ORDERS)
    expect(layout.title).toBe('拣货单')
    expect(layout.columns.map((c) => c.title)).toEqual(['序号', 'SKU', '商品', '数量', '订单数'])
    expect(layout.pages).toHaveLength(1)
    expect(layout.pages[0]?.map((cells) => cells.map((c) => c.join('/')))).toEqual(
      expectedTotals(all).map((t, i) => [
        String(i + 1),
        t.sku,
        `商品 ${t.sku}`,
        String(t.quantity),
        String(t.orders)
      ])
    )
    const pieces = expectedTotals(all).reduce((s, t) => s + t.quantity, 0)
    expect(layout.footer).toContain(`${String(pieces)} 件`)

    const out = join(tc.dataDir, 'picking.pdf')
    const written = await writePickingList(ctx.db, ALL, out)
    expect(written).toEqual({ rows: expectedTotals(all).length, pages: 1, orders: ORDERS })
    expect(await pdfPages(out)).toBe(1)
    const pdf = await PDFDocument.load(readFileSync(out))
    expect(pdf.getTitle()).toBe('拣货单')
    const [page] = pdf.getPages()
    // A4 portrait, in points.
    expect(Math.round(page?.getWidth() ?? 0)).toBe(595)
    expect(Math.round(page?.getHeight() ?? 0)).toBe(842)
  })

  test('only the selection counts, and a voided label is never picked', async () => {
    // Orders 1 and 2 selected; order 2's label voided, though "show voided" is on.
    const selection = [printed[0]?.packageId ?? 0, printed[1]?.packageId ?? 0]
    voidPackage(ctx, printed[1]?.trackingNumber ?? '')
    const filter = { ...ALL, includeVoided: true, packageIds: selection }
    const out = join(tc.dataDir, 'picking-selection.pdf')
    const written = await writePickingList(ctx.db, filter, out)
    expect(written.orders).toBe(1)
    expect(
      pickingLines(ctx.db, { ...filter, includeVoided: false }).map((l) => [l.sku, l.quantity])
    ).toEqual(expectedTotals([1]).map((t) => [t.sku, t.quantity]))
    expect(written.rows).toBe(expectedTotals([1]).length)
  })
})

describe('发货单 (packing sheet)', () => {
  test('one row per package in print order, split over A4 pages, page count matches the PDF', async () => {
    const rows = [...printedPages(ctx.db, ALL)].flat()
    const layout = packingSheetLayout(rows)
    const perPage = layout.pages[0]?.length ?? 0
    expect(perPage).toBeGreaterThan(0)
    expect(layout.pages).toHaveLength(Math.ceil(ORDERS / perPage))
    const flat = layout.pages.flat()
    expect(flat).toHaveLength(ORDERS)
    // Every tracking number is on the sheet, with its order, and phones are masked.
    expect(flat.map((cells) => cells[4]?.[1])).toEqual(printed.map((p) => p.trackingNumber))
    expect(flat.map((cells) => cells[1]?.[0])).toEqual(
      Array.from({ length: ORDERS }, (_, k) => `PK${String(k + 1).padStart(5, '0')}`)
    )
    expect(flat.every((cells) => cells[2]?.[1]?.includes('****'))).toBe(true)

    const out = join(tc.dataDir, 'packing.pdf')
    const written = await writePackingSheet(ctx.db, ALL, out)
    expect(written).toEqual({ rows: ORDERS, pages: layout.pages.length })
    expect(await pdfPages(out)).toBe(layout.pages.length)
  })

  test('follows the labels’ privacy setting: 李* and 139****1111 by default, in full when turned off', () => {
    const rows = [...printedPages(ctx.db, ALL)].flat()
    const contact = (layout: ReturnType<typeof packingSheetLayout>) =>
      layout.pages.flat().map((cells) => cells[2] ?? [])
    const masked = contact(packingSheetLayout(rows))
    expect(masked).toHaveLength(ORDERS)
    expect(masked.every(([name, phone]) => name === '李*' && phone === '139****1111')).toBe(true)
    const full = contact(packingSheetLayout(rows, { maskPrivacy: false }))
    expect(full.every(([name, phone]) => name === '李四' && phone === '13900001111')).toBe(true)
  })

  test('the contract masks unless asked, and the method writes the sheet either way', async () => {
    const input = contract['printed.packingSheet'].input
    expect(input.parse({ filter: {} }).maskPrivacy).toBe(true)
    for (const maskPrivacy of [true, false]) {
      const sheet = await callOk(tc.core, 'printed.packingSheet', {
        filter: {},
        kind: 'packing',
        maskPrivacy
      })
      expect(sheet.rows).toBe(ORDERS)
    }
  })
})
