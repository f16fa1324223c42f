import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { extractGlobals, runCli } from '../../../src/main/cli/cli'
import { DATABASE_FILE } from '../../../src/main/core/app'
import { MIGRATIONS } from '../../../src/main/core/db/migrations'
import { OrderDetail, OrderListPage } from '../../../src/shared/schemas/order'
import { makeTempDir, validOrderInput } from '../../support/core-fixtures'

type Run = { code: number; out: string[]; err: string[]; errLines: string[] }

/** Runs the CLI in-process with captured output; env never falls back to the real environment. */
async function run(argv: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env
  })
  const errLines = err
    .join('\n')
    .split('\n')
    .filter((line) => line.trim() !== '')
  return { code, out, err, errLines }
}

let temp: ReturnType<typeof makeTempDir>
let dataDir: string
let orderFile: string

beforeEach(() => {
  temp = makeTempDir('wb-cli-')
  dataDir = join(temp.dir, 'data')
  orderFile = join(temp.dir, 'order.json')
  writeFileSync(orderFile, JSON.stringify(validOrderInput()))
})

afterEach(() => {
  temp.remove()
})

function writeJson(name: string, value: unknown): string {
  const file = join(temp.dir, name)
  writeFileSync(file, JSON.stringify(value))
  return file
}

async function listJson(argv: readonly string[], env: NodeJS.ProcessEnv = {}) {
  const r = await run(argv, env)
  expect(r.err).toEqual([])
  expect(r.code).toBe(0)
  expect(r.out).toHaveLength(1)
  return OrderListPage.parse(JSON.parse(r.out[0] ?? ''))
}

describe('orders add, then orders list', () => {
  test('adds an order from a file and lists it, with the globals after the verb', async () => {
    const added = await run(['orders', 'add', '--file', orderFile, '--data-dir', dataDir])
    expect(added).toMatchObject({ code: 0, err: [] })
    expect(added.out).toEqual([
      expect.stringMatching(/^added order M\d{8}-0001 \(id 1\)$/) as string
    ])

    const page = await listJson(['orders', 'list', '--data-dir', dataDir, '--json', '--full'])
    expect(page.total).toBe(1)
    expect(page.rows[0]).toMatchObject({ receiverName: '张三', receiverPhone: '13812341234' })
  })

  test('--json masks the buyer like the human list unless --full is given', async () => {
    await run(['orders', 'add', '--file', orderFile, '--data-dir', dataDir])
    const masked = await run(['orders', 'list', '--json', '--data-dir', dataDir])
    expect(masked.code).toBe(0)
    const text = masked.out.join('\n')
    expect(text).not.toContain('13812341234')
    expect(text).not.toContain('张三')
    const page = OrderListPage.parse(JSON.parse(text))
    expect(page.rows[0]).toMatchObject({ receiverName: '张*', receiverPhone: '138****1234' })

    const full = await listJson(['orders', 'list', '--json', '--full', '--data-dir', dataDir])
    expect(full.rows[0]).toMatchObject({ receiverName: '张三', receiverPhone: '13812341234' })
    const human = await run(['orders', 'list', '--full', '--data-dir', dataDir])
    expect(human.out.join('\n')).toContain('13812341234')
  })

  test('the globals work before the verb too, and in --flag=value form', async () => {
    const added = await run(['--json', '--data-dir', dataDir, 'orders', 'add', '--file', orderFile])
    expect(added.code).toBe(0)
    const order = OrderDetail.parse(JSON.parse(added.out[0] ?? ''))
    expect(order.items).toHaveLength(1)

    await run([`--data-dir=${dataDir}`, 'orders', 'add', '--file', orderFile])
    const before = await listJson(['--data-dir', dataDir, '--json', 'orders', 'list'])
    const mixed = await listJson([
      '--json',
      'orders',
      `--data-dir=${dataDir}`,
      'list',
      '--limit',
      '1'
    ])
    expect(before.total).toBe(2)
    expect(before.rows.map((r) => r.platformOrderId)).toEqual([
      expect.stringMatching(/-0002$/) as string,
      order.platformOrderId
    ])
    expect(mixed.rows).toHaveLength(1)
    expect(mixed.total).toBe(2)
  })

  test('the human list masks the buyer and searches with --query', async () => {
    await run(['orders', 'add', '--file', orderFile, '--data-dir', dataDir])
    const other = writeJson('other.json', {
      ...validOrderInput(),
      platformOrderId: 'KS-77',
      receiver: { ...validOrderInput().receiver, name: '欧阳娜娜', phone: '0571-88886666' }
    })
    await run(['orders', 'add', '--file', other, '--data-dir', dataDir])

    const all = await run(['orders', 'list', '--data-dir', dataDir])
    expect(all.code).toBe(0)
    const text = all.out.join('\n')
    expect(text.split('\n')[0]).toBe('2 orders')
    expect(text).toContain('138****1234')
    expect(text).toContain('张*')
    expect(text).not.toContain('13812341234')
    expect(text).not.toContain('88886666')
    expect(text).not.toContain('欧阳娜娜')

    const found = await listJson([
      'orders',
      'list',
      '--query',
      '欧阳',
      '--json',
      '--data-dir',
      dataDir
    ])
    expect(found.rows.map((r) => r.platformOrderId)).toEqual(['KS-77'])
  })
})

describe('db info', () => {
  test('--json reports the data folder, schema version and row counts', async () => {
    await run(['orders', 'add', '--file', orderFile, '--data-dir', dataDir])
    const r = await run(['db', 'info', '--json', '--data-dir', dataDir])
    expect(r.code).toBe(0)
    const info = JSON.parse(r.out[0] ?? '') as {
      dataDir: string
      schemaVersion: number
      rows: Record<string, number>
    }
    expect(info.dataDir).toBe(dataDir)
    expect(info.schemaVersion).toBe(MIGRATIONS.at(-1)?.version)
    expect(info.rows).toMatchObject({
      shops: 1,
      orders: 1,
      order_items: 1,
      packages: 0,
      audit_events: 1
    })
  })

  test('the human form names the schema version', async () => {
    const r = await run(['db', 'info', '--data-dir', dataDir])
    expect(r.code).toBe(0)
    expect(r.out.join('\n')).toContain(`schema version: ${String(MIGRATIONS.at(-1)?.version)}\n`)
    expect(r.out.join('\n')).toMatch(/^orders: 0$/m)
  })
})

describe('WAYBILL_DATA_DIR', () => {
  test('is used from io.env when no --data-dir is given', async () => {
    const env = { WAYBILL_DATA_DIR: dataDir }
    expect((await run(['orders', 'add', '--file', orderFile], env)).code).toBe(0)
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true)
    expect((await listJson(['orders', 'list', '--json', '--data-dir', dataDir])).total).toBe(1)
  })

  test('--data-dir wins over WAYBILL_DATA_DIR', async () => {
    const elsewhere = join(temp.dir, 'elsewhere')
    await run(['orders', 'add', '--file', orderFile, '--data-dir', dataDir], {
      WAYBILL_DATA_DIR: elsewhere
    })
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true)
    expect(existsSync(elsewhere)).toBe(false)
  })
})

describe('bad input: non-zero exit and exactly one line on err naming the problem', () => {
  async function expectOneLine(argv: readonly string[], pattern: RegExp): Promise<Run> {
    const r = await run(argv)
    expect(r.code, r.err.join('\n')).not.toBe(0)
    expect(r.errLines, r.err.join('\n')).toHaveLength(1)
    expect(r.errLines[0]).toMatch(pattern)
    return r
  }

  test('a missing order file', async () => {
    const missing = join(temp.dir, 'nope.json')
    await expectOneLine(
      ['orders', 'add', '--file', missing, '--data-dir', dataDir],
      /cannot read .*nope\.json/
    )
  })

  test('an order file that is not JSON', async () => {
    const file = join(temp.dir, 'broken.json')
    writeFileSync(file, '{"receiver": ')
    await expectOneLine(
      ['orders', 'add', '--file', file, '--data-dir', dataDir],
      /broken\.json is not valid JSON/
    )
  })

  test('an invalid order names the field, and writes nothing', async () => {
    const file = writeJson('bad.json', {
      ...validOrderInput(),
      receiver: { ...validOrderInput().receiver, phone: '12345' }
    })
    const r = await expectOneLine(
      ['orders', 'add', '--file', file, '--data-dir', dataDir],
      /receiver\.phone/
    )
    expect(r.code).toBe(1)
    expect(r.out).toEqual([])
    const info = await run(['db', 'info', '--json', '--data-dir', dataDir])
    expect(JSON.parse(info.out[0] ?? '')).toMatchObject({ rows: { orders: 0, audit_events: 0 } })
  })

  test('a duplicate order id', async () => {
    const file = writeJson('dup.json', { ...validOrderInput(), platformOrderId: 'KS-1' })
    expect((await run(['orders', 'add', '--file', file, '--data-dir', dataDir])).code).toBe(0)
    await expectOneLine(
      ['orders', 'add', '--file', file, '--data-dir', dataDir],
      /KS-1 already exists/
    )
  })

  test('--file without its value', async () => {
    await expectOneLine(['orders', 'add', '--data-dir', dataDir, '--file'], /--file/)
  })

  test('orders add without --file', async () => {
    await expectOneLine(['orders', 'add', '--data-dir', dataDir], /--file/)
  })

  test('an unknown verb', async () => {
    await expectOneLine(['frobnicate', '--data-dir', dataDir], /unknown command 'frobnicate'/)
  })

  test('an unknown sub-verb', async () => {
    await expectOneLine(['orders', 'explode', '--data-dir', dataDir], /unknown command 'explode'/)
  })

  test('an unknown option', async () => {
    await expectOneLine(
      ['orders', 'list', '--colour', '--data-dir', dataDir],
      /unknown option '--colour'/
    )
  })

  test.each(['abc', '0', '501', '2.5', '-3', ''])('--limit %j', async (limit) => {
    const r = await expectOneLine(
      ['orders', 'list', '--limit', limit, '--data-dir', dataDir],
      /--limit must be a whole number from 1 to 500/
    )
    expect(r.code).toBe(1)
  })

  test('--data-dir without a folder', async () => {
    await expectOneLine(['orders', 'list', '--data-dir'], /--data-dir needs a folder/)
    await expectOneLine(['--data-dir', '--json', 'orders', 'list'], /--data-dir needs a folder/)
  })

  test('a data folder holding a database from a newer app', async () => {
    expect((await run(['db', 'info', '--data-dir', dataDir])).code).toBe(0)
    const Database = (await import('better-sqlite3')).default
    const raw = new Database(join(dataDir, DATABASE_FILE))
    raw.pragma('user_version = 990')
    raw.close()
    await expectOneLine(['db', 'info', '--data-dir', dataDir], /newer than this app/)
  })
})

describe('help', () => {
  test('no arguments prints the help and exits 2', async () => {
    const r = await run([])
    expect(r.code).toBe(2)
    expect(r.out.join('\n')).toContain('orders')
  })

  test('--help exits 0', async () => {
    const r = await run(['--help'])
    expect(r.code).toBe(0)
    expect(r.out.join('\n')).toContain('--data-dir')
  })
})

describe('extractGlobals', () => {
  test('takes --data-dir and --json out wherever they stand', () => {
    expect(
      extractGlobals(['orders', '--json', 'list', '--data-dir', '/d', '--limit', '5'])
    ).toEqual({
      dataDir: '/d',
      json: true,
      rest: ['orders', 'list', '--limit', '5']
    })
    expect(extractGlobals(['--data-dir=/x', 'db', 'info'])).toEqual({
      dataDir: '/x',
      json: false,
      rest: ['db', 'info']
    })
  })
})
