import { z } from 'zod'
import { OrderDetail, OrderInput, OrderListPage, OrderListQuery, PLATFORMS } from '../schemas/order'
import { Id, type MethodSpec } from './common'

export const ordersApi = {
  'orders.add': { input: OrderInput, output: OrderDetail },
  'orders.list': { input: OrderListQuery, output: OrderListPage },
  'orders.get': { input: Id, output: OrderDetail },
  'orders.filterOptions': {
    input: z.object({}).strict(),
    output: z.object({
      shops: z.array(
        z.object({ id: z.number().int(), name: z.string(), platform: z.enum(PLATFORMS) })
      ),
      /** Carriers that appear on packages. */
      carriers: z.array(z.string())
    })
  },
  'orders.scan': {
    input: z.object({ code: z.string().trim().min(1, 'required').max(128, 'too_long') }).strict(),
    output: z.object({
      /** The order the scanned code belongs to (order id or tracking number), if any. */
      orderId: z.number().int().nullable(),
      matchedBy: z.enum(['order_id', 'tracking_number']).nullable()
    })
  }
} as const satisfies Record<string, MethodSpec>

export const ordersEvents = {
  'orders.changed': z.object({ ids: z.array(z.number().int()) })
} as const
