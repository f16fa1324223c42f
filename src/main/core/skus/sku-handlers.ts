import { SKU_REJECTED_SHOWN, type SkuTableView, type SkuView } from '../../../shared/api/skus'
import { fail, ok, type Result } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import { countSkus, deleteSku, skuWindow, skusBySku, updateSku } from '../db/skus-repo'
import { ImportError } from '../import/reasons'
import { inspectSkuFile, previewSkuImport, type SkuTable } from './sku-import'
import { SkuPlans } from './sku-plans'
import { commitSkuImport, writeSkuRejectedRows } from './sku-service'

/** Checked sheets are the SKU domain's own state: one store per core, in memory only. */
const stores = new WeakMap<CoreContext, SkuPlans>()
function plansOf(ctx: CoreContext): SkuPlans {
  let plans = stores.get(ctx)
  if (!plans) {
    plans = new SkuPlans(ctx.now)
    stores.set(ctx, plans)
  }
  return plans
}

/** An unreadable file as data: its one line in English and Chinese (as the order import does). */
function refused(error: unknown): Result<never> {
  if (error instanceof ImportError) {
    return fail('VALIDATION', error.message, { importCode: error.code, messageZh: error.messageZh })
  }
  throw error
}

const fileGone = (): Result<never> =>
  fail('NOT_FOUND', 'The uploaded file is gone; choose it again', {
    importCode: 'FILE_NOT_FOUND',
    messageZh: '上传的文件已不存在，请重新选择文件'
  })

const planGone = (): Result<never> =>
  fail('NOT_FOUND', 'This preview has expired; check the file again', {
    importCode: 'STALE_PLAN',
    messageZh: '预览已过期，请重新检查文件'
  })

function tableView(t: SkuTable, fileName: string): SkuTableView {
  return {
    fileName,
    format: t.format,
    encoding: t.encoding,
    headerRow: t.headerRow,
    headers: [...t.headers],
    mapping: { ...t.mapping },
    missing: [...t.missing],
    sample: t.sample.map((r) => [...r])
  }
}

type SkuMethods =
  | 'skus.window'
  | 'skus.count'
  | 'skus.update'
  | 'skus.delete'
  | 'skus.importInspect'
  | 'skus.importPreview'
  | 'skus.importCommit'
  | 'skus.rejectedSheet'

export const skusHandlers: DomainHandlers<SkuMethods> = {
  'skus.window': (ctx, input) =>
    ok({
      rows: skuWindow(ctx.db, input.offset, input.limit, input.search ?? ''),
      total: countSkus(ctx.db, input.search ?? '')
    }),

  'skus.count': (ctx, input) => ok({ total: countSkus(ctx.db, input.search ?? '') }),

  'skus.update': (ctx, input) => {
    const facts = { ...input, title: input.title.trim(), warehouse: input.warehouse || null }
    const saved = ctx.db.transaction((): SkuView | null => {
      const now = ctx.now()
      if (!updateSku(ctx.db, facts, now)) {
        return null
      }
      appendAudit(ctx.db, {
        at: now,
        actor: ctx.actor,
        station: ctx.station,
        action: 'skus.updated',
        entity: 'sku',
        entityId: null,
        details: facts
      })
      return skusBySku(ctx.db, [input.sku]).get(input.sku) ?? null
    })()
    return saved
      ? ok({ sku: saved })
      : fail('NOT_FOUND', `No SKU ${input.sku} in the catalogue`, {
          messageZh: `商品库中没有 SKU ${input.sku}`
        })
  },

  'skus.delete': (ctx, input) => {
    const deleted = ctx.db.transaction(() => {
      const gone = deleteSku(ctx.db, input.sku)
      if (gone) {
        appendAudit(ctx.db, {
          at: ctx.now(),
          actor: ctx.actor,
          station: ctx.station,
          action: 'skus.deleted',
          entity: 'sku',
          entityId: null,
          details: { sku: input.sku }
        })
      }
      return gone
    })()
    return ok({ deleted })
  },

  'skus.importInspect': async (ctx, input) => {
    const file = await ctx.files.get(input.fileId)
    if (!file) {
      return fileGone()
    }
    try {
      return ok(tableView(await inspectSkuFile(file.path, input.mapping), file.name))
    } catch (error) {
      return refused(error)
    }
  },

  'skus.importPreview': async (ctx, input) => {
    const file = await ctx.files.get(input.fileId)
    if (!file) {
      return fileGone()
    }
    try {
      const plan = await previewSkuImport(
        file.path,
        input.mapping ? { mapping: input.mapping } : {}
      )
      const { planId, expiresAt } = plansOf(ctx).put(plan)
      return ok({
        planId,
        table: tableView(plan.table, file.name),
        rowsRead: plan.rowsRead,
        accepted: plan.facts.length,
        rejectedRows: plan.rejectedRows,
        rejected: plan.rejected.slice(0, SKU_REJECTED_SHOWN).map((r) => ({ ...r })),
        rejectedTotal: plan.rejected.length,
        elapsedMs: plan.elapsedMs,
        expiresAt
      })
    } catch (error) {
      return refused(error)
    }
  },

  'skus.importCommit': (ctx, input) => {
    const plans = plansOf(ctx)
    const plan = plans.get(input.planId)
    if (!plan) {
      return planGone()
    }
    const started = performance.now()
    const done = commitSkuImport(ctx, plan)
    // Kept (not dropped) so the rejected rows can still be downloaded after the commit.
    return ok({
      ...done,
      rejectedRows: plan.rejectedRows,
      elapsedMs: Math.round(performance.now() - started)
    })
  },

  'skus.rejectedSheet': async (ctx, input) => {
    const plan = plansOf(ctx).get(input.planId)
    if (!plan) {
      return planGone()
    }
    const zh = (input.lang ?? 'zh-CN') === 'zh-CN'
    const slot = await ctx.files.reserve(
      `${zh ? '商品导入未通过的行' : 'sku-rejected-rows'}.${input.format}`
    )
    try {
      const written = await writeSkuRejectedRows(plan, slot.path, input.lang ?? 'zh-CN')
      return ok({ fileId: slot.fileId, fileName: slot.name, rows: written.rows })
    } catch (error) {
      await ctx.files.remove(slot.fileId)
      return refused(error)
    }
  }
}
