import { expect, test } from '@playwright/test'
import { startWebHost, type WebHost } from '../support/web-host'

let host: WebHost

test.beforeEach(async () => {
  host = await startWebHost()
})
test.afterEach(async () => {
  await host.stop()
})

test('a shop owner sets the sender printed on every label, and it is kept', async ({ page }) => {
  await page.goto(host.url)
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByRole('tab', { name: '寄件人' }).click()
  await expect(page.getByText('还没有填写寄件人')).toBeVisible()

  await page.getByLabel('寄件人 / 店铺名', { exact: true }).fill('好物优选 杭州仓')
  await page.getByLabel('电话', { exact: true }).fill('8888')
  // The phone is checked as it is typed; its message moves the form down, so the save click
  // waits for it rather than landing while the layout shifts (lost on a busy CI machine).
  await expect(page.getByText('请输入11位手机号')).toBeVisible()
  await page.getByLabel('详细地址', { exact: true }).fill('仓前街道梦想小镇 3 号仓')
  await page.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(page.getByText('请选择省 / 市 / 区')).toBeVisible()

  await page.getByLabel('电话', { exact: true }).fill('0571-88886666')
  await page.getByRole('combobox', { name: /省 \/ 市 \/ 区/ }).click()
  for (const name of ['浙江省', '杭州市', '余杭区']) {
    await page.locator('.ant-cascader-menu-item', { hasText: new RegExp(`^${name}$`) }).click()
  }
  await page.getByRole('button', { name: /^保\s*存$/ }).click()
  await expect(page.getByText('寄件人已保存')).toBeVisible()
  await expect(page.getByText('还没有填写寄件人')).toBeHidden()

  await page.reload()
  await expect(page.locator('#root[data-app-state="ready"]')).toBeVisible()
  await page.getByRole('menuitem', { name: '设置' }).click()
  await page.getByRole('tab', { name: '寄件人' }).click()
  await expect(page.getByLabel('寄件人 / 店铺名', { exact: true })).toHaveValue('好物优选 杭州仓')
  await expect(page.getByLabel('电话', { exact: true })).toHaveValue('0571-88886666')
  await expect(page.locator('.ant-cascader')).toContainText('浙江省 / 杭州市 / 余杭区')
})
