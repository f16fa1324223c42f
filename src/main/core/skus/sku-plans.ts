import { randomBytes } from 'node:crypto'
import type { SkuPlan } from './sku-import'

/** A checked SKU sheet is kept this long for its commit and its rejected-rows sheet. */
export const SKU_PLAN_TTL_MS = 30 * 60 * 1000

/**
 * Checked SKU sheets between preview and commit, in memory, keyed by planId. Expiry is checked
 * on access, so no timer keeps a process alive.
 */
export class SkuPlans {
  private readonly entries = new Map<string, { plan: SkuPlan; expiresAt: number }>()

  constructor(private readonly now: () => number) {}

  put(plan: SkuPlan): { planId: string; expiresAt: number } {
    this.sweep()
    const planId = randomBytes(12).toString('base64url')
    const expiresAt = this.now() + SKU_PLAN_TTL_MS
    this.entries.set(planId, { plan, expiresAt })
    return { planId, expiresAt }
  }

  get(planId: string): SkuPlan | null {
    this.sweep()
    return this.entries.get(planId)?.plan ?? null
  }

  drop(planId: string): void {
    this.entries.delete(planId)
  }

  private sweep(): void {
    const now = this.now()
    for (const [id, e] of this.entries) {
      if (e.expiresAt <= now) {
        this.entries.delete(id)
      }
    }
  }
}
