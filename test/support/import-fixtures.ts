import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import type { CoreContext } from '../../src/main/core/context'
import { createFileStore } from '../../src/main/core/files/file-store'
import { openDatabase, type WritableDB } from '../../src/main/core/db/connection'

/** A core context on a real SQLite database (in memory unless a file is given), fixed clock. */
export function importContext(file = ':memory:'): CoreContext & { events: { ids: number[] }[] } {
  const db: WritableDB = openDatabase(file)
  const events: { ids: number[] }[] = []
  return {
    db,
    now: () => new Date(2026, 10, 23, 9, 0, 0).getTime(),
    actor: 'tester',
    station: 'bench-1',
    dataDir: tmpdir(),
    files: createFileStore(join(tmpdir(), 'wbs-import-files')),
    log: { info: () => undefined, error: () => undefined },
    emit: (_event, payload) => {
      if ('ids' in payload) {
        events.push({ ids: [...payload.ids] })
      }
    },
    events
  }
}

export function tempDir(prefix = 'wbs-import-'): {
  dir: string
  path: (name: string) => string
  remove: () => void
} {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return {
    dir,
    path: (name) => join(dir, name),
    remove: () => {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export type XlsxCell = ExcelJS.CellValue

/** Writes an .xlsx with exceljs (a real spreadsheet writer); each inner array is one row. */
export async function writeXlsx(
  file: string,
  rows: readonly (readonly XlsxCell[])[],
  options: {
    sheetName?: string
    extraSheets?: readonly { name: string; rows: readonly (readonly XlsxCell[])[] }[]
  } = {}
): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(options.sheetName ?? 'Sheet1')
  for (const row of rows) {
    sheet.addRow([...row])
  }
  for (const extra of options.extraSheets ?? []) {
    const s = workbook.addWorksheet(extra.name)
    for (const row of extra.rows) {
      s.addRow([...row])
    }
  }
  await workbook.xlsx.writeFile(file)
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Writes a CSV in the given encoding; `bom` adds the UTF-8 byte-order mark Excel writes. */
export function writeCsv(
  file: string,
  rows: readonly (readonly string[])[],
  options: { encoding?: 'utf8' | 'gbk' | 'gb18030'; bom?: boolean; delimiter?: string } = {}
): void {
  const text = rows.map((r) => r.map(csvField).join(options.delimiter ?? ',')).join('\r\n') + '\r\n'
  const encoding = options.encoding ?? 'utf8'
  const body = encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, encoding)
  writeFileSync(file, options.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body)
}

export function countRows(db: WritableDB): { orders: number; items: number; audit: number } {
  const n = (sql: string) => db.prepare<[], { n: number }>(sql).get()?.n ?? 0
  return {
    orders: n('SELECT count(*) AS n FROM orders'),
    items: n('SELECT count(*) AS n FROM order_items'),
    audit: n("SELECT count(*) AS n FROM audit_events WHERE action = 'orders.imported'")
  }
}

/** Header and rows of a generic order sheet, `count` orders with 1–3 items each. */
export function generatedOrders(count: number): { header: string[]; rows: string[][] } {
  const header = [
    '订单号',
    '收货人',
    '手机',
    '收货地址',
    '商品名称',
    'SKU',
    '数量',
    '重量(kg)',
    '备注',
    '下单时间'
  ]
  const places = [
    '浙江省 杭州市 西湖区 文三路',
    '北京 北京市 朝阳区 建国路',
    '广东省深圳市南山区科技园路',
    '上海市上海市浦东新区世纪大道',
    '四川 成都 武侯区 人民南路',
    '湖北省 仙桃市 干河街道 健康路'
  ]
  const rows: string[][] = []
  for (let i = 0; i < count; i++) {
    const items = (i % 3) + 1
    for (let k = 0; k < items; k++) {
      rows.push([
        `KS${String(100000000 + i)}`,
        `买家${String(i % 997)}`,
        `13${String(800000000 + ((i * 7919) % 199999999)).padStart(9, '0')}`,
        `${places[i % places.length] ?? ''}${String((i % 300) + 1)}号`,
        `商品${String(k + 1)} 保温杯`,
        `SKU-${String(k)}-${String(i % 50)}`,
        String((i % 4) + 1),
        '0.35',
        i % 10 === 0 ? '加急' : '',
        `2026-11-${String((i % 28) + 1).padStart(2, '0')} 10:${String(i % 60).padStart(2, '0')}:00`
      ])
    }
  }
  return { header, rows }
}

/**
 * Writes a plain zip (stored, no compression) holding the given files: the container of an
 * .xlsx without a workbook in it, as a user gets by zipping a text file and renaming it.
 */
export function writeZip(file: string, entries: Readonly<Record<string, string>>): void {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const [name, text] of Object.entries(entries)) {
    const nameBytes = Buffer.from(name, 'utf8')
    const data = Buffer.from(text, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(nameBytes.length, 26)
    locals.push(local, nameBytes, data)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(data.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(nameBytes.length, 28)
    central.writeUInt32LE(offset, 42)
    centrals.push(central, nameBytes)
    offset += local.length + nameBytes.length + data.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(Object.keys(entries).length, 8)
  end.writeUInt16LE(Object.keys(entries).length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  writeFileSync(file, Buffer.concat([...locals, directory, end]))
}
