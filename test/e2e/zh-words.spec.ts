import { hostname } from 'node:os'
import { expect, test, type Page } from '@playwright/test'
import { startWebHost, type WebHost } from '../support/web-host'

/**
 * Latin words the Chinese UI may show: proper names, carrier and printer-language codes, units,
 * file formats and the like. Anything else Latin-only on a zh-CN screen is an untranslated word
 * or an internal key (issue 10 item 12).
 */
const ALLOWED = new Set(
  [
    'Waybill',
    'Station',
    'English', // the language switch names its language in that language
    'YTO',
    'ZTO',
    'STO',
    'SF',
    'YD',
    'JD',
    'JT',
    'EMS',
    'DEMO',
    'ESC/POS',
    'ESC',
    'POS',
    'TSPL',
    'ZPL',
    'TCP',
    'USB',
    'IP',
    'dpi',
    'mm', // units of measure, written so in Chinese too
    'cm',
    'kg',
    'g',
    'xlsx',
    'csv',
    'PDF',
    'PNG',
    'SKU',
    'GBK',
    'UTF',
    'BOM',
    'Excel',
    'lp',
    'tcp',
    'file',
    'preview',
    'labels',
    'dev',
    'Type-C',
    'A4',
    'F2',
    'MB',
    'txt',
    'Shift', // a key on the keyboard, named as printed on it
    'XS',
    'XL',
    'XXL',
    hostname()
  ].map((word) => word.toLowerCase())
)

/** Latin-only words on the screen that are not names, codes, numbers or addresses. */
async function latinWords(page: Page): Promise<string[]> {
  const placeholders: string[] = []
  for (const input of await page.locator('input:visible, textarea:visible').all()) {
    placeholders.push((await input.getAttribute('placeholder')) ?? '')
  }
  const text = [await page.locator('body').innerText(), ...placeholders].join('\n')
  const found = new Map<string, string>()
  // A token glued to digits (500ml, A4, DEMO-0001, YT123) is a code, an amount or a name.
  for (const match of text.matchAll(/[A-Za-z0-9][A-Za-z0-9_.\-/:@]*/g)) {
    const token = match[0].replace(/[.:\-/]+$/, '')
    const isCode =
      /\d/.test(token) ||
      token.includes('://') ||
      /^[A-Z]+(?:_[A-Z]+)+$/.test(token) || // a platform rule id (DESIGN §2), shown on purpose
      /^[A-Z][a-z]+\/[A-Z][A-Za-z_]+$/.test(token) // an IANA time zone (Asia/Shanghai)
    const words = token.split(/[/.:@]/).filter((w) => w.length > 0)
    if (
      isCode ||
      token.length < 2 ||
      ALLOWED.has(token.toLowerCase()) ||
      words.every((w) => ALLOWED.has(w.toLowerCase()))
    ) {
      continue
    }
    if (!found.has(token)) {
      const around = text.slice(Math.max(0, match.index - 20), match.index + 30)
      found.set(token, `${token}  ←  …${around.replace(/\s+/g, ' ')}…`)
    }
  }
  return [...found.values()]
}

let host: WebHost

test.beforeEach(async () => {
  host = await startWebHost()
})
test.afterEach(async () => {
  await host.stop()
})

test('every page, the order detail, the settings tabs and one-click dialogs speak Chinese', async ({
  page
}) => {
  const seen: string[] = []
  const check = async (where: string) => {
    // Let the screen settle on what the app shows, then read it.
    await expect(page.locator('.ant-spin-spinning')).toHaveCount(0)
    for (const word of await latinWords(page)) {
      seen.push(`${where}: ${word}`)
    }
  }
  const closeDialog = async () => {
    await page.keyboard.press('Escape')
    await expect(page.locator('.ant-modal-wrap:visible, .ant-drawer-open')).toHaveCount(0)
  }

  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await check('订单 (empty)')
  await page.getByRole('button', { name: '载入示例订单' }).click()
  await expect(page.getByText(/正在使用示例数据/)).toBeVisible()

  // A few demo labels printed on the preview printer, so packages and 已打印 have rows.
  const api = async <T>(method: string, input: unknown): Promise<T> => {
    const response = await page.request.post(`${host.origin}/api/call/${method}`, { data: input })
    const body = (await response.json()) as { ok: boolean; value: T }
    expect(body.ok, `${method} ${JSON.stringify(body)}`).toBe(true)
    return body.value
  }
  const orders = await api<{ rows: { id: number }[] }>('orders.list', { limit: 3 })
  const carriers = await api<{ carriers: { code: string; available: number }[] }>(
    'carriers.list',
    {}
  )
  const printers = await api<{ printers: { id: number }[] }>('printers.list', {})
  const carrier = carriers.carriers.find((c) => c.available > 0)?.code ?? 'ZTO'
  // Carrier codes (YUNDA, POSTB …) are codes the platforms use, shown as they are.
  for (const c of carriers.carriers) {
    ALLOWED.add(c.code.toLowerCase())
  }
  await api('print.start', {
    orderIds: orders.rows.map((o) => o.id),
    carrier,
    printerId: printers.printers[0]?.id
  })

  await page.getByRole('menuitem', { name: '已打印' }).click()
  await expect(page.locator('.ant-table-row')).toHaveCount(3)
  await check('已打印')
  await page
    .getByRole('button', { name: /导\s*出/ })
    .first()
    .click()
  await check('已打印 → 导出')
  await closeDialog()

  await page.getByRole('menuitem', { name: '订单' }).click()
  await expect(page.locator('[role="row"][data-order-id]').first()).toBeVisible()
  await check('订单')
  await page.getByRole('button', { name: /新建订单/ }).click()
  await check('新建订单')
  await closeDialog()
  await page.getByRole('button', { name: /导入订单/ }).click()
  await check('导入订单')
  await closeDialog()
  await page.getByRole('button', { name: /列设置/ }).click()
  await check('列设置')
  await page.keyboard.press('Escape')
  // The order detail of a printed order: packages, states and history.
  await page.getByRole('menuitem', { name: '已打印' }).click()
  const printedOrder = (await page.locator('.ant-table-row').first().innerText()).match(
    /DEMO-\d+/
  )?.[0]
  await page.getByRole('menuitem', { name: '订单' }).click()
  const scan = page.getByRole('textbox', { name: /扫描订单号/ })
  await scan.fill(printedOrder ?? '')
  await scan.press('Enter')
  await expect(page.getByTestId('order-detail')).toBeVisible()
  await check('订单详情')
  await page.screenshot({ path: '.test-results/shots/zh-detail.png' })
  await closeDialog()

  await page.getByRole('menuitem', { name: '打单' }).click()
  await check('打单')
  await page.getByText('扫描打单', { exact: true }).click()
  await check('打单 → 扫描打单')
  await page.getByRole('button', { name: /打印队列/ }).click()
  await check('打印队列')
  await page.keyboard.press('Escape')

  await page.getByRole('menuitem', { name: '设置' }).click()
  for (const tab of await page.getByRole('tab').all()) {
    await tab.click()
    await check(`设置 → ${await tab.innerText()}`)
  }

  await page.screenshot({ path: '.test-results/shots/zh-settings.png' })
  expect(seen, seen.join('\n')).toEqual([])
})
