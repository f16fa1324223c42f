import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { insertOrders } from '../../../src/main/core/db/orders-repo'
import {
  callOk,
  insertTrackedPackage,
  newOrderRow,
  openTestCore,
  type TestCore
} from '../../support/core-fixtures'

/**
 * The 已打印 search (issue 10 item 14): a carrier's letters ("YT") and any part of a tracking
 * number ("8539", the digits after YT) find their packages, through the contract as the page
 * calls it; short digit runs still match whole values only.
 */
let tc: TestCore
beforeEach(() => {
  tc = openTestCore()
  const db = tc.core.ctx.db
  const [yto, zto, jt, sf] = insertOrders(db, [
    newOrderRow('P-YTO'),
    newOrderRow('P-ZTO'),
    newOrderRow('P-JT'),
    newOrderRow('P-SF')
  ])
  insertTrackedPackage(db, yto ?? 0, 'YT8539001234567', { carrier: 'YTO' })
  insertTrackedPackage(db, zto ?? 0, '73610000008539', { carrier: 'ZTO' })
  insertTrackedPackage(db, jt ?? 0, 'JT0001112223334', { carrier: 'JT' })
  insertTrackedPackage(db, sf ?? 0, 'SF1400000000001', { carrier: 'SF' })
})
afterEach(() => {
  tc.dispose()
})

async function found(query: string): Promise<string[]> {
  const page = await callOk(tc.core, 'printed.list', { filter: { query } })
  expect(page.total).toBe(page.rows.length)
  return page.rows.map((r) => r.platformOrderId).sort()
}

describe('printed.list search', () => {
  test('a carrier prefix finds that carrier’s numbers, in either case', async () => {
    expect(await found('YT')).toEqual(['P-YTO'])
    expect(await found('yt')).toEqual(['P-YTO'])
    expect(await found('JT')).toEqual(['P-JT'])
    expect(await found('SF14')).toEqual(['P-SF'])
  })

  test('digits inside a number find it, as well as at its start or end', async () => {
    expect(await found('8539')).toEqual(['P-YTO', 'P-ZTO'])
    expect(await found('0012345')).toEqual(['P-YTO'])
    expect(await found('7361')).toEqual(['P-ZTO'])
    expect(await found('yt85390')).toEqual(['P-YTO'])
  })

  test('short digit runs and unknown text match whole values only', async () => {
    expect(await found('85')).toEqual([])
    expect(await found('YTX')).toEqual([])
    expect(await found('SF1')).toEqual([])
    expect(await found('P-S')).toEqual([])
    expect(await found('P-SF')).toEqual(['P-SF'])
  })
})
