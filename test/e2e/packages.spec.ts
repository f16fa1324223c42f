import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import ExcelJS from 'exceljs'
import { openCore } from '../../src/main/core/app'
import {
  DAY,
  appendNumber,
  seedShippedOrders,
  seededOrderId,
  writeSheet
} from '../support/append-batch-fixtures'
import { startWebHost, type WebHost } from '../support/web-host'

/**
 * 包裹与追加 (issue 11 items 5–7, 9), acted as a packer does in Chromium: an append typed in the
 * order list's row action, one scanned (type + Enter) from the order's detail, one refused with
 * its rule's words; the page lists both; a batch with refused rows, whose refused sheet is
 * downloaded and read back; a 5001-row sheet refused whole. The shipped orders are seeded by
 * the batch-append fixture (fully shipped, first ZTO package, inside the 30-day window).
 */
let host: WebHost | null = null

test.afterEach(async () => {
  await host?.stop()
  host = null
})

const SHOTS = '.test-results/packages'
const PENDING = 'PK-PENDING-1'
const TYPED = appendNumber(901)
const SCANNED = appendNumber(902)

async function seed(dataDir: string): Promise<void> {
  const core = openCore({ dataDir, host: { host: 'cli', version: '0.0.0-e2e' } })
  try {
    seedShippedOrders(core.db, 3, { shippedAt: Date.now() - 2 * DAY })
    const added = await core.dispatch('orders.add', {
      platformOrderId: PENDING,
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
    if (!added.ok) {
      throw new Error(added.error.message)
    }
  } finally {
    core.close()
  }
}

async function chooseCarrier(page: Page): Promise<void> {
  const dialog = page.getByTestId('append-dialog')
  await dialog.getByRole('combobox', { name: '快递公司' }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '中通快递 (ZTO)' })
    .click()
}

/** The append dialog's own ✕ (a drawer behind it has one too). */
async function closeAppendDialog(page: Page): Promise<void> {
  await page.locator('.ant-modal-close').click()
  await expect(page.getByTestId('append-dialog')).toBeHidden()
}

function orderRow(page: Page, orderId: string) {
  return page.locator(`[role="row"][data-order-id="${orderId}"]`)
}

test('append one package by each path, see refusals, list them, and append in batch', async ({
  page
}) => {
  mkdirSync(SHOTS, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-packages-'))
  await seed(dataDir)
  host = await startWebHost(dataDir)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  // A pending order: refused before confirm, with the rule's id and words.
  await orderRow(page, PENDING).getByRole('button', { name: '追加包裹' }).click()
  await chooseCarrier(page)
  const refusal = page.getByTestId('append-refusal')
  await expect(refusal).toContainText('APPEND_AFTER_FULL_SHIP')
  await expect(refusal).toContainText('全部发货后才能追加包裹')
  await expect(page.getByTestId('append-confirm')).toBeDisabled()
  await page.getByTestId('append-dialog').screenshot({ path: `${SHOTS}/dialog-refused.png` })
  await closeAppendDialog(page)

  // Typed, from the order list's row action: the deadline and the count show before confirm.
  const first = seededOrderId(1)
  await orderRow(page, first).getByRole('button', { name: '追加包裹' }).click()
  await chooseCarrier(page)
  await page.getByRole('textbox', { name: '运单号', exact: true }).fill(TYPED)
  await expect(page.getByTestId('append-deadline')).toContainText('最晚可追加到')
  await expect(page.getByTestId('append-count')).toContainText('已追加 0/20 个')
  await expect(page.getByText('可以追加')).toBeVisible()
  await page.getByTestId('append-confirm').click()
  await expect(page.getByText(`已追加：ZTO ${TYPED}`)).toBeVisible()
  // The same number again is the same package, and says so.
  await page.getByRole('textbox', { name: '运单号', exact: true }).fill(TYPED)
  await expect(page.getByText('是同一个包裹')).toBeVisible()
  await closeAppendDialog(page)

  // Scanned (type + Enter), from the order's detail.
  const second = seededOrderId(2)
  await orderRow(page, second).click()
  const detail = page.getByTestId('order-detail')
  await expect(detail).toBeVisible()
  await detail.getByRole('button', { name: '追加包裹' }).click()
  await chooseCarrier(page)
  const numberBox = page.getByRole('textbox', { name: '运单号', exact: true })
  await numberBox.click()
  await page.keyboard.type(SCANNED)
  await page.keyboard.press('Enter')
  await expect(page.getByText(`已追加：ZTO ${SCANNED}`)).toBeVisible()
  await expect(numberBox).toHaveValue('')
  await closeAppendDialog(page)
  await expect(detail.getByText(SCANNED)).toBeVisible()
  await page.keyboard.press('Escape')

  // The page lists both appended packages with their orders' first packages.
  await page.getByRole('menuitem', { name: '包裹与追加' }).click()
  const grid = page.getByRole('grid', { name: 'packages' })
  await expect(grid.locator(`[data-tracking-number="${TYPED}"]`)).toContainText('包裹 2/2')
  await expect(grid.locator(`[data-tracking-number="${SCANNED}"]`)).toContainText('追加')
  await expect(page.getByTestId('package-count')).toHaveText('共 4 个包裹')
  await page.screenshot({ path: `${SHOTS}/page.png` })

  // A batch with refused rows: the preview counts them and names row, column, rule, reason.
  const sheet = join(dataDir, 'append.xlsx')
  await writeSheet(
    sheet,
    ['订单号', '快递公司', '运单号', '备注'],
    [
      [seededOrderId(3), '中通', appendNumber(903), ''],
      [seededOrderId(3), 'ZTO', appendNumber(903), '重复'],
      ['NO-SUCH-ORDER', '中通快递', appendNumber(904), ''],
      [PENDING, 'ZTO', appendNumber(905), '']
    ]
  )
  await page.getByRole('button', { name: '批量追加' }).click()
  await page
    .getByTestId('batch-append')
    .locator('.ant-upload-drag input[type=file]')
    .setInputFiles(sheet)
  const preview = page.getByTestId('batch-preview')
  await expect(preview).toContainText('可追加 1 行')
  await expect(preview).toContainText('不可追加 3 行')
  const refused = page.getByTestId('batch-refused')
  await expect(refused).toContainText('APPEND_AFTER_FULL_SHIP')
  await expect(refused).toContainText('找不到这个订单')
  await expect(refused).toContainText('运单号在表格中重复')
  await page.getByTestId('batch-append').screenshot({ path: `${SHOTS}/batch-preview.png` })

  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: '下载不可追加的行（含原因列）' }).click()
  const download = await downloading
  const saved = join(dataDir, 'refused.xlsx')
  await download.saveAs(saved)
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(saved)
  const ws = workbook.worksheets[0]
  const header = (ws?.getRow(1).values as unknown[]).map(String)
  expect(header.some((h) => h.includes('原因'))).toBe(true)
  expect(ws?.actualRowCount).toBe(4)

  await page.getByRole('button', { name: /提交可追加的 1 行/ }).click()
  await expect(page.getByTestId('batch-committed')).toContainText('已追加 1 个包裹')

  // A 5001-row sheet is refused whole, with the offer to take it as several batches.
  const big = join(dataDir, 'big.xlsx')
  await writeSheet(
    big,
    ['订单号', '快递公司', '运单号'],
    Array.from({ length: 5001 }, (_, k) => [seededOrderId(1), 'ZTO', appendNumber(10_000 + k)])
  )
  await page
    .getByTestId('batch-append')
    .locator('.ant-upload-drag input[type=file]')
    .setInputFiles(big)
  const tooBig = page.getByTestId('batch-too-big')
  await expect(tooBig).toContainText('APPEND_BATCH_MAX_5000')
  await expect(tooBig).toContainText('一次批量追加最多 5000 行')
  await expect(tooBig.getByRole('button', { name: /分成 2 批/ })).toBeVisible()
})
