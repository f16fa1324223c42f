import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { listPools } from '../../../src/main/core/db/waybill-pools-repo'
import {
  MAX_RANGE,
  addPool,
  expandRange,
  parseNumberList
} from '../../../src/main/core/waybills/pool-service'
import type { Result } from '../../../src/shared/result'
import { countRowsOf, openTestCore, type TestCore } from '../../support/core-fixtures'

function value<T>(result: Result<T>): T {
  if (!result.ok) {
    throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`)
  }
  return result.value
}

function issueCodes(result: Result<unknown>): string[] {
  if (result.ok) {
    throw new Error('expected a failure')
  }
  const issues = (result.error.details as { issues?: { code: string; path: string }[] } | undefined)
    ?.issues
  return (issues ?? []).map((i) => `${i.path}:${i.code}`)
}

describe('expandRange', () => {
  test('keeps the prefix and the width of the digit run', () => {
    expect(value(expandRange('YT8962646785389', 3))).toEqual([
      'YT8962646785389',
      'YT8962646785390',
      'YT8962646785391'
    ])
    expect(value(expandRange('0000098', 4))).toEqual(['0000098', '0000099', '0000100', '0000101'])
    expect(value(expandRange('JT009', 1))).toEqual(['JT009'])
  })

  test('a carry across the whole width is fine; past it is an overflow', () => {
    expect(value(expandRange('SF0998', 3))).toEqual(['SF0998', 'SF0999', 'SF1000'])
    expect(value(expandRange('SF9998', 2))).toEqual(['SF9998', 'SF9999'])
    expect(issueCodes(expandRange('SF9998', 3))).toEqual(['count:range_overflow'])
    expect(issueCodes(expandRange('9', 2))).toEqual(['count:range_overflow'])
  })

  test('digit runs beyond Number precision stay exact (BigInt)', () => {
    const start = '1234567890123456789012345'
    const out = value(expandRange(start, 3))
    expect(out).toEqual([
      '1234567890123456789012345',
      '1234567890123456789012346',
      '1234567890123456789012347'
    ])
  })

  test('count must be a whole number from 1 to MAX_RANGE', () => {
    for (const count of [0, -1, 1.5, Number.NaN, MAX_RANGE + 1]) {
      expect(issueCodes(expandRange('73610000000001', count))).toEqual([
        'count:range_count_invalid'
      ])
    }
    const all = value(expandRange('73610000000000', MAX_RANGE))
    expect(all).toHaveLength(MAX_RANGE)
    expect(all.at(-1)).toBe('73610000999999')
    expect(new Set(all).size).toBe(MAX_RANGE)
  })

  test('the start must be letters followed by digits', () => {
    for (const start of ['', 'YT', '12A3', ' 123', '123 ', 'YT-123', '中通123']) {
      expect(issueCodes(expandRange(start, 1))).toEqual(['start:range_start_invalid'])
    }
  })
})

describe('parseNumberList', () => {
  test('UTF-8 BOM, CRLF, commas, semicolons and spaces; blank lines ignored', () => {
    const text =
      '\ufeff73610555582883\r\n73610555582884, 73610555582885;73610555582886\r\n\r\n  73610555582887  \n'
    expect(value(parseNumberList(text))).toEqual([
      '73610555582883',
      '73610555582884',
      '73610555582885',
      '73610555582886',
      '73610555582887'
    ])
  })

  test("Excel's leading apostrophe (text cell) is dropped", () => {
    expect(value(parseNumberList("'73610555582883\n'YT8962646785389"))).toEqual([
      '73610555582883',
      'YT8962646785389'
    ])
  })

  test('duplicates are dropped, first occurrence order kept', () => {
    expect(
      value(parseNumberList('73610555582885\n73610555582883\n73610555582885\n73610555582883'))
    ).toEqual(['73610555582885', '73610555582883'])
  })

  test('a bad token fails with its 1-based line number', () => {
    const text = '73610555582883\n\n7361055558288#\n73610555582884'
    const result = parseNumberList(text)
    expect(result.ok).toBe(false)
    expect(issueCodes(result)).toEqual(['line.3:tracking_number_invalid'])
    if (!result.ok) {
      expect(result.error.message).toContain('Line 3')
    }
    expect(issueCodes(parseNumberList('\ufeff中通73610555582883'))).toEqual([
      'line.1:tracking_number_invalid'
    ])
    expect(issueCodes(parseNumberList('73610555582883\r\n12345'))).toEqual([
      'line.2:tracking_number_invalid'
    ])
    expect(issueCodes(parseNumberList('9'.repeat(41)))).toEqual(['line.1:tracking_number_invalid'])
  })

  test('an empty list is refused', () => {
    expect(parseNumberList('\ufeff\r\n \n,,').ok).toBe(false)
  })
})

describe('addPool', () => {
  let tc: TestCore
  beforeEach(() => {
    tc = openTestCore()
  })
  afterEach(() => {
    tc.dispose()
  })

  test('adds a range and reports its balance', () => {
    const ctx = tc.core.ctx
    const added = value(
      addPool(ctx, 'ZTO', 'range', 'r1', value(expandRange('73610000000001', 50)))
    )
    expect(added).toMatchObject({ added: 50, formatWarnings: 0, sampleMismatch: null })
    expect(listPools(ctx.db).filter((p) => p.carrier === 'ZTO')).toEqual([
      expect.objectContaining({
        id: added.poolId,
        carrier: 'ZTO',
        total: 50,
        available: 50,
        allocated: 0,
        voided: 0
      })
    ])
  })

  test('one number already known for the carrier refuses the whole pool; nothing is written', () => {
    const ctx = tc.core.ctx
    value(addPool(ctx, 'ZTO', 'range', 'first', value(expandRange('73610000000001', 100))))
    const poolsBefore = countRowsOf(ctx.db, 'waybill_pools')
    const numbersBefore = countRowsOf(ctx.db, 'waybill_numbers')
    const auditBefore = countRowsOf(ctx.db, 'audit_events')

    // 73610000000091..73610000000190: 10 overlap at the start.
    const overlapping = addPool(
      ctx,
      'ZTO',
      'range',
      'second',
      value(expandRange('73610000000091', 100))
    )
    expect(overlapping.ok).toBe(false)
    if (!overlapping.ok) {
      expect(overlapping.error.code).toBe('CONFLICT')
      const duplicates = (overlapping.error.details as { duplicates: string[] }).duplicates
      expect(duplicates[0]).toBe('73610000000091')
      expect(duplicates).toContain('73610000000100')
      expect(duplicates).not.toContain('73610000000101')
    }
    // A list with a single known number among new ones: refused whole.
    const list = value(parseNumberList('73610000009999\n73610000000050\n73610000009998'))
    expect(addPool(ctx, 'ZTO', 'list', 'list', list).ok).toBe(false)

    expect(countRowsOf(ctx.db, 'waybill_pools')).toBe(poolsBefore)
    expect(countRowsOf(ctx.db, 'waybill_numbers')).toBe(numbersBefore)
    expect(countRowsOf(ctx.db, 'audit_events')).toBe(auditBefore)
    expect(
      ctx.db
        .prepare(
          "SELECT count(*) AS n FROM waybill_numbers WHERE tracking_number = '73610000009999'"
        )
        .get()
    ).toEqual({ n: 0 })
  })

  test('a number is unique per carrier, not across carriers', () => {
    const ctx = tc.core.ctx
    value(addPool(ctx, 'STO', 'list', 'sto', ['773277027280336']))
    const zto = addPool(ctx, 'EMS', 'list', 'ems', ['773277027280336'])
    expect(zto.ok).toBe(true)
  })

  test('format mismatches are warnings, never refusals', () => {
    const ctx = tc.core.ctx
    const numbers = ['YT8962646785389', 'YT896264678538', '73610555582883', 'YT8962646785390']
    const before = countRowsOf(ctx.db, 'waybill_numbers')
    const added = value(addPool(ctx, 'YTO', 'list', 'mixed', numbers))
    expect(added.added).toBe(4)
    expect(added.formatWarnings).toBe(2)
    expect(added.sampleMismatch).toBe('YT896264678538')
    expect(countRowsOf(ctx.db, 'waybill_numbers') - before).toBe(4)
  })

  test('an unknown carrier is refused before anything is written', () => {
    const ctx = tc.core.ctx
    const before = countRowsOf(ctx.db, 'waybill_pools')
    const result = addPool(ctx, 'NOPE', 'list', 'x', ['73610555582883'])
    expect(issueCodes(result)).toEqual(['carrier:carrier_unknown'])
    expect(countRowsOf(ctx.db, 'waybill_pools')).toBe(before)
  })
})
