import { CARRIERS } from '../../../shared/carriers'
import { ok } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import { getSetting } from '../db/settings-repo'
import { availableCount, listPools, nextNumberPool } from '../db/waybill-pools-repo'
import { isLowBalance } from './low-balance'
import { addPool, demoPoolId, expandRange, parseNumberList } from './pool-service'

/**
 * Below this many numbers left, a carrier shows a low-balance warning (Settings can change it),
 * or below a tenth of a smaller pool's size ({@link isLowBalance}).
 */
export const DEFAULT_LOW_BALANCE = 200

export const waybillsHandlers: DomainHandlers<
  'carriers.list' | 'pools.list' | 'pools.addRange' | 'pools.addList'
> = {
  'carriers.list': (ctx) => {
    const stored = Number(getSetting(ctx.db, 'pools.lowBalance') ?? DEFAULT_LOW_BALANCE)
    // A value written before settings.set checked it may not be a count.
    const threshold = Number.isSafeInteger(stored) && stored >= 0 ? stored : DEFAULT_LOW_BALANCE
    const demoPool = demoPoolId(ctx.db)
    // The size of each carrier's pools that still hold numbers.
    const activeSize = new Map<string, number>()
    for (const pool of listPools(ctx.db)) {
      if (pool.available > 0) {
        activeSize.set(pool.carrier, (activeSize.get(pool.carrier) ?? 0) + pool.total)
      }
    }
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
          lowBalance: isLowBalance(available, activeSize.get(c.code) ?? 0, threshold),
          demo: demoPool !== null && available > 0 && nextNumberPool(ctx.db, c.code) === demoPool
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
