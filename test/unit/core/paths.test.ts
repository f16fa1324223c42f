import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { PRODUCT_NAME, defaultUserDataDir, resolveDataDir } from '../../../src/main/core/paths'

describe('resolveDataDir', () => {
  test('--data-dir wins over the environment', () => {
    expect(resolveDataDir('/tmp/flag', { WAYBILL_DATA_DIR: '/tmp/env' })).toBe('/tmp/flag')
  })

  test('WAYBILL_DATA_DIR is used without a flag, resolved to an absolute path', () => {
    expect(resolveDataDir(undefined, { WAYBILL_DATA_DIR: '/tmp/env' })).toBe('/tmp/env')
    expect(resolveDataDir(undefined, { WAYBILL_DATA_DIR: 'rel/dir' })).toBe(resolve('rel/dir'))
    expect(resolveDataDir('', { WAYBILL_DATA_DIR: '/tmp/env' })).toBe('/tmp/env')
  })

  test.runIf(process.platform === 'linux')(
    'without flag or WAYBILL_DATA_DIR, the user-data folder comes from the SAME env it was given',
    () => {
      expect(resolveDataDir(undefined, { XDG_CONFIG_HOME: '/tmp/xdg-test' })).toBe(
        join('/tmp/xdg-test', PRODUCT_NAME)
      )
    }
  )
})

describe('defaultUserDataDir', () => {
  test('follows each OS convention', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' })).toBe(
      join('/cfg', PRODUCT_NAME)
    )
    expect(defaultUserDataDir('win32', { APPDATA: 'C:/Users/p/AppData/Roaming' })).toBe(
      join('C:/Users/p/AppData/Roaming', PRODUCT_NAME)
    )
    expect(defaultUserDataDir('darwin', {})).toContain(
      join('Library', 'Application Support', PRODUCT_NAME)
    )
    expect(defaultUserDataDir('linux', {})).toContain(join('.config', PRODUCT_NAME))
  })
})
