import { posix, win32 } from 'node:path'
import { describe, expect, test } from 'vitest'
import {
  APP_ORIGIN,
  DEFAULT_WINDOW_STATE,
  isTrustedSender,
  isTrustedUrl,
  parseWindowState,
  resolveAppPath
} from '../../../src/main/electron/trust'

describe('isTrustedUrl', () => {
  test.each([
    `${APP_ORIGIN}/`,
    'app://waybill/index.html',
    'app://waybill/assets/index-abc.js?x=1#top'
  ])('trusts our own page %s', (url) => {
    expect(isTrustedUrl(url)).toBe(true)
  })

  test.each([
    'https://waybill/',
    'http://127.0.0.1:5317/',
    'file:///C:/app/resources/app.asar/out/renderer/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://waybill/1234',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    'app://waybill.evil.com/',
    'app://evil.com/waybill',
    'app://waybill:8080/',
    'app://waybil/',
    'app:waybill/index.html',
    'app:///waybill/index.html',
    '//waybill/index.html',
    '',
    'not a url'
  ])('does not trust %j', (url) => {
    expect(isTrustedUrl(url)).toBe(false)
  })
})

describe('isTrustedSender', () => {
  const top = { url: 'app://waybill/index.html', parent: null }

  test('the top frame of our page is trusted', () => {
    expect(isTrustedSender(top)).toBe(true)
  })

  test('a subframe is not trusted, even one showing our own page', () => {
    expect(isTrustedSender({ url: 'app://waybill/index.html', parent: top })).toBe(false)
    expect(isTrustedSender({ url: 'https://evil.example/', parent: top })).toBe(false)
  })

  test.each([
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['file://', { url: 'file:///tmp/index.html', parent: null }],
    ['javascript:', { url: 'javascript:void(0)', parent: null }],
    ['about:blank', { url: 'about:blank', parent: null }],
    ['an unknown parent (undefined)', { url: 'app://waybill/index.html', parent: undefined }]
  ])('%s is not trusted', (_, frame) => {
    expect(isTrustedSender(frame)).toBe(false)
  })

  test('a destroyed frame (null) is not trusted', () => {
    expect(isTrustedSender(null)).toBe(false)
  })
})

describe('resolveAppPath', () => {
  const posixJoin = (...parts: string[]) => posix.join(...parts)
  const winJoin = (...parts: string[]) => win32.join(...parts)
  const root = '/opt/waybill/out/renderer'

  test('maps our URLs to files under the renderer folder', () => {
    expect(resolveAppPath('app://waybill/', root, posixJoin)).toBe(`${root}/index.html`)
    expect(resolveAppPath('app://waybill/assets/index.js', root, posixJoin)).toBe(
      `${root}/assets/index.js`
    )
    expect(resolveAppPath('app://waybill/assets/%E5%AD%97.woff2?v=2', root, posixJoin)).toBe(
      `${root}/assets/字.woff2`
    )
  })

  test('refuses URLs that are not ours', () => {
    expect(resolveAppPath('file:///etc/passwd', root, posixJoin)).toBeNull()
    expect(resolveAppPath('https://waybill/index.html', root, posixJoin)).toBeNull()
  })

  test.each([
    'app://waybill/../../etc/passwd',
    'app://waybill/%2e%2e/%2e%2e/etc/passwd',
    'app://waybill/assets/..%2f..%2f..%2fetc%2fpasswd',
    'app://waybill/a/b/../../../../etc/passwd',
    'app://waybill/%2E%2E%2F%2E%2E%2Fetc/passwd'
  ])('never leaves the renderer folder for %s (posix)', (url) => {
    const resolved = resolveAppPath(url, root, posixJoin)
    expect(resolved === null || resolved.startsWith(`${root}/`), String(resolved)).toBe(true)
  })

  test.each([
    'app://waybill/..%5c..%5csecret.txt',
    'app://waybill/assets/..%5C..%5C..%5CWindows%5Cwin.ini',
    'app://waybill/%2e%2e%5c%2e%2e%5csecret.txt'
  ])('never leaves the renderer folder on Windows for %s', (url) => {
    const winRoot = 'C:\\Program Files\\Waybill Station\\resources\\app.asar\\out\\renderer'
    const resolved = resolveAppPath(url, winRoot, winJoin)
    expect(resolved === null || resolved.startsWith(`${winRoot}\\`), String(resolved)).toBe(true)
  })

  test('a malformed escape is refused, not thrown', () => {
    let resolved: string | null = 'not called'
    expect(() => {
      resolved = resolveAppPath('app://waybill/%E0%A4%A', root, posixJoin)
    }).not.toThrow()
    expect(resolved).toBeNull()
  })
})

describe('parseWindowState', () => {
  test('no saved state gives the defaults', () => {
    expect(parseWindowState(null)).toEqual(DEFAULT_WINDOW_STATE)
  })

  test('a plausible saved state is kept (rounded)', () => {
    expect(
      parseWindowState(
        JSON.stringify({ x: 10.4, y: -20, width: 1600.6, height: 900, maximized: true })
      )
    ).toEqual({
      x: 10,
      y: -20,
      width: 1601,
      height: 900,
      maximized: true
    })
  })

  test.each(['', '{', 'null', '42', '"x"', '[]', 'true', '{"width":"1600"}', '\u0000'])(
    'garbage %j gives the defaults',
    (json) => {
      expect(parseWindowState(json)).toEqual(DEFAULT_WINDOW_STATE)
    }
  )

  test('sizes outside the limits fall back one by one', () => {
    expect(parseWindowState('{"width":639,"height":480}')).toEqual({
      width: DEFAULT_WINDOW_STATE.width,
      height: 480,
      maximized: false
    })
    expect(parseWindowState('{"width":640,"height":479}')).toEqual({
      width: 640,
      height: DEFAULT_WINDOW_STATE.height,
      maximized: false
    })
    expect(parseWindowState('{"width":10000,"height":10001}')).toEqual({
      width: 10_000,
      height: DEFAULT_WINDOW_STATE.height,
      maximized: false
    })
    expect(parseWindowState('{"width":1e400,"height":-5}')).toEqual(DEFAULT_WINDOW_STATE)
  })

  test('a position is kept only when both x and y are plausible', () => {
    expect(parseWindowState('{"x":100}')).toEqual(DEFAULT_WINDOW_STATE)
    expect(parseWindowState('{"x":100,"y":"5"}')).toEqual(DEFAULT_WINDOW_STATE)
    expect(parseWindowState('{"x":-10001,"y":0}')).toEqual(DEFAULT_WINDOW_STATE)
    expect(parseWindowState('{"x":-10000,"y":10000}')).toMatchObject({ x: -10_000, y: 10_000 })
  })

  test('maximized must be exactly true', () => {
    expect(parseWindowState('{"maximized":"true"}').maximized).toBe(false)
    expect(parseWindowState('{"maximized":1}').maximized).toBe(false)
  })

  test('the result is never the shared default object that a caller could mutate', () => {
    const state = parseWindowState('{"width":1000,"height":700}')
    expect(state).not.toBe(DEFAULT_WINDOW_STATE)
    expect(DEFAULT_WINDOW_STATE).toEqual({ width: 1360, height: 860, maximized: false })
  })
})
