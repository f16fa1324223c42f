import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { writeXlsx } from '../support/import-fixtures'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost
let dir: string

test.beforeEach(async () => {
  host = await startWebHost()
  dir = mkdtempSync(join(tmpdir(), 'wb-e2e-skus-'))
})
test.afterEach(async () => {
  await host.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function openTab(page: Page): Promise<void> {
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByRole('tab', { name: '商品' }).click()
}

test('a merchant imports the SKU catalogue, sees the bad row, edits a warehouse, and it is kept', async ({
  page
}) => {
  const file = join(dir, '商品.xlsx')
  await writeXlsx(file, [
    ['商家编码', '商品名称', '重量(kg)', '长(cm)', '宽(cm)', '高(cm)', '发货仓', '温层'],
    ['FISH-01', '舟山带鱼 1kg', 1.2, 30, 20, 10, '宁波冷库', '冷冻'],
    ['CUP-500', '保温杯 500ml', 0.35, 8, 8, 22, '杭州仓', '常温'],
    ['MILK-1L', '鲜牛奶 1L', 1.05, 10, 7, 20, '杭州仓', '温热'],
    ['TEA-250', '龙井 250g', 0.3, 15, 10, 10, '', '常温']
  ])

  await page.goto(host.url)
  await openTab(page)
  await expect(page.getByText('商品库是空的：导入一个商品表格')).toBeVisible()

  await page.getByRole('button', { name: /导\s*入/ }).click()
  const dialog = page.getByRole('dialog', { name: '导入商品' })
  await dialog.locator('.ant-upload-drag input[type=file]').setInputFiles(file)
  // The columns were recognised from their headers.
  const mapping = dialog.getByTestId('sku-mapping')
  await expect(mapping.getByRole('combobox', { name: '发货仓' })).toBeVisible()
  await expect(mapping).toContainText('重量(kg)')
  await dialog.getByRole('button', { name: /检\s*查/ }).click()

  const counts = dialog.getByTestId('sku-import-counts')
  await expect(counts).toContainText('可导入3')
  await expect(counts).toContainText('未通过1')
  const rejected = dialog.getByTestId('sku-import-rejected')
  await expect(rejected.getByRole('row', { name: /4\s+温层\s+"温热" 不是温层/ })).toBeVisible()

  await dialog.getByRole('button', { name: '导入 3 个 SKU' }).click()
  await expect(dialog.getByText('已导入 3 个 SKU（新增 3，更新 0）')).toBeVisible()
  await expect(dialog.getByText('1 行未导入，可下载修改后重新导入')).toBeVisible()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: /下载未通过的行/ }).click()
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/)
  await dialog.getByRole('button', { name: /完\s*成/ }).click()

  await expect(page.getByTestId('sku-total')).toHaveText('共 3 个 SKU')
  const table = page.getByTestId('sku-table')
  await expect(table.locator('[data-sku="FISH-01"]')).toContainText('1200')
  await expect(table.locator('[data-sku="FISH-01"]')).toContainText('300 × 200 × 100')
  await expect(table.locator('[data-sku="FISH-01"]')).toContainText('冷冻')

  await page.getByRole('searchbox', { name: '搜索 SKU 或商品名称（前缀）' }).fill('CUP')
  await expect(page.getByTestId('sku-total')).toHaveText('共 1 个 SKU')
  const cup = table.locator('[data-sku="CUP-500"]')
  await cup.getByRole('button', { name: /编\s*辑/ }).click()
  await cup.getByLabel('发货仓').fill('义乌仓')
  await cup.getByRole('button', { name: /保\s*存/ }).click()
  await expect(page.getByText('已保存 CUP-500')).toBeVisible()
  await expect(cup.getByTestId('sku-warehouse')).toHaveText('义乌仓')

  await page.screenshot({ path: join(process.env.WAYBILL_SHOT_DIR ?? dir, 'skus-tab.png') })

  await page.reload()
  await openTab(page)
  await expect(page.getByTestId('sku-total')).toHaveText('共 3 个 SKU')
  await expect(table.locator('[data-sku="CUP-500"]').getByTestId('sku-warehouse')).toHaveText(
    '义乌仓'
  )
})
