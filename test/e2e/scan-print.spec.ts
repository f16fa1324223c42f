import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openCore } from '../../src/main/core/app'
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer'
import { scanKeys } from '../support/virtual-scanner'
import { startWebHost, type WebHost } from '../support/web-host'

/**
 * The scan page (issue 10.1, 10.9, 10.16, 10.3, 10.4): the panel tells the label's real state,
 * scans reach the box without the mouse, and ship asks about unchecked and mislabelled parcels.
 * The data is put in through the contract before the host starts (the UI flows that make it
 * have their own tests); everything checked here is done as a packer does it.
 */
let host: WebHost | null = null
let printer: VirtualPrinter | null = null

test.afterEach(async () => {
  await host?.stop()
  await printer?.close()
  host = null
  printer = null
})

const ORDERS = ['SP0001', 'SP0002', 'SP0003', 'SP0004']
const REFUNDING = 'SP0009'
const SHOTS = '.test-results/scan-print'

async function seed(dataDir: string, printerPort: number): Promise<void> {
  const core = openCore({ dataDir, host: { host: 'cli', version: '0.0.0-e2e' } })
  try {
    const call = async (method: string, payload: unknown): Promise<unknown> => {
      const result = await core.dispatch(method, payload)
      if (!result.ok) {
        throw new Error(`${method}: ${result.error.message}`)
      }
      return result.value
    }
    for (const id of [...ORDERS, REFUNDING]) {
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
    // The platform's sheet said 退款中 for this one (the import sets it the same way).
    core.db
      .prepare(`UPDATE orders SET refund_state = 'requested' WHERE platform_order_id = ?`)
      .run(REFUNDING)
    await call('pools.addRange', { carrier: 'ZTO', start: '736200000001', count: 20 })
    const added = (await call('printers.add', {
      name: '打包台1号',
      uri: `tcp://127.0.0.1:${String(printerPort)}`,
      language: 'tspl',
      dpi: 203,
      labelSize: '76x130'
    })) as { id: number }
    await call('printers.setDefault', { id: added.id })
  } finally {
    core.close()
  }
}

async function openScanPage(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '打单' }).click()
  await page.getByText('扫描打单', { exact: true }).click()
  const scanPage = page.getByTestId('scan-print')
  await scanPage.getByRole('combobox', { name: '快递公司', exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /中通快递/ })
    .click()
  // Choosing the carrier hands the keys back to the scan box.
  await expect(page.getByTestId('scan-box')).toBeFocused()
}

async function scan(page: Page, code: string): Promise<void> {
  const box = page.getByTestId('scan-box')
  await box.fill(code)
  await box.press('Enter')
}

test('a printer that is off: the panel waits with the reason, and turns green only once the label is out', async ({
  page
}) => {
  test.setTimeout(300_000)
  // The printer's address, then the printer switched off: the port refuses connections.
  const off = await startVirtualPrinter({ language: 'tspl' })
  const port = off.port
  await off.close()
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-scan-'))
  await seed(dataDir, port)
  host = await startWebHost(dataDir)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await openScanPage(page)
  const carrier = page
    .getByTestId('scan-print')
    .getByRole('combobox', { name: '快递公司', exact: true })
    .locator('..')
  await expect(carrier).toContainText('余 20 个单号')

  await scan(page, 'SP0001')
  const result = page.getByTestId('scan-result')
  await expect(result).toHaveAttribute('data-state', 'waiting', { timeout: 30_000 })
  await expect(result).toContainText('等待打印机：连接被拒绝')
  await expect(result).not.toContainText('已打印')
  await expect(page.getByTestId('scan-tracking')).toHaveText(/^7362000000\d\d$/)
  // The number was drawn: the pool count on the page follows.
  await expect(carrier).toContainText('余 19 个单号')
  await page.screenshot({ path: join(SHOTS, 'h6-scan-waiting-zh.png') })
  // The same panel in English; after the language switch the box listens again.
  await page.getByText('English', { exact: true }).click()
  await expect(result).toContainText('Waiting for the printer: connection refused')
  await expect(page.getByTestId('scan-box')).toBeFocused()
  await page.screenshot({ path: join(SHOTS, 'h6-scan-waiting-en.png') })
  await page.getByText('中文', { exact: true }).click()
  await expect(result).toContainText('等待打印机')

  // The printer is switched on again at the same address; the packer presses Retry.
  printer = await startVirtualPrinter({ language: 'tspl', port })
  await result.getByRole('button', { name: /重\s*试/ }).click()
  await expect(result).toHaveAttribute('data-state', 'printed', { timeout: 30_000 })
  await expect(result).toContainText('已打印 · 订单 SP0001')
  await printer.waitForPrinted(1)
  expect(printer.printed).toHaveLength(1)
  await page.screenshot({ path: join(SHOTS, 'h6-scan-printed-zh.png') })
})

test('scans reach the box without the mouse; the list survives a page switch; ship asks about unchecked and mislabelled parcels', async ({
  page
}) => {
  test.setTimeout(300_000)
  printer = await startVirtualPrinter({ language: 'tspl' })
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-scan-'))
  await seed(dataDir, printer.port)
  host = await startWebHost(dataDir)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  // 10.3: the refunding order shows its hold in the list and the detail, not 待发货.
  const refundRow = page.locator(`[role="row"][data-order-id="${REFUNDING}"]`)
  await expect(refundRow.getByTestId('order-hold')).toHaveText('退款中')
  await refundRow.getByTestId('order-hold').click()
  await expect(page.getByTestId('order-detail').getByTestId('order-hold')).toHaveText('退款中')
  await page.keyboard.press('Escape')

  await openScanPage(page)
  const box = page.getByTestId('scan-box')
  await scan(page, 'SP0001')
  const result = page.getByTestId('scan-result')
  await expect(result).toHaveAttribute('data-state', 'printed', { timeout: 30_000 })
  const tracking1 = (await page.getByTestId('scan-tracking').textContent()) ?? ''
  await scan(page, tracking1)
  await expect(page.getByTestId('scan-verify')).toContainText(`已核对 ✓ ${tracking1}`)

  // 10.9: the box lost the focus (the mode switch has it); a scanner types fast and ends with Enter
  // (its own clock: 10 ms between keys).
  await page.getByText('扫描打单', { exact: true }).click()
  await expect(box).not.toBeFocused()
  await expect(page.getByTestId('scan-listening')).toBeVisible()
  await scanKeys(page, 'SP0002')
  await expect(result).toContainText('订单 SP0002')
  await expect(result).toHaveAttribute('data-state', 'printed', { timeout: 30_000 })
  await expect(box).toBeFocused()
  await expect(box).toHaveValue('')

  // A person typing slowly outside an input is not a scan.
  await page.getByText('扫描打单', { exact: true }).click()
  await scanKeys(page, 'SP0004', 150)
  await expect(page.getByTestId('scan-history')).not.toContainText('SP0004')

  // Typing in another box: the page says it is not listening.
  await page
    .getByTestId('scan-print')
    .getByRole('combobox', { name: '快递公司', exact: true })
    .focus()
  await expect(page.getByTestId('scan-not-listening')).toBeVisible()
  await page
    .getByTestId('scan-not-listening')
    .getByText(/点这里继续扫码/)
    .click()
  await expect(box).toBeFocused()

  // Scan-back on SP0002 finds SP0001's label: 贴错了, and SP0002 stays unchecked.
  await scan(page, tracking1)
  await expect(page.getByTestId('scan-wrong')).toContainText('贴错了')
  await scan(page, 'SP0003')
  await expect(result).toContainText('订单 SP0003')
  await expect(result).toHaveAttribute('data-state', 'printed', { timeout: 30_000 })
  await printer.waitForPrinted(3)

  // The recent scans survive leaving the page and coming back.
  await page.getByRole('menuitem', { name: '订单' }).click()
  await page.getByRole('menuitem', { name: '打单' }).click()
  await page.getByText('扫描打单', { exact: true }).click()
  await expect(page.getByTestId('scan-history')).toContainText('SP0002')
  await expect(page.getByTestId('scan-history')).toContainText('SP0003')

  // 10.4: ship all three; the confirmation names the wrong label and the unchecked parcel.
  await page.getByRole('menuitem', { name: '已打印' }).click()
  const printed = page.getByTestId('printed-page')
  await expect(printed.getByTestId('printed-total')).toHaveText('共 3 个包裹')
  await printed.locator('thead').getByRole('checkbox').check()
  await printed.getByRole('button', { name: '发货（3）' }).click()
  const check = page.getByTestId('ship-check')
  await expect(check.locator('tr', { hasText: 'SP0002' })).toContainText('贴错了')
  await expect(check.locator('tr', { hasText: 'SP0003' })).toContainText('未核对')
  await expect(check).not.toContainText('SP0001')
  await page.screenshot({ path: join(SHOTS, 'h6-ship-check-zh.png') })
  await page.getByRole('button', { name: '扣下这 2 单，发其余 1 单' }).click()
  const outcomes = page.getByTestId('ship-outcomes')
  await expect(outcomes).toContainText('发货 1 单')
  await expect(outcomes.locator('tr', { hasText: 'SP0001' })).toBeVisible()
  await expect(outcomes).not.toContainText('SP0002')
  // The results table fits its dialog.
  const dialog = page.getByRole('dialog', { name: '发货结果' })
  // Polled: the dialog zooms in when it opens, so an early measure sees it mid-animation.
  await expect
    .poll(async () => {
      const box1 = await dialog.boundingBox()
      const box2 = await outcomes.locator('table').boundingBox()
      return box1 !== null && box2 !== null && box2.x + box2.width <= box1.x + box1.width
    })
    .toBe(true)
  await page.screenshot({ path: join(SHOTS, 'h6-ship-result-zh.png') })
})
