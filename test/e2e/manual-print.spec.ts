import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import jsQR from 'jsqr'
import { toRgba } from '../../src/main/core/printing/bitmap'
import { startVirtualPrinter, type VirtualPrinter } from '../support/virtual-printer'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost
let printer: VirtualPrinter
let dir: string
const SHOTS = '.test-results/manual-print'

test.beforeEach(async () => {
  printer = await startVirtualPrinter({ language: 'tspl' })
  host = await startWebHost()
  dir = mkdtempSync(join(tmpdir(), 'wb-e2e-print-'))
  mkdirSync(SHOTS, { recursive: true })
})
test.afterEach(async () => {
  await host.stop()
  await printer.close()
  rmSync(dir, { recursive: true, force: true })
})

const ORDERS = [
  ['KS8800001', '陈晓', '13812345678', '浙江省 杭州市 西湖区 文三路 100号', '保温杯 350ml', 1],
  ['KS8800002', '刘洋', '13900001111', '广东省 深圳市 南山区 科技园路 8号', '蓝牙耳机', 1],
  ['KS8800003', '周静', '13700002222', '上海市 上海市 浦东新区 世纪大道 1号', '手机壳', 2],
  ['KS8800004', '王芳', '13600003333', '北京市 北京市 朝阳区 建国路 88号', '龙井茶', 1]
] as const

async function writeSheet(file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('订单')
  sheet.addRow(['订单编号', '收货人姓名', '联系手机', '收货地址', '宝贝标题', '宝贝总数量'])
  for (const row of ORDERS) {
    sheet.addRow([...row])
  }
  await workbook.xlsx.writeFile(file)
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) })
}

/** The batch's labels by record state, read from the app's own database once none is in flight. */
async function settledAfterPause(): Promise<{ confirmed: number; queued: number }> {
  const db = new Database(join(host.dataDir, 'waybill.sqlite'), { readonly: true })
  try {
    const count = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM print_records WHERE state = ?'
    )
    const n = (state: string): number => count.get(state)?.n ?? 0
    await expect
      .poll(() => n('sending') + n('sent'), { timeout: 120_000, intervals: [50, 100, 250] })
      .toBe(0)
    return { confirmed: n('confirmed'), queued: n('queued') }
  } finally {
    db.close()
  }
}

async function choose(page: Page, combobox: string, option: RegExp): Promise<void> {
  await page.getByRole('combobox', { name: combobox, exact: true }).click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
    .click()
}

test("a packer's day: import, pool, printer, batch print, scan-to-print, scan-back, export, ship", async ({
  page
}) => {
  const file = join(dir, '快手订单.xlsx')
  await writeSheet(file)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  // 1. Orders in: the Orders page's import wizard.
  await page.getByRole('button', { name: '导入订单' }).click()
  const wizard = page.getByRole('dialog', { name: '导入订单' })
  await wizard.locator('.ant-upload-drag input[type=file]').setInputFiles(file)
  await wizard.getByRole('button', { name: '下一步：检查数据' }).click()
  await wizard.getByRole('button', { name: '导入 4 单' }).click()
  await expect(wizard.getByTestId('import-done')).toContainText('新增 4 单')
  await wizard.getByRole('button', { name: /^完\s*成$/ }).click()
  await expect(page.getByTestId('order-total')).toHaveText('共 4 单')

  // 2. Settings → 快递公司: a range of ZTO numbers.
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByRole('tab', { name: '快递公司' }).click()
  const carriers = page.getByTestId('carriers-tab')
  await expect(carriers.locator('tr[data-carrier="ZTO"]')).toContainText('单号不足')
  await choose(page, '快递公司', /中通快递/)
  await carriers.getByLabel('起始单号').fill('736100000001')
  await carriers.getByLabel('数量', { exact: true }).fill('50')
  await carriers.getByRole('button', { name: '添加号段' }).click()
  await expect(page.getByText('已添加 50 个单号')).toBeVisible()
  await expect(
    carriers.locator('tr[data-carrier="ZTO"]').getByTestId('carrier-balance')
  ).toHaveText('50')
  await expect(carriers.getByTestId('pools-table')).toContainText('736100000001 +50')
  await shot(page, 'settings-carriers')

  // 3. Settings → 打印机: the bench's label printer (the virtual one), made the default.
  await page.getByRole('tab', { name: '打印机' }).click()
  await page.getByRole('button', { name: '添加打印机' }).click()
  const form = page.getByRole('dialog', { name: '添加打印机' })
  await form.getByLabel('名称').fill('打包台1号')
  await form.getByLabel('连接地址').fill(`tcp://127.0.0.1:${String(printer.port)}`)
  await form.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(page.getByText('已保存 打包台1号')).toBeVisible()
  await page
    .locator('tr[data-printer-name="打包台1号"]')
    .getByRole('button', { name: '设为默认' })
    .click()
  await expect(page.getByText('打包台1号 已设为默认打印机')).toBeVisible()

  // 4. 打单, step 1: tick three pending orders.
  await page.getByRole('menuitem', { name: '打单' }).click()
  const pick = page.getByTestId('print-pick')
  await expect(pick.locator('[role="row"][data-order-id]')).toHaveCount(4)
  for (const id of ['KS8800001', 'KS8800002', 'KS8800003']) {
    await pick.getByRole('checkbox', { name: `选择订单 ${id}` }).check()
  }
  await expect(page.getByTestId('print-selection')).toContainText('已选 3 单')
  // The on-screen order is the print order.
  const rows = pick.locator('[role="row"][data-order-id]')
  const screenOrder: string[] = []
  for (let i = 0; i < (await rows.count()); i++) {
    const id = (await rows.nth(i).getAttribute('data-order-id')) ?? ''
    if (id !== 'KS8800004') {
      screenOrder.push(id)
    }
  }
  await shot(page, 'print-step1')
  await page.getByRole('button', { name: /下一步：选择快递（3 单）/ }).click()

  // Step 2: carrier, template, the default printer preselected, the check, then print.
  const setup = page.getByTestId('print-setup')
  await expect(
    setup.getByRole('combobox', { name: '打印机', exact: true }).locator('..')
  ).toContainText('打包台1号')
  await choose(page, '快递公司', /中通快递/)
  await expect(setup.getByTestId('print-check')).toContainText('将打印 3 单')
  await expect(setup.getByTestId('pool-check')).toContainText(
    '需要新单号 3 个，中通快递 单号池余 50 个'
  )
  await expect(page.getByTestId('print-preview').locator('img')).toBeVisible()
  await shot(page, 'print-step2')
  // A printer at a slow printer's pace (it answers its status once a label has fed out), so the
  // packer has time to press Pause mid-batch: pausing while label 1 or 2 is in flight both count
  // (asserted below), which leaves two label times for the click on a busy machine. The pace stays
  // well under the queue's 2 s status timeout, so it is never read as a silent printer.
  printer.pace(1200)
  await page.getByTestId('start-print').click()

  // Pause after the first label: the label in flight finishes, then nothing more comes out.
  await printer.waitForPrinted(1)
  const controls = page.getByTestId('print-controls')
  await controls.getByRole('button', { name: /暂\s*停/ }).click()
  await expect(page.getByTestId('print-paused')).toContainText('已暂停')
  // Settled when the app's own records say no label is in flight (sending, or sent and awaiting
  // the printer's answer): the queue sends the next label without awaiting anything after a
  // confirmed one, so with none in flight the paused loop has stopped. No clock involved.
  const printedWhilePaused = await settledAfterPause()
  expect(printedWhilePaused.confirmed).toBeGreaterThanOrEqual(1)
  expect(printedWhilePaused.confirmed).toBeLessThan(3)
  expect(printedWhilePaused.queued).toBe(3 - printedWhilePaused.confirmed)
  expect(printer.printed.length).toBe(printedWhilePaused.confirmed)
  await expect(page.getByTestId('progress-count')).toHaveText(
    `${String(printedWhilePaused.confirmed)} / 3`
  )
  await expect(page.getByTestId('print-paused')).toContainText('已暂停')
  await shot(page, 'print-paused')
  printer.pace(0)
  await controls.getByRole('button', { name: '继续打印' }).click()

  // Step 3: done, every label out.
  await expect(page.getByTestId('done-summary')).toHaveText('成功 3 张，失败 0 张，未打印 0 单', {
    timeout: 120_000
  })
  const batch = page.getByTestId('batch-table')
  const batchTracking = new Map<string, string>()
  for (const id of screenOrder) {
    const row = batch.locator('.ant-table-row', { hasText: id })
    await expect(row).toContainText('已打印')
    const text = (await row.locator('code').textContent()) ?? ''
    expect(text).toMatch(/^7361000000\d\d$/)
    batchTracking.set(id, text)
  }
  await shot(page, 'print-step3')
  await printer.waitForPrinted(3)

  // Printing the same orders again holds them out with the reason.
  await page.getByRole('button', { name: '再打一批' }).click()
  await pick.getByRole('checkbox', { name: 'KS8800001' }).check()
  await page.getByRole('button', { name: /下一步：选择快递（1 单）/ }).click()
  await expect(page.getByTestId('held-orders')).toContainText('已打印')
  await expect(page.getByTestId('start-print')).toBeDisabled()
  await page.getByRole('button', { name: '上一步' }).click()

  // 5. Scan-to-print: the scanner types the order id and Enter.
  await page.getByText('扫描打单', { exact: true }).click()
  const scan = page.getByTestId('scan-box')
  await expect(scan).toBeFocused()
  await expect(
    page
      .getByTestId('scan-print')
      .getByRole('combobox', { name: '快递公司', exact: true })
      .locator('..')
  ).toContainText('中通快递')
  await scan.fill('KS8800004')
  await scan.press('Enter')
  await expect(page.getByTestId('scan-result')).toContainText('已打印')
  const tracking4 = (await page.getByTestId('scan-tracking').textContent()) ?? ''
  expect(tracking4).toMatch(/^7361000000\d\d$/)
  expect([...batchTracking.values()]).not.toContain(tracking4)
  await printer.waitForPrinted(4)
  await shot(page, 'scan-printed')

  // Scanning it again offers a reprint with the same number, never a new one.
  await scan.fill('KS8800004')
  await scan.press('Enter')
  await expect(page.getByTestId('scan-result')).toContainText('已打印 — 补打?')
  await expect(page.getByTestId('scan-tracking')).toHaveText(tracking4)
  await shot(page, 'scan-reprint-offer')
  await page.getByRole('button', { name: '补打 (F2)' }).click()
  await expect(page.getByTestId('scan-result')).toContainText(`已补打 ${tracking4}`)
  await printer.waitForPrinted(5)

  // Scan-back: this order's label → green; another order's label → loud red.
  await scan.fill(tracking4)
  await scan.press('Enter')
  await expect(page.getByTestId('scan-verify')).toContainText(
    `已核对 ✓ ${tracking4} 属于订单 KS8800004`
  )
  const other = batchTracking.get('KS8800001') ?? ''
  await scan.fill(other)
  await scan.press('Enter')
  await expect(page.getByTestId('scan-wrong')).toContainText(
    `贴错了！运单 ${other} 属于订单 KS8800001，不是当前订单 KS8800004`
  )
  await shot(page, 'scan-wrong')

  // What the printer received: 5 labels whose QR codes read back to the numbers, in order.
  expect(printer.printed).toHaveLength(5)
  // (jsQR reads each label's QR code; the ZXing reader is ESM-only and stays in the unit tier.)
  const decoded = printer.printed.map(
    (label) =>
      jsQR(toRgba(label.bitmap), label.bitmap.width, label.bitmap.height, {
        inversionAttempts: 'dontInvert'
      })?.data ?? ''
  )
  expect(decoded).toEqual([
    ...screenOrder.map((id) => batchTracking.get(id) ?? ''),
    tracking4,
    tracking4
  ])

  // 6. 已打印: four packages; export xlsx and find every number; ship them.
  await page.getByRole('menuitem', { name: '已打印' }).click()
  const printed = page.getByTestId('printed-page')
  await expect(printed.getByTestId('printed-total')).toHaveText('共 4 个包裹')
  const row4 = printed.locator(`tr[data-tracking="${tracking4}"]`)
  await expect(row4).toContainText('王*')
  await expect(row4).toContainText('136****3333')
  await expect(row4).toContainText('已核对')
  await expect(row4).toContainText('2')
  await shot(page, 'printed')
  await printed.getByRole('button', { name: /导出/ }).click()
  const exportDialog = page.getByRole('dialog', { name: /导出已打印订单/ })
  await shot(page, 'printed-export')
  const downloading = page.waitForEvent('download')
  await exportDialog.getByRole('button', { name: /^导\s*出$/ }).click()
  const download = await downloading
  const saved = join(dir, 'export.xlsx')
  await download.saveAs(saved)
  const book = new ExcelJS.Workbook()
  await book.xlsx.readFile(saved)
  const cells: string[] = []
  book.worksheets[0]?.eachRow((r) => {
    r.eachCell((c) => {
      cells.push(c.text)
    })
  })
  for (const number of [...batchTracking.values(), tracking4]) {
    expect(cells).toContain(number)
  }
  expect(cells).toContain('订单号')
  expect(cells).toContain('运单号')

  await printed.locator('thead').getByRole('checkbox').check()
  await printed.getByRole('button', { name: '发货（4）' }).click()
  // Ship names the parcels never checked and the one whose scan-back said 贴错了; ship them all.
  await expect(page.getByTestId('ship-check')).toContainText('贴错了')
  await page.getByRole('button', { name: '全部发货（4 单）' }).click()
  const outcomes = page.getByTestId('ship-outcomes')
  await expect(outcomes).toContainText('发货 4 单，之前已发货 0 单，未打印 0 单')
  await shot(page, 'printed-shipped')
  await page
    .getByRole('dialog', { name: '发货结果' })
    .getByRole('button', { name: /OK|确\s*定/ })
    .click()
  await expect(printed.getByTestId('shipped-cell').filter({ hasText: '已发货' })).toHaveCount(4)
})
