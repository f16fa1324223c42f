import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { insertOrders } from '../../../src/main/core/db/orders-repo'
import { storedPlan } from '../../../src/main/core/db/split-plan-repo'
import {
  callErr,
  callOk,
  insertTrackedPackage,
  newOrderRow,
  openTestCore,
  type TestCore
} from '../../support/core-fixtures'

/**
 * orders.splitPlan / orders.saveSplitPlan through the real core on a real SQLite file: the
 * proposal splits frozen from ambient, a saved plan must place every item exactly, and it is
 * stored as unnumbered packages only while nothing of the order was printed.
 */

let t: TestCore
let orderId: number
let frozenId: number
let ambientId: number

beforeEach(() => {
  t = openTestCore()
  const [id] = insertOrders(t.core.ctx.db, [
    newOrderRow('SPLIT-1', {
      items: [
        {
          sku: 'FZ-1',
          title: '速冻水饺',
          quantity: 2,
          unitWeightG: 500,
          warehouse: null,
          temperatureZone: 'frozen'
        },
        {
          sku: 'AM-1',
          title: '纸巾',
          quantity: 3,
          unitWeightG: 200,
          warehouse: null,
          temperatureZone: 'ambient'
        }
      ]
    })
  ])
  if (id === undefined) throw new Error('no order')
  orderId = id
  const rows = t.core.ctx.db
    .prepare<[number], { id: number }>(
      'SELECT id FROM order_items WHERE order_id = ? ORDER BY line_no'
    )
    .all(orderId)
  frozenId = rows[0]?.id ?? 0
  ambientId = rows[1]?.id ?? 0
})

afterEach(() => {
  t.dispose()
})

describe('split plan save', () => {
  test('the proposal keeps frozen and ambient apart, with the reason on each package', async () => {
    const plan = await callOk(t.core, 'orders.splitPlan', { orderId, carrier: 'ZTO' })
    expect(plan.saved).toBe(false)
    expect(plan.editable).toBe(true)
    expect(plan.packages.map((p) => p.items.map((i) => [i.sku, i.quantity]))).toEqual([
      [['FZ-1', 2]],
      [['AM-1', 3]]
    ])
    expect(plan.packages.map((p) => p.reasons)).toEqual([
      [{ code: 'temperature', zone: 'frozen', zones: ['frozen', 'ambient'] }],
      [{ code: 'temperature', zone: 'ambient', zones: ['frozen', 'ambient'] }]
    ])
  })

  test('a plan whose quantities do not add up is refused with a field-level reason', async () => {
    const error = await callErr(t.core, 'orders.saveSplitPlan', {
      orderId,
      packages: [
        { items: [{ orderItemId: frozenId, quantity: 2 }] },
        { items: [{ orderItemId: ambientId, quantity: 2 }] }
      ]
    })
    expect(error.code).toBe('VALIDATION')
    expect(error.details?.issues).toEqual([
      {
        path: `items.${String(ambientId)}.quantity`,
        code: 'split_quantity_mismatch',
        message: 'AM-1: 2 placed of 3 ordered'
      }
    ])
    expect(storedPlan(t.core.ctx.db, orderId)).toBeNull()
  })

  test('an item twice in a package, an empty package, a foreign item are each refused', async () => {
    const error = await callErr(t.core, 'orders.saveSplitPlan', {
      orderId,
      packages: [
        {
          items: [
            { orderItemId: frozenId, quantity: 1 },
            { orderItemId: frozenId, quantity: 1 },
            { orderItemId: ambientId, quantity: 3 }
          ]
        },
        { items: [] },
        { items: [{ orderItemId: 999_999, quantity: 1 }] }
      ]
    })
    expect(error.details?.issues?.map((i) => [i.path, i.code])).toEqual([
      ['packages.0.items.1.orderItemId', 'item_twice'],
      ['packages.1.items', 'package_empty'],
      ['packages.2.items.0.orderItemId', 'item_unknown']
    ])
  })

  test('a valid plan is stored as unnumbered packages, read back, and replaced by the next save', async () => {
    const saved = await callOk(t.core, 'orders.saveSplitPlan', {
      orderId,
      packages: [
        {
          items: [
            { orderItemId: frozenId, quantity: 2 },
            { orderItemId: ambientId, quantity: 1 }
          ]
        },
        { items: [{ orderItemId: ambientId, quantity: 2 }] }
      ]
    })
    expect(saved.saved).toBe(true)
    expect(saved.packages.map((p) => p.reasons)).toEqual([
      [{ code: 'manual' }],
      [{ code: 'manual' }]
    ])
    expect(storedPlan(t.core.ctx.db, orderId)).toEqual([
      [
        { orderItemId: frozenId, quantity: 2 },
        { orderItemId: ambientId, quantity: 1 }
      ],
      [{ orderItemId: ambientId, quantity: 2 }]
    ])
    const rows = t.core.ctx.db
      .prepare<[number], { sequence: number; role: string; tracking_number: string | null }>(
        'SELECT sequence, role, tracking_number FROM packages WHERE order_id = ? ORDER BY sequence'
      )
      .all(orderId)
    expect(rows).toEqual([
      { sequence: 1, role: 'first', tracking_number: null },
      { sequence: 2, role: 'split', tracking_number: null }
    ])

    await callOk(t.core, 'orders.saveSplitPlan', {
      orderId,
      packages: [
        {
          items: [
            { orderItemId: frozenId, quantity: 2 },
            { orderItemId: ambientId, quantity: 3 }
          ]
        }
      ]
    })
    expect(storedPlan(t.core.ctx.db, orderId)).toEqual([
      [
        { orderItemId: frozenId, quantity: 2 },
        { orderItemId: ambientId, quantity: 3 }
      ]
    ])
    const reread = await callOk(t.core, 'orders.splitPlan', { orderId })
    expect(reread.saved).toBe(true)
    expect(reread.packages).toHaveLength(1)
  })

  test('once a package is printed the plan is fixed', async () => {
    insertTrackedPackage(t.core.ctx.db, orderId, '73610555582883', { carrier: 'ZTO' })
    const plan = await callOk(t.core, 'orders.splitPlan', { orderId })
    expect(plan.editable).toBe(false)
    expect(plan.carrier).toBe('ZTO')
    const error = await callErr(t.core, 'orders.saveSplitPlan', {
      orderId,
      packages: [
        { items: [{ orderItemId: frozenId, quantity: 2 }] },
        { items: [{ orderItemId: ambientId, quantity: 3 }] }
      ]
    })
    expect(error.code).toBe('CONFLICT')
  })

  test('carrier limits are stored and pack the next plan', async () => {
    const before = await callOk(t.core, 'carriers.limits', {})
    expect(before.limits.find((l) => l.carrier === 'SF')).toEqual({
      carrier: 'SF',
      maxWeightG: 30_000,
      maxLongestSideMm: 1500,
      maxSumOfSidesMm: 3000
    })
    await callOk(t.core, 'carriers.setLimits', {
      carrier: 'SF',
      maxWeightG: 1000,
      maxLongestSideMm: 1500,
      maxSumOfSidesMm: 3000
    })
    const plan = await callOk(t.core, 'orders.splitPlan', { orderId, carrier: 'SF' })
    // 2 × 500 g frozen fit 1 kg exactly; 3 × 200 g ambient fit too: still two packages.
    expect(plan.packages).toHaveLength(2)
    await callOk(t.core, 'carriers.setLimits', {
      carrier: 'SF',
      maxWeightG: 999,
      maxLongestSideMm: 1500,
      maxSumOfSidesMm: 3000
    })
    const tighter = await callOk(t.core, 'orders.splitPlan', { orderId, carrier: 'SF' })
    expect(tighter.packages).toHaveLength(3)
    expect(tighter.packages[0]?.reasons).toContainEqual({ code: 'overweight', limitG: 999 })
  })
})
