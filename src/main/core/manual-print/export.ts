import { createWriteStream } from 'node:fs'
import { once } from 'node:events'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { DEFAULT_EXPORT_COLUMNS, EXPORT_COLUMN } from '../../../shared/api/manual-print'
import { findCarrier } from '../../../shared/carriers'
import { regionText } from '../../../shared/regions'
import { maskName, maskPhone } from '../../../shared/phone'
import { formatDateTime } from '../../../shared/time-zone'
import type { ReadableDB } from '../db/connection'
import { printedPages, type PrintedFilter, type PrintedRow } from '../db/printed-repo'
import { csvField, escapeFormula } from '../sheets/cells'
import { stationTimeZone } from '../station-time'

export const EXPORT_COLUMNS = EXPORT_COLUMN.options
export type ExportColumn = (typeof EXPORT_COLUMNS)[number]

export { DEFAULT_EXPORT_COLUMNS }

const HEADERS: Readonly<Record<ExportColumn, string>> = {
  platformOrderId: '订单号',
  receiverName: '收货人',
  receiverPhone: '手机',
  address: '地址',
  items: '商品',
  carrier: '快递公司',
  trackingNumber: '运单号',
  printedAt: '打印时间',
  sequence: '包裹序号',
  printCount: '打印次数',
  verified: '已核对',
  shipped: '已发货'
}

/** Column widths in Excel's character units, so the sheet opens readable, not all at 8.43. */
const WIDTHS: Readonly<Record<ExportColumn, number>> = {
  platformOrderId: 24,
  receiverName: 12,
  receiverPhone: 16,
  address: 48,
  items: 40,
  carrier: 12,
  trackingNumber: 22,
  printedAt: 20,
  sequence: 10,
  printCount: 10,
  verified: 8,
  shipped: 8
}

export type ExportOptions = {
  readonly format: 'xlsx' | 'csv'
  /**
   * csv only: UTF-8 with BOM (default, Excel reads it) or, as `gbk`, the Chinese legacy code page
   * for older Excel. That one is written as GB18030: a superset of GBK with the same bytes for
   * every GBK character, which also holds the rare characters in names (𠮷, 㐀) that GBK turns
   * into `?`.
   */
  readonly encoding: 'utf8bom' | 'gbk'
  readonly columns: readonly ExportColumn[]
  /** Buyer phone in full only when asked for (masked by default). */
  readonly fullPhone: boolean
  /** The platforms' bulk-shipping upload sheet: 订单号, 快递公司, 快递单号 — how a manual shop syncs. */
  readonly preset: 'default' | 'platform-upload'
}

function cell(row: PrintedRow, column: ExportColumn, fullPhone: boolean, zone: string): string {
  switch (column) {
    case 'platformOrderId':
      return row.platform_order_id
    case 'receiverName':
      return fullPhone ? row.receiver_name : maskName(row.receiver_name)
    case 'receiverPhone':
      return fullPhone ? row.receiver_phone : maskPhone(row.receiver_phone)
    case 'address':
      return `${regionText(row.province, row.city, row.district)} ${row.address_detail}`
    case 'items':
      return row.items ?? ''
    case 'carrier':
      return findCarrier(row.carrier)?.name ?? row.carrier
    case 'trackingNumber':
      return row.tracking_number
    case 'printedAt':
      // The station's clock, as on the label and on screen (not the machine's zone).
      return row.printed_at === null ? '' : formatDateTime(row.printed_at, zone, true)
    case 'sequence':
      // 1/2 and 2/2: a split order's packages read as one shipment.
      return `${String(row.package_index)}/${String(row.package_count)}`
    case 'printCount':
      return String(row.print_count)
    case 'verified':
      return row.verified_at === null ? '否' : '是'
    case 'shipped':
      return row.ship_state === 'shipped' ? '是' : '否'
  }
}

const XLSX_PAGE_ROWS = 250

/**
 * A text cell as an inline string (`t="inlineStr"`). A plain JS string makes exceljs write
 * `t="str"`, the cached result of a formula, which is not what a text cell is; shared strings
 * (`t="s"`) are the other correct form but keep every distinct string in memory until the end
 * (about 700 MB RSS for 100k rows). Rich text with one run is exceljs' way to write inline ones.
 */
function inlineText(text: string): { richText: { text: string }[] } {
  return { richText: [{ text }] }
}

/**
 * Streams the printed packages to a sheet: rows are read one at a time from SQLite and written
 * one at a time, so 100k rows cost the same memory as 100. Every cell is formula-escaped (invariant 7).
 */
export async function exportPrinted(
  db: ReadableDB,
  filter: PrintedFilter,
  options: ExportOptions,
  outFile: string
): Promise<{ rows: number }> {
  const columns: readonly ExportColumn[] =
    options.preset === 'platform-upload'
      ? ['platformOrderId', 'carrier', 'trackingNumber']
      : options.columns
  const headers =
    options.preset === 'platform-upload'
      ? ['订单号', '快递公司', '快递单号']
      : columns.map((c) => HEADERS[c])
  const zone = stationTimeZone(db)
  // The platform's sheet ships an order by one number; its split packages go by the sync.
  const scope: PrintedFilter =
    options.preset === 'platform-upload' ? { ...filter, firstOnly: true } : filter
  let rows = 0
  if (options.format === 'xlsx') {
    const file = createWriteStream(outFile)
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream: file,
      useStyles: false,
      useSharedStrings: false,
      // Fast deflate: the file is written once and read by Excel; level 9 only costs CPU.
      zip: { zlib: { level: 1 } }
    })
    const sheet = workbook.addWorksheet(
      options.preset === 'platform-upload' ? '批量发货' : '已打印'
    )
    // Set before the first row: the streaming writer writes <cols> with the sheet's head.
    sheet.columns = columns.map((c) => ({ width: WIDTHS[c] }))
    sheet.addRow(headers.map((h) => inlineText(escapeFormula(h)))).commit()
    // Small pages: the wait for the disk between pages is what bounds memory (a 100k-row export
    // peaks near 300 MB RSS at 250 rows a page, near 400 MB at 2000).
    for (const page of printedPages(db, scope, XLSX_PAGE_ROWS)) {
      for (const row of page) {
        sheet
          .addRow(
            columns.map((c) => inlineText(escapeFormula(cell(row, c, options.fullPhone, zone))))
          )
          .commit()
      }
      rows += page.length
      // exceljs does not pass the file's backpressure up to us: wait for the disk between pages,
      // or compressed output piles up in memory on a 100k-row export.
      await new Promise<void>((resolve) => setImmediate(resolve))
      if (file.writableNeedDrain) {
        await once(file, 'drain')
      }
    }
    sheet.commit()
    await workbook.commit()
    if (!file.writableFinished) {
      await once(file, 'finish')
    }
    return { rows }
  }
  const out = createWriteStream(outFile)
  const encode = (text: string): Buffer =>
    options.encoding === 'gbk' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8')
  const write = async (text: string) => {
    if (!out.write(encode(text))) {
      await once(out, 'drain')
    }
  }
  if (options.encoding === 'utf8bom') {
    await write('\ufeff')
  }
  await write(headers.map((h) => csvField(escapeFormula(h))).join(',') + '\r\n')
  for (const page of printedPages(db, scope)) {
    await write(
      page
        .map(
          (row) =>
            columns
              .map((c) => csvField(escapeFormula(cell(row, c, options.fullPhone, zone))))
              .join(',') + '\r\n'
        )
        .join('')
    )
    rows += page.length
  }
  out.end()
  await once(out, 'finish')
  return { rows }
}
