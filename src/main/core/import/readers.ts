import { createReadStream, type ReadStream } from 'node:fs'
import { open, stat } from 'node:fs/promises'
import { isUtf8 } from 'node:buffer'
import { extname } from 'node:path'
import chardet from 'chardet'
import { parse as parseCsv, type CsvError } from 'csv-parse'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { ImportError } from './reasons'
import { NO_RESULT } from './normalize'
import { IMPORT_LIMITS, type CellValue, type SheetRow } from './types'

export type CsvEncoding = 'utf8' | 'gb18030' | 'utf16le' | 'utf16be'

export type FileKind =
  | { readonly format: 'xlsx'; readonly bytes: number }
  | {
      readonly format: 'csv'
      readonly bytes: number
      readonly encoding: CsvEncoding
      /** What chardet said about the head, for the record. */
      readonly detected: string | null
      readonly delimiter: ',' | '\t' | ';'
    }

const HEAD_BYTES = 64 * 1024
const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06])
const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])

/**
 * Decides what a file is from its bytes, not its name: platforms hand out ".xls" files that are
 * really CSV or HTML, and users rename files. Refuses what cannot be read, with one line.
 */
export async function sniffFile(file: string): Promise<FileKind> {
  let bytes: number
  try {
    const info = await stat(file)
    if (!info.isFile()) {
      throw new ImportError('FILE_NOT_FOUND', `Not a file: ${file}`, `不是文件：${file}`)
    }
    bytes = info.size
  } catch (error) {
    if (error instanceof ImportError) {
      throw error
    }
    throw new ImportError(
      'FILE_NOT_FOUND',
      `Cannot open ${file}: it does not exist or is not readable`,
      `无法打开文件：${file}`
    )
  }
  if (bytes === 0) {
    throw new ImportError('FILE_EMPTY', 'The file is empty (0 bytes)', '文件是空的（0 字节）')
  }
  if (bytes > IMPORT_LIMITS.maxFileBytes) {
    const mb = String(Math.round(IMPORT_LIMITS.maxFileBytes / 1024 / 1024))
    throw new ImportError(
      'FILE_TOO_LARGE',
      `The file is larger than ${mb} MB; split it into smaller exports`,
      `文件超过 ${mb} MB，请分批导出`
    )
  }
  const handle = await open(file, 'r')
  let head: Buffer
  let tail: Buffer
  try {
    head = Buffer.alloc(Math.min(HEAD_BYTES, bytes))
    await handle.read(head, 0, head.length, 0)
    // The zip end record sits in the last 22 bytes plus an optional comment of up to 64 KiB.
    const tailLength = Math.min(bytes, 22 + 65_535)
    tail = Buffer.alloc(tailLength)
    await handle.read(tail, 0, tailLength, bytes - tailLength)
  } finally {
    await handle.close()
  }

  if (head.subarray(0, 4).equals(ZIP_LOCAL) || head.subarray(0, 4).equals(ZIP_EMPTY)) {
    const end = tail.lastIndexOf(ZIP_END)
    if (end < 0) {
      throw new ImportError(
        'FILE_TRUNCATED',
        'The .xlsx file is incomplete (the zip archive is cut off); download or copy it again',
        '.xlsx 文件不完整（压缩包被截断），请重新下载或复制'
      )
    }
    const names = await zipEntryNames(file, tail.subarray(end), bytes)
    if (names !== null && !isWorkbook(names)) {
      throw notWorkbook(names)
    }
    return { format: 'xlsx', bytes }
  }
  if (head.subarray(0, 8).equals(OLE2)) {
    // No maintained npm library reads BIFF .xls (SheetJS left npm), so refuse clearly.
    throw new ImportError(
      'FILE_XLS_UNSUPPORTED',
      'Old Excel 97-2003 (.xls) files are not supported; open it in Excel or WPS and save as .xlsx or .csv',
      '不支持旧版 Excel 97-2003（.xls）文件，请用 Excel 或 WPS 另存为 .xlsx 或 .csv'
    )
  }
  const { encoding, detected } = detectEncoding(head, head.length === bytes)
  if (encoding !== 'utf16le' && encoding !== 'utf16be' && looksBinary(head)) {
    throw new ImportError(
      'FILE_NOT_SPREADSHEET',
      'The file is not a spreadsheet (.xlsx or .csv)',
      '文件不是表格（.xlsx 或 .csv）'
    )
  }
  const text = iconv.decode(head, encoding === 'utf8' ? 'utf8' : encoding).replace(/^\ufeff/, '')
  if (/^\s*</.test(text)) {
    throw new ImportError(
      'FILE_NOT_SPREADSHEET',
      'The file is a web page (HTML/XML), not a spreadsheet; open it in Excel or WPS and save as .xlsx',
      '文件是网页（HTML/XML）而不是表格，请用 Excel 或 WPS 另存为 .xlsx'
    )
  }
  return {
    format: 'csv',
    bytes,
    encoding,
    detected,
    delimiter: guessDelimiter(text, extname(file).toLowerCase())
  }
}

/** Largest central directory read to check a zip's entries; an .xlsx has a few dozen. */
const MAX_CENTRAL_DIRECTORY = 4 * 1024 * 1024
const CENTRAL_ENTRY = 0x02014b50

/**
 * The entry names of a zip, from its central directory (`end` starts at the end record). Null
 * when they cannot be listed cheaply (zip64, a huge directory): the xlsx reader then decides.
 */
async function zipEntryNames(file: string, end: Buffer, bytes: number): Promise<string[] | null> {
  if (end.length < 22) {
    return null
  }
  const size = end.readUInt32LE(12)
  const offset = end.readUInt32LE(16)
  if (size === 0xffffffff || offset === 0xffffffff || size > MAX_CENTRAL_DIRECTORY) {
    return null
  }
  if (offset + size > bytes) {
    throw new ImportError(
      'FILE_CORRUPT',
      'The .xlsx file is damaged (its zip directory points outside the file); download or copy it again',
      '.xlsx 文件已损坏（压缩包目录超出文件范围），请重新下载或复制'
    )
  }
  const directory = Buffer.alloc(size)
  const handle = await open(file, 'r')
  try {
    await handle.read(directory, 0, size, offset)
  } finally {
    await handle.close()
  }
  const names: string[] = []
  for (let at = 0; at + 46 <= directory.length;) {
    if (directory.readUInt32LE(at) !== CENTRAL_ENTRY) {
      break
    }
    const nameLength = directory.readUInt16LE(at + 28)
    const extraLength = directory.readUInt16LE(at + 30)
    const commentLength = directory.readUInt16LE(at + 32)
    names.push(directory.toString('utf8', at + 46, at + 46 + nameLength))
    at += 46 + nameLength + extraLength + commentLength
  }
  return names
}

function isWorkbook(names: readonly string[]): boolean {
  return names.some((n) => /^xl\/workbook\d*\.xml$/i.test(n) || /^xl\/worksheets\//i.test(n))
}

/** A zip that is no workbook: one line naming what it is when that is recognisable. */
function notWorkbook(names: readonly string[]): ImportError {
  const has = (prefix: string) => names.some((n) => n.startsWith(prefix))
  const what: readonly [en: string, zh: string] = has('word/')
    ? ['a Word document (.docx)', 'Word 文档（.docx）']
    : has('ppt/')
      ? ['a PowerPoint file (.pptx)', 'PowerPoint 文件（.pptx）']
      : names.includes('content.xml')
        ? ['an OpenDocument file (.ods/.odt)', 'OpenDocument 文件（.ods/.odt）']
        : ['a zip archive', '压缩包']
  return new ImportError(
    'FILE_NOT_SPREADSHEET',
    `The file is ${what[0]}, not a spreadsheet: it holds no Excel workbook; save the sheet as .xlsx or .csv`,
    `文件是${what[1]}，不是表格（其中没有 Excel 工作簿），请另存为 .xlsx 或 .csv`
  )
}

function detectEncoding(
  head: Buffer,
  whole: boolean
): { encoding: CsvEncoding; detected: string | null } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    return { encoding: 'utf8', detected: 'UTF-8 BOM' }
  }
  if (head[0] === 0xff && head[1] === 0xfe) {
    return { encoding: 'utf16le', detected: 'UTF-16LE BOM' }
  }
  if (head[0] === 0xfe && head[1] === 0xff) {
    return { encoding: 'utf16be', detected: 'UTF-16BE BOM' }
  }
  // The head may end inside a multi-byte character; allow up to 3 cut bytes.
  for (let cut = 0; cut <= (whole ? 0 : 3); cut++) {
    if (isUtf8(head.subarray(0, head.length - cut))) {
      return { encoding: 'utf8', detected: 'UTF-8' }
    }
  }
  if (mostlyUtf8(head)) {
    // A UTF-8 file with a few rows pasted from a GBK sheet: read as UTF-8, and those rows are
    // rejected for their unreadable cells, rather than every other row read as mojibake.
    return { encoding: 'utf8', detected: 'UTF-8 (with bytes in another encoding)' }
  }
  const detected = chardet.detect(head)
  if (detected === 'UTF-16LE') {
    return { encoding: 'utf16le', detected }
  }
  if (detected === 'UTF-16BE') {
    return { encoding: 'utf16be', detected }
  }
  // Not UTF-8: Chinese shop exports are GBK, and chardet often names GBK text Big5, EUC-KR or
  // a Latin code page. GB18030 is a superset of GBK and GB2312, so it decodes all of them.
  return { encoding: 'gb18030', detected }
}

/**
 * Many well-formed multi-byte UTF-8 characters and few malformed sequences. GBK text rarely
 * forms valid UTF-8 by chance (about one pair in twelve), so a GBK file never passes this.
 */
function mostlyUtf8(head: Buffer): boolean {
  let valid = 0
  let invalid = 0
  let i = 0
  while (i < head.length) {
    const byte = head[i] ?? 0
    const length =
      byte < 0x80
        ? 1
        : byte >= 0xc2 && byte <= 0xdf
          ? 2
          : byte >= 0xe0 && byte <= 0xef
            ? 3
            : byte >= 0xf0 && byte <= 0xf4
              ? 4
              : 0
    if (length === 1) {
      i++
      continue
    }
    let ok = length > 0 && i + length <= head.length
    for (let k = 1; ok && k < length; k++) {
      const next = head[i + k] ?? 0
      ok = next >= 0x80 && next <= 0xbf
    }
    if (ok) {
      valid++
      i += length
    } else {
      invalid++
      i++
    }
  }
  return valid >= 20 && valid >= 20 * invalid
}

/**
 * Binary when control characters are more than 1% of the head. A stray NUL in one cell of a
 * text export is not enough: it used to refuse the whole file when it was in the first 64 KiB,
 * and import it when it came later (found by the import fuzzer).
 */
function looksBinary(head: Buffer): boolean {
  let control = 0
  for (const byte of head) {
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) {
      control++
    }
  }
  return control > head.length / 100
}

function guessDelimiter(text: string, ext: string): ',' | '\t' | ';' {
  const lines = text.split(/\r?\n/, 10).join('\n')
  const count = (ch: string) => lines.split(ch).length - 1
  const tabs = count('\t')
  const commas = count(',')
  const semis = count(';')
  if (ext === '.tsv' || ext === '.txt' || (tabs > commas && tabs >= semis)) {
    return tabs > 0 || ext === '.tsv' ? '\t' : ','
  }
  return semis > commas ? ';' : ','
}

/** Bytes read so far, for progress; rows in file order. */
export type RowSource = {
  readonly rows: AsyncGenerator<SheetRow & { readonly sheet: number }>
  readonly bytesRead: () => number
}

function countingStream(file: string): { stream: ReadStream; bytesRead: () => number } {
  const stream = createReadStream(file, { highWaterMark: 256 * 1024 })
  let bytes = 0
  stream.on('data', (chunk) => {
    bytes += chunk.length
  })
  return { stream, bytesRead: () => bytes }
}

export function readRows(file: string, kind: FileKind): RowSource {
  return kind.format === 'xlsx' ? readXlsx(file) : readCsv(file, kind)
}

function readCsv(file: string, kind: Extract<FileKind, { format: 'csv' }>): RowSource {
  const { stream, bytesRead } = countingStream(file)
  async function* rows(): AsyncGenerator<SheetRow & { readonly sheet: number }> {
    // iconv strips the BOM; csv-parse sees plain text.
    const decoder = iconv.decodeStream(kind.encoding === 'utf8' ? 'utf8' : kind.encoding)
    const parser = parseCsv({
      delimiter: kind.delimiter,
      relax_quotes: true,
      relax_column_count: true,
      // Blank lines are rows a spreadsheet app shows; keep them so row numbers match.
      skip_empty_lines: false,
      max_record_size: IMPORT_LIMITS.maxCsvRecordChars
    })
    stream.on('error', (e) => parser.destroy(e))
    decoder.on('error', (e: Error) => parser.destroy(e))
    stream.pipe(decoder).pipe(parser)
    let row = 0
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        row++
        yield { sheet: 1, row, cells: record }
      }
    } catch (error) {
      throw csvError(error, row + 1)
    } finally {
      stream.destroy()
      parser.destroy()
    }
  }
  return { rows: rows(), bytesRead }
}

function csvError(error: unknown, row: number): ImportError {
  const code = (error as Partial<CsvError> | null)?.code
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return new ImportError(
      'ROW_TOO_LARGE',
      `Row ${String(row)} is longer than ${String(IMPORT_LIMITS.maxCsvRecordChars)} characters (probably a missing closing quote)`,
      `第 ${String(row)} 行超过 ${String(IMPORT_LIMITS.maxCsvRecordChars)} 个字符（可能缺少右引号）`
    )
  }
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return new ImportError(
      'FILE_CORRUPT',
      `The CSV file is broken: a quote opened in row ${String(row)} is never closed`,
      `CSV 文件损坏：第 ${String(row)} 行的引号没有闭合`
    )
  }
  const message = error instanceof Error ? error.message : String(error)
  return new ImportError(
    'FILE_CORRUPT',
    `The CSV file cannot be read: ${message}`,
    `CSV 文件无法读取：${message}`
  )
}

type ExcelValue = ExcelJS.CellValue | undefined

/** exceljs cell values to plain values: formulas give their cached result, never re-evaluated. */
function plain(value: ExcelValue): CellValue {
  if (value === null || value === undefined) {
    return null
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value
  }
  if ('error' in value) {
    return { error: value.error }
  }
  if ('richText' in value) {
    return value.richText.map((r) => r.text).join('')
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: ExcelValue }).result
    return result === undefined ? { error: NO_RESULT } : plain(result)
  }
  if ('text' in value) {
    const text: unknown = value.text
    return typeof text === 'string' ? text : plain(text as ExcelValue)
  }
  return null
}

function readXlsx(file: string): RowSource {
  const { stream, bytesRead } = countingStream(file)
  async function* rows(): AsyncGenerator<SheetRow & { readonly sheet: number }> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
      sharedStrings: 'cache',
      // Styles tell date cells from numbers.
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'ignore'
    })
    let sheet = 0
    let lastRow = 0
    try {
      for await (const worksheet of reader) {
        sheet++
        for await (const r of worksheet as AsyncIterable<ExcelJS.Row>) {
          lastRow = r.number
          const values = r.values as readonly ExcelValue[]
          const cells: CellValue[] = []
          // exceljs rows are 1-based sparse arrays.
          for (let i = 1; i < values.length; i++) {
            cells.push(plain(values[i]))
          }
          yield { sheet, row: r.number, cells }
        }
      }
    } catch (error) {
      if (error instanceof ImportError) {
        throw error
      }
      const message = error instanceof Error ? error.message : String(error)
      throw new ImportError(
        'FILE_CORRUPT',
        `The .xlsx file cannot be read near row ${String(lastRow + 1)} of sheet ${String(Math.max(sheet, 1))}: ${message}`,
        `.xlsx 文件无法读取（工作表 ${String(Math.max(sheet, 1))} 第 ${String(lastRow + 1)} 行附近）：${message}`
      )
    } finally {
      stream.destroy()
    }
  }
  return { rows: rows(), bytesRead }
}
