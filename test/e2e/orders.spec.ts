import { expect, test, type Page } from '@playwright/test'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost

test.beforeEach(async () => {
  host = await startWebHost()
})
test.afterEach(async () => {
  await host.stop()
})

async function open(page: Page): Promise<void> {
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
}

async function chooseRegion(
  page: Page,
  province: string,
  city: string,
  district: string
): Promise<void> {
  await page.getByRole('combobox', { name: /省 \/ 市 \/ 区/ }).click()
  for (const name of [province, city, district]) {
    await page.locator('.ant-cascader-menu-item', { hasText: new RegExp(`^${name}$`) }).click()
  }
}

test('a packer enters an order by hand, finds it by search and by scan, and it survives a reload', async ({
  page
}) => {
  await open(page)
  await expect(page.getByText(/^还没有订单。/)).toBeVisible()
  // The workflows not built yet are visibly disabled.
  await expect(page.getByRole('menuitem', { name: /售后/ })).toHaveAttribute(
    'aria-disabled',
    'true'
  )

  await page.getByRole('button', { name: '新建订单' }).click()
  await page.getByLabel('收货人姓名', { exact: true }).fill('王小明')
  await page.getByLabel('手机/电话', { exact: true }).fill('1391234')
  // Checked as typed: wait for the message that shifts the form before clicking save.
  await expect(page.getByText('请输入11位手机号')).toBeVisible()
  await page.getByLabel('详细地址', { exact: true }).fill('文三路 100 号 3 幢 501')
  await page.getByRole('button', { name: '保存订单' }).click()
  // Field-by-field messages, nothing saved yet.
  await expect(page.getByText('请选择省 / 市 / 区')).toBeVisible()

  await page.getByLabel('手机/电话', { exact: true }).fill('139 1234 5678')
  await chooseRegion(page, '浙江省', '杭州市', '西湖区')
  await page.getByLabel('SKU/商家编码', { exact: true }).fill('CUP-350')
  await page.getByLabel('商品名称', { exact: true }).fill('保温杯 350ml')
  await page.getByLabel('数量', { exact: true }).fill('2')
  await page.getByLabel('单件重量(克)', { exact: true }).fill('420')
  await page.getByRole('button', { name: '添加商品' }).click()
  await page.getByLabel('SKU/商家编码', { exact: true }).nth(1).fill('LID-01')
  await page.getByLabel('商品名称', { exact: true }).nth(1).fill('杯盖')
  await page.getByLabel('单件重量(克)', { exact: true }).nth(1).fill('30')
  await page.getByLabel('订单号', { exact: true }).fill('KS2026112300001')
  await page.getByRole('button', { name: '保存订单' }).click()
  await expect(page.getByText('订单 KS2026112300001 已保存')).toBeVisible()

  const row = page.locator('[role="row"][data-order-id="KS2026112300001"]')
  await expect(row).toBeVisible()
  await expect(row).toContainText('王小明')
  await expect(row).toContainText('139****5678')
  await expect(row).toContainText('浙江省 杭州市 西湖区')

  // A second order, so search and scan have something to tell apart.
  await page.getByRole('button', { name: '新建订单' }).click()
  await page.getByLabel('收货人姓名', { exact: true }).fill('赵丽')
  await page.getByLabel('手机/电话', { exact: true }).fill('0571-88886666')
  // The region picker takes Enter on the first match, like any search box.
  const region = page.getByRole('combobox', { name: /省 \/ 市 \/ 区/ })
  await region.click()
  await region.fill('朝阳区')
  await region.press('Enter')
  await expect(page.locator('.ant-modal .ant-cascader, .ant-drawer .ant-cascader')).toContainText(
    '北京市 / 北京市 / 朝阳区'
  )
  await page.getByLabel('详细地址', { exact: true }).fill('建国路 88 号')
  await page.getByLabel('SKU/商家编码', { exact: true }).fill('TEA-1')
  await page.getByLabel('商品名称', { exact: true }).fill('龙井茶')
  await page.getByRole('button', { name: '保存订单' }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 2 单')

  // Search by phone fragment, then by name.
  await page.getByRole('searchbox', { name: /搜索订单号/ }).fill('5678')
  await expect(page.getByTestId('order-total')).toHaveText('共 1 单')
  await expect(row).toBeVisible()
  await page.getByRole('searchbox', { name: /搜索订单号/ }).fill('赵丽')
  await expect(page.getByTestId('order-total')).toHaveText('共 1 单')
  await expect(page.locator('[role="row"][data-order-id]')).toContainText('赵丽')
  await page.getByRole('searchbox', { name: /搜索订单号/ }).fill('')
  await expect(page.getByTestId('order-total')).toHaveText('共 2 单')

  // Scan: the scanner types the code and Enter; the order opens.
  const scan = page.getByRole('textbox', { name: /扫描订单号/ })
  await scan.fill('KS2026112300001')
  await scan.press('Enter')
  const detail = page.getByTestId('order-detail')
  await expect(detail).toContainText('王小明')
  await expect(detail).toContainText('13912345678')
  await expect(detail).toContainText('保温杯 350ml')
  await expect(detail).toContainText('杯盖')
  await expect(detail).toContainText('创建订单')
  await page.keyboard.press('Escape')
  await scan.fill('NOPE-404')
  await scan.press('Enter')
  await expect(page.getByText('没有找到 NOPE-404 对应的订单')).toBeVisible()

  // Reload: still there (a real SQLite file behind it).
  await page.reload()
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await expect(page.getByTestId('order-total')).toHaveText('共 2 单')
  await expect(page.locator('[role="row"][data-order-id="KS2026112300001"]')).toBeVisible()
})

test('the language switch turns the UI to English and is remembered', async ({ page }) => {
  await open(page)
  await expect(page.getByRole('heading', { name: '订单' })).toBeVisible()
  await page.getByText('English', { exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Orders' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'New order' })).toBeVisible()
  await expect(page.getByRole('menuitem', { name: /After-sales/ })).toHaveAttribute(
    'aria-disabled',
    'true'
  )
  await page.reload()
  await expect(page.getByRole('button', { name: 'New order' })).toBeVisible()
  await page.getByText('中文', { exact: true }).click()
  await expect(page.getByRole('button', { name: '新建订单' })).toBeVisible()
})

test('without the token the server answers 401 and shows nothing', async ({ request }) => {
  for (const path of ['/', '/index.html', '/?token=wrong']) {
    const response = await request.get(host.origin + path, { maxRedirects: 0 })
    expect(response.status()).toBe(401)
    expect(await response.text()).toBe('')
  }
})
