import {
  detectMapping,
  headerScore,
  headerText,
  layoutSignature,
  missingFields,
  pickPreset,
  resolveMapping,
  type ImportMode
} from './mapping'
import { ImportError } from './reasons'
import { readRows, sniffFile, type FileKind } from './readers'
import {
  IMPORT_LIMITS,
  type ColumnMapping,
  type ImportField,
  type PresetChoice,
  type PresetName,
  type SheetRow
} from './types'

export type MappingSource = 'explicit' | 'saved' | 'detected'

/** A sheet opened at its header row: what the mapping UI shows, and the data rows after it. */
export type OpenedTable = {
  readonly kind: FileKind
  /** 1-based sheet position in the workbook (always 1 for CSV). */
  readonly sheet: number
  readonly headerRow: number
  readonly headers: readonly string[]
  readonly signature: string
  readonly mapping: ColumnMapping
  readonly mappingSource: MappingSource
  readonly preset: PresetName | null
  /** Required fields without a column; non-empty only when opened with `strict: false`. */
  readonly missing: readonly ImportField[]
  readonly indexes: Partial<Record<ImportField, number>>
  readonly rows: AsyncGenerator<SheetRow>
  readonly bytesRead: () => number
  /** Stops reading and releases the file. */
  readonly close: () => Promise<void>
}

export type OpenOptions = {
  readonly mode: ImportMode
  readonly preset: PresetChoice
  /** A mapping the user chose: its headers locate the header row. */
  readonly mapping?: ColumnMapping
  /** Looks up a mapping saved for a layout signature. */
  readonly savedMapping?: (signature: string) => ColumnMapping | null
  /** When false, a sheet without a usable header still opens (at its best guess) so the user can map it. */
  readonly strict: boolean
}

type Candidate = { readonly row: SheetRow; readonly headers: string[] }

type Choice = {
  readonly candidate: Candidate
  readonly mapping: ColumnMapping
  readonly source: MappingSource
  readonly preset: PresetName | null
  readonly missing: readonly ImportField[]
}

function choose(candidates: readonly Candidate[], options: OpenOptions): Choice | undefined {
  const explicit = options.mapping
  if (explicit) {
    for (const c of candidates) {
      const { absent } = resolveMapping(explicit, c.headers)
      if (absent.length === 0 && Object.keys(explicit).length > 0) {
        return {
          candidate: c,
          mapping: explicit,
          source: 'explicit',
          preset: null,
          missing: missingFields(explicit, options.mode)
        }
      }
    }
    return undefined
  }
  if (options.savedMapping) {
    for (const c of candidates) {
      const saved = options.savedMapping(layoutSignature(c.headers))
      if (
        saved &&
        resolveMapping(saved, c.headers).absent.length === 0 &&
        missingFields(saved, options.mode).length === 0
      ) {
        return {
          candidate: c,
          mapping: saved,
          source: 'saved',
          // Which export this is does not depend on where the mapping came from: the UI names
          // the layout it recognised when it skips the mapping screen.
          preset: options.preset === 'auto' ? pickPreset(c.headers, options.mode) : options.preset,
          missing: []
        }
      }
    }
  }
  const ranked = candidates
    .map((c) => ({ c, score: headerScore(c.headers) }))
    .filter((x) => x.score >= 2)
    .sort((a, b) => b.score - a.score || a.c.row.row - b.c.row.row)
  for (const { c } of ranked) {
    const detected = detectMapping(c.headers, options.preset, options.mode)
    if (detected.missing.length === 0) {
      return {
        candidate: c,
        mapping: detected.mapping,
        source: 'detected',
        preset: detected.preset,
        missing: []
      }
    }
  }
  return undefined
}

function bestGuess(candidates: readonly Candidate[], options: OpenOptions): Choice | undefined {
  const ranked = [...candidates].sort(
    (a, b) => headerScore(b.headers) - headerScore(a.headers) || a.row.row - b.row.row
  )
  const best = ranked[0]
  if (!best) {
    return undefined
  }
  const detected = detectMapping(best.headers, options.preset, options.mode)
  return {
    candidate: best,
    mapping: detected.mapping,
    source: 'detected',
    preset: detected.preset,
    missing: detected.missing
  }
}

const FIELD_NAMES: Readonly<Partial<Record<ImportField, string>>> = {
  orderId: '订单号',
  receiverName: '收货人',
  phone: '手机',
  address: '收货地址 (或 省/市/区/详细地址)',
  detail: '详细地址',
  title: '商品名称'
}

/**
 * Opens a file at its header row. The header is searched for in the first rows of each sheet
 * (title rows above it are common); the first sheet with a usable header is read, later sheets
 * (instructions, summaries) are not.
 */
export async function openTable(file: string, options: OpenOptions): Promise<OpenedTable> {
  const kind = await sniffFile(file)
  const source = readRows(file, kind)
  const iterator = source.rows
  const close = async () => {
    await iterator.return(undefined)
  }
  try {
    let buffer: SheetRow[] = []
    let sheet = 0
    let pending: (SheetRow & { sheet: number }) | undefined
    let allCandidates: Candidate[] = []
    let firstSheetSeen = 0
    for (;;) {
      const next = pending ?? (await nextRow(iterator))
      pending = undefined
      const sheetDone =
        next === undefined ||
        next.sheet !== sheet ||
        buffer.length >= IMPORT_LIMITS.headerSearchRows
      if (sheetDone && buffer.length > 0) {
        const candidates = buffer.map((row) => ({ row, headers: row.cells.map(headerText) }))
        const choice = choose(candidates, options)
        if (choice) {
          const after = buffer.filter((r) => r.row > choice.candidate.row.row)
          return opened(kind, sheet, choice, after, next, iterator, source.bytesRead, close)
        }
        if (firstSheetSeen === sheet) {
          allCandidates = candidates
        }
        buffer = []
        if (next !== undefined && next.sheet === sheet) {
          // Header not in the first rows of this sheet: skip the rest of the sheet.
          let skip: (SheetRow & { sheet: number }) | undefined = next
          while (skip !== undefined && skip.sheet === sheet) {
            skip = await nextRow(iterator)
          }
          pending = skip
          continue
        }
      }
      if (next === undefined) {
        break
      }
      if (next.sheet !== sheet) {
        sheet = next.sheet
        firstSheetSeen ||= sheet
      }
      if (next.cells.some((c) => headerText(c) !== '')) {
        buffer.push(next)
      }
    }
    if (!options.strict) {
      const guess = bestGuess(allCandidates, options)
      if (guess) {
        return opened(
          kind,
          firstSheetSeen,
          guess,
          allCandidates.filter((c) => c.row.row > guess.candidate.row.row).map((c) => c.row),
          undefined,
          emptyRows(),
          source.bytesRead,
          close
        )
      }
    }
    throw noHeader(allCandidates, options)
  } catch (error) {
    await close()
    throw error
  }
}

async function nextRow(
  iterator: AsyncGenerator<SheetRow & { readonly sheet: number }>
): Promise<(SheetRow & { sheet: number }) | undefined> {
  const r = await iterator.next()
  return r.done ? undefined : r.value
}

async function* emptyRows(): AsyncGenerator<SheetRow & { readonly sheet: number }> {
  // Nothing to read: used when a sheet without header is opened only to show its columns.
}

function noHeader(candidates: readonly Candidate[], options: OpenOptions): ImportError {
  if (candidates.length === 0) {
    return new ImportError('NO_SHEET', 'The file has no rows to import', '文件中没有可导入的行')
  }
  if (options.mapping) {
    const absent = resolveMapping(options.mapping, candidates[0]?.headers ?? []).absent
    return new ImportError(
      'MAPPING_INVALID',
      `The chosen columns are not in the header row: ${absent.join(', ')}`,
      `所选列不在表头中：${absent.join('、')}`
    )
  }
  const guess = bestGuess(candidates, options)
  const missing = (guess?.missing ?? ['orderId']).map((f) => FIELD_NAMES[f] ?? f)
  return new ImportError(
    'NO_HEADER',
    `No header row found in the first ${String(IMPORT_LIMITS.headerSearchRows)} rows: no column for ${missing.join(', ')}`,
    `前 ${String(IMPORT_LIMITS.headerSearchRows)} 行中找不到表头：缺少 ${missing.join('、')} 列`
  )
}

function opened(
  kind: FileKind,
  sheet: number,
  choice: Choice,
  buffered: readonly SheetRow[],
  next: (SheetRow & { sheet: number }) | undefined,
  iterator: AsyncGenerator<SheetRow & { readonly sheet: number }>,
  bytesRead: () => number,
  close: () => Promise<void>
): OpenedTable {
  const headers = choice.candidate.headers
  async function* rows(): AsyncGenerator<SheetRow> {
    try {
      yield* buffered
      let r = next
      while (r !== undefined && r.sheet === sheet) {
        yield r
        r = await nextRow(iterator)
      }
    } finally {
      await close()
    }
  }
  return {
    kind,
    sheet,
    headerRow: choice.candidate.row.row,
    headers,
    signature: layoutSignature(headers),
    mapping: choice.mapping,
    mappingSource: choice.source,
    preset: choice.preset,
    missing: choice.missing,
    indexes: resolveMapping(choice.mapping, headers).indexes,
    rows: rows(),
    bytesRead,
    close
  }
}
