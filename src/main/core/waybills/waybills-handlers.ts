import { CARRIERS } from '../../../shared/carriers'
import { ok } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import { getSetting } from '../db/settings-repo'
import { availableCount, listPools } from '../db/waybill-pools-repo'
import { addPool, demoPoolId, expandRange, parseNumberList } from './pool-service'

/** Below this many numbers left, a carrier shows a low-balance warning (Settings can change it). */
export const DEFAULT_LOW_BALANCE = 200

export const waybillsHandlers: DomainHandlers<
  'carriers.list' | 'pools.list' | 'pools.addRange' | 'pools.addList'
> = {
  'carriers.list': (ctx) => {
    const threshold = Number(getSetting(ctx.db, 'pools.lowBalance') ?? DEFAULT_LOW_BALANCE)
    return ok({
      lowBalanceThreshold: threshold,
      carriers: CARRIERS.map((c) => {
        const available = availableCount(ctx.db, c.code)
        return {
          code: c.code,
          name: c.name,
          kuaishouExpressCode: c.kuaishouExpressCode,
          taobaoCode: c.taobaoCode,
          sample: c.sample,
          available,
          lowBalance: available < threshold
        }
      })
    })
  },
  'pools.list': (ctx) => {
    const demo = demoPoolId(ctx.db)
    return ok({
      pools: listPools(ctx.db).map((p) => ({
        id: p.id,
        carrier: p.carrier,
        kind: p.kind,
        label: p.label,
        createdAt: p.created_at,
        total: p.total,
        available: p.available,
        allocated: p.allocated,
        voided: p.voided,
        demo: p.id === demo
      }))
    })
  },
  'pools.addRange': (ctx, input) => {
    const numbers = expandRange(input.start, input.count)
    if (!numbers.ok) {
      return numbers
    }
    const label = input.label || `${input.start} +${String(input.count)}`
    return addPool(ctx, input.carrier, 'range', label, numbers.value)
  },
  'pools.addList': (ctx, input) => {
    const numbers = parseNumberList(input.text)
    if (!numbers.ok) {
      return numbers
    }
    return addPool(
      ctx,
      input.carrier,
      'list',
      input.label || `list of ${String(numbers.value.length)}`,
      numbers.value
    )
  }
}
