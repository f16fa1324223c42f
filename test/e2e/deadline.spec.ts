import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { openCore } from '../../src/main/core/app'
import { startWebHost, type WebHost } from '../support/web-host'

/**
 * Shipping deadlines (issue 12 item 3; issue 10 item 10's deadline filter): the order list and
 * print step 1 show the time left, mark orders near and past it, filter and sort by it, and a
 * new promise in Settings → 店铺规则 moves the deadlines that came from it.
 */

let host: WebHost
const HOUR = 3_600_000

/** Three pending orders paid 50 h, 40 h and 1 h ago, under the default 48 h promise. */
async function seed(dataDir: string): Promise<void> {
  const core = openCore({ dataDir, host: { host: 'cli', version: '0.0.0-e2e' } })
  try {
    const now = Date.now()
    for (const [id, paidHoursAgo] of [
      ['KS8800001', 50],
      ['KS8800002', 40],
      ['KS8800003', 1]
    ] as const) {
      const result = await core.dispatch('orders.add', {
        platformOrderId: id,
        paidAt: now - paidHoursAgo * HOUR,
        createdAt: now - paidHoursAgo * HOUR - 60_000,
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
      if (!result.ok) {
        throw new Error(result.error.message)
      }
    }
  } finally {
    core.close()
  }
}

test.beforeEach(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-deadline-'))
  await seed(dataDir)
  host = await startWebHost(dataDir)
})
test.afterEach(async () => {
  await host.stop()
})

async function chooseDeadline(page: Page, scope: string, option: string): Promise<void> {
  await page.getByTestId(scope).getByRole('combobox', { name: '发货期限' }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .click()
}

const row = (page: Page, scope: string, id: string) =>
  page.getByTestId(scope).locator(`[role="row"][data-order-id="${id}"]`)

test('the lists show the time left, filter late and due-soon orders, and follow a new shop promise', async ({
  page
}) => {
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  // 订单: late in red, due soon in orange, the calm one counts down.
  await expect(row(page, 'orders-page', 'KS8800001').getByTestId('deadline')).toContainText(
    /^超时 2小时/
  )
  await expect(row(page, 'orders-page', 'KS8800002').getByTestId('deadline')).toContainText(
    /^剩 7小时5\d分$/
  )
  await expect(row(page, 'orders-page', 'KS8800003').getByTestId('deadline')).toContainText(
    /^剩 1天22小时$/
  )
  await expect(row(page, 'orders-page', 'KS8800001').locator('.ant-tag-red')).toBeVisible()
  await expect(row(page, 'orders-page', 'KS8800002').locator('.ant-tag-orange')).toBeVisible()

  await chooseDeadline(page, 'orders-page', '已超时未打印')
  const rows = page.getByTestId('orders-page').locator('[role="row"][data-order-id]')
  await expect(rows).toHaveCount(1)
  await expect(rows.first()).toHaveAttribute('data-order-id', 'KS8800001')
  await page.screenshot({ path: '.test-results/shots/deadline-orders-zh-CN.png' })

  // Print step 1 has the same filter and the most-urgent-first sort.
  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')
  await pick.getByRole('combobox', { name: '排序' }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', {
      hasText: '最晚发货时间 紧→松'
    })
    .click()
  const pickRows = pick.locator('[role="row"][data-order-id]')
  await expect(pickRows).toHaveCount(3)
  await expect(pickRows.nth(0)).toHaveAttribute('data-order-id', 'KS8800001')
  await expect(pickRows.nth(1)).toHaveAttribute('data-order-id', 'KS8800002')
  await chooseDeadline(page, 'print-pick', '12 小时内到期')
  await expect(pickRows).toHaveCount(1)
  await expect(pickRows.first()).toHaveAttribute('data-order-id', 'KS8800002')

  // Settings → 店铺规则: a 24 h promise makes the order paid 40 h ago late too.
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByRole('tab', { name: '店铺规则' }).click()
  const rules = page.getByTestId('shop-rules')
  const hours = rules.getByRole('spinbutton', { name: /付款后多少小时内发货 手工店铺/ })
  await expect(hours).toHaveValue('48')
  await hours.fill('24')
  await rules.getByRole('button', { name: /保\s*存/ }).click()
  await expect(
    page.getByText(/已保存：手工店铺 付款后 24 小时内发货，3 单的发货期限已更新/)
  ).toBeVisible()
  await page.screenshot({ path: '.test-results/shots/shop-rules-zh-CN.png' })

  await page.getByRole('menuitem', { name: '订单' }).click()
  await chooseDeadline(page, 'orders-page', '已超时未打印')
  await expect(rows).toHaveCount(2)
  await expect(row(page, 'orders-page', 'KS8800002').getByTestId('deadline')).toContainText(
    /^超时 16小时/
  )

  // The same words in English.
  await page.getByText('English', { exact: true }).click()
  await expect(row(page, 'orders-page', 'KS8800001').getByTestId('deadline')).toContainText(
    /^1 d 2 h late$/
  )
})
