import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { generatedOrders, writeCsv } from '../support/import-fixtures'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost
let dir: string

test.beforeEach(async () => {
  host = await startWebHost()
  dir = mkdtempSync(join(tmpdir(), 'wb-e2e-import-cancel-'))
})
test.afterEach(async () => {
  await host.stop()
  rmSync(dir, { recursive: true, force: true })
})

const ORDERS = 30_000
/** The count as the screen may show it, with or without a thousands separator. */
const SHOWN = '30,?000'
/** Ceiling for reading, checking or writing the whole file: generous, never a speed target. */
const COMMIT = 120_000

test('a packer watches a large import being written, cancels it, and imports it again', async ({
  page
}) => {
  const file = join(dir, '大批订单.csv')
  const { header, rows } = generatedOrders(ORDERS)
  writeCsv(file, [header, ...rows])
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  await page.getByRole('button', { name: '导入订单' }).click()
  const dialog = page.getByRole('dialog', { name: '导入订单' })
  await dialog.locator('.ant-upload-drag input[type=file]').setInputFiles(file)
  await dialog.getByRole('button', { name: '下一步：检查数据' }).click()
  const counts = dialog.getByTestId('import-counts')
  await expect(counts.locator('.ant-statistic').filter({ hasText: '新增' })).toContainText(
    new RegExp(SHOWN),
    { timeout: COMMIT }
  )

  const commit = dialog.getByRole('button', { name: new RegExp(`^导入 ${SHOWN} 单$`) })
  await commit.click()
  const progress = dialog.getByTestId('import-progress')
  // Orders written of the plan's total, with a speed, while the transaction runs.
  await expect(progress).toContainText(
    new RegExp(`正在写入：[1-9][\\d,]* / ${SHOWN} 个订单，[1-9][\\d,]* 个/秒`),
    { timeout: COMMIT }
  )
  await page.screenshot({ path: '.test-results/import-commit-progress.png' })
  await progress.getByRole('button', { name: /取\s*消/ }).click()

  await expect(dialog.getByText('导入已取消，没有写入任何订单；可以再次点击导入')).toBeVisible({
    timeout: COMMIT
  })
  await expect(counts).toBeVisible()
  await expect(page.getByTestId('order-total')).toHaveText('共 0 单')

  // The same preview commits again.
  await commit.click()
  // The whole commit (~3 000 orders/s on a loaded 2-core machine): wait on its own result.
  await expect(dialog.getByTestId('import-done')).toContainText(new RegExp(`新增 ${SHOWN} 单`), {
    timeout: COMMIT
  })
  await dialog.getByRole('button', { name: /^完\s*成$/ }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByTestId('order-total')).toHaveText(new RegExp(`^共 ${SHOWN} 单$`), {
    timeout: COMMIT
  })
})
