import { createWriteStream } from 'node:fs'
import { csvField, escapeFormula } from '../sheets/cells'
import { extname } from 'node:path'
import { once } from 'node:events'
import ExcelJS from 'exceljs'
import { formatDateTime } from './normalize'
import { readRows, sniffFile } from './readers'
import type { TableInfo } from './import-service'
import { IMPORT_LIMITS, type CellValue, type ImportField, type RejectedRow } from './types'

/** Our own import template: header, the field it fills, an example value. */
export const TEMPLATE_COLUMNS: readonly {
  field: ImportField
  header: string
  example: string | number
  width: number
}[] = [
  { field: 'orderId', header: '订单号', example: 'T20261120001', width: 18 },
  { field: 'receiverName', header: '收货人', example: '张三', width: 10 },
  { field: 'phone', header: '手机', example: '13812345678', width: 14 },
  { field: 'province', header: '省', example: '浙江省', width: 10 },
  { field: 'city', header: '市', example: '杭州市', width: 10 },
  { field: 'district', header: '区', example: '西湖区', width: 10 },
  { field: 'detail', header: '详细地址', example: '文三路 100 号 1 幢 101 室', width: 28 },
  { field: 'title', header: '商品名称', example: '保温杯', width: 20 },
  { field: 'variant', header: '规格', example: '500ml 白色', width: 12 },
  { field: 'sku', header: 'SKU', example: 'CUP-500-WH', width: 14 },
  { field: 'quantity', header: '数量', example: 2, width: 6 },
  { field: 'weight', header: '单件重量(克)', example: 350, width: 12 },
  { field: 'warehouse', header: '仓库', example: '杭州仓', width: 10 },
  { field: 'temperatureZone', header: '温层', example: '常温', width: 8 },
  { field: 'remark', header: '备注', example: '', width: 16 },
  { field: 'buyerMessage', header: '买家留言', example: '请周末送达', width: 16 },
  { field: 'createdAt', header: '下单时间', example: '2026-11-20 10:00:00', width: 20 },
  { field: 'paidAt', header: '付款时间', example: '2026-11-20 10:05:00', width: 20 },
  { field: 'shipBy', header: '最晚发货时间', example: '2026-11-22 10:05:00', width: 20 }
]

const NOTES = [
  '填写说明',
  '1. 第一行是表头，请勿修改列名；第二行是示例，导入前请删除或替换。',
  '2. 同一订单有多件商品时，每件商品一行，订单号和收货信息相同。',
  '3. 省、市、区请写全称或常用简称（浙江 / 杭州 / 西湖区）；直辖市的市也写直辖市本身（上海市 上海市 浦东新区）。',
  '   开发区、新区等平台地址库里的区县（如 西安高新区、苏州工业园区）照写即可，订单会标为“平台区县”。',
  '4. 手机为 11 位手机号，或带区号的固话（0571-88886666）。',
  '5. 订单号、手机号请保持文本格式，避免被 Excel 改成科学计数法。',
  '6. 温层填写 常温 / 冷藏 / 冷冻；单件重量以克为单位。'
]

/** Writes the order import template (.xlsx): a header row, an example row and a notes sheet. */
export async function writeImportTemplate(outFile: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单')
  sheet.columns = TEMPLATE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width }))
  // Text format keeps long ids and phone numbers out of scientific notation when typed in.
  for (const field of ['orderId', 'phone', 'sku'] as const) {
    sheet.getColumn(field).numFmt = '@'
  }
  sheet.addRow(Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.field, c.example])))
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const notes = workbook.addWorksheet('说明')
  for (const line of NOTES) {
    notes.addRow([line])
  }
  notes.getColumn(1).width = 90
  await workbook.xlsx.writeFile(outFile)
}

function asText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) {
    return ''
  }
  if (cell instanceof Date) {
    // Dates from xlsx carry the wall clock in their UTC fields.
    return formatDateTime(
      new Date(
        cell.getUTCFullYear(),
        cell.getUTCMonth(),
        cell.getUTCDate(),
        cell.getUTCHours(),
        cell.getUTCMinutes(),
        cell.getUTCSeconds()
      ).getTime()
    )
  }
  if (typeof cell === 'object') {
    return cell.error
  }
  if (typeof cell === 'number') {
    return Number.isInteger(cell) ? cell.toFixed(0) : String(cell)
  }
  return String(cell)
}

export type RejectedSheetOptions = {
  /** Which file of a two-file import to write; default the orders file. */
  readonly source?: RejectedRow['source']
  /** Language of the reason column; default Chinese. */
  readonly lang?: 'zh-CN' | 'en-US'
}

/**
 * Writes the rejected rows of a preview or commit as a sheet to fix and import again: the
 * original header and cells of each rejected row, plus a 原因 (reason) column. The source file is
 * read again (streamed) rather than kept in memory. The format follows `outFile`'s extension
 * (.xlsx or .csv; CSV is UTF-8 with BOM so Excel opens it right). Returns the rows written.
 */
export async function writeRejectedRows(
  table: TableInfo,
  // Only where and why: the SKU catalogue's import writes its rejected rows with this too.
  rejected: readonly Pick<RejectedRow, 'row' | 'column' | 'reason' | 'reasonZh' | 'source'>[],
  outFile: string,
  options: RejectedSheetOptions = {}
): Promise<{ rows: number }> {
  const source = options.source ?? 'orders'
  const zh = (options.lang ?? 'zh-CN') === 'zh-CN'
  const reasons = new Map<number, string[]>()
  for (const r of rejected) {
    if (r.source !== source) {
      continue
    }
    const text = `${r.column === '' ? '' : `[${r.column}] `}${zh ? r.reasonZh : r.reason}`
    const list = reasons.get(r.row)
    if (list) {
      list.push(text)
    } else {
      reasons.set(r.row, [text])
    }
  }
  const csv = extname(outFile).toLowerCase() === '.csv'
  const header = [...table.headers, zh ? '原因' : 'Reason']
  const kind = await sniffFile(table.file)
  const { rows } = readRows(table.file, kind)
  let written = 0

  const clip = (text: string) =>
    text.length > IMPORT_LIMITS.maxCellChars ? text.slice(0, IMPORT_LIMITS.maxCellChars) : text
  const widen = (cells: readonly CellValue[]) =>
    Array.from({ length: table.headers.length }, (_, i) => cells[i] ?? null)

  if (csv) {
    const out = createWriteStream(outFile)
    const write = async (line: string) => {
      if (!out.write(line)) {
        await once(out, 'drain')
      }
    }
    try {
      await write('\ufeff' + header.map((h) => csvField(escapeFormula(h))).join(',') + '\r\n')
      for await (const r of rows) {
        if (r.sheet !== table.sheet) {
          if (r.sheet > table.sheet) {
            break
          }
          continue
        }
        const why = reasons.get(r.row)
        if (r.row <= table.headerRow || !why) {
          continue
        }
        const cells = [...widen(r.cells).map((c) => clip(asText(c))), why.join('；')]
        await write(cells.map((c) => csvField(escapeFormula(c))).join(',') + '\r\n')
        written++
      }
    } finally {
      await rows.return(undefined)
      out.end()
      await once(out, 'close')
    }
    return { rows: written }
  }

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: outFile,
    useSharedStrings: false,
    useStyles: false
  })
  const sheet = workbook.addWorksheet(zh ? '未导入' : 'Rejected')
  sheet.addRow(header.map(escapeFormula)).commit()
  try {
    for await (const r of rows) {
      if (r.sheet !== table.sheet) {
        if (r.sheet > table.sheet) {
          break
        }
        continue
      }
      const why = reasons.get(r.row)
      if (r.row <= table.headerRow || !why) {
        continue
      }
      const cells: (string | number | boolean | Date | null)[] = widen(r.cells).map((c) => {
        if (typeof c === 'string') {
          return escapeFormula(clip(c))
        }
        if (c !== null && typeof c === 'object' && !(c instanceof Date)) {
          return c.error
        }
        return c
      })
      cells.push(why.join('；'))
      sheet.addRow(cells).commit()
      written++
    }
  } finally {
    await rows.return(undefined)
  }
  sheet.commit()
  await workbook.commit()
  return { rows: written }
}
