/**
 * 测试打印 is not an order (issue 10 item 8): over real TCP to the virtual printer, with a real
 * SQLite file, a test print leaves 订单, 已打印 and every pool exactly as they were.
 */
import { afterEach, beforeEach, expect, test } from 'vitest'
import type { Core } from '../../../src/main/core/app'
import { openCore } from '../../../src/main/core/app'
import { callOk, countRowsOf, makeTempDir } from '../../support/core-fixtures'
import { readWithZxing } from '../../support/printing-barcode-reader'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

let temp: ReturnType<typeof makeTempDir>
let core: Core
let vp: VirtualPrinter

beforeEach(async () => {
  temp = makeTempDir('wb-test-print-')
  vp = await startVirtualPrinter({ language: 'tspl' })
  core = openCore({
    dataDir: temp.dir,
    host: { host: 'browser', version: '0.0.0-test' },
    actor: 'tester',
    station: 'bench-1'
  })
})
afterEach(async () => {
  core.close()
  await vp.close()
  temp.remove()
})

async function snapshot(): Promise<unknown> {
  const orders = await callOk(core, 'orders.list', {})
  const printed = await callOk(core, 'printed.list', { filter: { query: '' } })
  const pools = await callOk(core, 'pools.list', {})
  return {
    orders: orders.total,
    orderIds: orders.rows.map((row) => row.id),
    printed: printed.total,
    pools: pools.pools.map((p) => [p.id, p.available, p.allocated, p.voided]),
    rows: ['orders', 'packages', 'print_records', 'waybill_numbers'].map((table) =>
      countRowsOf(core.db, table)
    )
  }
}

test('a test print writes no order, package, print record or pool allocation', async () => {
  await callOk(core, 'pools.addRange', { carrier: 'ZTO', start: '73100000000001', count: 5 })
  const printer = await callOk(core, 'printers.add', {
    name: '虚拟打印机',
    uri: vp.uri,
    language: 'tspl',
    dpi: 203,
    labelSize: '76x130'
  })
  const before = await snapshot()

  const first = await callOk(core, 'printers.test', { id: printer.id })
  const second = await callOk(core, 'printers.test', { id: printer.id })
  expect([first.outcome, second.outcome]).toEqual(['printed', 'printed'])
  expect(first.trackingNumber).toBe('TEST-000000')

  expect(await snapshot()).toEqual(before)
  // The label did come out, and its barcode is the sample number, not a pool's.
  await vp.waitForPrinted(2)
  for (const label of vp.printed) {
    const symbols = await readWithZxing(label.bitmap)
    expect(symbols.filter((s) => s.format === 'Code128').map((s) => s.text)).toEqual([
      'TEST-000000'
    ])
  }
})
