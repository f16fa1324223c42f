import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { openCore } from '../../src/main/core/app'
import { startWebHost, type WebHost } from '../support/web-host'

/**
 * 拆单 on the order's detail (issue 11 item 3), acted as a packer does in Chromium: an order with
 * a frozen and an ambient item opens as two packages that say 冷冻与常温分开; one unit of the
 * ambient item moves into package 1; the plan is saved, and opening 拆单 again shows it kept.
 */
let host: WebHost | null = null

test.afterEach(async () => {
  await host?.stop()
  host = null
})

const SHOTS = '.test-results/split-plan'
const ORDER = 'SPLIT-E2E-1'

async function seed(dataDir: string): Promise<void> {
  const core = openCore({ dataDir, host: { host: 'cli', version: '0.0.0-e2e' } })
  try {
    const added = await core.dispatch('orders.add', {
      platformOrderId: ORDER,
      receiver: {
        name: '陈晓',
        phone: '13812345678',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路 100 号'
      },
      items: [
        {
          sku: 'FZ-DUMP',
          title: '速冻水饺 1kg',
          quantity: 2,
          unitWeightG: 1000,
          temperatureZone: 'frozen'
        },
        { sku: 'AM-TISSUE', title: '抽纸 3 包', quantity: 3, unitWeightG: 400 }
      ]
    })
    if (!added.ok) {
      throw new Error(added.error.message)
    }
  } finally {
    core.close()
  }
}

test('a frozen and an ambient item split in two, an item moved, saved and kept', async ({
  page
}) => {
  mkdirSync(SHOTS, { recursive: true })
  const dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-split-'))
  await seed(dataDir)
  host = await startWebHost(dataDir)
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()

  await page.locator(`[role="row"][data-order-id="${ORDER}"]`).click()
  const detail = page.getByTestId('order-detail')
  await expect(detail).toBeVisible()
  await detail.getByRole('button', { name: /^拆\s*单$/ }).click()

  const editor = page.getByTestId('split-plan')
  const cards = editor.getByTestId('split-package')
  await expect(cards).toHaveCount(2)
  await expect(cards.nth(0)).toContainText('包裹 1/2')
  await expect(cards.nth(0)).toContainText('速冻水饺 1kg ×2')
  await expect(cards.nth(0)).toContainText('冷冻与常温分开')
  await expect(cards.nth(1)).toContainText('抽纸 3 包 ×3')
  await expect(cards.nth(1)).toContainText('冷冻与常温分开')
  await page.screenshot({ path: `${SHOTS}/proposal.png` })

  // One of the three tissue packs goes into package 1.
  const tissue = cards.nth(1).getByTestId('split-line')
  await tissue.getByRole('spinbutton', { name: '数量' }).fill('1')
  await tissue.getByTestId('split-move').click()
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '包裹 1/2' })
    .click()
  await expect(cards.nth(0)).toContainText('抽纸 3 包 ×1')
  await expect(cards.nth(0)).toContainText('手动调整')
  await expect(cards.nth(1)).toContainText('抽纸 3 包 ×2')
  await page.screenshot({ path: `${SHOTS}/moved.png` })
  await page.getByRole('button', { name: '保存拆单' }).click()
  await expect(page.getByText('已保存：2 个包裹')).toBeVisible()
  await expect(editor).toBeHidden()

  // Opened again: the packer's plan, not the proposal.
  await detail.getByRole('button', { name: /^拆\s*单$/ }).click()
  await expect(editor.getByText('这是已保存的拆单方案')).toBeVisible()
  await expect(cards).toHaveCount(2)
  await expect(cards.nth(0)).toContainText('速冻水饺 1kg ×2')
  await expect(cards.nth(0)).toContainText('抽纸 3 包 ×1')
  await expect(cards.nth(0)).toContainText('手动拆单')
  await expect(cards.nth(1)).toContainText('抽纸 3 包 ×2')
  await page.screenshot({ path: `${SHOTS}/saved.png` })
})
