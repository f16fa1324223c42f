/**
 * The importer fed 100 000 generated rows of hostile cells (issue 9 item 6): formulas, control
 * characters, 10⁶-character cells, GBK bytes inside a UTF-8 file, impossible numbers, masked
 * phones and unknown provinces, mixed with plain orders, in a CSV written to a temp file. Every
 * row the generator spoiled must come back rejected on its row and column; every other row must
 * be written with exactly the values generated. Cut files (a truncated xlsx zip, a truncated
 * csv) must be answered with an error as data. Seeded: FUZZ_SEED=<n> replays a failure.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import iconv from 'iconv-lite'
import { commitImport, previewImport } from '../../../src/main/core/import'
import { openTestCore } from '../../support/core-fixtures'
import { fuzzSeed, seededRandom, type Random } from '../../support/fuzz'
import { importContext, tempDir, writeXlsx } from '../../support/import-fixtures'

const SEED = fuzzSeed(90_602)
const ROWS = 100_000

const HEADER = ['订单号', '收货人', '手机', '收货地址', '商品名称', 'SKU', '数量', '备注'] as const
type Column = (typeof HEADER)[number]

/** What the row should come to: the values written, or the column it must be rejected on. */
type Expected =
  | {
      readonly accepted: true
      readonly name: string
      readonly phone: string
      readonly detail: string
      readonly title: string
      readonly sku: string
      readonly quantity: number
      readonly remark: string
    }
  | { readonly accepted: false; readonly column: Column; readonly kind: string }

const PLACES = [
  ['浙江省 杭州市 西湖区', '文三路'],
  ['广东省 深圳市 南山区', '科技园路'],
  ['四川省 成都市 武侯区', '人民南路'],
  ['北京市 北京市 朝阳区', '建国路']
] as const

const FORMULAS = ['=1+1', '@SUM(A1:A9)', '+cmd|"/c calc"!A1', '-2+3', '=HYPERLINK("http://x","点")']
const CONTROLS = ['\u0000', '\u0007', '\u001b[31m', '\u0001\u0002', '\u007f', '\u200b', '\u202e']
/** GBK bytes that are not UTF-8: decoded as UTF-8 they can only give U+FFFD. */
const GBK_WORDS = ['王芳', '龙井茶', '保温杯', '陈晓', '手机壳'].filter((w) =>
  iconv.decode(iconv.encode(w, 'gbk'), 'utf8').includes('\ufffd')
)

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** One generated row: its cells (a GBK cell as raw bytes) and what the importer must make of it. */
function generateRow(
  i: number,
  random: Random,
  huge: { long: number; million: number }
): { cells: (string | Buffer)[]; expected: Expected } {
  const [region, street] = random.pick(PLACES)
  const detail = `${street} ${String((i % 900) + 1)}号`
  const base = {
    name: `买家${String(i % 997)}`,
    phone: `13${String(800_000_000 + ((i * 7919) % 199_999_999)).padStart(9, '0')}`,
    detail,
    title: `商品 ${String(i % 50)} 保温杯`,
    sku: `SKU-${String(i % 50)}`,
    quantity: (i % 4) + 1,
    remark: i % 10 === 0 ? '加急' : ''
  }
  const cells: (string | Buffer)[] = [
    `FZ${String(1_000_000 + i)}`,
    base.name,
    base.phone,
    `${region} ${detail}`,
    base.title,
    base.sku,
    String(base.quantity),
    base.remark
  ]
  const r = random.next()
  const reject = (column: Column, kind: string, value: string | Buffer) => {
    cells[HEADER.indexOf(column)] = value
    return { cells, expected: { accepted: false as const, column, kind } }
  }
  if (r < 0.6) {
    return { cells, expected: { accepted: true, ...base } }
  }
  if (r < 0.7) {
    // Formulas are text to an importer: kept as written (exports escape them, invariant 7).
    const field = random.pick(['name', 'title', 'remark', 'detail'] as const)
    // A dash after the district is a separator the address reader drops (西湖区-文三路).
    const formula = random.pick(
      field === 'detail' ? FORMULAS.filter((f) => !f.startsWith('-')) : FORMULAS
    )
    const value = { ...base, [field]: formula }
    cells[1] = value.name
    cells[3] = `${region} ${value.detail}`
    cells[4] = value.title
    cells[7] = value.remark
    return { cells, expected: { accepted: true, ...value } }
  }
  if (r < 0.76) {
    // Control and invisible characters inside a cell: kept as written.
    const control = random.pick(CONTROLS)
    const field = random.pick(['name', 'title', 'remark'] as const)
    const value = { ...base, [field]: `甲${control}乙` }
    cells[1] = value.name
    cells[4] = value.title
    cells[7] = value.remark
    return { cells, expected: { accepted: true, ...value } }
  }
  if (r < 0.82) {
    // Bytes of a GBK sheet pasted into this UTF-8 file.
    const column = random.pick(['收货人', '商品名称', '备注'] as const)
    return reject(column, 'gbk', iconv.encode(random.pick(GBK_WORDS), 'gbk'))
  }
  if (r < 0.86 && huge.long > 0) {
    // Over Excel's 32 767-character cell limit; a few of them a million characters long.
    huge.long--
    const size = huge.million > 0 && random.chance(0.05) ? 1_000_000 : 32_768 + random.int(8_000)
    if (size === 1_000_000) {
      huge.million--
    }
    return reject(random.pick(['商品名称', '备注', '收货人'] as const), 'huge', '长'.repeat(size))
  }
  if (r < 0.91) {
    return reject(
      '数量',
      'number',
      random.pick(['NaN', '-1', '1e999', '0', '2.5', '三', 'Infinity'])
    )
  }
  if (r < 0.95) {
    return reject('手机', 'phone', random.pick(['138****5678', '', '=13812345678', '1']))
  }
  return reject(
    '收货地址',
    'address',
    random.pick(['亚特兰蒂斯 海底 1号', '', '火星省 红色市 1号'])
  )
}

let dir: ReturnType<typeof tempDir>
beforeAll(() => {
  dir = tempDir('wbs-import-fuzz-')
})
afterAll(() => {
  dir.remove()
})

test('100 000 hostile rows: each spoiled row rejected on its row and column, every other one intact', async () => {
  expect(GBK_WORDS.length).toBeGreaterThan(2)
  const random = seededRandom(SEED)
  const started = performance.now()
  const expected: Expected[] = []
  // Text rows are joined as strings; only a row with GBK bytes is built as bytes.
  const chunks: Buffer[] = []
  let text = `${HEADER.join(',')}\r\n`
  /** Long cells cost memory: 60 of them, 3 of a million characters. */
  const huge = { long: 60, million: 3 }
  for (let i = 0; i < ROWS; i++) {
    const row = generateRow(i, random, huge)
    expected.push(row.expected)
    if (row.cells.every((c) => typeof c === 'string')) {
      text += `${row.cells.map((c) => csvField(c)).join(',')}\r\n`
      continue
    }
    chunks.push(Buffer.from(text, 'utf8'))
    text = '\r\n'
    row.cells.forEach((c, k) => {
      const bytes = typeof c === 'string' ? Buffer.from(csvField(c), 'utf8') : c
      chunks.push(k === 0 ? bytes : Buffer.concat([Buffer.from(','), bytes]))
    })
  }
  chunks.push(Buffer.from(text, 'utf8'))
  const file = dir.path('hostile.csv')
  writeFileSync(file, Buffer.concat(chunks))
  const generatedMs = performance.now() - started

  const ctx = importContext(dir.path('waybill.sqlite'))
  try {
    const plan = await previewImport(ctx, { file })
    const previewMs = performance.now() - started - generatedMs
    expect(plan.preview.orders.encoding).toBe('utf8')
    expect(plan.preview.rowsRead).toBe(ROWS)

    // Every rejection names a row and a column; data rows start on the sheet's row 2.
    const rejectedByRow = new Map<number, { column: string; code: string; reason: string }>()
    for (const r of plan.preview.rejected) {
      expect(r.row).toBeGreaterThanOrEqual(2)
      expect(r.reason.length).toBeGreaterThan(0)
      expect(r.reasonZh.length).toBeGreaterThan(0)
      rejectedByRow.set(r.row, r)
    }
    const mistakes: string[] = []
    expected.forEach((want, i) => {
      const got = rejectedByRow.get(i + 2)
      if (want.accepted && got) {
        mistakes.push(`row ${String(i + 2)} rejected (${got.column}: ${got.code} ${got.reason})`)
      } else if (!want.accepted && got?.column !== want.column) {
        mistakes.push(
          `row ${String(i + 2)} (${want.kind} in ${want.column}) ${got ? `rejected on ${got.column}: ${got.code}` : 'accepted'}`
        )
      }
    })
    expect(mistakes.slice(0, 20), `seed ${String(SEED)}: ${String(mistakes.length)} rows`).toEqual(
      []
    )
    const accepted = expected.filter((e) => e.accepted).length
    expect(plan.preview.counts.new).toBe(accepted)

    const result = commitImport(ctx, plan)
    const commitMs = performance.now() - started - generatedMs - previewMs
    expect(result.accepted).toBe(accepted)

    // The accepted orders hold exactly what was generated.
    const rows = ctx.db
      .prepare<
        [],
        {
          id: string
          name: string
          phone: string
          detail: string
          remark: string
          title: string
          sku: string
          quantity: number
        }
      >(
        `SELECT o.platform_order_id AS id, o.receiver_name AS name, o.receiver_phone AS phone,
                o.address_detail AS detail, o.remark, i.title, i.sku, i.quantity
           FROM orders o JOIN order_items i ON i.order_id = o.id`
      )
      .all()
    expect(rows).toHaveLength(accepted)
    const changed: string[] = []
    for (const row of rows) {
      const want = expected[Number(row.id.slice(2)) - 1_000_000]
      if (!want?.accepted) {
        changed.push(`${row.id} was not to be accepted`)
        continue
      }
      const fields = ['name', 'phone', 'detail', 'remark', 'title', 'sku', 'quantity'] as const
      const got = fields.map((f) => row[f])
      const values = fields.map((f) => want[f])
      if (JSON.stringify(got) !== JSON.stringify(values)) {
        changed.push(`${row.id}: ${JSON.stringify(got)} ≠ ${JSON.stringify(values)}`)
      }
    }
    expect(changed.slice(0, 10), `seed ${String(SEED)}: ${String(changed.length)} orders`).toEqual(
      []
    )
    process.stdout.write(
      `import fuzz: seed ${String(SEED)}, ${String(ROWS)} rows, ${String(accepted)} accepted, ${String(rejectedByRow.size)} rejected; ms generate ${generatedMs.toFixed(0)} preview ${previewMs.toFixed(0)} commit ${commitMs.toFixed(0)}\n`
    )
  } finally {
    ctx.db.close()
  }
}, 240_000)

test('cut files: a truncated xlsx zip and a truncated csv are answered as data, never a crash', async () => {
  const tc = openTestCore({ host: 'browser' })
  try {
    const random = seededRandom(SEED + 7)
    const rows: string[][] = []
    for (let i = 0; i < 400; i++) {
      const row = generateRow(i, random, { long: 0, million: 0 })
      rows.push(row.cells.map((c) => (typeof c === 'string' ? c : '王芳')))
    }
    const xlsx = dir.path('whole.xlsx')
    await writeXlsx(xlsx, [[...HEADER], ...rows])
    const csvText = [HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')
    const files: { name: string; bytes: Buffer }[] = []
    const zip = readFileSync(xlsx)
    for (const at of [0.02, 0.3, 0.5, 0.9, 0.999]) {
      files.push({
        name: `cut-${String(at)}.xlsx`,
        bytes: zip.subarray(0, Math.floor(zip.length * at))
      })
    }
    files.push({ name: 'cut-end.xlsx', bytes: zip.subarray(0, zip.length - 5) })
    const csv = Buffer.from(csvText, 'utf8')
    for (const at of [0.01, 0.5, 0.97]) {
      files.push({
        name: `cut-${String(at)}.csv`,
        bytes: csv.subarray(0, Math.floor(csv.length * at))
      })
    }
    // Cut inside a quoted cell that is never closed, and inside a multi-byte character.
    const open = Buffer.from(`${csvText}\r\nFZ9,"甲乙,13812345678`, 'utf8')
    files.push({ name: 'cut-quote.csv', bytes: open })
    files.push({ name: 'cut-char.csv', bytes: open.subarray(0, open.length - 13) })
    files.push({ name: 'empty.csv', bytes: Buffer.alloc(0) })

    for (const { name, bytes } of files) {
      const stored = await tc.core.ctx.files.put(name, [bytes])
      const result = await tc.core.dispatch('import.preview', { fileId: stored.fileId })
      if (result.ok) {
        const value = result.value as { rejected: { row: number; column: string }[] }
        for (const r of value.rejected) {
          expect(r.row, name).toBeGreaterThanOrEqual(1)
        }
      } else {
        expect(result.error.code, `${name}: ${result.error.message}`).not.toBe('INTERNAL')
        expect(result.error.message.length, name).toBeGreaterThan(0)
      }
    }
    expect(tc.core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM orders').get()?.n).toBe(
      0
    )
    expect((await tc.core.dispatch('app.info', {})).ok).toBe(true)
  } finally {
    tc.dispose()
  }
}, 120_000)
