import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startWebHost, type WebHost } from '../support/web-host'

/** A port free right now, so the restarted host comes back at the same address as `npm start`. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0)
      })
    })
  })
}

let dataDir: string
let hosts: WebHost[] = []

test.beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-restart-'))
  hosts = []
})
test.afterEach(async () => {
  for (const host of hosts) {
    await host.stop({ keepData: true })
  }
  rmSync(dataDir, { recursive: true, force: true })
})

test('a tab open across an app restart says the app restarted, then reloads into the new run', async ({
  page,
  context
}) => {
  const port = await freePort()
  const first = await startWebHost(dataDir, port)
  hosts.push(first)
  await page.goto(first.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('button', { name: '载入示例订单' }).click()
  await expect(page.getByText(/正在使用示例数据/)).toBeVisible()

  // The packer restarts the app: same data folder, same port, a new token.
  await first.stop({ keepData: true })
  hosts = []
  const second = await startWebHost(dataDir, port)
  hosts.push(second)

  // The old tab acts: it must not show a failed call over an empty list.
  await page.getByRole('menuitem', { name: '已打印' }).click()
  const notice = page.getByRole('alertdialog', { name: '程序已重新启动，这个页面已失效' })
  await expect(notice).toBeVisible()
  await expect(notice).toContainText('请用启动时打印的新地址')
  await expect(page.getByText('session_expired')).toHaveCount(0)
  await page.screenshot({ path: '.test-results/shots/restart-notice.png' })

  // Opening the new address once (another tab) lets the old tab in again: it reloads by itself.
  const fresh = await context.newPage()
  await fresh.goto(second.url)
  await expect(fresh.locator('#root[data-app-state="ready"]')).toBeVisible()
  await expect(notice).toBeHidden()
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('menuitem', { name: '订单' }).click()
  // The data survived the restart: the reloaded tab lists the demo orders again.
  await expect(page.getByText(/正在使用示例数据/)).toBeVisible()
})
