import type { SplitReason } from '../../../shared/api/split-plan'
import type { CarrierLimits, PlanReason, PlannedPackage } from './split-plan'

/** The reason codes a planned package can carry, in the order the editor lists them. */
export const SPLIT_REASON_CODES = [
  'warehouse',
  'temperature',
  'overweight',
  'oversize',
  'over_limit',
  'manual'
] as const satisfies readonly PlanReason['code'][]

type Zone = Extract<PlanReason, { code: 'temperature' }>['zone']

/**
 * A plan's reasons as they cross the contract: a temperature reason learns every zone the plan
 * keeps apart (so both packages read "冷冻与常温分开"), an oversize one which side limit bound.
 */
export function reasonsForContract(
  plan: readonly PlannedPackage[],
  limits: CarrierLimits
): SplitReason[][] {
  const zones: Zone[] = []
  for (const pkg of plan) {
    for (const r of pkg.reasons) {
      if (r.code === 'temperature' && !zones.includes(r.zone)) zones.push(r.zone)
    }
  }
  return plan.map((pkg) =>
    pkg.reasons.map((r): SplitReason => {
      switch (r.code) {
        case 'temperature':
          return { code: 'temperature', zone: r.zone, zones }
        case 'oversize':
          return {
            code: 'oversize',
            limitMm: r.limitMm,
            side: r.limitMm === limits.maxLongestSideMm ? 'longest' : 'sum'
          }
        default:
          return r
      }
    })
  )
}
