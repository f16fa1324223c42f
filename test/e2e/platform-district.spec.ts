import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { startWebHost, type WebHost } from '../support/web-host'

/**
 * Issue 9 item 1 and issue 10 item 13, as a packer sees them: a platform export whose districts
 * include development zones and old district names imports whole; those orders carry the
 * 平台区县 tag in the list and the detail, and the list filters on it; no row says 市辖区; a
 * remark over the limit keeps its order and the preview says which row was cut, naming the limit.
 */

let host: WebHost
let dir: string

test.beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wb-e2e-district-'))
  host = await startWebHost()
})
test.afterEach(async () => {
  await host.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function open(page: Page): Promise<void> {
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
}

const HEADER = [
  '订单编号',
  '收货人姓名',
  '联系手机',
  '收货地址',
  '宝贝标题',
  '宝贝总数量',
  '商家编码',
  '商家备注'
]

const ROWS: readonly (readonly [string, string])[] = [
  ['PD-ZZ', '河南省郑州市郑州经开区航海东路1号'],
  ['PD-XA', '陕西省 西安市 西安高新区 科技路4号'],
  ['PD-CQ', '重庆市两江新区金开大道7号'],
  ['PD-SH', '上海市闸北区天目中路14号'],
  ['OK-PD', '上海市 市辖区 浦东新区 世纪大道1号']
]

async function writeSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单')
  sheet.addRow(HEADER)
  ROWS.forEach(([id, address], i) => {
    sheet.addRow([
      id,
      '陈晓',
      `1381234${String(5000 + i)}`,
      address,
      '保温杯',
      1,
      'CUP-1',
      // The last order's remark is over the 500-character limit.
      i === ROWS.length - 1 ? '易碎，请轻放。'.repeat(90) : ''
    ])
  })
  await workbook.xlsx.writeFile(file)
}

test('zones and renamed districts import whole, tagged 平台区县 and filterable; no 市辖区 anywhere', async ({
  page
}) => {
  const file = join(dir, '平台订单.xlsx')
  await writeSheet(file)
  await open(page)

  await page.getByRole('button', { name: '导入订单' }).click()
  const dialog = page.getByRole('dialog', { name: '导入订单' })
  await dialog.locator('.ant-upload-drag input[type=file]').setInputFiles(file)
  await expect(dialog.getByTestId('import-mapping')).toBeVisible()
  await dialog.getByRole('button', { name: '下一步：检查数据' }).click()

  const counts = dialog.getByTestId('import-counts')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '新增' })).toContainText('5')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '拒绝' })).toContainText('0')
  // The long remark: the order stays, the row (6) and the limit (500) are named.
  const warnings = dialog.getByTestId('import-warnings')
  await expect(warnings).toContainText('第 6 行')
  await expect(warnings).toContainText('商家备注')
  await expect(warnings).toContainText('500')
  await dialog.getByRole('button', { name: '导入 5 单' }).click()
  await expect(dialog.getByTestId('import-done')).toContainText('新增 5 单')
  await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('order-total')).toHaveText('共 5 单')

  const row = (id: string) => page.locator(`[role="row"][data-order-id="${id}"]`)
  await expect(row('PD-XA')).toContainText('陕西省 西安市 西安高新区')
  await expect(row('PD-XA').getByTestId('platform-district-tag')).toHaveText('平台区县')
  await expect(row('PD-SH')).toContainText('上海市 闸北区')
  await expect(row('OK-PD')).toContainText('上海市 浦东新区')
  await expect(row('OK-PD').getByTestId('platform-district-tag')).toHaveCount(0)
  await expect(page.locator('[role="row"][data-order-id]', { hasText: '市辖区' })).toHaveCount(0)

  // The filter: only the four platform districts, then none of them.
  await page.getByRole('combobox', { name: '平台区县' }).click()
  await page.locator('.ant-select-item-option', { hasText: '仅平台区县' }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 4 单')
  await expect(row('OK-PD')).toHaveCount(0)
  await page.getByRole('combobox', { name: '平台区县' }).click()
  await page.locator('.ant-select-item-option', { hasText: '不含平台区县' }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 1 单')
  await expect(row('OK-PD')).toBeVisible()
  await page.screenshot({ path: '.test-results/platform-district-filter.png' })

  // The detail shows the tag beside the address as written.
  await page.getByRole('button', { name: '清除筛选' }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 5 单')
  await row('PD-ZZ').click()
  const detail = page.getByTestId('order-detail')
  await expect(detail).toContainText('河南省 郑州市 郑州经开区 航海东路1号')
  await expect(detail.getByTestId('platform-district-tag')).toBeVisible()
})
