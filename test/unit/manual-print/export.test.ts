import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import type { PrintedFilter } from '../../../src/main/core/db/printed-repo'
import { allocateChunk, type AllocatedPackage } from '../../../src/main/core/manual-print/batch'
import {
  DEFAULT_EXPORT_COLUMNS,
  EXPORT_COLUMNS,
  exportPrinted,
  type ExportOptions
} from '../../../src/main/core/manual-print/export'
import { voidPackage } from '../../../src/main/core/manual-print/printed-service'
import { openTestCore, type TestCore } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders, seedPool } from '../../support/manual-print-fixtures'

const ALL: PrintedFilter = {
  query: '',
  carrier: undefined,
  shipped: undefined,
  verified: undefined,
  includeVoided: false,
  packageIds: undefined
}

const DANGEROUS = ['=HYPERLINK("x")', '+1', '@a', '-1', '\tTAB', '\rCR']
const FORMULA_START = /^[=+\-@\t\r]/

let tc: TestCore
let ctx: CoreContext
let printed: AllocatedPackage[]

beforeEach(() => {
  tc = openTestCore()
  ctx = tc.core.ctx
  const ids = seedOrders(ctx.db, 30, 'EX', (i) => {
    const danger = DANGEROUS[i - 1]
    if (danger !== undefined) {
      return { receiver: { name: danger, detail: danger } }
    }
    if (i === 7) {
      return {
        receiver: { name: '欧阳娜娜', phone: '13812345678' },
        items: [
          {
            sku: 'X',
            title: '=1+1 礼盒, "特价"',
            quantity: 2,
            unitWeightG: 100,
            warehouse: null,
            temperatureZone: 'ambient'
          }
        ]
      }
    }
    return {}
  })
  seedPool(ctx, 40)
  const allocated = allocateChunk(ctx, ids, 'ZTO', '76x130')
  if (!allocated.ok) {
    throw new Error(allocated.error.message)
  }
  printed = allocated.value
  markPrintedViaRecords(ctx.db, printed.slice(0, 29))
  // The 30th is printed then voided: not in the default export.
  markPrintedViaRecords(ctx.db, printed.slice(29))
  voidPackage(ctx, printed[29]?.trackingNumber ?? '')
})
afterEach(() => {
  tc.dispose()
})

function options(overrides: Partial<ExportOptions> = {}): ExportOptions {
  return {
    format: 'xlsx',
    encoding: 'utf8bom',
    columns: DEFAULT_EXPORT_COLUMNS,
    fullPhone: false,
    preset: 'default',
    ...overrides
  }
}

async function readXlsx(
  file: string
): Promise<{ rows: string[][]; formulas: number; types: Set<ExcelJS.ValueType> }> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const sheet = workbook.worksheets[0]
  if (!sheet) {
    throw new Error('no sheet')
  }
  const rows: string[][] = []
  let formulas = 0
  const types = new Set<ExcelJS.ValueType>()
  sheet.eachRow((row) => {
    const cells: string[] = []
    row.eachCell({ includeEmpty: true }, (cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) {
        formulas += 1
      }
      types.add(cell.type)
      cells.push(cell.text)
    })
    rows.push(cells)
  })
  return { rows, formulas, types }
}

function column(rows: string[][], header: string): string[] {
  const index = rows[0]?.indexOf(header) ?? -1
  expect(index).toBeGreaterThanOrEqual(0)
  return rows.slice(1).map((r) => r[index] ?? '')
}

const live = (): string[] => printed.slice(0, 29).map((p) => p.trackingNumber)

describe('exportPrinted xlsx', () => {
  test('holds every printed tracking number, masked phones, default columns', async () => {
    const file = join(tc.dataDir, 'out.xlsx')
    expect(await exportPrinted(ctx.db, ALL, options(), file)).toEqual({ rows: 29 })
    const { rows, formulas } = await readXlsx(file)
    expect(rows[0]).toEqual([
      '订单号',
      '收货人',
      '手机',
      '地址',
      '商品',
      '快递公司',
      '运单号',
      '打印时间'
    ])
    expect(rows).toHaveLength(30)
    expect(column(rows, '运单号').sort()).toEqual(live().sort())
    expect(column(rows, '运单号')).not.toContain(printed[29]?.trackingNumber)
    expect(formulas).toBe(0)
    const phones = column(rows, '手机')
    expect(phones).toContain('139****1111')
    expect(phones).toContain('138****5678')
    expect(phones.some((p) => /^1\d{10}$/.test(p))).toBe(false)
    expect(column(rows, '收货人')).toContain('欧***')
    expect(column(rows, '快递公司').every((c) => c === '中通快递')).toBe(true)
    expect(column(rows, '打印时间').every((t) => /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(t))).toBe(
      true
    )
  })

  test('text cells are inline strings, not formula results (t="str")', async () => {
    const file = join(tc.dataDir, 'types.xlsx')
    await exportPrinted(ctx.db, ALL, options({ columns: EXPORT_COLUMNS }), file)
    // exceljs reads t="inlineStr" back as rich text, and t="str" / t="s" as plain strings.
    const { types, rows } = await readXlsx(file)
    expect([...types]).toEqual([ExcelJS.ValueType.RichText])
    expect(rows).toHaveLength(30)
  })

  test('invariant 7: no cell starts a formula, masked or in full', async () => {
    for (const fullPhone of [false, true]) {
      const file = join(tc.dataDir, `inj-${String(fullPhone)}.xlsx`)
      await exportPrinted(ctx.db, ALL, options({ fullPhone, columns: EXPORT_COLUMNS }), file)
      const { rows, formulas } = await readXlsx(file)
      expect(formulas).toBe(0)
      for (const cell of rows.flat()) {
        expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START)
      }
      if (fullPhone) {
        const names = column(rows, '收货人')
        for (const danger of DANGEROUS.filter((d) => !d.includes('\r'))) {
          expect(names).toContain(`'${danger}`)
        }
        expect(column(rows, '手机')).toContain('13812345678')
        expect(column(rows, '商品')).toContain(`'=1+1 礼盒, "特价"×2`)
      }
    }
  })
})

describe('exportPrinted csv', () => {
  test('UTF-8 with BOM: Excel-readable, escaped, phones masked', async () => {
    const file = join(tc.dataDir, 'out.csv')
    await exportPrinted(ctx.db, ALL, options({ format: 'csv', fullPhone: true }), file)
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parse(bytes.subarray(3).toString('utf8'))
    expect(rows[0]).toEqual([
      '订单号',
      '收货人',
      '手机',
      '地址',
      '商品',
      '快递公司',
      '运单号',
      '打印时间'
    ])
    expect(column(rows, '运单号').sort()).toEqual(live().sort())
    for (const cell of rows.flat()) {
      expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(FORMULA_START)
    }
    expect(column(rows, '收货人')).toContain(`'=HYPERLINK("x")`)
    expect(column(rows, '商品')).toContain(`'=1+1 礼盒, "特价"×2`)

    const masked = join(tc.dataDir, 'masked.csv')
    await exportPrinted(ctx.db, ALL, options({ format: 'csv' }), masked)
    const maskedRows = parse(readFileSync(masked).subarray(3).toString('utf8'))
    expect(column(maskedRows, '手机').every((p) => p.includes('****'))).toBe(true)
  })

  test('GBK on request: no BOM, Chinese round-trips through GBK', async () => {
    const file = join(tc.dataDir, 'gbk.csv')
    await exportPrinted(ctx.db, ALL, options({ format: 'csv', encoding: 'gbk' }), file)
    const bytes = readFileSync(file)
    expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf])
    expect(bytes.subarray(0, 6).equals(iconv.encode('订单号', 'gbk'))).toBe(true)
    const text = iconv.decode(bytes, 'gbk')
    const rows = parse(text)
    expect(rows[0]).toEqual([
      '订单号',
      '收货人',
      '手机',
      '地址',
      '商品',
      '快递公司',
      '运单号',
      '打印时间'
    ])
    expect(column(rows, '快递公司')[0]).toBe('中通快递')
    expect(column(rows, '地址')[8]).toBe('广东省 深圳市 南山区 科技园南区 1 号')
    expect(column(rows, '运单号').sort()).toEqual(live().sort())
    for (const cell of rows.flat()) {
      expect(cell).not.toMatch(FORMULA_START)
    }
  })
})

describe('xlsx layout', () => {
  test('every column has a width, wide enough for its content (订单号, 地址, 运单号)', async () => {
    const file = join(tc.dataDir, 'widths.xlsx')
    await exportPrinted(ctx.db, ALL, options({ columns: EXPORT_COLUMNS }), file)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(file)
    const sheet = workbook.worksheets[0]
    const widths = EXPORT_COLUMNS.map((_, i) => sheet?.getColumn(i + 1).width)
    expect(widths.every((w) => w !== undefined && w >= 8)).toBe(true)
    const header = (await readXlsx(file)).rows[0] ?? []
    const widthOf = (title: string) => sheet?.getColumn(header.indexOf(title) + 1).width
    expect(widthOf('地址')).toBeGreaterThanOrEqual(40)
    expect(widthOf('运单号')).toBeGreaterThanOrEqual(20)
  })
})

describe('legacy code page csv', () => {
  test('characters outside GBK (𠮷, 㐀, 鿰) survive: the file is GB18030 and decodes back exactly', async () => {
    const name = '𠮷㐀'
    const detail = '鿰村 䶮巷 1 号'
    const [id] = seedOrders(ctx.db, 1, 'RARE', () => ({ receiver: { name, detail } }))
    const allocated = allocateChunk(ctx, [id ?? 0], 'ZTO', '76x130')
    if (!allocated.ok) {
      throw new Error(allocated.error.message)
    }
    markPrintedViaRecords(ctx.db, allocated.value)
    const file = join(tc.dataDir, 'gb18030.csv')
    await exportPrinted(
      ctx.db,
      ALL,
      options({ format: 'csv', encoding: 'gbk', fullPhone: true }),
      file
    )
    const bytes = readFileSync(file)
    expect(bytes.includes(0x3f), 'no ? replacement byte').toBe(false)
    const rows: string[][] = parse(iconv.decode(bytes, 'gb18030'))
    const row = rows.find((r) => r[0] === 'RARE00001')
    expect(row?.[1]).toBe(name)
    expect(row?.[3]).toContain(detail)
    // Plain GBK characters keep their GBK bytes, so an old reader still reads them.
    expect(bytes.subarray(0, 6).equals(iconv.encode('订单号', 'gbk'))).toBe(true)
  })
})

describe('platform-upload preset', () => {
  test('exactly 订单号, 快递公司, 快递单号 in xlsx and csv', async () => {
    const xlsx = join(tc.dataDir, 'upload.xlsx')
    await exportPrinted(ctx.db, ALL, options({ preset: 'platform-upload', fullPhone: true }), xlsx)
    const { rows } = await readXlsx(xlsx)
    expect(rows[0]).toEqual(['订单号', '快递公司', '快递单号'])
    expect(rows.every((r) => r.length === 3)).toBe(true)
    const byOrder = new Map(rows.slice(1).map((r) => [r[0], r]))
    expect(byOrder.get('EX00001')).toEqual(['EX00001', '中通快递', printed[0]?.trackingNumber])
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort()
    ).toEqual(live().sort())

    const csv = join(tc.dataDir, 'upload.csv')
    await exportPrinted(
      ctx.db,
      ALL,
      options({ format: 'csv', preset: 'platform-upload', columns: EXPORT_COLUMNS }),
      csv
    )
    const csvRows = parse(readFileSync(csv).subarray(3).toString('utf8'))
    expect(csvRows[0]).toEqual(['订单号', '快递公司', '快递单号'])
    expect(csvRows).toHaveLength(30)
    expect(csvRows.every((r) => r.length === 3)).toBe(true)
  })

  test('a selection exports only the selected packages', async () => {
    const file = join(tc.dataDir, 'sel.csv')
    const picked = [printed[3], printed[5]].map((p) => p?.packageId ?? 0)
    const out = await exportPrinted(
      ctx.db,
      { ...ALL, packageIds: picked },
      options({ format: 'csv', preset: 'platform-upload' }),
      file
    )
    expect(out.rows).toBe(2)
  })
})
