import { expect, test } from '@playwright/test'
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost
let printer: VirtualPrinter

test.beforeEach(async () => {
  printer = await startVirtualPrinter({ language: 'tspl' })
  host = await startWebHost()
})
test.afterEach(async () => {
  await host.stop()
  await printer.close()
})

test('a packer adds a network label printer, test-prints, sees paper-out, and previews a template', async ({
  page
}) => {
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('menuitem', { name: '设置' }).click()
  await expect(page.getByRole('tab', { name: '打印机' })).toHaveAttribute('aria-selected', 'true')

  // The embedded preview printer is there from the start, ready and default.
  const preview = page.locator('tr[data-printer-name="预览打印机"]')
  await expect(preview).toContainText('默认')
  await expect(preview.getByTestId('printer-status')).toContainText('就绪')

  // The template preview renders with sample data.
  const image = page.getByRole('img', { name: /76×130 一联 面单预览（203 dpi）/ })
  await expect(image).toBeVisible()
  await expect(page.getByText('608 × 1040 点')).toBeVisible()
  await page.getByRole('combobox', { name: '模板' }).click()
  await page.getByTitle('100×180 二联').click()
  await expect(page.getByRole('img', { name: /100×180 二联 面单预览/ })).toBeVisible()
  await expect(page.getByText('800 × 1440 点')).toBeVisible()

  // Add the virtual printer; a bad address is refused on its field first.
  await page.getByRole('button', { name: '添加打印机' }).click()
  const dialog = page.getByRole('dialog', { name: '添加打印机' })
  await dialog.getByLabel('名称').fill('打包台1号')
  await dialog.getByLabel('连接地址').fill('192.168.1.50:9100')
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(dialog.getByText('地址格式不对')).toBeVisible()
  await dialog.getByLabel('连接地址').fill(`tcp://127.0.0.1:${String(printer.port)}`)
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(page.getByText('已保存 打包台1号')).toBeVisible()

  const row = page.locator('tr[data-printer-name="打包台1号"]')
  await expect(row).toContainText(`tcp://127.0.0.1:${String(printer.port)}`)
  await expect(row).toContainText('TSPL')
  await expect(row).toContainText('203 dpi')
  const status = row.getByTestId('printer-status')
  await expect(status).toHaveAttribute('data-state', 'ready')
  await expect(status).toContainText('就绪')

  await row.getByRole('button', { name: '测试打印' }).click()
  await expect(page.getByText(/测试页已打印（TEST\d+）/)).toBeVisible()
  expect(printer.printed).toHaveLength(1)

  // The roll runs out: the light turns to 缺纸 on the next poll.
  printer.setFault('paper_out')
  await expect(status).toHaveAttribute('data-state', 'paper_out', { timeout: 8000 })
  await expect(status).toContainText('缺纸')
})
