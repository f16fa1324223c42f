import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openCore } from '../../src/main/core/app'
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer'
import { startWebHost, type WebHost } from '../support/web-host'

/**
 * Issue 10 item 5, "a batch view survives leaving the page": a batch runs on a slow printer, the
 * packer goes to 订单 and back to 打单, and finds the same batch (its progress, its rows, its
 * pause/resume) instead of step 1; it finishes there and shows its summary.
 */

let host: WebHost
let printer: VirtualPrinter

const ORDERS = Array.from({ length: 8 }, (_, i) => `KS77000${String(i + 1).padStart(2, '0')}`)

/** Orders, a ZTO range and the printer go in through the contract; the rest is done as a packer. */
async function seed(dataDir: string): Promise<void> {
  const core = openCore({ dataDir, host: { host: 'cli', version: '0.0.0-e2e' } })
  try {
    const call = async (method: string, payload: unknown): Promise<unknown> => {
      const result = await core.dispatch(method, payload)
      if (!result.ok) {
        throw new Error(`${method}: ${result.error.message}`)
      }
      return result.value
    }
    for (const id of ORDERS) {
      await call('orders.add', {
        platformOrderId: id,
        receiver: {
          name: '陈晓',
          phone: '13812345678',
          province: '浙江省',
          city: '杭州市',
          district: '西湖区',
          detail: '文三路 100 号'
        },
        items: [{ sku: 'CUP-350', title: '保温杯 350ml', quantity: 1, unitWeightG: 300 }]
      })
    }
    await call('pools.addRange', { carrier: 'ZTO', start: '736300000001', count: 20 })
    const added = (await call('printers.add', {
      name: '打包台A',
      uri: `tcp://127.0.0.1:${String(printer.port)}`,
      language: 'tspl',
      dpi: 203,
      labelSize: '76x130'
    })) as { id: number }
    await call('printers.setDefault', { id: added.id })
  } finally {
    core.close()
  }
}

test.beforeEach(async () => {
  printer = await startVirtualPrinter({ language: 'tspl' })
  // About a second a label, as a real printer feeding 76×130 labels.
  printer.pace(1200)
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-survives-'))
  await seed(dataDir)
  host = await startWebHost(dataDir)
})
test.afterEach(async () => {
  await host.stop()
  await printer.close()
})

async function choose(page: Page, combobox: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .click()
}

test('a running batch is still there after going to 订单 and back, with its controls, and finishes there', async ({
  page
}) => {
  test.setTimeout(300_000)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')
  for (const id of ORDERS) {
    await pick.getByRole('checkbox', { name: `选择订单 ${id}` }).check()
  }
  await page.getByRole('button', { name: /下一步：选择快递（8 单）/ }).click()
  await choose(page, '快递公司', /中通快递/)
  await expect(page.getByTestId('print-check')).toContainText('将打印 8 单')
  await page.getByTestId('start-print').click()
  await printer.waitForPrinted(1)
  // Paused, so the batch is surely unfinished whatever the machine's speed while we are away.
  await page
    .getByTestId('print-controls')
    .getByRole('button', { name: /暂\s*停/ })
    .click()
  await expect(page.getByTestId('print-paused')).toContainText('已暂停')

  await page.getByRole('menuitem', { name: '订单' }).click()
  await expect(page.getByTestId('order-total')).toBeVisible()
  await expect(page.getByTestId('print-page')).toHaveCount(0)
  await page.getByRole('menuitem', { name: '打单' }).click()

  // The same batch, not step 1: its progress, its eight rows with their states, its controls.
  await expect(page.getByTestId('print-progress')).toBeVisible()
  await expect(page.getByTestId('print-pick')).toHaveCount(0)
  await expect(page.getByTestId('progress-count')).toHaveText(/^\d \/ 8$/)
  await expect(page.getByTestId('print-paused')).toContainText('已暂停')
  const batch = page.getByTestId('batch-table')
  await expect(batch.locator('.ant-table-row')).toHaveCount(8)
  const printedRows = batch.locator('.ant-table-row', { hasText: '已打印' })
  await expect(printedRows.first()).toBeVisible()
  const printedSoFar = await printedRows.count()
  expect(printedSoFar).toBeLessThan(8)
  await expect(page.getByTestId('progress-count')).toHaveText(`${String(printedSoFar)} / 8`)
  // The tracking number of a printed row is shown again (from main's records, not the old view).
  await expect(printedRows.first()).toContainText(/7363000000\d\d/)

  // Its controls act on it: resume, and it prints to the end on this view.
  await page
    .getByTestId('print-controls')
    .getByRole('button', { name: /继续打印/ })
    .click()
  await expect(page.getByTestId('print-paused')).toHaveCount(0)
  await expect(page.getByTestId('print-done')).toBeVisible({ timeout: 120_000 })
  await expect(page.getByTestId('done-summary')).toContainText('成功 8 张，失败 0 张')
  await expect(batch.locator('.ant-table-row', { hasText: '已打印' })).toHaveCount(8)
  expect(printer.printed).toHaveLength(8)

  // Its summary was seen: the next visit starts a new batch at step 1.
  await page.getByRole('menuitem', { name: '订单' }).click()
  await expect(page.getByTestId('order-total')).toBeVisible()
  await page.getByRole('menuitem', { name: '打单' }).click()
  await expect(page.getByTestId('print-pick')).toBeVisible()
  await expect(page.getByTestId('print-progress')).toHaveCount(0)
})
