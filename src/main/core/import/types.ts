import {
  IMPORT_FIELD_NAMES,
  IMPORT_MAX_FILE_BYTES,
  IMPORT_MAX_ORDERS,
  ITEM_FIELD_NAMES,
  ORDER_FIELD_NAMES
} from '../../../shared/api/import'
import type { ReasonCode } from './reasons'

/** Limits of the importer, stated so the UI and the CLI can quote them. */
export const IMPORT_LIMITS = {
  maxFileBytes: IMPORT_MAX_FILE_BYTES,
  /** Excel's own limit for one cell; a longer cell rejects its row. */
  maxCellChars: 32_767,
  /** A CSV record longer than this is almost always a missing closing quote: the file is refused. */
  maxCsvRecordChars: 4_000_000,
  /** Data rows per file. */
  maxRows: IMPORT_MAX_ORDERS,
  /** The header row is searched for in this many first rows (title rows above it are common). */
  headerSearchRows: 10
} as const

/** The fields an import can fill, order-level first, then item-level: the contract's lists. */
export const ORDER_FIELDS = ORDER_FIELD_NAMES
export const ITEM_FIELDS = ITEM_FIELD_NAMES
export const IMPORT_FIELDS = IMPORT_FIELD_NAMES

export type OrderField = (typeof ORDER_FIELDS)[number]
export type ItemField = (typeof ITEM_FIELDS)[number]
export type ImportField = (typeof IMPORT_FIELDS)[number]

/** Which column (by its header text, trimmed) fills which field. */
export type ColumnMapping = Partial<Record<ImportField, string>>

export type PresetName = 'kuaishou' | 'taobao' | 'taobao-items' | 'template'
export type PresetChoice = 'auto' | PresetName

/** A spreadsheet cell as the readers hand it over (CSV cells are always strings). */
export type CellValue = string | number | boolean | Date | null | { readonly error: string }

export type SheetRow = {
  /** The row number a spreadsheet app shows (1-based, counting blank rows). */
  readonly row: number
  readonly cells: readonly CellValue[]
}

export type RejectedRow = {
  /** The row number a spreadsheet app shows. */
  readonly row: number
  /** The original header text of the column at fault ('' when the whole row is at fault). */
  readonly column: string
  readonly code: ReasonCode
  /** English, one line. */
  readonly reason: string
  readonly reasonZh: string
  /** Which file of a two-file (Taobao order + item report) import the row is in. */
  readonly source: 'orders' | 'items'
}

export type ImportProgress = {
  readonly phase: 'reading' | 'checking' | 'writing' | 'done'
  /** While writing: the orders written so far (of `rowsTotal`). */
  readonly rowsRead: number
  /** Set while writing: the orders of the plan, so the UI can show written of total. */
  readonly rowsTotal?: number
  readonly rowsPerSecond: number
  readonly bytesRead: number
  readonly bytesTotal: number
}

export type OnDuplicate = 'skip' | 'update'
