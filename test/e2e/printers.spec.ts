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
  await dialog.getByLabel('连接地址').fill('http://192.168.1.50')
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
  await expect(page.getByText('测试页已打印（TEST-000000）')).toBeVisible()
  expect(printer.printed).toHaveLength(1)

  // The roll runs out: the light turns to 缺纸 on the next poll.
  printer.setFault('paper_out')
  await expect(status).toHaveAttribute('data-state', 'paper_out', { timeout: 60_000 })
  await expect(status).toContainText('缺纸')
})

test('a printer behind a one-way link: status setting, the cannot-report note, and test print in words', async ({
  page
}) => {
  // A ceiling, not an expectation: on the shared 2-core machine these steps took ~4 min.
  test.setTimeout(600_000)
  printer.mute(true)
  // A port nothing listens on any more: connections to it are refused (loopback only).
  const gone = await startVirtualPrinter({ language: 'tspl' })
  const closedPort = gone.port
  await gone.close()

  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('menuitem', { name: '设置' }).click()

  // A bare IP:port is accepted and means the raw TCP port; the status setting starts on auto.
  await page.getByRole('button', { name: '添加打印机' }).click()
  const dialog = page.getByRole('dialog', { name: '添加打印机' })
  await dialog.getByLabel('名称').fill('网口桥接')
  await dialog.getByLabel('连接地址').fill(`127.0.0.1:${String(printer.port)}`)
  await expect(dialog.getByText('状态查询')).toBeVisible()
  await expect(dialog.getByRole('radio', { name: '自动' })).toBeChecked()
  await dialog.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(page.getByText('已保存 网口桥接')).toBeVisible()
  const row = page.locator('tr[data-printer-name="网口桥接"]')
  await expect(row).toContainText(`tcp://127.0.0.1:${String(printer.port)}`)
  await expect(row.getByTestId('printer-cannot-report')).toHaveCount(0)

  // The test print goes out; the printer never answers, so the app says what that means.
  await row.getByRole('button', { name: '测试打印' }).click()
  await expect(page.getByText(/测试页已发送（TEST-000000）。这台打印机不回报状态/)).toBeVisible()
  await printer.waitForPrinted(1)
  const note = row.getByTestId('printer-cannot-report')
  await expect(note).toHaveText('不能报告缺纸')
  await note.hover()
  await expect(page.getByRole('tooltip')).toContainText('从不回答状态查询')
  await page.screenshot({ path: '.test-results/shots/settings-mute-zh-CN.png' })

  // Status queries off: the note stays, now saying why.
  await row.getByRole('button', { name: '编辑' }).click()
  const edit = page.getByRole('dialog', { name: '编辑打印机' })
  await expect(edit.getByRole('radio', { name: '自动' })).toBeChecked()
  // (antd's button-style radios hide the input: the packer clicks the button's label.)
  await edit.locator('label.ant-radio-button-wrapper', { hasText: '关闭' }).click()
  await expect(edit.getByRole('radio', { name: '关闭' })).toBeChecked()
  await page.screenshot({ path: '.test-results/shots/printer-form-zh-CN.png' })
  await edit.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(page.getByText('已保存 网口桥接')).toBeVisible()
  await row.getByTestId('printer-cannot-report').hover()
  await expect(page.getByRole('tooltip')).toContainText('已关闭状态查询')

  // A printer that is off: the test print says so in words, not in a socket error.
  await page.getByRole('button', { name: '添加打印机' }).click()
  const second = page.getByRole('dialog', { name: '添加打印机' })
  await second.getByLabel('名称').fill('已关机')
  await second.getByLabel('连接地址').fill(`127.0.0.1:${String(closedPort)}`)
  await second.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(page.getByText('已保存 已关机')).toBeVisible()
  const off = page.locator('tr[data-printer-name="已关机"]')
  await off.getByRole('button', { name: '测试打印' }).click()
  await expect(page.getByText(/测试打印失败：连接被拒绝/)).toBeVisible()

  await page.getByText('English', { exact: true }).click()
  await expect(row.getByTestId('printer-cannot-report')).toHaveText('Cannot report paper out')
  await off.getByRole('button', { name: 'Test print' }).click()
  await expect(page.getByText(/Test print failed: Connection refused/)).toBeVisible()
  await page.screenshot({ path: '.test-results/shots/settings-mute-en-US.png' })
})
