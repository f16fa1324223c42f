import ExcelJS from 'exceljs'
import { APPEND_BATCH_COLUMNS, type AppendBatchRefusal } from '../../../shared/api/append-batch'
import { appendBatchReasonWords } from '../../../shared/append-batch-words'
import type { RuleLang } from '../../../shared/rule-words'
import { escapeFormula } from '../sheets/cells'
import type { AppendSheetRow } from './append-batch-read'

/** The batch-append template: the four headers, one example row, numbers kept as text. */
export async function writeAppendTemplate(outFile: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('批量追加')
  sheet.columns = APPEND_BATCH_COLUMNS.map((header, i) => ({
    header,
    key: header,
    width: [22, 12, 20, 24][i] ?? 16,
    // Text format keeps long order and tracking numbers out of scientific notation.
    style: { numFmt: '@' }
  }))
  sheet.addRow({
    订单号: 'T20261120001',
    快递公司: '中通',
    运单号: '73610555582883',
    备注: '补发赠品'
  })
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  const notes = workbook.addWorksheet('说明')
  for (const line of [
    '填写说明',
    '1. 第一行是表头；第二行是示例，导入前请删除或替换。',
    '2. 快递公司可写名称或编码：中通、中通快递、ZTO 都可以。',
    '3. 一次最多 5000 行；超过时可以分成多批导入。',
    '4. 只有已全部发货、首次发货 30 天内、未在售后中的订单可以追加包裹。'
  ]) {
    notes.addRow([line])
  }
  notes.getColumn(1).width = 80
  await workbook.xlsx.writeFile(outFile)
}

/**
 * The refused rows as a sheet to fix and upload again: the batch's own header and cells (the
 * same columns, so the fixed sheet reads back as a batch) plus a reason column last. Cells are
 * escaped so a formula-like value never runs (invariant 7).
 */
export async function writeRefusedSheet(
  header: readonly string[],
  rows: readonly AppendSheetRow[],
  refused: readonly AppendBatchRefusal[],
  outFile: string,
  lang: RuleLang
): Promise<number> {
  const zh = lang === 'zh-CN'
  const reasons = new Map<number, string[]>()
  for (const r of refused) {
    const text = `${r.column === '' ? '' : `[${r.column}] `}${appendBatchReasonWords(r, lang)}`
    const list = reasons.get(r.row)
    if (list) {
      list.push(text)
    } else {
      reasons.set(r.row, [text])
    }
  }
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(zh ? '未追加' : 'Refused')
  sheet.addRow([...header, zh ? '原因' : 'Reason'].map(escapeFormula))
  let written = 0
  for (const r of rows) {
    const why = reasons.get(r.row)
    if (!why) {
      continue
    }
    const cells = Array.from({ length: header.length }, (_, i) => escapeFormula(r.cells[i] ?? ''))
    sheet.addRow([...cells, why.join('；')])
    written++
  }
  // Every data cell is text: numbers typed back in must not turn into 7.36E+13.
  sheet.columns.forEach((c) => {
    c.numFmt = '@'
  })
  await workbook.xlsx.writeFile(outFile)
  return written
}
