import type { PrinterLanguage } from '../../../shared/api/printers'
import type { ReadableDB, WritableDB } from './connection'

/**
 * Printers (Settings → Printers). Names are unique (they are also the printer's id in
 * print_records); exactly one printer is the default at any time: the first one added to an
 * empty table becomes it, setDefault moves it in one transaction, and removing the default hands
 * it to the oldest remaining printer.
 */

export type PrinterLanguageValue = PrinterLanguage
export type LabelSize = '76x130' | '100x150' | '100x180'
/** TSPL/ZPL: 'barcodes' sends Code128 and QR as printer commands over the raster (migration 0030). */
export type NativeModeValue = 'off' | 'barcodes'
/** Ask the printer's status ('auto') or never ('off'); migration 0050, see printing/status-check.ts. */
export type StatusModeValue = 'auto' | 'off'
/** What the station learned of the printer's status replies (migration 0050). */
export type StatusRepliesValue = 'unknown' | 'answered' | 'mute'

export type PrinterRow = {
  readonly id: number
  readonly name: string
  readonly uri: string
  readonly language: PrinterLanguageValue
  readonly dpi: 203 | 300
  readonly labelSize: LabelSize
  readonly darkness: number
  readonly offsetXDots: number
  readonly offsetYDots: number
  readonly nativeMode: NativeModeValue
  readonly statusMode: StatusModeValue
  readonly statusReplies: StatusRepliesValue
  readonly isDefault: boolean
  readonly createdAt: number
}

/**
 * `nativeMode` and `statusMode` may be left out: a new printer gets 'off' / 'auto', an update
 * keeps the stored ones. `statusReplies` is learned, never typed in (see setPrinterStatusReplies).
 */
export type PrinterFields = Omit<
  PrinterRow,
  'id' | 'isDefault' | 'createdAt' | 'nativeMode' | 'statusMode' | 'statusReplies'
> & {
  readonly nativeMode?: NativeModeValue
  readonly statusMode?: StatusModeValue
}

type Row = {
  id: number
  name: string
  uri: string
  language: PrinterLanguageValue
  dpi: 203 | 300
  label_size: LabelSize
  darkness: number
  offset_x_dots: number
  offset_y_dots: number
  native_mode: NativeModeValue
  status_mode: StatusModeValue
  status_replies: StatusRepliesValue
  is_default: number
  created_at: number
}

function toPrinter(row: Row): PrinterRow {
  return {
    id: row.id,
    name: row.name,
    uri: row.uri,
    language: row.language,
    dpi: row.dpi,
    labelSize: row.label_size,
    darkness: row.darkness,
    offsetXDots: row.offset_x_dots,
    offsetYDots: row.offset_y_dots,
    nativeMode: row.native_mode,
    statusMode: row.status_mode,
    statusReplies: row.status_replies,
    isDefault: row.is_default === 1,
    createdAt: row.created_at
  }
}

export class PrinterRepoError extends Error {
  constructor(
    readonly code: 'NAME_TAKEN' | 'NOT_FOUND' | 'LAST_PRINTER',
    message: string
  ) {
    super(message)
  }
}

/** Default first, then by name. */
export function listPrinters(db: ReadableDB): PrinterRow[] {
  return db
    .prepare<[], Row>('SELECT * FROM printers ORDER BY is_default DESC, created_at, id')
    .all()
    .map(toPrinter)
}

export function getPrinter(db: ReadableDB, id: number): PrinterRow | undefined {
  const row = db.prepare<[number], Row>('SELECT * FROM printers WHERE id = ?').get(id)
  return row ? toPrinter(row) : undefined
}

export function findPrinterByName(db: ReadableDB, name: string): PrinterRow | undefined {
  const row = db.prepare<[string], Row>('SELECT * FROM printers WHERE name = ?').get(name)
  return row ? toPrinter(row) : undefined
}

export function defaultPrinter(db: ReadableDB): PrinterRow | undefined {
  const row = db.prepare<[], Row>('SELECT * FROM printers WHERE is_default = 1').get()
  return row ? toPrinter(row) : undefined
}

function nameTaken(db: ReadableDB, name: string, exceptId: number): boolean {
  return (
    db
      .prepare<[string, number], { id: number }>(
        'SELECT id FROM printers WHERE name = ? AND id <> ?'
      )
      .get(name, exceptId) !== undefined
  )
}

export function addPrinter(db: WritableDB, fields: PrinterFields, now: number): PrinterRow {
  return db.transaction(() => {
    if (nameTaken(db, fields.name, 0)) {
      throw new PrinterRepoError('NAME_TAKEN', `A printer named "${fields.name}" already exists`)
    }
    const first = defaultPrinter(db) === undefined
    const row = db
      .prepare<
        [
          string,
          string,
          string,
          number,
          string,
          number,
          number,
          number,
          string,
          string,
          number,
          number
        ],
        Row
      >(
        `INSERT INTO printers
           (name, uri, language, dpi, label_size, darkness, offset_x_dots, offset_y_dots, native_mode,
            status_mode, is_default, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`
      )
      .get(
        fields.name,
        fields.uri,
        fields.language,
        fields.dpi,
        fields.labelSize,
        fields.darkness,
        fields.offsetXDots,
        fields.offsetYDots,
        fields.nativeMode ?? 'off',
        fields.statusMode ?? 'auto',
        first ? 1 : 0,
        now
      )
    if (!row) {
      throw new Error('INSERT ... RETURNING gave no row')
    }
    return toPrinter(row)
  })()
}

export function updatePrinter(db: WritableDB, id: number, fields: PrinterFields): PrinterRow {
  return db.transaction(() => {
    const current = getPrinter(db, id)
    if (!current) {
      throw new PrinterRepoError('NOT_FOUND', `Printer ${String(id)} does not exist`)
    }
    if (nameTaken(db, fields.name, id)) {
      throw new PrinterRepoError('NAME_TAKEN', `A printer named "${fields.name}" already exists`)
    }
    // What was learned of the replies belongs to the old link: a new address, language or
    // status mode starts over (a printer moved off its one-way bridge answers again).
    const relink =
      fields.uri !== current.uri ||
      fields.language !== current.language ||
      (fields.statusMode ?? current.statusMode) !== current.statusMode
    const row = db
      .prepare<
        [
          string,
          string,
          string,
          number,
          string,
          number,
          number,
          number,
          string,
          string,
          string,
          number
        ],
        Row
      >(
        `UPDATE printers SET name = ?, uri = ?, language = ?, dpi = ?, label_size = ?, darkness = ?,
                offset_x_dots = ?, offset_y_dots = ?, native_mode = ?, status_mode = ?, status_replies = ?
          WHERE id = ? RETURNING *`
      )
      .get(
        fields.name,
        fields.uri,
        fields.language,
        fields.dpi,
        fields.labelSize,
        fields.darkness,
        fields.offsetXDots,
        fields.offsetYDots,
        fields.nativeMode ?? current.nativeMode,
        fields.statusMode ?? current.statusMode,
        relink ? 'unknown' : current.statusReplies,
        id
      )
    if (!row) {
      throw new PrinterRepoError('NOT_FOUND', `Printer ${String(id)} does not exist`)
    }
    return toPrinter(row)
  })()
}

/** Moves the default to `id` (one transaction, so there is never zero or two). */
export function setDefaultPrinter(db: WritableDB, id: number): PrinterRow {
  return db.transaction(() => {
    const printer = getPrinter(db, id)
    if (!printer) {
      throw new PrinterRepoError('NOT_FOUND', `Printer ${String(id)} does not exist`)
    }
    db.prepare('UPDATE printers SET is_default = 0 WHERE is_default = 1 AND id <> ?').run(id)
    db.prepare('UPDATE printers SET is_default = 1 WHERE id = ?').run(id)
    return { ...printer, isDefault: true }
  })()
}

/** Removes a printer; the last one cannot go (a station always has somewhere to print). */
export function removePrinter(db: WritableDB, id: number): void {
  db.transaction(() => {
    const printer = getPrinter(db, id)
    if (!printer) {
      throw new PrinterRepoError('NOT_FOUND', `Printer ${String(id)} does not exist`)
    }
    const count = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM printers').get()?.n ?? 0
    if (count <= 1) {
      throw new PrinterRepoError('LAST_PRINTER', 'The last printer cannot be removed')
    }
    db.prepare('DELETE FROM printers WHERE id = ?').run(id)
    if (printer.isDefault) {
      db.prepare(
        'UPDATE printers SET is_default = 1 WHERE id = (SELECT id FROM printers ORDER BY created_at, id LIMIT 1)'
      ).run()
    }
  })()
}

/** Records what a status query taught about the printer (see printing/status-check.ts). */
export function setPrinterStatusReplies(
  db: WritableDB,
  id: number,
  replies: StatusRepliesValue
): void {
  db.prepare<[string, number]>('UPDATE printers SET status_replies = ? WHERE id = ?').run(
    replies,
    id
  )
}
