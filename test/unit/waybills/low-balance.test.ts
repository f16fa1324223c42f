import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { isLowBalance } from '../../../src/main/core/waybills/low-balance'
import { DEFAULT_LOW_BALANCE } from '../../../src/main/core/waybills/waybills-handlers'
import { callOk, openTestCore, type TestCore } from '../../support/core-fixtures'

/** The low-stock warning is relative to the pool's size (issue 10 item 16). */

describe('isLowBalance', () => {
  test('a large pool warns at the absolute setting', () => {
    expect(isLowBalance(199, 100_000, 200)).toBe(true)
    expect(isLowBalance(200, 100_000, 200)).toBe(false)
  })

  test('a small pool warns under a tenth of its size, not from its first number on', () => {
    expect(isLowBalance(50, 100, 200)).toBe(false)
    expect(isLowBalance(10, 100, 200)).toBe(false)
    expect(isLowBalance(9, 100, 200)).toBe(true)
    // A tenth of 15 is 1.5: rounded up, one number left is low.
    expect(isLowBalance(1, 15, 200)).toBe(true)
    expect(isLowBalance(2, 15, 200)).toBe(false)
  })

  test('no numbers is low unless the warning is off (setting 0)', () => {
    expect(isLowBalance(0, 0, 200)).toBe(true)
    expect(isLowBalance(0, 0, 0)).toBe(false)
    expect(isLowBalance(5, 1000, 0)).toBe(false)
  })
})

describe('carriers.list', () => {
  let t: TestCore
  beforeEach(() => {
    t = openTestCore()
  })
  afterEach(() => {
    t.dispose()
  })

  async function low(code: string): Promise<boolean | undefined> {
    const out = await callOk(t.core, 'carriers.list', {})
    return out.carriers.find((c) => c.code === code)?.lowBalance
  }

  test('a fresh pool of 100 is not low under the default setting; its last 9 are', async () => {
    expect(DEFAULT_LOW_BALANCE).toBeGreaterThan(100)
    expect(await low('ZTO')).toBe(true)
    await callOk(t.core, 'pools.addRange', { carrier: 'ZTO', start: '736100000001', count: 100 })
    expect(await low('ZTO')).toBe(false)
    t.core.db
      .prepare(
        `UPDATE waybill_numbers SET state = 'voided' WHERE id IN (
           SELECT id FROM waybill_numbers WHERE carrier = 'ZTO' ORDER BY id LIMIT 91)`
      )
      .run()
    expect(await low('ZTO')).toBe(true)
  })

  test('a large pool still warns at the absolute setting', async () => {
    await callOk(t.core, 'settings.set', { key: 'pools.lowBalance', value: '50' })
    await callOk(t.core, 'pools.addRange', { carrier: 'ZTO', start: '736100000001', count: 1000 })
    expect(await low('ZTO')).toBe(false)
    t.core.db
      .prepare(
        `UPDATE waybill_numbers SET state = 'voided' WHERE id IN (
           SELECT id FROM waybill_numbers WHERE carrier = 'ZTO' ORDER BY id LIMIT 951)`
      )
      .run()
    // 49 left: under 50, though above a tenth of 1000 would say so only under 100.
    expect(await low('ZTO')).toBe(true)
  })
})
