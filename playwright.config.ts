import { defineConfig } from '@playwright/test'

/** End-to-end tests drive the real UI in Debian's Chromium through browser mode (DESIGN §8). */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: '.test-results/playwright',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // Ceilings, not expectations: a busy 2-core machine runs the same steps several times slower,
  // and every wait is on something the app shows, so a generous ceiling costs nothing when green.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  use: {
    headless: true,
    viewport: { width: 1400, height: 860 },
    locale: 'zh-CN',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run'
      ]
    }
  }
})
