import { z } from 'zod'
import { Empty, type MethodSpec } from './common'

const CarrierCode = z.string().trim().min(1, 'required').max(20, 'too_long')

export const PoolView = z.object({
  id: z.number().int(),
  carrier: z.string(),
  kind: z.enum(['range', 'list', 'api']),
  label: z.string(),
  createdAt: z.number().int(),
  total: z.number().int(),
  available: z.number().int(),
  allocated: z.number().int(),
  voided: z.number().int(),
  /** The embedded demo pool (DESIGN §4): DEMO numbers for trying the app, never for shipping. */
  demo: z.boolean()
})

export const CarrierView = z.object({
  code: z.string(),
  name: z.string(),
  kuaishouExpressCode: z.number().int(),
  taobaoCode: z.string().nullable(),
  sample: z.string(),
  available: z.number().int(),
  lowBalance: z.boolean(),
  /** The next number comes from the demo pool (演示单号池): labels say 演示, ship refuses them. */
  demo: z.boolean()
})

const PoolAdded = z.object({
  poolId: z.number().int(),
  added: z.number().int(),
  /** How many numbers do not look like the carrier's format (a warning, not a refusal). */
  formatWarnings: z.number().int(),
  sampleMismatch: z.string().nullable()
})

export const waybillsApi = {
  'carriers.list': {
    input: Empty,
    output: z.object({ carriers: z.array(CarrierView), lowBalanceThreshold: z.number().int() })
  },
  'pools.list': { input: Empty, output: z.object({ pools: z.array(PoolView) }) },
  'pools.addRange': {
    input: z
      .object({
        carrier: CarrierCode,
        start: z.string().trim().min(1, 'required').max(40, 'too_long'),
        count: z
          .number('number_required')
          .int('integer_required')
          .min(1, 'quantity_min')
          .max(1_000_000, 'too_large'),
        label: z.string().trim().max(60, 'too_long').default('')
      })
      .strict(),
    output: PoolAdded
  },
  'pools.addList': {
    input: z
      .object({
        carrier: CarrierCode,
        /** One number per line, as a carrier's list file holds them. */
        text: z.string().min(1, 'required').max(20_000_000, 'too_long'),
        label: z.string().trim().max(60, 'too_long').default('')
      })
      .strict(),
    output: PoolAdded
  }
} as const satisfies Record<string, MethodSpec>
