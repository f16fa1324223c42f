import { existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { formatDateTime } from '../../src/shared/time-zone'
import { startWebHost, type WebHost } from '../support/web-host'

// The browser sits in another zone than the station (Asia/Shanghai by default): every time on
// screen must still be the station's, as on the label.
test.use({ timezoneId: 'America/New_York' })

function createdAt(platformOrderId: string): number {
  const db = new Database(join(host.dataDir, 'waybill.sqlite'), { readonly: true })
  try {
    const row = db
      .prepare<[string], { created_at: number }>(
        'SELECT created_at FROM orders WHERE platform_order_id = ?'
      )
      .get(platformOrderId)
    return row?.created_at ?? 0
  } finally {
    db.close()
  }
}

let host: WebHost
const SHOTS = '.test-results/demo'

test.beforeEach(async () => {
  host = await startWebHost()
  mkdirSync(SHOTS, { recursive: true })
})
test.afterEach(async () => {
  await host.stop()
})

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

test('a new user: 载入示例订单, print one on the preview printer, find it in 已打印, remove the demo', async ({
  page
}) => {
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  // A fresh data folder: the Orders page offers the demo.
  const offer = page.getByTestId('demo-offer')
  await expect(offer).toBeVisible()
  await shot(page, 'orders-demo-offer')
  await offer.getByRole('button', { name: '载入示例订单' }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 36 单')
  await expect(page.getByTestId('demo-loaded')).toContainText('示例店铺的 36 个示例订单')
  await expect(page.getByTestId('demo-offer')).toHaveCount(0)
  const first = page.locator('[role="row"][data-order-id="DEMO-0036"]')
  await expect(first.getByTestId('demo-tag')).toHaveText('示例')
  await expect(first).toContainText(formatDateTime(createdAt('DEMO-0036'), 'Asia/Shanghai'))
  await shot(page, 'orders-demo-loaded')

  // 打单: pick one demo order; the demo pool's carrier says 演示 where it is chosen.
  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')
  await pick.getByRole('checkbox', { name: '选择订单 DEMO-0036' }).check()
  await page.getByRole('button', { name: /下一步：选择快递（1 单）/ }).click()
  const setup = page.getByTestId('print-setup')
  await expect(
    setup.getByRole('combobox', { name: '打印机', exact: true }).locator('..')
  ).toContainText('预览打印机')
  await setup.getByRole('combobox', { name: '快递公司', exact: true }).click()
  const yto = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
    hasText: /圆通速递/
  })
  await expect(yto.getByTestId('demo-pool-tag')).toHaveText('演示')
  await yto.click()
  await expect(setup.getByTestId('demo-pool-help')).toContainText('演示 DEMO')
  await expect(setup.getByTestId('print-check')).toContainText('将打印 1 单')
  await shot(page, 'print-demo-pool')
  await page.getByTestId('start-print').click()
  await expect(page.getByTestId('done-summary')).toHaveText('成功 1 张，失败 0 张，未打印 0 单', {
    timeout: 120_000
  })
  const tracking =
    (await page.getByTestId('batch-table').locator('code').first().textContent()) ?? ''
  expect(tracking).toMatch(/^DEMO\d{10}$/)
  // The preview printer wrote the label where the app says it keeps them.
  expect(existsSync(join(host.dataDir, 'labels', `${tracking}.png`))).toBe(true)

  // 已打印 lists it.
  await page.getByRole('menuitem', { name: '已打印' }).click()
  const printedRow = page.locator('.ant-table-row', { hasText: 'DEMO-0036' })
  await expect(printedRow).toContainText(tracking)
  await shot(page, 'printed-demo')

  // The first-run corner says where the preview printer saved it and shows it (a browser cannot
  // open a file manager).
  await page.getByRole('menuitem', { name: '订单' }).click()
  const banner = page.getByTestId('demo-loaded')
  await expect(banner.getByTestId('preview-folder')).toHaveText(join(host.dataDir, 'labels'))
  await banner.getByRole('button', { name: '查看最新面单' }).click()
  await expect(banner.getByTestId('preview-label').first()).toContainText(`${tracking}.png`)
  await expect(banner.getByRole('button', { name: '打开文件夹' })).toHaveCount(0)
  await shot(page, 'orders-preview-labels')

  // Removing the demo leaves an empty station, offered the demo again.
  await page.getByTestId('demo-loaded').getByRole('button', { name: '移除示例订单' }).click()
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /^移\s*除$/ })
    .click()
  await expect(page.getByText('已移除 36 个示例订单')).toBeVisible()
  await expect(page.getByTestId('order-total')).toHaveText('共 0 单')
  await expect(page.getByTestId('demo-offer')).toBeVisible()
  await page.getByRole('menuitem', { name: '已打印' }).click()
  await expect(page.locator('.ant-table-row', { hasText: 'DEMO-0036' })).toHaveCount(0)
})
