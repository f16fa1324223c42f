import { ImportError } from '../import/reasons'
import { readRows, sniffFile } from '../import/readers'
import { IMPORT_LIMITS, type CellValue } from '../import/types'

/** The sheet's columns this batch reads, by their index in the header row. */
export type AppendColumns = {
  readonly order: number
  readonly carrier: number
  readonly number: number
  readonly remark: number | null
}

/** One data row: its sheet row number, every cell as text (for the refused sheet), and the four values. */
export type AppendSheetRow = {
  readonly row: number
  readonly cells: readonly string[]
}

export type AppendSheet = {
  readonly format: 'xlsx' | 'csv'
  readonly headerRow: number
  readonly header: readonly string[]
  readonly columns: AppendColumns
  /** Non-blank data rows below the header, in sheet order. */
  readonly rows: readonly AppendSheetRow[]
}

/**
 * Header synonyms, compared without spaces and case. Platform exports and hand-made sheets say
 * 快递单号 or 物流单号 for 运单号, 物流公司 for 快递公司.
 */
const SYNONYMS: Readonly<Record<keyof AppendColumns, readonly string[]>> = {
  order: [
    '订单号',
    '订单编号',
    '订单id',
    '主订单号',
    '平台订单号',
    '订单',
    'orderid',
    'order',
    'ordernumber',
    'orderno'
  ],
  carrier: [
    '快递公司',
    '物流公司',
    '快递',
    '承运商',
    '快递公司编码',
    '物流公司编码',
    'carrier',
    'courier',
    'express',
    'expresscompany'
  ],
  number: [
    '运单号',
    '快递单号',
    '物流单号',
    '运单编号',
    '快递单号码',
    '单号',
    'trackingnumber',
    'tracking',
    'waybill',
    'waybillno',
    'trackingno'
  ],
  remark: ['备注', '说明', 'remark', 'note', 'notes', 'memo']
}

const normalizeHeader = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\s_\-*:：]/g, '')
    .toLowerCase()

/** A cell as the text the packer sees: whole numbers without exponent, trimmed. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) {
    return ''
  }
  if (typeof cell === 'number') {
    return Number.isInteger(cell) ? cell.toFixed(0) : String(cell)
  }
  if (cell instanceof Date) {
    return cell.toISOString()
  }
  if (typeof cell === 'object') {
    return cell.error
  }
  return String(cell).trim()
}

function findColumns(header: readonly string[]): AppendColumns | null {
  const keys = header.map(normalizeHeader)
  const find = (field: keyof AppendColumns): number => {
    const names = SYNONYMS[field]
    const i = keys.findIndex((k) => names.includes(k))
    return i
  }
  const order = find('order')
  const carrier = find('carrier')
  const number = find('number')
  if (order < 0 || carrier < 0 || number < 0) {
    return null
  }
  const remark = find('remark')
  return { order, carrier, number, remark: remark < 0 ? null : remark }
}

/**
 * Reads an append sheet with the order import's readers (xlsx, or csv in UTF-8 / BOM / GBK /
 * GB18030): the header is the first of the first 10 non-blank rows of the first sheet that names
 * the three required columns; every non-blank row below it is data.
 */
export async function readAppendSheet(file: string): Promise<AppendSheet> {
  const kind = await sniffFile(file)
  const { rows } = readRows(file, kind)
  let header: string[] | null = null
  let headerRow = 0
  let columns: AppendColumns | null = null
  let seen = 0
  let headerSheet = 0
  const data: AppendSheetRow[] = []
  try {
    for await (const r of rows) {
      const cells = r.cells.map(cellText)
      if (cells.every((c) => c === '')) {
        continue
      }
      if (columns === null) {
        seen++
        const found = findColumns(cells)
        if (found) {
          header = cells
          headerRow = r.row
          headerSheet = r.sheet
          columns = found
        } else if (seen >= IMPORT_LIMITS.headerSearchRows) {
          break
        }
        continue
      }
      if (r.sheet !== headerSheet) {
        break
      }
      if (data.length >= IMPORT_LIMITS.maxRows) {
        throw new ImportError(
          'TOO_MANY_ROWS',
          `The sheet has more than ${String(IMPORT_LIMITS.maxRows)} rows`,
          `表格超过 ${String(IMPORT_LIMITS.maxRows)} 行`
        )
      }
      data.push({ row: r.row, cells })
    }
  } finally {
    await rows.return(undefined)
  }
  if (columns === null || header === null) {
    throw new ImportError(
      'NO_HEADER',
      `No header row found in the first ${String(IMPORT_LIMITS.headerSearchRows)} rows: it needs 订单号, 快递公司 and 运单号 columns`,
      `前 ${String(IMPORT_LIMITS.headerSearchRows)} 行中找不到表头：需要 订单号、快递公司、运单号 三列`
    )
  }
  return { format: kind.format, headerRow, header, columns, rows: data }
}
