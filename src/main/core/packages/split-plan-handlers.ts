import { ok } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import {
  getSplitPlan,
  listCarrierLimits,
  saveSplitPlan,
  setCarrierLimits
} from './split-plan-service'

export const splitPlanHandlers: DomainHandlers<
  'orders.splitPlan' | 'orders.saveSplitPlan' | 'carriers.limits' | 'carriers.setLimits'
> = {
  'orders.splitPlan': (ctx, input) => getSplitPlan(ctx, input.orderId, input.carrier),
  'orders.saveSplitPlan': (ctx, input) => saveSplitPlan(ctx, input),
  'carriers.limits': (ctx) => ok({ limits: listCarrierLimits(ctx) }),
  'carriers.setLimits': (ctx, input) => setCarrierLimits(ctx, input)
}
