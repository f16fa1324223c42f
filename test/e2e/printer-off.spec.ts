import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import jsQR from 'jsqr'
import { openCore } from '../../src/main/core/app'
import { toRgba } from '../../src/main/core/printing/bitmap'
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer'
import { startWebHost, type WebHost } from '../support/web-host'

/**
 * Issue 10 item 5: a printer switched off mid-batch. No screen says printed for a label that did
 * not print; the printer's queue (the header indicator and Settings → 打印机) says why in words;
 * move-to-another-printer prints the waiting labels with the same tracking numbers (read back
 * from the second virtual printer's labels), and cancel voids them with their numbers kept.
 */

let host: WebHost
let printerA: VirtualPrinter
let printerB: VirtualPrinter
/** Screenshots the issue asks for; looked at by hand. */
const SHOTS = process.env.H8_SHOTS ?? '.test-results/printer-off'

const ORDERS = ['KS9900001', 'KS9900002', 'KS9900003', 'KS9900004']

/**
 * Orders, a ZTO range and the two printers (A the default) go in through the contract before
 * the host starts (import, pools and the printer form have their own UI tests); everything
 * checked here is done as a packer does it.
 */
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
    await call('pools.addRange', { carrier: 'ZTO', start: '736200000001', count: 20 })
    for (const [name, port] of [
      ['打包台A', printerA.port],
      ['打包台B', printerB.port]
    ] as const) {
      const added = (await call('printers.add', {
        name,
        uri: `tcp://127.0.0.1:${String(port)}`,
        language: 'tspl',
        dpi: 203,
        labelSize: '76x130'
      })) as { id: number }
      if (name === '打包台A') {
        await call('printers.setDefault', { id: added.id })
      }
    }
  } finally {
    core.close()
  }
}

test.beforeEach(async () => {
  printerA = await startVirtualPrinter({ language: 'tspl' })
  printerB = await startVirtualPrinter({ language: 'tspl' })
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-off-'))
  await seed(dataDir)
  host = await startWebHost(dataDir)
})
test.afterEach(async () => {
  await host.stop()
  await printerA.close()
  await printerB.close()
})

async function choose(page: Page, combobox: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .click()
}

const qr = (label: VirtualPrinter['printed'][number]): string =>
  jsQR(toRgba(label.bitmap), label.bitmap.width, label.bitmap.height, {
    inversionAttempts: 'dontInvert'
  })?.data ?? ''

test('a printer switched off mid-batch: nothing says printed that did not print; the queue says why; move and cancel', async ({
  page
}) => {
  // Two printers and two batches' worth of steps on a shared 2-core machine.
  test.setTimeout(480_000)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  // A batch of three to A; A's power goes right after the first label came out.
  printerA.switchOffAfter(1)
  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')
  for (const id of ['KS9900001', 'KS9900002', 'KS9900003']) {
    await pick.getByRole('checkbox', { name: `选择订单 ${id}` }).check()
  }
  await page.getByRole('button', { name: /下一步：选择快递（3 单）/ }).click()
  await choose(page, '快递公司', /中通快递/)
  await expect(page.getByTestId('print-check')).toContainText('将打印 3 单')
  await page.getByTestId('start-print').click()
  await printerA.waitForPrinted(1)

  // The app cannot know label 1 came out (the printer died before answering): it asks.
  const batch = page.getByTestId('batch-table')
  await expect(page.getByTestId('print-unconfirmed')).toBeVisible()
  await expect(batch.locator('.ant-table-row', { hasText: '已打印' })).toHaveCount(0)
  await page.getByRole('button', { name: '已出纸，继续' }).click()

  // Printing goes on into a dead printer: refused, said in words, and only label 1 is printed.
  await expect(page.getByTestId('print-paused')).toContainText('连接被拒绝')
  await expect(batch.locator('.ant-table-row', { hasText: '已打印' })).toHaveCount(1)
  // The first in print order (the on-screen order) is the one that came out.
  await expect(batch.locator('.ant-table-row').first()).toContainText('已打印')
  await expect(page.getByTestId('progress-count')).toHaveText('1 / 3')

  // The indicator in the header, on every page: A, two waiting, refused.
  const badgeA = page.getByTestId('queue-badge').filter({ hasText: '打包台A' })
  await expect(badgeA).toContainText('2 张等待')
  await expect(badgeA).toContainText('连接被拒绝')
  await expect(page.getByTestId('queue-indicator')).toHaveAttribute('data-state', 'stopped')
  await page.getByTestId('queue-indicator').click()
  const drawer = page.getByTestId('queue-drawer-body')
  const drawerA = drawer.locator('[data-testid="printer-queue"][data-printer-name="打包台A"]')
  await expect(drawerA.getByTestId('queue-reason')).toContainText('连接被拒绝')
  const waiting = drawerA.locator('tr[data-tracking]')
  await expect(waiting).toHaveCount(2)
  const printedId =
    (await batch.locator('.ant-table-row').first().getAttribute('data-order-id')) ?? ''
  await expect(waiting.filter({ hasText: printedId })).toHaveCount(0)
  await expect(drawerA.getByTestId('queue-label-state').first()).toContainText('等待打印')
  const numbers = [
    (await waiting.nth(0).getAttribute('data-tracking')) ?? '',
    (await waiting.nth(1).getAttribute('data-tracking')) ?? ''
  ]
  expect(numbers[0]).toMatch(/^7362000000\d\d$/)
  // Retry: still refused (the printer is still off), still two waiting.
  await drawerA.getByRole('button', { name: /重\s*试/ }).click()
  await expect(page.getByText('已重试 打包台A')).toBeVisible()
  await expect(drawerA.getByTestId('queue-reason')).toContainText('连接被拒绝')
  await expect(waiting).toHaveCount(2)
  await page.screenshot({ path: join(SHOTS, 'h8-queue-zh-CN.png') })
  await page.keyboard.press('Escape')

  // Leave the page: Settings → 打印机 shows A's queue and its live state, not a test print's.
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByRole('tab', { name: '打印机' }).click()
  const rowA = page.locator('tr[data-printer-name="打包台A"]')
  await expect(rowA.getByTestId('printer-status')).toContainText('连接被拒绝')
  const settingsA = page
    .getByTestId('printers-tab-queues')
    .locator('[data-testid="printer-queue"][data-printer-name="打包台A"]')
  await expect(settingsA.getByTestId('queue-reason')).toContainText('连接被拒绝')
  await expect(settingsA.locator('tr[data-tracking]')).toHaveCount(2)
  await page.screenshot({ path: join(SHOTS, 'h8-settings-printers-zh-CN.png') })

  // Deleting A says what waits, in words, and points at the queue.
  await rowA.getByRole('button', { name: '删除' }).click()
  await page
    .locator('.ant-popconfirm')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click()
  await expect(page.getByText(/还有 2 张面单在等待/)).toBeVisible()

  // 已打印 lists the one label that came out; the waiting orders are held as waiting, not printed.
  await page.getByRole('menuitem', { name: '已打印' }).click()
  await expect(page.getByTestId('printed-total')).toHaveText('共 1 个包裹')

  // en-US: the same queue in English.
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByText('English', { exact: true }).click()
  await expect(rowA.getByTestId('printer-status')).toContainText('Connection refused')
  await expect(settingsA.getByTestId('queue-reason')).toContainText('Connection refused')
  await page.screenshot({ path: join(SHOTS, 'h8-settings-printers-en-US.png') })
  await page.getByTestId('queue-indicator').click()
  await expect(drawerA.getByTestId('queue-reason')).toContainText('Connection refused')
  await expect(page.getByTestId('queue-badge').filter({ hasText: '打包台A' })).toContainText(
    '2 waiting'
  )
  await page.screenshot({ path: join(SHOTS, 'h8-queue-en-US.png') })
  await page.keyboard.press('Escape')
  await page.getByText('中文', { exact: true }).click()
  await expect(rowA.getByTestId('printer-status')).toContainText('连接被拒绝')

  // Move the two to B from Settings: they come out of B with the SAME tracking numbers.
  await settingsA.locator('.ant-select').click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '打包台B' })
    .click()
  await settingsA.getByRole('button', { name: /移过去/ }).click()
  await expect(page.getByText('已把 2 张面单移到 打包台B（运单号不变）')).toBeVisible()
  await printerB.waitForPrinted(2)
  expect(printerB.printed.map(qr)).toEqual(numbers)
  await expect(page.getByTestId('queue-badge')).toHaveCount(0)
  await page.getByRole('menuitem', { name: '已打印' }).click()
  await expect(page.getByTestId('printed-total')).toHaveText('共 3 个包裹')

  // Cancel: order 4 to A (still off) waits; cancelled from the indicator, it never says printed
  // and keeps its number.
  await page.getByRole('menuitem', { name: '打单' }).click()
  // The first batch finished while the packer was away: its summary shows once (item 5).
  await expect(page.getByTestId('done-summary')).toContainText('成功 3 张，失败 0 张')
  await page.getByRole('button', { name: '再打一批' }).click()
  const again = page.getByTestId('print-pick')
  await again.getByRole('checkbox', { name: '选择订单 KS9900004' }).check()
  await page.getByRole('button', { name: /下一步：选择快递（1 单）/ }).click()
  await choose(page, '快递公司', /中通快递/)
  await page.getByTestId('start-print').click()
  await expect(page.getByTestId('print-paused')).toContainText('连接被拒绝')
  await expect(page.getByTestId('queue-badge').filter({ hasText: '打包台A' })).toContainText(
    '1 张等待'
  )
  await page.getByTestId('queue-indicator').click()
  const held = drawerA.locator('tr[data-tracking]')
  await expect(held).toHaveCount(1)
  const number4 = (await held.getAttribute('data-tracking')) ?? ''
  await drawerA.getByRole('button', { name: '取消全部' }).click()
  await page.locator('.ant-popconfirm').getByRole('button', { name: '取消面单' }).click()
  await expect(page.getByText('已取消 1 张面单')).toBeVisible()
  await expect(held).toHaveCount(0)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('done-summary')).toContainText('已取消 1 单')
  const row4 = page.getByTestId('batch-table').locator('.ant-table-row', { hasText: 'KS9900004' })
  await expect(row4).toContainText('已取消')
  await expect(row4).toContainText(number4)
  await page.getByRole('menuitem', { name: '已打印' }).click()
  await expect(page.getByTestId('printed-total')).toHaveText('共 3 个包裹')
  expect(printerA.printed).toHaveLength(1)
  expect(printerB.printed).toHaveLength(2)
})
