/**
 * Issue 11 item 9: an order with a frozen and an ambient item (温层 from the order sheet) prints
 * as two labels on the virtual printer, step 2 says "1 单 · 2 个包裹", 已打印 lists both numbers,
 * and both labels read back from the printer's bytes to the two numbers. (Labels are read by
 * their QR code with jsQR, as manual-print.spec.ts does; the ZXing Code128 reader is ESM-only and
 * decodes both labels' Code128 in test/integration/printing/split-print.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import jsQR from 'jsqr'
import { toRgba } from '../../src/main/core/printing/bitmap'
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost
let printer: VirtualPrinter
let dir: string

test.beforeEach(async () => {
  printer = await startVirtualPrinter({ language: 'tspl' })
  host = await startWebHost()
  dir = mkdtempSync(join(tmpdir(), 'wb-e2e-split-'))
})
test.afterEach(async () => {
  await host.stop()
  await printer.close()
  rmSync(dir, { recursive: true, force: true })
})

const HEADERS = [
  '订单号',
  '收货人',
  '手机',
  '省',
  '市',
  '区',
  '详细地址',
  '商品名称',
  '数量',
  '单件重量(克)',
  '温层'
]
const ADDRESS = ['陈晓', '13812345678', '浙江省', '杭州市', '西湖区', '文三路 100号'] as const

async function writeSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单')
  sheet.addRow(HEADERS)
  sheet.addRow(['SP9900001', ...ADDRESS, '速冻水饺', 2, 500, '冷冻'])
  sheet.addRow(['SP9900001', ...ADDRESS, '保温杯 350ml', 1, 300, '常温'])
  await workbook.xlsx.writeFile(file)
}

async function choose(page: Page, combobox: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .click()
}

function packageNumbers(): string[] {
  const db = new Database(join(host.dataDir, 'waybill.sqlite'), { readonly: true })
  try {
    return db
      .prepare<[], { t: string }>(
        `SELECT p.tracking_number AS t FROM packages p JOIN orders o ON o.id = p.order_id
          WHERE o.platform_order_id = 'SP9900001' AND p.tracking_number IS NOT NULL
          ORDER BY p.sequence`
      )
      .all()
      .map((r) => r.t)
  } finally {
    db.close()
  }
}

test('an order with a frozen and an ambient item prints as two labels with two numbers', async ({
  page
}) => {
  const file = join(dir, '订单.xlsx')
  await writeSheet(file)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  // The order comes in from a sheet with its 温层 column.
  await page.getByRole('button', { name: '导入订单' }).click()
  const wizard = page.getByRole('dialog', { name: '导入订单' })
  await wizard.locator('.ant-upload-drag input[type=file]').setInputFiles(file)
  await wizard.getByRole('button', { name: '下一步：检查数据' }).click()
  await wizard.getByRole('button', { name: '导入 1 单' }).click()
  await expect(wizard.getByTestId('import-done')).toContainText('新增 1 单')
  await wizard.getByRole('button', { name: /^完\s*成$/ }).click()

  // A ZTO range and the virtual printer as the default.
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByRole('tab', { name: '快递公司' }).click()
  const carriers = page.getByTestId('carriers-tab')
  await choose(page, '快递公司', /中通快递/)
  await carriers.getByLabel('起始单号').fill('736100000001')
  await carriers.getByLabel('数量', { exact: true }).fill('10')
  await carriers.getByRole('button', { name: '添加号段' }).click()
  await expect(page.getByText('已添加 10 个单号')).toBeVisible()
  await page.getByRole('tab', { name: '打印机' }).click()
  await page.getByRole('button', { name: '添加打印机' }).click()
  const form = page.getByRole('dialog', { name: '添加打印机' })
  await form.getByLabel('名称').fill('打包台1号')
  await form.getByLabel('连接地址').fill(`tcp://127.0.0.1:${String(printer.port)}`)
  await form.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(page.getByText('已保存 打包台1号')).toBeVisible()
  await page
    .locator('tr[data-printer-name="打包台1号"]')
    .getByRole('button', { name: '设为默认' })
    .click()
  await expect(page.getByText('打包台1号 已设为默认打印机')).toBeVisible()

  // 打单: tick it, choose the carrier; step 2 counts the order and its two packages.
  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')
  await pick.getByRole('checkbox', { name: '选择订单 SP9900001' }).check()
  await page.getByRole('button', { name: /下一步：选择快递（1 单）/ }).click()
  const setup = page.getByTestId('print-setup')
  await expect(
    setup.getByRole('combobox', { name: '打印机', exact: true }).locator('..')
  ).toContainText('打包台1号')
  await choose(page, '快递公司', /中通快递/)
  await expect(setup.getByTestId('print-packages')).toHaveText('1 单 · 2 个包裹')
  await expect(setup.getByTestId('pool-check')).toContainText('需要新单号 2 个')
  await page.getByTestId('start-print').click()

  await expect(page.getByTestId('done-summary')).toContainText('失败 0 张', { timeout: 120_000 })
  await printer.waitForPrinted(2)
  const numbers = packageNumbers()
  expect(numbers).toHaveLength(2)
  expect(numbers[0]).not.toBe(numbers[1])

  // Both labels as the printer received them, in package order.
  const decoded = printer.printed.map(
    (label) =>
      jsQR(toRgba(label.bitmap), label.bitmap.width, label.bitmap.height, {
        inversionAttempts: 'dontInvert'
      })?.data ?? ''
  )
  expect(decoded).toEqual(numbers)

  // 已打印 lists both packages of the order.
  await page.getByRole('menuitem', { name: '已打印' }).click()
  const printed = page.getByTestId('printed-page')
  await expect(printed.getByTestId('printed-total')).toHaveText('共 2 个包裹')
  for (const [i, n] of numbers.entries()) {
    const row = printed.locator(`tr[data-tracking="${n}"]`)
    await expect(row).toContainText('SP9900001')
    await expect(row.getByTestId('package-of')).toHaveText(`包裹 ${String(i + 1)}/2`)
  }
})
