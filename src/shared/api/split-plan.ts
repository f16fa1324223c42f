import { z } from 'zod'
import type { MethodSpec } from './common'

export const TEMPERATURE_ZONES = ['ambient', 'chilled', 'frozen'] as const
const Zone = z.enum(TEMPERATURE_ZONES)

/**
 * Why a planned package exists (core/packages/split-plan.ts PlanReason). A temperature reason also
 * carries every zone the plan keeps apart, so its words read "冷冻与常温分开" on each package; an
 * oversize reason says which side limit bound.
 */
export const SplitReason = z.discriminatedUnion('code', [
  z.object({ code: z.literal('warehouse'), warehouse: z.string() }),
  z.object({ code: z.literal('temperature'), zone: Zone, zones: z.array(Zone) }),
  z.object({ code: z.literal('overweight'), limitG: z.number() }),
  z.object({
    code: z.literal('oversize'),
    limitMm: z.number(),
    /** Which side limit bound: the longest side or the sum of the three. */
    side: z.enum(['longest', 'sum'])
  }),
  z.object({ code: z.literal('over_limit') }),
  z.object({ code: z.literal('manual') })
])
export type SplitReason = z.infer<typeof SplitReason>

const PlanItemView = z.object({
  orderItemId: z.number().int(),
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  unitWeightG: z.number(),
  warehouse: z.string().nullable(),
  temperatureZone: Zone
})

const PlanPackageView = z.object({
  items: z.array(
    z.object({
      orderItemId: z.number().int(),
      sku: z.string(),
      title: z.string(),
      quantity: z.number().int()
    })
  ),
  reasons: z.array(SplitReason),
  overLimit: z.boolean(),
  weightG: z.number()
})
export type PlanPackageView = z.infer<typeof PlanPackageView>

export const SplitPlanView = z.object({
  orderId: z.number().int(),
  carrier: z.string(),
  limits: z.object({
    maxWeightG: z.number().int(),
    maxLongestSideMm: z.number().int(),
    maxSumOfSidesMm: z.number().int()
  }),
  items: z.array(PlanItemView),
  /** What the planner proposes (the editor's "reset"). */
  proposal: z.array(PlanPackageView),
  /** The packer's saved plan when there is one, else the proposal. */
  packages: z.array(PlanPackageView),
  saved: z.boolean(),
  /** False once a package of the order was printed or numbered: the plan is then fixed. */
  editable: z.boolean()
})
export type SplitPlanView = z.infer<typeof SplitPlanView>

const Positive = z.number('number_required').int('integer_required')

export const CarrierLimitsView = z.object({
  carrier: z.string(),
  maxWeightG: Positive.min(1, 'quantity_min').max(1_000_000, 'too_large'),
  maxLongestSideMm: Positive.min(1, 'quantity_min').max(100_000, 'too_large'),
  maxSumOfSidesMm: Positive.min(1, 'quantity_min').max(300_000, 'too_large')
})

export const splitPlanApi = {
  'orders.splitPlan': {
    input: z
      .object({
        orderId: z.number().int().positive(),
        /** The carrier whose limits pack the plan; the order's own carrier or the first one if absent. */
        carrier: z.string().trim().min(1, 'required').max(20, 'too_long').optional()
      })
      .strict(),
    output: SplitPlanView
  },
  'orders.saveSplitPlan': {
    input: z
      .object({
        orderId: z.number().int().positive(),
        carrier: z.string().trim().min(1, 'required').max(20, 'too_long').optional(),
        packages: z
          .array(
            z
              .object({
                items: z.array(
                  z
                    .object({
                      orderItemId: z.number().int().positive(),
                      quantity: Positive.min(1, 'quantity_min')
                    })
                    .strict()
                )
              })
              .strict()
          )
          .min(1, 'required')
          .max(500, 'too_large')
      })
      .strict(),
    output: SplitPlanView
  },
  'carriers.limits': {
    input: z.object({}).strict(),
    output: z.object({ limits: z.array(CarrierLimitsView) })
  },
  'carriers.setLimits': {
    input: CarrierLimitsView.extend({
      carrier: z.string().trim().min(1, 'required').max(20, 'too_long')
    }).strict(),
    output: CarrierLimitsView
  }
} as const satisfies Record<string, MethodSpec>
