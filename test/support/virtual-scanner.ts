import type { Page } from '@playwright/test'

/**
 * A barcode scanner on the page: real key events (through the browser's input pipeline, as a
 * USB scanner's keystrokes arrive) stamped by the scanner's own clock, so the gaps between keys
 * are the device's and not the test machine's (Playwright's keyboard.type on a busy machine
 * puts hundreds of ms between keys). `gapMs` 10 is a scanner; 150 is a person typing.
 */
export async function scanKeys(page: Page, code: string, gapMs = 10): Promise<void> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const start = Date.now() / 1000
    let i = 0
    const at = () => start + (i++ * gapMs) / 1000
    for (const ch of code) {
      const timestamp = at()
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, timestamp })
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp })
    }
    const enter = {
      key: 'Enter',
      code: 'Enter',
      windowsVirtualKeyCode: 13,
      nativeVirtualKeyCode: 13
    }
    const timestamp = at()
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', ...enter, text: '\r', timestamp })
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...enter, timestamp })
  } finally {
    await cdp.detach()
  }
}
