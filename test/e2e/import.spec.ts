import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost
let dir: string

test.beforeEach(async () => {
  host = await startWebHost()
  dir = mkdtempSync(join(tmpdir(), 'wb-e2e-import-'))
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
  '商家编码'
]

/** A Kuaishou-style export as a shop owner hands it over: a title row, then the header. */
async function writeSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单')
  sheet.addRow(['订单导出 2026-11-23'])
  sheet.addRow(HEADER)
  sheet.addRow([
    'KS7700001',
    '陈晓',
    13812345678,
    '浙江省 杭州市 西湖区 文三路 100号',
    '保温杯 350ml',
    2,
    'CUP-350'
  ])
  // The same order on a second row: one order, two items.
  sheet.addRow([
    'KS7700001',
    '陈晓',
    13812345678,
    '浙江省 杭州市 西湖区 文三路 100号',
    '杯盖',
    1,
    'LID-01'
  ])
  sheet.addRow([
    'KS7700002',
    '刘洋',
    "'139 0000 1111",
    '广东省深圳市南山区科技园路 8号',
    '蓝牙耳机',
    1,
    'EAR-1'
  ])
  // A bad phone: rejected with its reason, the rest still imports.
  sheet.addRow([
    'KS7700003',
    '周静',
    '12345',
    '上海市 上海市 浦东新区 世纪大道 1号',
    '手机壳',
    1,
    'CASE'
  ])
  await workbook.xlsx.writeFile(file)
}

/** The next day's export of the same shop: the same header, other orders. */
async function writeNextSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单')
  sheet.addRow(['订单导出 2026-11-24'])
  sheet.addRow(HEADER)
  sheet.addRow([
    'KS7700004',
    '王芳',
    13700001111,
    '江苏省 南京市 鼓楼区 中山路 18号',
    '帆布袋',
    1,
    'BAG-1'
  ])
  sheet.addRow([
    'KS7700005',
    '赵磊',
    13700002222,
    '四川省 成都市 武侯区 人民南路 5号',
    '笔记本',
    3,
    'NOTE-5'
  ])
  await workbook.xlsx.writeFile(file)
}

test('a packer imports an order sheet: mapping, preview with a rejected row, commit, then finds the orders', async ({
  page
}) => {
  const file = join(dir, '快手订单.xlsx')
  await writeSheet(file)
  await open(page)

  await page.getByRole('button', { name: '导入订单' }).click()
  const dialog = page.getByRole('dialog', { name: '导入订单' })
  await expect(dialog.getByText('下载导入模板')).toBeVisible()
  await dialog.locator('.ant-upload-drag input[type=file]').setInputFiles(file)

  // Step 2: the detected columns.
  const mapping = dialog.getByTestId('import-mapping')
  await expect(mapping).toBeVisible()
  await expect(dialog.getByText('按表头自动识别')).toBeVisible()
  await expect(dialog.getByText('表头在第 2 行，共 7 列')).toBeVisible()
  await expect(mapping.getByRole('combobox', { name: '订单号' }).locator('..')).toContainText(
    '订单编号'
  )
  await expect(mapping.getByRole('combobox', { name: '手机' }).locator('..')).toContainText(
    '联系手机'
  )
  await expect(
    mapping.getByRole('combobox', { name: '收货地址（整段）' }).locator('..')
  ).toContainText('收货地址')
  await expect(dialog.getByTestId('import-sample')).toContainText('KS7700001')
  // On by default: this layout's mapping is remembered for the next file.
  await expect(dialog.getByRole('checkbox', { name: /记住这个格式的对应关系/ })).toBeChecked()
  // The step's buttons are in view at the window's 860 px height, without scrolling.
  await expect(dialog.getByRole('button', { name: '下一步：检查数据' })).toBeInViewport()
  await page.screenshot({ path: '.test-results/shots/import-mapping.png' })
  await dialog.getByRole('button', { name: '下一步：检查数据' }).click()

  // Step 3: counts and the rejected row with its reason.
  const counts = dialog.getByTestId('import-counts')
  await expect(counts).toBeVisible()
  await expect(counts.locator('.ant-statistic').filter({ hasText: '新增' })).toContainText('2')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '拒绝' })).toContainText('1')
  const rejected = dialog.getByTestId('import-rejected')
  const row = rejected.locator('tr', { hasText: '联系手机' })
  await expect(row).toContainText('6')
  await expect(row).toContainText('不是有效的手机号')
  await expect(dialog.getByRole('button', { name: /下载被拒绝的行/ })).toBeVisible()
  // Nothing is written before the commit.
  await expect(page.getByTestId('order-total')).toHaveText('共 0 单')

  await expect(dialog.getByRole('button', { name: '导入 2 单' })).toBeInViewport()
  await page.screenshot({ path: '.test-results/shots/import-preview.png' })
  await dialog.getByRole('button', { name: '导入 2 单' }).click()
  await expect(dialog.getByTestId('import-done')).toContainText('新增 2 单')
  await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
  await expect(dialog).toBeHidden()

  await expect(page.getByTestId('order-total')).toHaveText('共 2 单')
  await page.getByPlaceholder('搜索订单号、收货人、手机号、运单号').fill('KS7700001')
  await expect(page.getByTestId('order-total')).toHaveText('共 1 单')
  const found = page.locator('[data-order-id="KS7700001"]')
  await expect(found).toContainText('陈晓')
  await expect(found).toContainText('保温杯 350ml×2')
  await expect(found).toContainText('浙江省 杭州市 西湖区')
  await expect(page.locator('[data-order-id="KS7700003"]')).toHaveCount(0)

  // Filters combine with the keyword, and on their own.
  await page.getByPlaceholder('搜索订单号、收货人、手机号、运单号').fill('')
  await expect(page.getByTestId('order-total')).toHaveText('共 2 单')
  await page.getByRole('combobox', { name: '省份' }).click()
  await page.keyboard.type('广东')
  await page.locator('.ant-select-item-option', { hasText: /^广东省$/ }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 1 单')
  await expect(page.locator('[data-order-id="KS7700002"]')).toBeVisible()
  await page.getByRole('combobox', { name: '问题订单' }).click()
  await page.locator('.ant-select-item-option', { hasText: '交易关闭' }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 0 单')
  await page.getByRole('button', { name: '清除筛选' }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 2 单')

  // Select all matching: a count, not a list of ids.
  await page.getByRole('checkbox', { name: '选择订单 KS7700002' }).check()
  await expect(page.getByTestId('order-selection')).toContainText('已选 1 单')
  await page.getByRole('button', { name: '选择全部 2 单匹配的订单' }).click()
  await expect(page.getByTestId('order-selection')).toContainText('已选择全部匹配的订单')
  await page.screenshot({ path: '.test-results/import-list.png' })

  // The next export of the same layout: no clicks between choosing the file and the preview.
  const next = join(dir, '快手订单-第二天.xlsx')
  await writeNextSheet(next)
  await page.getByRole('button', { name: '导入订单' }).click()
  await expect(dialog.getByText('下载导入模板')).toBeVisible()
  // Marks the page if the mapping screen is ever rendered, however briefly. A script string:
  // the tests are type-checked without the DOM library.
  await page.evaluate(`new MutationObserver(() => {
    if (document.querySelector('[data-testid="import-mapping"]')) {
      document.body.dataset.sawMapping = 'yes'
    }
  }).observe(document.body, { childList: true, subtree: true })`)
  await dialog.locator('.ant-upload-drag input[type=file]').setInputFiles(next)
  const note = dialog.getByTestId('import-saved-note')
  await expect(note).toHaveText('已按上次保存的对应关系识别（淘宝订单报表），如需修改请返回上一步')
  await expect(dialog.locator('.ant-steps-item-process')).toContainText('预览')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '新增' })).toContainText('2')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '拒绝' })).toContainText('0')
  await expect(page.locator('body')).not.toHaveAttribute('data-saw-mapping', 'yes')
  await page.screenshot({ path: '.test-results/import-saved-preview.png' })

  // 上一步 still leads to the mapping, which shows the saved one.
  await dialog.getByRole('button', { name: '上一步' }).click()
  await expect(mapping).toBeVisible()
  // …and the marker above does notice a mapping screen.
  await expect(page.locator('body')).toHaveAttribute('data-saw-mapping', 'yes')
  await expect(dialog.getByText('已使用上次保存的对应关系')).toBeVisible()
  await expect(mapping.getByRole('combobox', { name: '手机' }).locator('..')).toContainText(
    '联系手机'
  )
  await dialog.getByRole('button', { name: '下一步：检查数据' }).click()
  await expect(note).toBeVisible()
  await dialog.getByRole('button', { name: '导入 2 单' }).click()
  await expect(dialog.getByTestId('import-done')).toContainText('新增 2 单')
  await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('order-total')).toHaveText('共 4 单')
  await expect(page.locator('[data-order-id="KS7700005"]')).toContainText('笔记本×3')
})

test('a file that is not a spreadsheet is refused with its one-line reason', async ({ page }) => {
  await open(page)
  await page.getByRole('button', { name: '导入订单' }).click()
  const dialog = page.getByRole('dialog', { name: '导入订单' })
  await dialog.locator('.ant-upload-drag input[type=file]').setInputFiles({
    name: 'orders.xlsx',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from([0x00, 0x13, 0x37, 0xff, 0xfe, 0x00, 0x42])
  })
  await expect(dialog.getByTestId('import-error')).toContainText('无法导入')
  await expect(dialog.getByTestId('import-mapping')).toHaveCount(0)
})
