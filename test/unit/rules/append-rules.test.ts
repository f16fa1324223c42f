import { describe, expect, test } from 'vitest'
import {
  appendDeadline,
  checkAppend,
  checkAppendBatchSize,
  checkBatchPrintSize,
  checkNotFirstShipmentNumber,
  isFullyShipped,
  type AppendSubject
} from '../../../src/main/core/rules/append-rules'
import { DEFAULT_PLATFORM_LIMITS, type PlatformLimits } from '../../../src/main/core/rules/limits'
import { RULES } from '../../../src/shared/rules'
import { ruleWords } from '../../../src/shared/rule-words'

const KUAISHOU: PlatformLimits = {
  appendMax: 20,
  appendWindowMs: 2_592_000_000,
  appendBatchMax: 5000,
  batchPrintMax: 5000
}
const SHIPPED_AT = Date.UTC(2026, 9, 31, 6, 3, 5) // 2026-10-31 14:03:05 Beijing
const DEADLINE = SHIPPED_AT + 30 * 86_400_000

/** A fully shipped, in-window order with nothing appended: each test breaks one fact. */
function subject(overrides: Partial<AppendSubject> = {}): AppendSubject {
  return {
    status: 'shipped',
    refundState: 'none',
    items: [
      { quantity: 2, quantityShipped: 2 },
      { quantity: 1, quantityShipped: 1 }
    ],
    firstShippedAt: SHIPPED_AT,
    appendedCount: 0,
    ...overrides
  }
}

function ruleOf(result: ReturnType<typeof checkAppend>): string | null {
  return result.ok ? null : result.refusal.rule
}

describe(RULES.APPEND_AFTER_FULL_SHIP, () => {
  test('fully shipped by quantities is allowed', () => {
    expect(checkAppend(subject(), KUAISHOU, SHIPPED_AT + 1).ok).toBe(true)
  })

  test('status says shipped but one line is short: refused, counted from quantities', () => {
    const s = subject({
      items: [
        { quantity: 2, quantityShipped: 2 },
        { quantity: 3, quantityShipped: 2 }
      ]
    })
    const result = checkAppend(s, KUAISHOU, SHIPPED_AT + 1)
    expect(result).toEqual({
      ok: false,
      refusal: { rule: RULES.APPEND_AFTER_FULL_SHIP, params: { quantity: 5, shipped: 4 } }
    })
  })

  test('status says partially shipped but every unit shipped: allowed (the status is not read)', () => {
    expect(checkAppend(subject({ status: 'partially_shipped' }), KUAISHOU, SHIPPED_AT).ok).toBe(
      true
    )
  })

  test('pending (nothing shipped, no first shipment) is refused', () => {
    const s = subject({
      status: 'pending',
      items: [{ quantity: 1, quantityShipped: 0 }],
      firstShippedAt: null
    })
    expect(ruleOf(checkAppend(s, KUAISHOU, SHIPPED_AT))).toBe(RULES.APPEND_AFTER_FULL_SHIP)
  })

  test('closed is refused first, whatever else holds', () => {
    const result = checkAppend(
      subject({ status: 'closed', refundState: 'refunded', appendedCount: 99 }),
      KUAISHOU,
      DEADLINE + 1
    )
    expect(result).toEqual({
      ok: false,
      refusal: { rule: RULES.APPEND_AFTER_FULL_SHIP, params: { reason: 'closed' } }
    })
  })

  test('isFullyShipped: an order without lines is not fully shipped', () => {
    expect(isFullyShipped([])).toBe(false)
    expect(isFullyShipped([{ quantity: 1, quantityShipped: 1 }])).toBe(true)
  })
})

describe('after-sales in progress', () => {
  test(`a refund request refuses with ${RULES.AFTERSALES_WHOLE_ORDER} before the shipping checks`, () => {
    const s = subject({ refundState: 'requested', items: [{ quantity: 1, quantityShipped: 0 }] })
    expect(ruleOf(checkAppend(s, KUAISHOU, SHIPPED_AT))).toBe(RULES.AFTERSALES_WHOLE_ORDER)
  })
})

describe(RULES.APPEND_WINDOW_30D, () => {
  test('the deadline is the first shipment plus 30 days, to the ms', () => {
    expect(appendDeadline(SHIPPED_AT, KUAISHOU)).toBe(DEADLINE)
  })

  test('allowed at the deadline ms, refused one ms later with the deadline in params', () => {
    expect(checkAppend(subject(), KUAISHOU, DEADLINE).ok).toBe(true)
    const late = checkAppend(subject(), KUAISHOU, DEADLINE + 1)
    expect(late).toEqual({
      ok: false,
      refusal: {
        rule: RULES.APPEND_WINDOW_30D,
        params: { deadlineMs: DEADLINE, deadline: new Date(DEADLINE).toISOString(), days: 30 }
      }
    })
  })

  test('the window is the stored limit, not a constant', () => {
    const week = { ...KUAISHOU, appendWindowMs: 7 * 86_400_000 }
    expect(ruleOf(checkAppend(subject(), week, SHIPPED_AT + 7 * 86_400_000 + 1))).toBe(
      RULES.APPEND_WINDOW_30D
    )
  })

  test('the words name the last moment on the station clock', () => {
    const late = checkAppend(subject(), KUAISHOU, DEADLINE + 1)
    if (late.ok) {
      throw new Error('expected a refusal')
    }
    expect(ruleWords(late.refusal.rule, late.refusal.params, 'zh-CN')).toBe(
      '已超过追加期限：首次发货后 30 天内可追加，截止 2026-11-30 14:03:05'
    )
    expect(ruleWords(late.refusal.rule, late.refusal.params, 'en-US')).toContain(
      '2026-11-30 14:03:05'
    )
  })
})

describe(RULES.APPEND_MAX_20, () => {
  test('the 20th append is allowed, the 21st refused', () => {
    expect(checkAppend(subject({ appendedCount: 19 }), KUAISHOU, SHIPPED_AT).ok).toBe(true)
    expect(checkAppend(subject({ appendedCount: 20 }), KUAISHOU, SHIPPED_AT)).toEqual({
      ok: false,
      refusal: { rule: RULES.APPEND_MAX_20, params: { max: 20, count: 20 } }
    })
  })

  test('rows earlier in the same batch count', () => {
    expect(checkAppend(subject({ appendedCount: 18 }), KUAISHOU, SHIPPED_AT, 1).ok).toBe(true)
    expect(ruleOf(checkAppend(subject({ appendedCount: 18 }), KUAISHOU, SHIPPED_AT, 2))).toBe(
      RULES.APPEND_MAX_20
    )
  })

  test('the maximum is the stored limit', () => {
    const fifty = { ...KUAISHOU, appendMax: 50 }
    expect(checkAppend(subject({ appendedCount: 20 }), fifty, SHIPPED_AT).ok).toBe(true)
  })
})

describe(RULES.FIRST_SHIPMENT_COUNTS, () => {
  test("the order's own first-shipment number cannot be appended; any other can", () => {
    expect(checkNotFirstShipmentNumber('73610000000111', ['73610000000111'])).toEqual({
      ok: false,
      refusal: { rule: RULES.FIRST_SHIPMENT_COUNTS, params: { reason: 'first_number' } }
    })
    expect(checkNotFirstShipmentNumber('73610000000112', ['73610000000111']).ok).toBe(true)
    expect(checkNotFirstShipmentNumber('73610000000111', []).ok).toBe(true)
  })
})

describe('batch sizes', () => {
  test(`${RULES.APPEND_BATCH_MAX_5000}: 5000 rows pass, 5001 are refused`, () => {
    expect(checkAppendBatchSize(5000, KUAISHOU).ok).toBe(true)
    expect(checkAppendBatchSize(5001, KUAISHOU)).toEqual({
      ok: false,
      refusal: { rule: RULES.APPEND_BATCH_MAX_5000, params: { max: 5000, count: 5001 } }
    })
  })

  test(`${RULES.BATCH_PRINT_MAX_5000}: 5000 orders pass, 5001 are refused`, () => {
    expect(checkBatchPrintSize(5000, DEFAULT_PLATFORM_LIMITS).ok).toBe(true)
    expect(checkBatchPrintSize(5001, DEFAULT_PLATFORM_LIMITS)).toEqual({
      ok: false,
      refusal: { rule: RULES.BATCH_PRINT_MAX_5000, params: { max: 5000, count: 5001 } }
    })
  })
})

describe('rule words', () => {
  test('every rule has words in both languages', () => {
    for (const rule of Object.values(RULES)) {
      expect(ruleWords(rule, {}, 'zh-CN')).not.toBe('')
      expect(ruleWords(rule, {}, 'en-US')).not.toBe('')
    }
  })
})
