import { headerText } from '../import/mapping'
import { ImportError } from '../import/reasons'
import { readRows, sniffFile, type FileKind } from '../import/readers'
import type { TableInfo } from '../import/import-service'
import { IMPORT_LIMITS, type CellValue, type SheetRow } from '../import/types'
import type { SkuFacts } from '../db/skus-repo'
import {
  SKU_FIELDS,
  detectSkuMapping,
  lengthUnitOf,
  resolveSkuMapping,
  skuHeaderScore,
  weightUnitOf,
  type SkuField,
  type SkuMapping
} from './sku-fields'
import { skuReason, type SkuRejectedRow } from './sku-reasons'
import { parseSkuRow, type SkuColumns } from './sku-row'

/** Data rows per SKU sheet: a catalogue of a few hundred thousand SKUs imports in one go. */
export const SKU_IMPORT_MAX_ROWS = 300_000

/** A SKU sheet opened at its header row, as the mapping screen shows it. */
export type SkuTable = {
  readonly file: string
  readonly format: 'xlsx' | 'csv'
  readonly encoding: string | null
  readonly sheet: number
  readonly headerRow: number
  readonly headers: readonly string[]
  readonly mapping: SkuMapping
  /** Fields without a column that must have one: only the SKU. */
  readonly missing: readonly SkuField[]
  /** The first data rows as text. */
  readonly sample: readonly (readonly string[])[]
}

/** A checked SKU sheet: what the preview shows, and the facts a commit writes. */
export type SkuPlan = {
  readonly table: SkuTable
  readonly rowsRead: number
  readonly facts: readonly SkuFacts[]
  /** Every refused row's problems, in row order. */
  readonly rejected: readonly SkuRejectedRow[]
  readonly rejectedRows: number
  readonly elapsedMs: number
}

const SAMPLE_ROWS = 5

type Opened = {
  readonly table: SkuTable
  readonly after: AsyncGenerator<SheetRow & { readonly sheet: number }>
  readonly buffered: readonly SheetRow[]
}

function textOf(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) {
    return ''
  }
  if (cell instanceof Date) {
    return cell.toISOString()
  }
  return typeof cell === 'object' ? cell.error : String(cell)
}

/**
 * Opens a SKU sheet at its header row with the order import's readers (xlsx, csv in
 * UTF-8/BOM/GBK/UTF-16). The header is the first sheet's row among its first rows that names a
 * SKU column and the most other fields, or the row holding the user's chosen columns.
 */
async function openSkuSheet(file: string, mapping?: SkuMapping, strict = true): Promise<Opened> {
  const kind: FileKind = await sniffFile(file)
  const { rows } = readRows(file, kind)
  const head: (SheetRow & { sheet: number })[] = []
  let sheet = 0
  for (;;) {
    const r = await rows.next()
    if (r.done) {
      break
    }
    sheet ||= r.value.sheet
    if (r.value.sheet !== sheet) {
      break
    }
    head.push(r.value)
    if (head.length >= IMPORT_LIMITS.headerSearchRows) {
      break
    }
  }
  const candidates = head
    .filter((r) => r.cells.some((c) => headerText(c) !== ''))
    .map((r) => ({ row: r, headers: r.cells.map(headerText) }))
  let chosen: { row: SheetRow; headers: string[]; mapping: SkuMapping } | undefined
  if (mapping && mapping.sku !== undefined) {
    const hit = candidates.find((c) => resolveSkuMapping(mapping, c.headers).absent.length === 0)
    chosen = hit && { ...hit, mapping }
  } else {
    const best = [...candidates].sort(
      (a, b) => skuHeaderScore(b.headers) - skuHeaderScore(a.headers) || a.row.row - b.row.row
    )[0]
    if (best && skuHeaderScore(best.headers) > 0) {
      chosen = { ...best, mapping: detectSkuMapping(best.headers) }
    }
  }
  const guess = candidates[0]
  if (!chosen && !strict && guess) {
    // Shown so the user can map the columns by hand.
    chosen = { ...guess, mapping: detectSkuMapping(guess.headers) }
  }
  if (!chosen) {
    await rows.return(undefined)
    if (candidates.length === 0) {
      throw new ImportError('NO_SHEET', 'The file has no rows to import', '文件中没有可导入的行')
    }
    throw mapping
      ? new ImportError(
          'MAPPING_INVALID',
          'The chosen columns are not in the header row',
          '所选列不在表头中'
        )
      : new ImportError(
          'NO_HEADER',
          `No header row found in the first ${String(IMPORT_LIMITS.headerSearchRows)} rows: no column for SKU (商家编码)`,
          `前 ${String(IMPORT_LIMITS.headerSearchRows)} 行中找不到表头：缺少 SKU（商家编码）列`
        )
  }
  const headerRow = chosen.row.row
  const buffered = head.filter((r) => r.row > headerRow)
  const width = chosen.headers.length
  return {
    table: {
      file,
      format: kind.format,
      encoding: kind.format === 'csv' ? kind.encoding : null,
      sheet,
      headerRow,
      headers: chosen.headers,
      mapping: chosen.mapping,
      missing: chosen.mapping.sku === undefined ? ['sku'] : [],
      sample: buffered
        .slice(0, SAMPLE_ROWS)
        .map((r) => Array.from({ length: width }, (_, i) => textOf(r.cells[i])))
    },
    after: rows,
    buffered
  }
}

export async function inspectSkuFile(file: string, mapping?: SkuMapping): Promise<SkuTable> {
  const opened = await openSkuSheet(file, mapping, false)
  await opened.after.return(undefined)
  return opened.table
}

function columnsOf(table: SkuTable): SkuColumns {
  const { indexes } = resolveSkuMapping(table.mapping, table.headers)
  const header = (f: SkuField) => table.mapping[f] ?? ''
  return {
    indexes,
    headers: table.headers,
    weightUnit: weightUnitOf(header('weight')),
    lengthUnits: {
      length: lengthUnitOf(header('length')),
      width: lengthUnitOf(header('width')),
      height: lengthUnitOf(header('height'))
    }
  }
}

export type SkuPreviewOptions = {
  readonly mapping?: SkuMapping
  readonly signal?: AbortSignal
  readonly now?: () => number
}

/**
 * Reads and checks a whole SKU sheet; writes nothing. A SKU twice in the sheet is refused on
 * its later row (which of two rows is right is the merchant's call, not ours).
 */
export async function previewSkuImport(
  file: string,
  options: SkuPreviewOptions = {}
): Promise<SkuPlan> {
  const started = performance.now()
  const opened = await openSkuSheet(file, options.mapping)
  const { table } = opened
  const columns = columnsOf(table)
  const facts: SkuFacts[] = []
  const rejected: SkuRejectedRow[] = []
  let rejectedRows = 0
  const firstRow = new Map<string, number>()
  let rowsRead = 0
  const skuColumn = table.mapping.sku ?? ''
  const take = (r: SheetRow) => {
    if (!r.cells.some((c) => c !== null && textOf(c).trim() !== '')) {
      return
    }
    rowsRead++
    if (rowsRead > SKU_IMPORT_MAX_ROWS) {
      throw new ImportError(
        'TOO_MANY_ROWS',
        `The sheet has more than ${String(SKU_IMPORT_MAX_ROWS)} rows; split it into several files`,
        `表格超过 ${String(SKU_IMPORT_MAX_ROWS)} 行，请拆成多个文件`
      )
    }
    const parsed = parseSkuRow(r.row, r.cells, columns)
    if (!parsed.ok) {
      rejected.push(...parsed.rejected)
      rejectedRows++
      return
    }
    const seen = firstRow.get(parsed.facts.sku)
    if (seen !== undefined) {
      rejected.push({
        row: r.row,
        column: skuColumn,
        ...skuReason('sku_duplicate', { first: seen })
      })
      rejectedRows++
      return
    }
    firstRow.set(parsed.facts.sku, r.row)
    facts.push(parsed.facts)
  }
  try {
    for (const r of opened.buffered) {
      take(r)
    }
    for (;;) {
      if (options.signal?.aborted === true) {
        throw new ImportError(
          'CANCELLED',
          'The import was cancelled; nothing was written',
          '导入已取消，没有写入任何数据'
        )
      }
      const next = await opened.after.next()
      if (next.done || next.value.sheet !== table.sheet) {
        break
      }
      take(next.value)
    }
  } finally {
    await opened.after.return(undefined)
  }
  return {
    table,
    rowsRead,
    facts,
    rejected,
    rejectedRows,
    elapsedMs: Math.round(performance.now() - started)
  }
}

/** The table as the rejected-rows writer of the order import wants it. */
export function rejectedSheetTable(table: SkuTable): TableInfo {
  return {
    file: table.file,
    format: table.format,
    encoding: table.encoding,
    sheet: table.sheet,
    headerRow: table.headerRow,
    headers: table.headers,
    signature: '',
    mapping: {},
    mappingSource: 'detected',
    preset: null
  }
}

export { SKU_FIELDS }
