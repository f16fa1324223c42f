import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import { OrderListPage } from '../../../src/shared/schemas/order'
import { makeTempDir } from '../../support/core-fixtures'
import { writeXlsx } from '../../support/import-fixtures'

type Run = { code: number; out: string[]; errLines: string[] }

async function run(argv: readonly string[]): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {}
  })
  const errLines = err
    .join('\n')
    .split('\n')
    .filter((line) => line.trim() !== '')
  return { code, out, errLines }
}

let temp: ReturnType<typeof makeTempDir>
let dataDir: string

beforeEach(() => {
  temp = makeTempDir('wb-cli-import-')
  dataDir = join(temp.dir, 'data')
})
afterEach(() => {
  temp.remove()
})

const HEADER = ['订单号', '收货人', '手机', '收货地址', '商品名称', 'SKU', '数量']
const ADDRESS = '浙江省 杭州市 西湖区 文三路 100号'

/** Two good orders (one over two rows) and one with a bad phone on row 5. */
async function sheet(name: string, quantity = 1): Promise<string> {
  const file = join(temp.dir, name)
  await writeXlsx(file, [
    HEADER,
    ['C001', '张三', '13812345678', ADDRESS, '保温杯', 'CUP', quantity],
    ['C001', '张三', '13812345678', ADDRESS, '杯盖', 'LID', 1],
    ['C002', '李四', '13912345678', ADDRESS, '茶叶', 'TEA', 1],
    ['C003', '王五', '12345', ADDRESS, '咖啡', 'COF', 1]
  ])
  return file
}

/** The one JSON line of a successful `--json` run. */
function jsonOf(r: Run): unknown {
  expect(r.errLines).toEqual([])
  expect(r.code).toBe(0)
  expect(r.out).toHaveLength(1)
  return JSON.parse(r.out[0] ?? '')
}

async function orderTotal(): Promise<number> {
  const r = await run(['orders', 'list', '--data-dir', dataDir, '--json'])
  return OrderListPage.parse(jsonOf(r)).total
}

describe('orders import FILE --json', () => {
  test('prints exactly { accepted, updated, rejected: [{ row, column, reason }] } and exits 0 with rejected rows', async () => {
    const file = await sheet('orders.xlsx')
    const result = jsonOf(await run(['orders', 'import', file, '--json', '--data-dir', dataDir]))
    expect(Object.keys(result as object).sort()).toEqual(['accepted', 'rejected', 'updated'])
    const { accepted, updated, rejected } = result as {
      accepted: unknown
      updated: unknown
      rejected: unknown[]
    }
    // Orders, not rows: C001 spans two rows and counts once.
    expect(accepted).toBe(2)
    expect(updated).toBe(0)
    expect(rejected).toHaveLength(1)
    expect(Object.keys(rejected[0] as object)).toEqual(['row', 'column', 'reason'])
    expect(rejected[0]).toEqual({
      row: 5,
      column: '手机',
      reason: expect.stringMatching(/^手机 /) as string
    })
    expect(await orderTotal()).toBe(2)
  })

  test('--dry-run counts and writes nothing; --on-duplicate update counts updated orders', async () => {
    const file = await sheet('orders.xlsx')
    const dry = jsonOf(
      await run(['orders', 'import', file, '--dry-run', '--json', '--data-dir', dataDir])
    )
    expect(dry).toMatchObject({ accepted: 2, updated: 0 })
    expect(await orderTotal()).toBe(0)

    jsonOf(await run(['orders', 'import', file, '--json', '--data-dir', dataDir]))
    const changed = await sheet('changed.xlsx', 5)
    const skipped = jsonOf(
      await run(['orders', 'import', changed, '--json', '--data-dir', dataDir])
    )
    expect(skipped).toMatchObject({ accepted: 0, updated: 0 })
    const updated = jsonOf(
      await run([
        'orders',
        'import',
        changed,
        '--on-duplicate',
        'update',
        '--json',
        '--data-dir',
        dataDir
      ])
    )
    expect(updated).toMatchObject({ accepted: 0, updated: 1 })
    expect(await orderTotal()).toBe(2)
  })

  test.each([
    ['empty.csv', '', /empty/],
    ['garbage.xlsx', Buffer.from([0, 1, 2, 3, 0, 255, 7, 8, 0, 0, 9, 1]), /not a spreadsheet/],
    ['wrong.csv', '日期,金额\r\n2026-11-20,100\r\n', /No header row found/]
  ])('an unreadable file (%s) exits non-zero with one line', async (name, bytes, text) => {
    const file = join(temp.dir, name)
    writeFileSync(file, bytes)
    const r = await run(['orders', 'import', file, '--json', '--data-dir', dataDir])
    expect(r.code).not.toBe(0)
    expect(r.out).toEqual([])
    expect(r.errLines).toHaveLength(1)
    expect(r.errLines[0]).toMatch(text)
  })

  test('through the launcher: exit status 0 with JSON on stdout, non-zero with one stderr line', async () => {
    const root = join(__dirname, '..', '..', '..')
    const node = join(root, 'node_modules', '.bin', 'node')
    const launch = (args: readonly string[]) =>
      // The launcher's `--import tsx` resolves from the working folder: run it from the project.
      spawnSync(node, [join(root, 'bin', 'waybill-station.mjs'), ...args], {
        cwd: root,
        encoding: 'utf8',
        timeout: 120_000
      })
    const file = await sheet('orders.xlsx')
    const good = launch(['orders', 'import', file, '--json', '--data-dir', dataDir])
    expect(good.stderr).toBe('')
    expect(good.status).toBe(0)
    expect(JSON.parse(good.stdout)).toMatchObject({ accepted: 2, updated: 0 })

    const missing = launch([
      'orders',
      'import',
      join(temp.dir, 'nope.xlsx'),
      '--json',
      '--data-dir',
      dataDir
    ])
    expect(missing.status).not.toBe(0)
    expect(missing.stdout).toBe('')
    expect(missing.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/does not exist or is not readable/) as string
    ])
  }, 300_000)
})
