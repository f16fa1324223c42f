import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Locator, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost
let dir: string

// Two uploads, two inspections, a preview and a commit in the web host's process on 2 cores.
test.beforeEach(async () => {
  host = await startWebHost()
  dir = mkdtempSync(join(tmpdir(), 'wb-e2e-taobao-'))
})
test.afterEach(async () => {
  await host.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function open(page: Page): Promise<void> {
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
}

/** Taobao's 订单报表: one row per order and no item columns; the header is row 1. */
async function writeOrderReport(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单报表')
  sheet.addRow(['订单编号', '买家会员名', '收货人姓名', '联系手机', '收货地址', '订单状态'])
  sheet.addRow([
    'TB5500001',
    'tb_chen',
    '陈晓',
    '13812345678',
    '浙江省 杭州市 西湖区 文三路 100号',
    '买家已付款，等待卖家发货'
  ])
  sheet.addRow([
    'TB5500002',
    'tb_liu',
    '刘洋',
    '13900001111',
    '广东省 深圳市 南山区 科技园路 8号',
    '买家已付款，等待卖家发货'
  ])
  sheet.addRow([
    'TB5500003',
    'tb_zhou',
    '周静',
    '13700002222',
    '上海市 上海市 浦东新区 世纪大道 1号',
    '买家已付款，等待卖家发货'
  ])
  await workbook.xlsx.writeFile(file)
}

/** Taobao's 宝贝报表: one row per item, joined to the orders by 订单编号. */
async function writeItemReport(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('宝贝报表')
  sheet.addRow(['订单编号', '标题', '价格', '购买数量', '商家编码'])
  // Rows 2 and 3: one order, two items.
  sheet.addRow(['TB5500001', '保温杯 350ml', 59, 2, 'CUP-350'])
  sheet.addRow(['TB5500001', '杯盖', 9, 1, 'LID-01'])
  sheet.addRow(['TB5500002', '蓝牙耳机', 199, 1, 'EAR-1'])
  // Row 5: a quantity of 0 rejects its order.
  sheet.addRow(['TB5500003', '手机壳', 29, 0, 'CASE'])
  // Row 6: an item whose order is not in the order report.
  sheet.addRow(['TB5509999', '帆布袋', 39, 1, 'BAG-1'])
  await workbook.xlsx.writeFile(file)
}

/** Both reports written to disk, the app open, the import dialog up. */
async function openImport(
  page: Page
): Promise<{ ordersFile: string; itemsFile: string; dialog: Locator }> {
  const ordersFile = join(dir, 'ExportOrderList202611.xlsx')
  const itemsFile = join(dir, 'ExportOrderDetailList202611.xlsx')
  await writeOrderReport(ordersFile)
  await writeItemReport(itemsFile)
  await open(page)
  await page.getByRole('button', { name: '导入订单' }).click()
  return { ordersFile, itemsFile, dialog: page.getByRole('dialog', { name: '导入订单' }) }
}

test('a packer imports a Taobao order report with its item report: both mappings, rejected rows per file, download, commit', async ({
  page
}) => {
  const { ordersFile, itemsFile, dialog } = await openImport(page)
  await expect(dialog.getByText('下载导入模板')).toBeVisible()

  // The item report first, through its own button: the order report then opens the mapping.
  const itemsChooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: /宝贝报表（可选/ }).click()
  await (await itemsChooser).setFiles(itemsFile)
  await expect(dialog.getByText('ExportOrderDetailList202611.xlsx')).toBeVisible()
  const ordersChooser = page.waitForEvent('filechooser')
  await dialog.getByText('订单表（.xlsx / .csv）').click()
  await (await ordersChooser).setFiles(ordersFile)

  // The order report's tab: recognised, its columns detected.
  const ordersTab = dialog.getByRole('tab', { name: '订单表：ExportOrderList202611.xlsx' })
  const itemsTab = dialog.getByRole('tab', { name: /宝贝报表：ExportOrderDetailList202611\.xlsx/ })
  await expect(ordersTab).toHaveAttribute('aria-selected', 'true')
  const mapping = dialog.getByTestId('import-mapping')
  await expect(mapping).toBeVisible()
  await expect(dialog.getByTestId('import-preset').first()).toHaveText('淘宝订单报表')
  await expect(dialog.getByText('表头在第 1 行，共 6 列')).toBeVisible()
  await expect(mapping.getByRole('combobox', { name: '订单号' }).locator('..')).toContainText(
    '订单编号'
  )
  await expect(mapping.getByRole('combobox', { name: '收货人' }).locator('..')).toContainText(
    '收货人姓名'
  )
  await expect(mapping.getByRole('combobox', { name: '手机' }).locator('..')).toContainText(
    '联系手机'
  )
  await expect(
    mapping.getByRole('combobox', { name: '收货地址（整段）' }).locator('..')
  ).toContainText('收货地址')
  await expect(dialog.getByTestId('import-sample')).toContainText('TB5500001')
  // Nothing is missing in either file: no red count on the item tab.
  await expect(itemsTab.locator('.ant-tag')).toHaveCount(0)

  // The item report's tab: its own preset and columns.
  await itemsTab.click()
  const itemsPanel = dialog.getByRole('tabpanel', { name: /^宝贝报表：/ })
  await expect(itemsPanel.getByTestId('import-preset')).toHaveText('淘宝宝贝报表')
  await expect(itemsPanel.getByText('表头在第 1 行，共 5 列')).toBeVisible()
  const itemsMapping = itemsPanel.getByTestId('import-items-mapping')
  await expect(itemsMapping.getByRole('combobox', { name: '订单号' }).locator('..')).toContainText(
    '订单编号'
  )
  await expect(
    itemsMapping.getByRole('combobox', { name: '商品名称' }).locator('..')
  ).toContainText('标题')
  await expect(itemsMapping.getByRole('combobox', { name: '数量' }).locator('..')).toContainText(
    '购买数量'
  )
  await expect(
    itemsMapping.getByRole('combobox', { name: 'SKU/商家编码' }).locator('..')
  ).toContainText('商家编码')
  await expect(dialog.getByTestId('import-items-sample')).toContainText('保温杯 350ml')
  await page.screenshot({ path: '.test-results/import-taobao-mapping.png' })
  await dialog.getByRole('button', { name: '下一步：检查数据' }).click()

  // The preview: two orders import; the bad quantity and the orphan item are rejected.
  const counts = dialog.getByTestId('import-counts')
  await expect(counts).toBeVisible()
  await expect(counts.locator('.ant-statistic').filter({ hasText: '新增' })).toContainText('2')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '拒绝' })).toContainText('2')
  const rejected = dialog.getByTestId('import-rejected')
  const badQuantity = rejected.locator('tbody tr', { hasText: '购买数量' })
  await expect(badQuantity).toHaveCount(1)
  await expect(badQuantity.locator('td').nth(0)).toHaveText('宝贝报表 5')
  await expect(badQuantity.locator('td').nth(1)).toHaveText('购买数量')
  await expect(badQuantity.locator('td').nth(2)).toContainText('至少为 1')
  // The order it belongs to names the item report's row, from the order report's own row.
  const wholeOrder = rejected.locator('tbody tr', { hasText: 'TB5500003' })
  await expect(wholeOrder).toHaveCount(1)
  await expect(wholeOrder.locator('td').nth(0)).toHaveText('4')
  await expect(wholeOrder.locator('td').nth(2)).toHaveText(
    '订单 TB5500003 在宝贝报表第 5 行有误，整单未导入'
  )
  const orphan = rejected.locator('tbody tr', { hasText: 'TB5509999' })
  await expect(orphan).toHaveCount(1)
  await expect(orphan.locator('td').nth(0)).toHaveText('宝贝报表 6')
  await expect(orphan.locator('td').nth(1)).toHaveText('订单编号')
  await expect(orphan.locator('td').nth(2)).toHaveText('此商品所属订单 TB5509999 不在订单报表中')
  await expect(rejected.locator('tbody tr')).toHaveCount(3)
  await page.screenshot({ path: '.test-results/import-taobao-preview.png' })
  await expect(page.getByTestId('order-total')).toHaveText('共 0 单')

  // The item report's rejected rows, as a file the packer can fix and import again.
  const downloading = page.waitForEvent('download')
  await dialog.getByRole('button', { name: '下载宝贝报表被拒绝的 2 行（xlsx）' }).click()
  const download = await downloading
  const saved = join(dir, download.suggestedFilename())
  await download.saveAs(saved)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(saved)
  const sheet = workbook.worksheets[0]
  if (!sheet) {
    throw new Error('the downloaded workbook has no sheet')
  }
  const rows: string[][] = []
  // Cells as the packer reads them in a spreadsheet program.
  sheet.eachRow((row) => {
    const cells: string[] = []
    for (let c = 1; c <= sheet.columnCount; c++) {
      cells.push(row.getCell(c).text)
    }
    rows.push(cells)
  })
  const header = rows[0] ?? []
  const reasonAt = header.findIndex((h) => h.includes('原因'))
  expect(reasonAt).toBeGreaterThanOrEqual(0)
  expect(header).toEqual(expect.arrayContaining(['订单编号', '标题', '购买数量', '商家编码']))
  const body = rows.slice(1)
  expect(body.map((r) => r[header.indexOf('订单编号')])).toEqual(['TB5500003', 'TB5509999'])
  expect(body[0]?.[reasonAt]).toContain('购买数量')
  expect(body[1]?.[reasonAt]).toContain('不在订单报表中')
  // Only rejected rows: the imported orders' items stay out.
  expect(body.some((r) => r.includes('保温杯 350ml'))).toBe(false)

  await dialog.getByRole('button', { name: '导入 2 单' }).click()
  await expect(dialog.getByTestId('import-done')).toContainText('新增 2 单')
  await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
  await expect(dialog).toBeHidden()

  await expect(page.getByTestId('order-total')).toHaveText('共 2 单')
  const search = page.getByPlaceholder('搜索订单号、收货人、手机号、运单号')
  await search.fill('TB5500001')
  await expect(page.getByTestId('order-total')).toHaveText('共 1 单')
  const first = page.locator('[data-order-id="TB5500001"]')
  await expect(first).toContainText('陈晓')
  await expect(first).toContainText('保温杯 350ml×2')
  await expect(first).toContainText('杯盖×1')
  await search.fill('TB5500002')
  await expect(page.getByTestId('order-total')).toHaveText('共 1 单')
  await expect(page.locator('[data-order-id="TB5500002"]')).toContainText('蓝牙耳机×1')
  await search.fill('TB5500003')
  await expect(page.getByTestId('order-total')).toHaveText('共 0 单')
  await search.fill('TB5509999')
  await expect(page.getByTestId('order-total')).toHaveText('共 0 单')
  await page.screenshot({ path: '.test-results/import-taobao-list.png' })
})

test('the order report chosen first: its mapping asks for the items, the item report added from the first step completes it', async ({
  page
}) => {
  const { ordersFile, itemsFile, dialog } = await openImport(page)
  const ordersChooser = page.waitForEvent('filechooser')
  await dialog.getByText('订单表（.xlsx / .csv）').click()
  await (await ordersChooser).setFiles(ordersFile)

  // Alone, the order report has no item columns: the mapping says so and blocks the preview.
  await expect(dialog.getByTestId('import-mapping')).toBeVisible()
  await expect(dialog.getByRole('tab')).toHaveCount(0)
  await expect(dialog.getByText(/缺少.*商品名称/)).toBeVisible()
  await expect(dialog.getByRole('button', { name: '下一步：检查数据' })).toBeDisabled()

  await dialog.getByRole('button', { name: '上一步' }).click()
  const itemsChooser = page.waitForEvent('filechooser')
  await dialog.getByRole('button', { name: /宝贝报表（可选/ }).click()
  await (await itemsChooser).setFiles(itemsFile)
  await expect(dialog.getByText('ExportOrderDetailList202611.xlsx')).toBeVisible()
  await dialog.getByRole('button', { name: '下一步：检查数据' }).click()

  await expect(
    dialog.getByRole('tab', { name: /宝贝报表：ExportOrderDetailList202611\.xlsx/ })
  ).toBeVisible()
  await expect(dialog.getByText(/缺少.*商品名称/)).toHaveCount(0)
  await dialog.getByRole('button', { name: '下一步：检查数据' }).click()
  const counts = dialog.getByTestId('import-counts')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '新增' })).toContainText('2')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '拒绝' })).toContainText('2')
  await expect(dialog.getByTestId('import-rejected').locator('tbody tr')).toHaveCount(3)
})
