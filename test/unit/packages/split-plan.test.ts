import { describe, expect, test } from 'vitest'
import {
  planPackages,
  type CarrierLimits,
  type PlanItem
} from '../../../src/main/core/packages/split-plan'

const LIMITS: CarrierLimits = { maxWeightG: 30_000, maxLongestSideMm: 1500, maxSumOfSidesMm: 3000 }

let nextId = 1
function item(over: Partial<PlanItem> = {}): PlanItem {
  const id = nextId++
  return {
    orderItemId: id,
    sku: `SKU-${String(id)}`,
    title: `Item ${String(id)}`,
    quantity: 1,
    unitWeightG: 0,
    lengthMm: null,
    widthMm: null,
    heightMm: null,
    warehouse: null,
    temperatureZone: 'ambient',
    ...over
  }
}

/** Units of each order item across the plan: every unit placed exactly once. */
function placed(plan: ReturnType<typeof planPackages>): Map<number, number> {
  const out = new Map<number, number>()
  for (const p of plan) {
    for (const i of p.items) out.set(i.orderItemId, (out.get(i.orderItemId) ?? 0) + i.quantity)
  }
  return out
}

describe('planPackages', () => {
  test('an order without facts is one package without reasons', () => {
    const items = [item({ quantity: 3 }), item({ unitWeightG: 200 }), item({ quantity: 2 })]
    const plan = planPackages(items, LIMITS)
    expect(plan).toEqual([
      {
        items: items.map((i) => ({ orderItemId: i.orderItemId, quantity: i.quantity })),
        reasons: [],
        overLimit: false,
        weightG: 200
      }
    ])
  })

  test('no items, no packages', () => {
    expect(planPackages([], LIMITS)).toEqual([])
  })

  test('items of different warehouses never share a package', () => {
    const a = item({ warehouse: 'A' })
    const b = item({ warehouse: 'B' })
    const home = item()
    const a2 = item({ warehouse: 'A', quantity: 2 })
    const plan = planPackages([a, b, home, a2], LIMITS)
    expect(plan.map((p) => p.items.map((i) => i.orderItemId))).toEqual([
      [a.orderItemId, a2.orderItemId],
      [b.orderItemId],
      [home.orderItemId]
    ])
    expect(plan.map((p) => p.reasons)).toEqual([
      [{ code: 'warehouse', warehouse: 'A' }],
      [{ code: 'warehouse', warehouse: 'B' }],
      [{ code: 'warehouse', warehouse: '' }]
    ])
  })

  test('frozen, chilled and ambient never share, each package says its zone', () => {
    const frozen = item({ temperatureZone: 'frozen' })
    const ambient = item()
    const chilled = item({ temperatureZone: 'chilled' })
    const frozen2 = item({ temperatureZone: 'frozen' })
    const plan = planPackages([frozen, ambient, chilled, frozen2], LIMITS)
    expect(plan.map((p) => p.items.map((i) => i.orderItemId))).toEqual([
      [frozen.orderItemId, frozen2.orderItemId],
      [ambient.orderItemId],
      [chilled.orderItemId]
    ])
    expect(plan.map((p) => p.reasons)).toEqual([
      [{ code: 'temperature', zone: 'frozen' }],
      [{ code: 'temperature', zone: 'ambient' }],
      [{ code: 'temperature', zone: 'chilled' }]
    ])
  })

  test('zones are split inside each warehouse, and only where a warehouse has several', () => {
    const plan = planPackages(
      [
        item({ warehouse: 'A', temperatureZone: 'frozen' }),
        item({ warehouse: 'A' }),
        item({ warehouse: 'B', temperatureZone: 'frozen' })
      ],
      LIMITS
    )
    expect(plan.map((p) => p.reasons)).toEqual([
      [
        { code: 'warehouse', warehouse: 'A' },
        { code: 'temperature', zone: 'frozen' }
      ],
      [
        { code: 'warehouse', warehouse: 'A' },
        { code: 'temperature', zone: 'ambient' }
      ],
      [{ code: 'warehouse', warehouse: 'B' }]
    ])
  })

  test('weight: exactly at the limit is one package, 1 g over is two, flagged overweight', () => {
    const at = planPackages([item({ unitWeightG: 10_000, quantity: 3 })], LIMITS)
    expect(at).toHaveLength(1)
    expect(at[0]?.weightG).toBe(30_000)
    expect(at[0]?.reasons).toEqual([])

    const heavy = item({ unitWeightG: 10_000, quantity: 2 })
    const gram = item({ unitWeightG: 10_001 })
    const over = planPackages([heavy, gram], LIMITS)
    expect(over.map((p) => p.weightG)).toEqual([20_001, 10_000])
    expect(over.map((p) => p.items)).toEqual([
      [
        { orderItemId: heavy.orderItemId, quantity: 1 },
        { orderItemId: gram.orderItemId, quantity: 1 }
      ],
      [{ orderItemId: heavy.orderItemId, quantity: 1 }]
    ])
    for (const p of over) expect(p.reasons).toEqual([{ code: 'overweight', limitG: 30_000 }])
  })

  test('longest side: units stack on their shortest side; at the limit fits, 1 mm over splits', () => {
    // 500×400×500 mm stacked three high = 1500 mm: at the limit.
    const at = planPackages([item({ quantity: 3, lengthMm: 500, widthMm: 400, heightMm: 500 })], {
      ...LIMITS,
      maxSumOfSidesMm: 10_000
    })
    expect(at).toHaveLength(1)
    const over = planPackages([item({ quantity: 3, lengthMm: 501, widthMm: 501, heightMm: 501 })], {
      ...LIMITS,
      maxSumOfSidesMm: 10_000
    })
    expect(over.map((p) => p.items[0]?.quantity)).toEqual([2, 1])
    expect(over[0]?.reasons).toEqual([{ code: 'oversize', limitMm: 1500 }])
  })

  test('sum of sides: at the limit fits, 1 mm over splits', () => {
    // box 1000 × 1000 × (n × 250): two units sum to 2500, at a 2500 limit.
    const limits = { ...LIMITS, maxSumOfSidesMm: 2500 }
    const at = planPackages(
      [item({ quantity: 2, lengthMm: 1000, widthMm: 1000, heightMm: 250 })],
      limits
    )
    expect(at).toHaveLength(1)
    const over = planPackages(
      [item({ quantity: 2, lengthMm: 1000, widthMm: 1000, heightMm: 251 })],
      limits
    )
    expect(over).toHaveLength(2)
    expect(over[0]?.reasons).toEqual([{ code: 'oversize', limitMm: 2500 }])
  })

  test('a unit over a limit on its own ships alone, flagged over_limit, each unit apart', () => {
    const small = item({ unitWeightG: 500, quantity: 2 })
    const huge = item({ unitWeightG: 40_000, quantity: 2 })
    const long = item({ lengthMm: 1600, widthMm: 100, heightMm: 100 })
    const plan = planPackages([small, huge, long], LIMITS)
    expect(plan).toEqual([
      {
        items: [{ orderItemId: small.orderItemId, quantity: 2 }],
        reasons: [],
        overLimit: false,
        weightG: 1000
      },
      {
        items: [{ orderItemId: huge.orderItemId, quantity: 1 }],
        reasons: [{ code: 'over_limit' }],
        overLimit: true,
        weightG: 40_000
      },
      {
        items: [{ orderItemId: huge.orderItemId, quantity: 1 }],
        reasons: [{ code: 'over_limit' }],
        overLimit: true,
        weightG: 40_000
      },
      {
        items: [{ orderItemId: long.orderItemId, quantity: 1 }],
        reasons: [{ code: 'over_limit' }],
        overLimit: true,
        weightG: 0
      }
    ])
  })

  test('a quantity is split across packages, every unit placed once', () => {
    const many = item({ unitWeightG: 1000, quantity: 500 })
    const plan = planPackages([many], LIMITS)
    expect(plan.map((p) => p.items[0]?.quantity)).toEqual([
      ...Array.from({ length: 16 }, () => 30),
      20
    ])
    expect(placed(plan).get(many.orderItemId)).toBe(500)
  })

  test('first-fit decreasing fills earlier packages with lighter items', () => {
    const a = item({ unitWeightG: 20_000 })
    const b = item({ unitWeightG: 15_000 })
    const c = item({ unitWeightG: 9_000 })
    const plan = planPackages([c, a, b], LIMITS)
    // a (20 kg) then b (15 kg) opens a second package; c (9 kg) fits beside a. Items keep input order.
    expect(plan.map((p) => p.items.map((i) => i.orderItemId))).toEqual([
      [c.orderItemId, a.orderItemId],
      [b.orderItemId]
    ])
  })

  test('deterministic: the same input gives the same plan', () => {
    const items = [
      item({ unitWeightG: 7000, quantity: 9, warehouse: 'B' }),
      item({ unitWeightG: 3000, quantity: 4, temperatureZone: 'chilled' }),
      item({ unitWeightG: 7000, quantity: 5 }),
      item({ unitWeightG: 12_000, quantity: 3, lengthMm: 600, widthMm: 400, heightMm: 300 })
    ]
    const first = planPackages(items, LIMITS)
    expect(planPackages([...items], LIMITS)).toEqual(first)
    expect(JSON.stringify(planPackages(items, LIMITS))).toBe(JSON.stringify(first))
    for (const i of items) expect(placed(first).get(i.orderItemId)).toBe(i.quantity)
    for (const p of first) expect(p.weightG).toBeLessThanOrEqual(LIMITS.maxWeightG)
  })
})
