import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { CoreContext } from '../../../src/main/core/context'
import { allocateChunk, checkBatch } from '../../../src/main/core/manual-print/batch'
import { startPrintBatch, type LabelSink } from '../../../src/main/core/manual-print/run-batch'
import { BATCH_PRINT_MAX, RULES } from '../../../src/shared/rules'
import { ok } from '../../../src/shared/result'
import { countRowsOf, openTestCore, type TestCore } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders, seedPool } from '../../support/manual-print-fixtures'

let tc: TestCore
let ctx: CoreContext
beforeEach(() => {
  tc = openTestCore()
  ctx = tc.core.ctx
})
afterEach(() => {
  tc.dispose()
})

const idleSink: LabelSink = {
  print: () => Promise.resolve(ok({ jobId: 'j' })),
  reprint: () => Promise.resolve(ok({ jobId: 'r' }))
}

describe('checkBatch', () => {
  test('every problem order is held out with its reason; the rest stay in the order given', () => {
    const ids = seedOrders(ctx.db, 12, 'CK', (i) => {
      switch (i) {
        case 2:
          return { receiver: { phone: '' } }
        case 3:
          return { receiver: { province: '  ' } }
        case 4:
          return { status: 'closed' }
        case 6:
          return { receiver: { name: '' } }
        default:
          return {}
      }
    })
    const byIndex = (i: number): number => ids[i - 1] ?? -1
    ctx.db.prepare("UPDATE orders SET refund_state = 'requested' WHERE id = ?").run(byIndex(5))
    ctx.db.prepare("UPDATE orders SET refund_state = 'refunded' WHERE id = ?").run(byIndex(9))
    seedPool(ctx, 50)
    // Order 7 printed; order 8 allocated but never printed (still needs no new number).
    const allocated = allocateChunk(ctx, [byIndex(7), byIndex(8)], 'ZTO', '76x130')
    if (!allocated.ok) {
      throw new Error(allocated.error.message)
    }
    const printed = allocated.value[0]
    if (!printed) {
      throw new Error('no package')
    }
    markPrintedViaRecords(ctx.db, [printed])

    const order = [999_999, ...[...ids].reverse(), byIndex(1)]
    const result = checkBatch(ctx, order, 'ZTO')
    if (!result.ok) {
      throw new Error(result.error.message)
    }
    const held = Object.fromEntries(result.value.held.map((h) => [h.orderId, h.reason]))
    expect(held).toEqual({
      999999: 'not_found',
      [byIndex(2)]: 'no_address',
      [byIndex(3)]: 'no_address',
      [byIndex(4)]: 'closed',
      [byIndex(5)]: 'refund',
      [byIndex(6)]: 'no_address',
      [byIndex(7)]: 'already_printed',
      [byIndex(9)]: 'refund'
    })
    expect(result.value.held.find((h) => h.orderId === byIndex(4))?.platformOrderId).toBe('CK00004')
    // Reversed on-screen order kept; the duplicate at the end counted once.
    expect(result.value.eligible).toEqual([12, 11, 10, 8, 1].map(byIndex))
    expect(result.value.needNumbers).toBe(4)
    expect(result.value.available).toBe(48)
  })

  test('a label queued or printing holds the order as waiting (not printed); printed as printed; failed does not', () => {
    const ids = seedOrders(ctx.db, 4)
    seedPool(ctx, 4)
    const allocated = allocateChunk(ctx, ids, 'ZTO', '76x130')
    if (!allocated.ok) {
      throw new Error(allocated.error.message)
    }
    const states = ['queued', 'printing', 'printed', 'failed']
    allocated.value.forEach((a, i) => {
      ctx.db.prepare('UPDATE packages SET print_state = ? WHERE id = ?').run(states[i], a.packageId)
    })
    const result = checkBatch(ctx, ids, 'ZTO')
    if (!result.ok) {
      throw new Error(result.error.message)
    }
    expect(result.value.held.map((h) => h.reason)).toEqual([
      'in_queue',
      'in_queue',
      'already_printed'
    ])
    expect(result.value.eligible).toEqual([ids[3]])
    expect(result.value.needNumbers).toBe(0)
  })

  test(`${RULES.BATCH_PRINT_MAX_5000}: 5000 ids pass, 5001 are refused with the rule id`, async () => {
    const ids = Array.from({ length: BATCH_PRINT_MAX + 1 }, (_, i) => i + 1)
    expect(checkBatch(ctx, ids.slice(0, BATCH_PRINT_MAX), 'ZTO').ok).toBe(true)
    const refused = checkBatch(ctx, ids, 'ZTO')
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('RULE_VIOLATION')
      expect(refused.error.message).toContain('BATCH_PRINT_MAX_5000')
      expect(refused.error.message).toContain('5001')
      expect(refused.error.details).toMatchObject({ rule: RULES.BATCH_PRINT_MAX_5000 })
    }
    const viaBatch = await startPrintBatch(ctx, idleSink, {
      orderIds: ids,
      carrier: 'ZTO',
      template: '76x130',
      printerId: 1,
      maskPrivacy: true
    })
    expect(viaBatch.ok).toBe(false)
    expect(countRowsOf(ctx.db, 'packages')).toBe(0)
  })

  test('an unknown carrier is refused', () => {
    const result = checkBatch(ctx, [1], 'NOPE')
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION')
    }
  })
})
