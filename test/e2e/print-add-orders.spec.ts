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
  dir = mkdtempSync(join(tmpdir(), 'wb-e2e-print-add-'))
})
test.afterEach(async () => {
  await host.stop()
  rmSync(dir, { recursive: true, force: true })
})

type Row = readonly [string, string, string, string, string, number]

/** A Kuaishou-like export; `reversed` writes the columns in another order (another layout). */
async function writeSheet(file: string, rows: readonly Row[], reversed: boolean): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单')
  const header = ['订单编号', '收货人姓名', '联系手机', '收货地址', '宝贝标题', '宝贝总数量']
  const order = (cells: readonly (string | number)[]) =>
    reversed ? [...cells].reverse() : [...cells]
  sheet.addRow(order(header))
  for (const row of rows) {
    sheet.addRow(order(row))
  }
  await workbook.xlsx.writeFile(file)
}

async function importSheet(page: Page, file: string, count: number): Promise<void> {
  const wizard = page.getByRole('dialog', { name: '导入订单' })
  await wizard.locator('.ant-upload-drag input[type=file]').setInputFiles(file)
  await wizard.getByRole('button', { name: '下一步：检查数据' }).click()
  await wizard.getByRole('button', { name: `导入 ${String(count)} 单` }).click()
  await expect(wizard.getByTestId('import-done')).toContainText(`新增 ${String(count)} 单`)
}

async function closeWizard(page: Page): Promise<void> {
  const wizard = page.getByRole('dialog', { name: '导入订单' })
  await wizard.getByRole('button', { name: /^完\s*成$/ }).click()
  await expect(wizard).toBeHidden()
}

const EARLIER: readonly Row[] = [
  ['KS7700001', '陈晓', '13812345678', '浙江省 杭州市 西湖区 文三路 100号', '保温杯 350ml', 1],
  ['KS7700002', '刘洋', '13900001111', '广东省 深圳市 南山区 科技园路 8号', '蓝牙耳机', 1]
]
const FROM_STEP1: readonly Row[] = [
  ['KS7700101', '周静', '13700002222', '上海市 上海市 浦东新区 世纪大道 1号', '手机壳', 2],
  ['KS7700102', '王芳', '13600003333', '北京市 北京市 朝阳区 建国路 88号', '龙井茶', 1],
  ['KS7700103', '李雷', '13500004444', '江苏省 南京市 玄武区 中山路 6号', '雨伞', 1]
]

test('orders entered by hand or imported in print step 1 join the batch', async ({ page }) => {
  const earlier = join(dir, '昨天的订单.xlsx')
  const fromStep1 = join(dir, '今天的订单.xlsx')
  await writeSheet(earlier, EARLIER, false)
  await writeSheet(fromStep1, FROM_STEP1, true)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  // Two pending orders already in, from the Orders page: they are not part of anything yet.
  await page.getByRole('button', { name: '导入订单' }).click()
  await importSheet(page, earlier, 2)
  await closeWizard(page)
  await expect(page.getByTestId('order-total')).toHaveText('共 2 单')

  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')
  const selection = page.getByTestId('print-selection')
  await expect(pick.locator('[role="row"][data-order-id]')).toHaveCount(2)
  await expect(selection).toContainText('已选 0 单')
  const box = (id: string) => pick.getByRole('checkbox', { name: `选择订单 ${id}` })

  // Enter one by hand from step 1: once saved it is ticked, the others are not.
  await pick.getByRole('button', { name: '手工录入订单' }).click()
  await page.getByLabel('收货人姓名', { exact: true }).fill('王小明')
  await page.getByLabel('手机/电话', { exact: true }).fill('139 1234 5678')
  await page.getByRole('combobox', { name: /省 \/ 市 \/ 区/ }).click()
  for (const name of ['浙江省', '杭州市', '西湖区']) {
    await page.locator('.ant-cascader-menu-item', { hasText: new RegExp(`^${name}$`) }).click()
  }
  await page.getByLabel('详细地址', { exact: true }).fill('文三路 100 号 3 幢 501')
  await page.getByLabel('SKU/商家编码', { exact: true }).fill('CUP-350')
  await page.getByLabel('商品名称', { exact: true }).fill('保温杯 350ml')
  await page.getByLabel('订单号', { exact: true }).fill('KS7700050')
  await page.getByRole('button', { name: '保存订单' }).click()
  await expect(pick.getByTestId('print-joined')).toHaveText('已加入本批 1 单')
  await expect(selection).toContainText('已选 1 单')
  await expect(pick.locator('[role="row"][data-order-id]')).toHaveCount(3)
  await expect(box('KS7700050')).toBeChecked()
  for (const [id] of EARLIER) {
    await expect(box(id)).not.toBeChecked()
  }

  // Import a sheet from step 1: the orders it created join the batch, next to the one typed in.
  await pick.getByRole('button', { name: '导入订单表格' }).click()
  await importSheet(page, fromStep1, FROM_STEP1.length)
  await expect(pick.getByTestId('print-joined')).toHaveText('已加入本批 3 单')
  await closeWizard(page)
  await expect(selection).toContainText('已选 4 单')
  await expect(pick.locator('[role="row"][data-order-id]')).toHaveCount(6)
  for (const id of ['KS7700050', ...FROM_STEP1.map(([id]) => id)]) {
    await expect(box(id)).toBeChecked()
  }
  for (const [id] of EARLIER) {
    await expect(box(id)).not.toBeChecked()
  }

  // Step 2 gets exactly those four.
  await page.getByRole('button', { name: /下一步：选择快递（4 单）/ }).click()
  const setup = page.getByTestId('print-setup')
  await setup.getByRole('combobox', { name: '快递公司', exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /中通快递/ })
    .click()
  await expect(setup.getByTestId('print-check')).toContainText('将打印 4 单')
  for (const id of ['KS7700050', ...FROM_STEP1.map(([id]) => id)]) {
    await expect(setup).toContainText(id)
  }
  for (const [id] of EARLIER) {
    await expect(setup).not.toContainText(id)
  }
})

test('an import larger than a batch adds the first 5000 on the list and says so', async ({
  page
}) => {
  const big = join(dir, '大促订单.xlsx')
  const rows: Row[] = []
  for (let i = 1; i <= 5003; i++) {
    const n = String(i).padStart(5, '0')
    rows.push([`KS66${n}`, '陈晓', '13812345678', '浙江省 杭州市 西湖区 文三路 100号', '保温杯', 1])
  }
  await writeSheet(big, rows, false)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')

  await pick.getByRole('button', { name: '导入订单表格' }).click()
  await importSheet(page, big, 5003)
  await expect(pick.getByTestId('print-joined')).toContainText('已加入本批 5000 单', {
    timeout: 120_000
  })
  await expect(pick.getByTestId('print-joined')).toContainText('只加入了列表中前 5000 单')
  await closeWizard(page)
  await expect(page.getByTestId('print-selection')).toContainText('已选 5000 单')
  await expect(page.getByTestId('batch-too-many')).toBeHidden()
  // The top of the list is in the batch.
  const first = pick.locator('[role="row"][data-order-id]').first()
  const firstId = (await first.getAttribute('data-order-id')) ?? ''
  await expect(pick.getByRole('checkbox', { name: `选择订单 ${firstId}` })).toBeChecked()
  await expect(page.getByRole('button', { name: /下一步：选择快递（5000 单）/ })).toBeEnabled()
})

/** A Taobao export with the status and created-time columns: [id, name, phone, address, title, status, created]. */
async function writeStatusSheet(file: string, rows: readonly (readonly string[])[]): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单')
  sheet.addRow([
    '订单编号',
    '收货人姓名',
    '联系手机',
    '收货地址',
    '宝贝标题',
    '宝贝总数量',
    '订单状态',
    '订单创建时间'
  ])
  for (const [id, name, phone, address, title, status, created] of rows) {
    sheet.addRow([id, name, phone, address, title, 1, status, created])
  }
  await workbook.xlsx.writeFile(file)
}

test('未打印 hides printed orders; a held order neither leads the print list nor the preview', async ({
  page
}) => {
  const file = join(dir, '退款订单.xlsx')
  // The refunding order is the newest, so the list (newest first) shows it first.
  await writeStatusSheet(file, [
    [
      'KS7700201',
      '陈晓',
      '13812345678',
      '浙江省 杭州市 西湖区 文三路 100号',
      '保温杯',
      '待发货',
      '2026-12-01 10:00:00'
    ],
    [
      'KS7700202',
      '刘洋',
      '13900001111',
      '广东省 深圳市 南山区 科技园路 8号',
      '蓝牙耳机',
      '待发货',
      '2026-12-01 10:01:00'
    ],
    [
      'KS7700203',
      '周静',
      '13700002222',
      '上海市 上海市 浦东新区 世纪大道 1号',
      '手机壳',
      '退款中',
      '2026-12-01 10:02:00'
    ]
  ])
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')
  await pick.getByRole('button', { name: '导入订单表格' }).click()
  await importSheet(page, file, 3)
  await closeWizard(page)
  const rows = pick.locator('[role="row"][data-order-id]')
  await expect(rows).toHaveCount(3)
  await expect(rows.first()).toHaveAttribute('data-order-id', 'KS7700203')

  // Print KS7700201 on the preview printer with the demo pool.
  for (const id of ['KS7700202', 'KS7700203']) {
    await pick.getByRole('checkbox', { name: `选择订单 ${id}` }).uncheck()
  }
  await expect(page.getByTestId('print-selection')).toContainText('已选 1 单')
  await page.getByRole('button', { name: /下一步：选择快递（1 单）/ }).click()
  const setup = page.getByTestId('print-setup')
  await setup.getByRole('combobox', { name: '快递公司', exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: /圆通速递/ })
    .click()
  await expect(setup.getByTestId('print-check')).toContainText('将打印 1 单')
  await page.getByTestId('start-print').click()
  await expect(page.getByTestId('done-summary')).toHaveText('成功 1 张，失败 0 张，未打印 0 单', {
    timeout: 120_000
  })
  await page.getByRole('button', { name: '再打一批' }).click()

  // 未打印: the printed order leaves the list, the others stay in their order.
  await expect(rows).toHaveCount(3)
  await pick.getByRole('checkbox', { name: '只看未打印' }).check()
  await expect(rows).toHaveCount(2)
  await expect(pick.locator('[role="row"][data-order-id="KS7700201"]')).toHaveCount(0)
  await expect(rows.first()).toHaveAttribute('data-order-id', 'KS7700203')
  await pick.getByRole('checkbox', { name: '只看未打印' }).uncheck()
  await expect(rows).toHaveCount(3)
  await pick.getByRole('checkbox', { name: '只看未打印' }).check()
  await expect(rows).toHaveCount(2)

  // Both ticked: the refunding one is held out, so the print list and the preview start with
  // the order that prints.
  await pick.getByRole('checkbox', { name: '选择订单 KS7700203' }).check()
  await pick.getByRole('checkbox', { name: '选择订单 KS7700202' }).check()
  await page.getByRole('button', { name: /下一步：选择快递（2 单）/ }).click()
  await expect(setup.getByTestId('print-check')).toContainText('将打印 1 单')
  await expect(setup.getByTestId('held-orders')).toContainText('KS7700203')
  const listed = setup.getByTestId('batch-table').locator('[data-order-id]')
  await expect(listed).toHaveCount(1)
  await expect(listed.first()).toHaveAttribute('data-order-id', 'KS7700202')
  await expect(setup.getByTestId('preview-label').first()).toHaveAttribute(
    'data-order',
    'KS7700202'
  )
  await expect(setup.getByTestId('print-actions').getByTestId('start-print')).toBeInViewport()
})
