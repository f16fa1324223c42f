import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import { DATABASE_FILE } from '../../../src/main/core/app'
import { openDatabase } from '../../../src/main/core/db/connection'
import { maskName, maskPhone } from '../../../src/shared/phone'
import { RULES } from '../../../src/shared/rules'
import { callOk, makeTempDir, openTestCore, validOrderInput } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders, seedPool } from '../../support/manual-print-fixtures'
import { allocateChunk } from '../../../src/main/core/manual-print/batch'

type Run = { code: number; out: string; err: string }

let temp: ReturnType<typeof makeTempDir>

beforeEach(() => {
  temp = makeTempDir('wb-printed-cli-')
})
afterEach(() => {
  temp.remove()
})

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', join(temp.dir, 'data'), ...argv], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {}
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** Three orders printed to the preview printer through the CLI; returns their platform ids. */
async function printThree(): Promise<string[]> {
  const ids: string[] = []
  for (const [i, name] of ['张三', '欧阳娜娜', '李四'].entries()) {
    const file = join(temp.dir, `order-${String(i)}.json`)
    writeFileSync(
      file,
      JSON.stringify(
        validOrderInput({
          receiver: { ...validOrderInput().receiver, name, phone: `1381234123${String(i)}` }
        })
      )
    )
    const added = await run('--json', 'orders', 'add', '--file', file)
    expect(added.code).toBe(0)
    ids.push((JSON.parse(added.out) as { platformOrderId: string }).platformOrderId)
  }
  expect(
    (await run('pool', 'add', '--carrier', 'ZTO', '--start', '73610000000001', '--count', '5')).code
  ).toBe(0)
  const printed = await run(
    '--json',
    'print',
    '--orders',
    ids.join(','),
    '--carrier',
    'ZTO',
    '--printer',
    '预览打印机'
  )
  expect(printed.err).toBe('')
  expect(printed.code).toBe(0)
  return ids
}

type ListRow = { platformOrderId: string; receiverName: string; receiverPhone: string }

describe('printed list --json masks the receiver unless --full (invariant 9)', () => {
  test('masked by default, full only when asked', async () => {
    const ids = await printThree()
    const masked = JSON.parse((await run('--json', 'printed', 'list')).out) as { rows: ListRow[] }
    const full = JSON.parse((await run('--json', 'printed', 'list', '--full')).out) as {
      rows: ListRow[]
    }
    expect(masked.rows).toHaveLength(3)
    const byId = new Map(full.rows.map((r) => [r.platformOrderId, r]))
    expect(new Set(byId.keys())).toEqual(new Set(ids))
    for (const row of masked.rows) {
      const whole = byId.get(row.platformOrderId)
      expect(whole?.receiverPhone).toMatch(/^1381234123\d$/)
      expect(row.receiverName).toBe(maskName(whole?.receiverName ?? ''))
      expect(row.receiverPhone).toBe(maskPhone(whole?.receiverPhone ?? ''))
      expect(row.receiverName).not.toBe(whole?.receiverName)
      expect(JSON.stringify(masked)).not.toContain(whole?.receiverPhone)
    }
    // The text form says the same.
    const text = (await run('printed', 'list')).out
    expect(text).toContain('138****1230')
    expect(text).not.toContain('13812341230')
  })

  test('printed export --preset picking-list writes an A4 拣货单 PDF; a bad preset is refused', async () => {
    await printThree()
    const out = join(temp.dir, 'pick.pdf')
    const r = await run('--json', 'printed', 'export', '--out', out, '--preset', 'picking-list')
    expect(r.err).toBe('')
    expect(JSON.parse(r.out)).toMatchObject({ kind: 'picking', rows: 1, pages: 1 })
    const pdf = await PDFDocument.load(readFileSync(out))
    expect(pdf.getTitle()).toBe('拣货单')
    expect(pdf.getPageCount()).toBe(1)
    const sheet = await run('--json', 'printed', 'export', '--out', join(temp.dir, 's.pdf'))
    expect(JSON.parse(sheet.out)).toMatchObject({ kind: 'packing', rows: 3 })
    const bad = await run(
      'printed',
      'export',
      '--out',
      join(temp.dir, 'x.xlsx'),
      '--preset',
      'picking-list'
    )
    expect(bad.code).not.toBe(0)
    expect(bad.err).toContain('.pdf')
  })

  test('ship refuses an order refunded after printing, names the rule, ships the others', async () => {
    const ids = await printThree()
    const db = openDatabase(join(temp.dir, 'data', DATABASE_FILE))
    db.prepare(`UPDATE orders SET refund_state = 'requested' WHERE platform_order_id = ?`).run(
      ids[1] ?? ''
    )
    db.close()
    const r = await run('--json', 'ship', '--orders', ids.join(','))
    expect(r.code).not.toBe(0)
    expect(r.err).toContain(RULES.AFTERSALES_WHOLE_ORDER)
    const { outcomes } = JSON.parse(r.out) as { outcomes: { result: string }[] }
    expect(outcomes.map((o) => o.result)).toEqual(['shipped', 'refund', 'shipped'])
  })
})

describe('printed.list handler', () => {
  test('sends masked receivers unless the input asks for full values', async () => {
    const tc = openTestCore()
    try {
      const ctx = tc.core.ctx
      const ids = seedOrders(ctx.db, 2, 'ML')
      seedPool(ctx, 2)
      const allocated = allocateChunk(ctx, ids, 'ZTO', '76x130')
      if (!allocated.ok) {
        throw new Error(allocated.error.message)
      }
      markPrintedViaRecords(ctx.db, allocated.value)
      const masked = await callOk(tc.core, 'printed.list', { filter: {} })
      const full = await callOk(tc.core, 'printed.list', { filter: {}, full: true })
      expect(full.rows.map((r) => [r.receiverName, r.receiverPhone])).toEqual([
        ['李四', '13900001111'],
        ['李四', '13900001111']
      ])
      expect(masked.rows.map((r) => [r.receiverName, r.receiverPhone])).toEqual([
        [maskName('李四'), maskPhone('13900001111')],
        [maskName('李四'), maskPhone('13900001111')]
      ])
      // Search still matches the full values in the database.
      const found = await callOk(tc.core, 'printed.list', { filter: { query: '13900001111' } })
      expect(found.total).toBe(2)
    } finally {
      tc.dispose()
    }
  })
})
