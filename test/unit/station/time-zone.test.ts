import { readFileSync } from 'node:fs'
import { parse } from 'csv-parse/sync'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { allocateChunk } from '../../../src/main/core/manual-print/batch'
import { formatPrintTime } from '../../../src/main/core/printing/label-data'
import { stationTimeZone } from '../../../src/main/core/station-time'
import { DEFAULT_TIME_ZONE, formatDateTime, isValidTimeZone } from '../../../src/shared/time-zone'
import { callErr, callOk, openTestCore, type TestCore } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders, seedPool } from '../../support/manual-print-fixtures'

let tc: TestCore
beforeEach(() => {
  tc = openTestCore()
})
afterEach(() => {
  tc.dispose()
})

// 2026-11-23 16:05:09 UTC: already the 24th in Beijing.
const AT = Date.UTC(2026, 10, 23, 16, 5, 9)

test('one formatter, on the station clock whatever zone the process runs in', () => {
  expect(formatDateTime(AT)).toBe('2026-11-24 00:05')
  expect(formatDateTime(AT, 'Asia/Shanghai', true)).toBe('2026-11-24 00:05:09')
  expect(formatDateTime(AT, 'Europe/Berlin')).toBe('2026-11-23 17:05')
  expect(formatDateTime(AT, 'UTC', true)).toBe('2026-11-23 16:05:09')
  // The label's print time is the same text as the list's.
  expect(formatPrintTime(AT)).toBe(formatDateTime(AT))
  expect(formatPrintTime(AT, 'Europe/Berlin')).toBe(formatDateTime(AT, 'Europe/Berlin'))
  expect(isValidTimeZone('Asia/Urumqi')).toBe(true)
  expect(isValidTimeZone('Mars/Olympus')).toBe(false)
  expect(isValidTimeZone('')).toBe(false)
})

test('the station time zone is a setting: Asia/Shanghai by default, a bad zone refused', async () => {
  expect(stationTimeZone(tc.core.ctx.db)).toBe(DEFAULT_TIME_ZONE)
  const bad = await callErr(tc.core, 'settings.set', { key: 'station.timeZone', value: 'Beijing' })
  expect(bad.code).toBe('VALIDATION')
  await callOk(tc.core, 'settings.set', { key: 'station.timeZone', value: 'Europe/Berlin' })
  expect(stationTimeZone(tc.core.ctx.db)).toBe('Europe/Berlin')
  expect(await callOk(tc.core, 'settings.get', { key: 'station.timeZone' })).toEqual({
    value: 'Europe/Berlin'
  })
})

test('exports tell the print time on the station clock, not the machine’s', async () => {
  const ctx = tc.core.ctx
  const ids = seedOrders(ctx.db, 1, 'TZ')
  seedPool(ctx, 1)
  const allocated = allocateChunk(ctx, ids, 'ZTO', '76x130')
  if (!allocated.ok) {
    throw new Error(allocated.error.message)
  }
  markPrintedViaRecords(ctx.db, allocated.value, AT)
  const printedAt = async (): Promise<string> => {
    const sheet = await callOk(tc.core, 'printed.export', { filter: {}, format: 'csv' })
    const stored = await ctx.files.get(sheet.fileId)
    const rows: string[][] = parse(
      readFileSync(stored?.path ?? '')
        .subarray(3)
        .toString('utf8')
    )
    const column = rows[0]?.indexOf('打印时间') ?? -1
    return rows[1]?.[column] ?? ''
  }
  expect(await printedAt()).toBe('2026-11-24 00:05:09')
  await callOk(tc.core, 'settings.set', { key: 'station.timeZone', value: 'UTC' })
  expect(await printedAt()).toBe('2026-11-23 16:05:09')
})
