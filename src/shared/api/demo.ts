import { z } from 'zod'
import { Empty, type MethodSpec } from './common'

/** The demo shop's name, as stored and as the lists show it (the UI adds a 示例 / Demo tag). */
export const DEMO_SHOP_NAME = '示例店铺'

/** How many demo orders 载入示例订单 writes. */
export const DEMO_ORDER_COUNT = 36

const DemoState = z.object({
  /** The demo shop's id while it exists; null before a load and after a remove. */
  shopId: z.number().int().nullable(),
  orders: z.number().int(),
  /** No real order on this station yet: the Orders page offers 载入示例订单. */
  offer: z.boolean()
})

/**
 * A fresh install's demo data: a demo shop with realistic orders, so a new user prints a first
 * label on the preview printer at once. It never mixes with real data: exports leave it out
 * unless it is all there is to export, and one call removes it with everything printed for it.
 */
export const demoApi = {
  'demo.status': { input: Empty, output: DemoState },
  'demo.load': { input: Empty, output: DemoState },
  'demo.remove': {
    input: Empty,
    output: z.object({ orders: z.number().int(), packages: z.number().int() })
  }
} as const satisfies Record<string, MethodSpec>
