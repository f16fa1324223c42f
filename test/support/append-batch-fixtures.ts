/**
 * Large databases for the batch-append test and bench, seeded with SQL in one transaction per
 * table (a recursive CTE), so 1 000 000 orders take seconds, not minutes. Every seeded order is
 * fully shipped, one item, its first package (role 'first') shipped with a ZTO number, inside
 * the 30-day window at `shippedAt`.
 */
import ExcelJS from 'exceljs'
import type { WritableDB } from '../../src/main/core/db/connection'
import { reverseText } from '../../src/main/core/db/orders-repo'

export const DAY = 86_400_000

/** The platform order id of seeded order i (1-based). */
export const seededOrderId = (i: number): string => `AB${String(i).padStart(9, '0')}`
/** The first-shipment ZTO number of seeded order i. */
export const firstNumberOf = (i: number): string => `7361${String(i).padStart(10, '0')}`
/** A fresh ZTO number for appended row k (never a first-shipment number). */
export const appendNumber = (k: number): string => `7362${String(k).padStart(10, '0')}`

export function seedShippedOrders(
  db: WritableDB,
  count: number,
  options: { readonly shippedAt: number; readonly shopId?: number }
): void {
  db.function('wb_rev', { deterministic: true }, (text: unknown) => reverseText(String(text)))
  const at = options.shippedAt
  const shopId = options.shopId ?? 1
  db.transaction(() => {
    const base = (db.prepare('SELECT coalesce(max(id), 0) AS n FROM orders').get() as { n: number })
      .n
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO orders (id, shop_id, platform_order_id, status, receiver_name, receiver_phone,
         receiver_phone_rev, province, city, district, address_detail, created_at, paid_at,
         shipped_at, updated_at)
       SELECT ? + i, ?, 'AB' || printf('%09d', i), 'shipped', '王五', '13800000000', '00000000831',
         '浙江省', '杭州市', '西湖区', '文三路 1 号', ? - 86400000, ? - 86400000, ?, ? FROM n`
    ).run(count, base, shopId, at, at, at, at)
    db.prepare(
      `INSERT INTO order_items (order_id, line_no, sku, title, quantity, quantity_shipped, unit_weight_g)
       SELECT id, 1, 'SK-1', '运动袜', 1, 1, 100 FROM orders WHERE id > ?`
    ).run(base)
    db.prepare(
      `INSERT INTO packages (order_id, sequence, role, carrier, tracking_number, tracking_number_rev,
         print_state, ship_state, printed_at, shipped_at, created_at)
       SELECT id, 1, 'first', 'ZTO', '7361' || printf('%010d', id - ?),
         wb_rev('7361' || printf('%010d', id - ?)), 'printed', 'shipped', ?, ?, ?
       FROM orders WHERE id > ?`
    ).run(base, base, at, at, at, base)
  })()
}

/** Writes a sheet with the given header and rows: .xlsx, or .csv in UTF-8 (with BOM) or GBK. */
export async function writeSheet(
  file: string,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  format: 'xlsx' | 'csv-utf8-bom' | 'csv-gbk' = 'xlsx'
): Promise<void> {
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('批量追加')
    sheet.addRow([...header])
    for (const r of rows) {
      sheet.addRow([...r])
    }
    await workbook.xlsx.writeFile(file)
    return
  }
  const { writeFileSync } = await import('node:fs')
  const iconv = (await import('iconv-lite')).default
  const text = [header, ...rows].map((r) => r.join(',')).join('\r\n') + '\r\n'
  writeFileSync(
    file,
    format === 'csv-gbk' ? iconv.encode(text, 'gbk') : Buffer.from('\ufeff' + text, 'utf8')
  )
}
