import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { openDatabase } from '../../../src/main/core/db/connection'
import { packageLabelRows } from '../../../src/main/core/db/label-data-repo'
import { MIGRATIONS } from '../../../src/main/core/db/migrations'
import { listPrinted, type PrintedFilter } from '../../../src/main/core/db/printed-repo'
import { allocateChunk, type AllocatedPackage } from '../../../src/main/core/manual-print/batch'
import { DEFAULT_EXPORT_COLUMNS, exportPrinted } from '../../../src/main/core/manual-print/export'
import { packingSheetLayout } from '../../../src/main/core/manual-print/packing-sheet'
import { packageLabelData } from '../../../src/main/core/printers/label-source'
import { BUILTIN_TEMPLATES } from '../../../src/main/core/printing/builtin-templates'
import { labelFields } from '../../../src/main/core/printing/label-data'
import { renderLabel } from '../../../src/main/core/printing/render'
import { interpolate } from '../../../src/main/core/printing/template'
import { callOk, makeTempDir, openTestCore, type TestCore } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders, seedPool } from '../../support/manual-print-fixtures'

/**
 * Issue 9 item 1: 市辖区 (and 县, the pseudo-city of 重庆's counties) is an artefact of the division
 * data. No label, list, export or 发货单 shows it: a Pudong label reads 上海市 浦东新区, its big
 * destination line 上海 浦东新区. Orders here are written as an older writer did (city 市辖区).
 */

const ALL: PrintedFilter = {
  query: '',
  carrier: undefined,
  shipped: undefined,
  verified: undefined,
  includeVoided: false,
  packageIds: undefined
}

const PLACES = [
  { province: '上海市', city: '市辖区', district: '浦东新区', detail: '世纪大道 1 号' },
  { province: '北京市', city: '市辖区', district: '朝阳区', detail: '建国路 88 号' },
  { province: '天津市', city: '市辖区', district: '和平区', detail: '南京路 1 号' },
  { province: '重庆市', city: '县', district: '城口县', detail: '葛城街道 1 号' },
  { province: '陕西省', city: '西安市', district: '西安高新区', detail: '科技路 4 号' }
] as const

let tc: TestCore
let printed: AllocatedPackage[]

beforeEach(() => {
  tc = openTestCore()
  const ctx = tc.core.ctx
  const ids = seedOrders(ctx.db, PLACES.length, 'MUN', (i) => ({
    receiver: { name: '张三', phone: '13812345678', ...PLACES[i - 1] }
  }))
  seedPool(ctx, PLACES.length)
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

/** Every text a built-in template prints for a package, as the renderer interpolates it. */
function labelTexts(packageId: number): { texts: string[]; fields: Record<string, string> } {
  const row = packageLabelRows(tc.core.ctx.db, [packageId]).get(packageId)
  if (!row) {
    throw new Error('no label row')
  }
  const data = packageLabelData(row, { trackingNumber: 'ZT0001', now: 1_700_000_000_000 })
  const fields = labelFields(data)
  const texts = BUILTIN_TEMPLATES.flatMap((t) =>
    t.elements.flatMap((e) => (e.kind === 'text' ? [interpolate(e.text, fields)] : []))
  )
  return { texts, fields }
}

describe('municipalities on every surface', () => {
  test('the stored city is the municipality itself', () => {
    const cities = tc.core.ctx.db
      .prepare<[], { city: string }>('SELECT city FROM orders ORDER BY id')
      .all()
      .map((r) => r.city)
    expect(cities).toEqual(['上海市', '北京市', '天津市', '重庆市', '西安市'])
  })

  test('labels: 上海市 浦东新区 in the address, 上海 浦东新区 on the destination line', () => {
    const [pudong, ...others] = printed
    if (!pudong) {
      throw new Error('nothing printed')
    }
    const { texts, fields } = labelTexts(pudong.packageId)
    expect(texts.join('\n')).not.toContain('市辖区')
    expect(fields['receiver.address']).toBe('上海市 浦东新区 世纪大道 1 号')
    expect(fields.route).toBe('上海 浦东新区')
    expect(texts).toContain('上海 浦东新区')
    for (const p of others) {
      const other = labelTexts(p.packageId)
      expect(other.texts.join('\n')).not.toContain('市辖区')
    }
    expect(labelTexts(printed[3]?.packageId ?? 0).fields.route).toBe('重庆 城口县')
    // The platform district prints as written.
    expect(labelTexts(printed[4]?.packageId ?? 0).fields['receiver.address']).toBe(
      '陕西省 西安市 西安高新区 科技路 4 号'
    )
    // And the label still renders at the printer's size.
    const template = BUILTIN_TEMPLATES[0]
    if (template) {
      const row = packageLabelRows(tc.core.ctx.db, [pudong.packageId]).get(pudong.packageId)
      const bitmap = renderLabel(
        template,
        packageLabelData(row ?? never(), { trackingNumber: pudong.trackingNumber, now: 0 })
      )
      expect(bitmap.width).toBeGreaterThan(0)
    }
  })

  test('a row written before migration 0040 (city 市辖区) still never shows it', () => {
    tc.core.ctx.db.prepare(`UPDATE orders SET city = '市辖区' WHERE province = '上海市'`).run()
    const { texts, fields } = labelTexts(printed[0]?.packageId ?? 0)
    expect(texts.join('\n')).not.toContain('市辖区')
    expect(fields.route).toBe('上海 浦东新区')
    const rows = listPrinted(tc.core.ctx.db, ALL, 0, 100)
    expect(JSON.stringify(packingSheetLayout(rows).pages)).not.toContain('市辖区')
  })

  test('the 已打印 list, the export (xlsx and csv) and the 发货单 show no 市辖区', async () => {
    const list = await callOk(tc.core, 'printed.list', { filter: {}, offset: 0, limit: 100 })
    expect(list.rows.map((r) => r.region)).toContain('上海市 浦东新区')
    expect(JSON.stringify(list.rows)).not.toContain('市辖区')
    const orders = await callOk(tc.core, 'orders.list', {})
    expect(orders.rows.map((r) => r.region).sort()).toEqual(
      [
        '上海市 浦东新区',
        '北京市 朝阳区',
        '天津市 和平区',
        '重庆市 城口县',
        '陕西省 西安市 西安高新区'
      ].sort()
    )

    const dir = makeTempDir('wbs-mun-export-')
    try {
      const base = {
        columns: DEFAULT_EXPORT_COLUMNS,
        fullPhone: false,
        preset: 'default' as const,
        encoding: 'utf8bom' as const
      }
      const csv = join(dir.dir, 'printed.csv')
      await exportPrinted(tc.core.ctx.db, ALL, { ...base, format: 'csv' }, csv)
      const csvText = readFileSync(csv, 'utf8')
      expect(csvText).not.toContain('市辖区')
      expect(csvText).toContain('上海市 浦东新区 世纪大道 1 号')
      const xlsx = join(dir.dir, 'printed.xlsx')
      await exportPrinted(tc.core.ctx.db, ALL, { ...base, format: 'xlsx' }, xlsx)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.readFile(xlsx)
      const cells: string[] = []
      workbook.worksheets[0]?.eachRow((row) => {
        row.eachCell((c) => cells.push(c.text))
      })
      expect(cells.join('\n')).not.toContain('市辖区')
      expect(cells).toContain('北京市 朝阳区 建国路 88 号')
    } finally {
      dir.remove()
    }

    const sheet = packingSheetLayout(listPrinted(tc.core.ctx.db, ALL, 0, 100))
    const sheetText = JSON.stringify(sheet.pages)
    expect(sheetText).not.toContain('市辖区')
    expect(sheetText).toContain('上海市浦东新区')
  })
})

describe('migration 0040 on a database written before it', () => {
  test('fixes municipal rows and the sender, and marks nothing as a platform district', () => {
    const temp = makeTempDir('wbs-mig40-')
    const file = join(temp.dir, 'old.sqlite')
    try {
      const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 40) })
      const insert = old.prepare<[string, string, string, string]>(
        `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone,
           province, city, district, address_detail, receiver_phone_rev, created_at, updated_at)
         VALUES (1, ?, 'pending', '张三', '13800000000', ?, ?, ?, '1 号', '00000000831', 1, 1)`
      )
      insert.run('O-SH', '上海市', '市辖区', '浦东新区')
      insert.run('O-CQ', '重庆市', '县', '城口县')
      insert.run('O-ZJ', '浙江省', '杭州市', '西湖区')
      old.prepare(`INSERT INTO settings (key, value) VALUES ('label.sender', ?)`).run(
        JSON.stringify({
          name: '仓库',
          phone: '13800000000',
          province: '北京市',
          city: '市辖区',
          district: '朝阳区',
          detail: '1 号'
        })
      )
      old.close()

      const db = openDatabase(file)
      try {
        expect(
          db
            .prepare('SELECT platform_order_id, city, platform_district FROM orders ORDER BY id')
            .all()
        ).toEqual([
          { platform_order_id: 'O-SH', city: '上海市', platform_district: 0 },
          { platform_order_id: 'O-CQ', city: '重庆市', platform_district: 0 },
          { platform_order_id: 'O-ZJ', city: '杭州市', platform_district: 0 }
        ])
        const sender = db
          .prepare<[], { value: string }>(`SELECT value FROM settings WHERE key = 'label.sender'`)
          .get()
        expect(JSON.parse(sender?.value ?? '{}')).toMatchObject({
          city: '北京市',
          district: '朝阳区'
        })
      } finally {
        db.close()
      }
    } finally {
      temp.remove()
    }
  })
})

function never(): never {
  throw new Error('missing label row')
}
