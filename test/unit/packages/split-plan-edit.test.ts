import { describe, expect, test } from 'vitest'
import {
  addPackage,
  fromView,
  mergePackages,
  moveItem,
  toSave
} from '../../../src/renderer/src/features/orders/split-plan-edit'
import type { SplitReason } from '../../../src/shared/api/split-plan'
import { splitReasonWords } from '../../../src/shared/split-reason-words'

const view = [
  {
    items: [{ orderItemId: 1, sku: 'FZ', title: '水饺', quantity: 2 }],
    reasons: [
      {
        code: 'temperature' as const,
        zone: 'frozen' as const,
        zones: ['frozen' as const, 'ambient' as const]
      }
    ],
    overLimit: false,
    weightG: 2000
  },
  {
    items: [{ orderItemId: 2, sku: 'AM', title: '纸巾', quantity: 3 }],
    reasons: [],
    overLimit: false,
    weightG: 1200
  }
]

describe('plan editor moves', () => {
  test('part of a quantity moves to another package; every unit stays placed', () => {
    const plan = fromView(view)
    const [a, b] = plan
    if (!a || !b) throw new Error('two cards')
    const moved = moveItem(plan, b.key, a.key, 2, 1)
    expect(toSave(moved)).toEqual([
      {
        items: [
          { orderItemId: 1, quantity: 2 },
          { orderItemId: 2, quantity: 1 }
        ]
      },
      { items: [{ orderItemId: 2, quantity: 2 }] }
    ])
    expect(moved.map((p) => p.touched)).toEqual([true, true])
  })

  test('moving more than the line holds moves the line; to a new package adds one', () => {
    const plan = fromView(view)
    const b = plan[1]
    if (!b) throw new Error('card')
    const moved = moveItem(plan, b.key, null, 2, 99)
    expect(toSave(moved)).toEqual([
      { items: [{ orderItemId: 1, quantity: 2 }] },
      { items: [{ orderItemId: 2, quantity: 3 }] }
    ])
    expect(moved).toHaveLength(3)
  })

  test('merge puts every item in one package; an added empty package is not saved', () => {
    const plan = fromView(view)
    const [a, b] = plan
    if (!a || !b) throw new Error('two cards')
    const merged = addPackage(mergePackages(plan, b.key, a.key))
    expect(merged).toHaveLength(2)
    expect(toSave(merged)).toEqual([
      {
        items: [
          { orderItemId: 1, quantity: 2 },
          { orderItemId: 2, quantity: 3 }
        ]
      }
    ])
  })
})

describe('split reason words', () => {
  test('the words of each reason, in both languages', () => {
    const temp: SplitReason = { code: 'temperature', zone: 'ambient', zones: ['ambient', 'frozen'] }
    expect(splitReasonWords(temp, 'zh-CN')).toBe('冷冻与常温分开')
    expect(splitReasonWords(temp, 'en-US')).toBe('Frozen and ambient kept apart')
    expect(
      splitReasonWords(
        { code: 'temperature', zone: 'chilled', zones: ['ambient', 'chilled', 'frozen'] },
        'zh-CN'
      )
    ).toBe('冷冻、冷藏与常温分开')
    expect(splitReasonWords({ code: 'warehouse', warehouse: 'B' }, 'zh-CN')).toBe('仓库 B')
    expect(splitReasonWords({ code: 'overweight', limitG: 30_000 }, 'zh-CN')).toBe(
      '超重：单包上限 30 kg'
    )
    expect(splitReasonWords({ code: 'oversize', limitMm: 1500, side: 'longest' }, 'zh-CN')).toBe(
      '超长：最长边上限 1500 mm'
    )
    expect(splitReasonWords({ code: 'over_limit' }, 'zh-CN')).toBe('超限：单件超过所有限制')
    expect(splitReasonWords({ code: 'over_limit' }, 'en-US')).toBe(
      'Over limit: one piece exceeds the carrier limits'
    )
  })
})
