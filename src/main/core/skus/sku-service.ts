import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import { upsertSkus } from '../db/skus-repo'
import { writeRejectedRows } from '../import/sheets-out'
import { rejectedSheetTable, type SkuPlan } from './sku-import'

export type SkuCommitResult = {
  /** Rows written: new SKUs plus SKUs whose facts were replaced. */
  readonly imported: number
  readonly created: number
  readonly updated: number
}

/** Writes a checked sheet's accepted rows in one transaction (all or none), audited. */
export function commitSkuImport(
  ctx: Pick<CoreContext, 'db' | 'now' | 'actor' | 'station'>,
  plan: SkuPlan
): SkuCommitResult {
  return ctx.db.transaction((): SkuCommitResult => {
    const now = ctx.now()
    const created = upsertSkus(ctx.db, plan.facts, now)
    const result = {
      imported: plan.facts.length,
      created,
      updated: plan.facts.length - created
    }
    appendAudit(ctx.db, {
      at: now,
      actor: ctx.actor,
      station: ctx.station,
      action: 'skus.imported',
      entity: 'sku',
      entityId: null,
      details: { rowsRead: plan.rowsRead, ...result, rejectedRows: plan.rejectedRows }
    })
    return result
  })()
}

/** The refused rows as a sheet to fix and import again (the order import's writer). */
export async function writeSkuRejectedRows(
  plan: SkuPlan,
  outFile: string,
  lang: 'zh-CN' | 'en-US' = 'zh-CN'
): Promise<{ rows: number }> {
  return writeRejectedRows(
    rejectedSheetTable(plan.table),
    plan.rejected.map((r) => ({ ...r, source: 'orders' as const })),
    outFile,
    { lang }
  )
}
