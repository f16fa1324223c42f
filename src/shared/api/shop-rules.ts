import { z } from 'zod'
import { Empty, type MethodSpec } from './common'
import { PLATFORMS } from '../schemas/order'

/** A shop's promise: ship within this many hours of payment (both platforms hold 48 h by default). */
export const SHIP_PROMISE_HOURS = { min: 1, max: 720, default: 48 } as const

const ShopRules = z.object({
  id: z.number().int(),
  name: z.string(),
  platform: z.enum(PLATFORMS),
  shipPromiseHours: z.number().int()
})

/**
 * Settings → 店铺规则 (issue 12 item 3): what each shop promises its buyers. An order without a
 * 最晚发货时间 of its own must ship within the promise after payment.
 */
export const shopRulesApi = {
  'shops.rules': { input: Empty, output: z.object({ shops: z.array(ShopRules) }) },
  'shops.setShipPromise': {
    input: z
      .object({
        shopId: z.number().int().positive(),
        hours: z
          .number()
          .int('integer_required')
          .min(SHIP_PROMISE_HOURS.min, 'too_small')
          .max(SHIP_PROMISE_HOURS.max, 'too_large')
      })
      .strict(),
    /** `orders`: how many orders' ship-by times followed the new promise. */
    output: z.object({ shop: ShopRules, orders: z.number().int() })
  }
} as const satisfies Record<string, MethodSpec>
