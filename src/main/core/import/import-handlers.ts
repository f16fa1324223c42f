import type { MethodOutput } from '../../../shared/contract'
import type {
  ImportFieldName,
  ImportInspectionView,
  ImportTableView
} from '../../../shared/api/import'
import { REJECTED_ROWS_SHOWN } from '../../../shared/api/import'
import { fail, ok, type Result } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import type { CoreContext } from '../context'
import { commitImportInWorker } from './commit-in-worker'
import {
  ImportError,
  inspectImportFile,
  previewImport,
  saveImportMapping,
  type ImportInspection,
  type CommitResult,
  type ImportProgress,
  type TableInfo
} from './index'
import { ImportPlans } from './plan-store'
import { writeImportTemplate, writeRejectedRows } from './sheets-out'
import type { ImportField } from './types'

type Assert<T extends true> = T
/** The contract's field list and the engine's are the same set. */
export type ImportFieldListsAgree = Assert<
  [ImportField] extends [ImportFieldName]
    ? [ImportFieldName] extends [ImportField]
      ? true
      : false
    : false
>

/** Plans are the import domain's own state: one store per core, in memory only. */
const stores = new WeakMap<CoreContext, ImportPlans>()
function plansOf(ctx: CoreContext): ImportPlans {
  let plans = stores.get(ctx)
  if (!plans) {
    plans = new ImportPlans(ctx.now)
    stores.set(ctx, plans)
  }
  return plans
}

/** An ImportError (unreadable file, cancelled…) as data: its one line in English and Chinese. */
function refused(error: unknown): Result<never> {
  if (error instanceof ImportError) {
    return fail(error.code === 'CANCELLED' ? 'CONFLICT' : 'VALIDATION', error.message, {
      importCode: error.code,
      messageZh: error.messageZh
    })
  }
  throw error
}

const fileGone = (): Result<never> =>
  fail('NOT_FOUND', 'The uploaded file is gone; choose it again', {
    importCode: 'FILE_NOT_FOUND',
    messageZh: '上传的文件已不存在，请重新选择文件'
  })

const planGone = (): Result<never> =>
  fail('NOT_FOUND', 'This preview has expired or was cancelled; check the file again', {
    importCode: 'STALE_PLAN',
    messageZh: '预览已过期或已取消，请重新检查文件'
  })

function tableView(t: TableInfo, fileName: string): ImportTableView {
  return {
    fileName,
    format: t.format,
    encoding: t.encoding,
    headerRow: t.headerRow,
    headers: [...t.headers],
    signature: t.signature,
    mapping: { ...t.mapping },
    mappingSource: t.mappingSource,
    preset: t.preset
  }
}

function inspectionView(i: ImportInspection, fileName: string): ImportInspectionView {
  return {
    ...tableView(i, fileName),
    missing: [...i.missing],
    sample: i.sample.map((r) => [...r])
  }
}

function progressEmitter(ctx: CoreContext, planId: string) {
  return (p: ImportProgress) => {
    ctx.emit('import.progress', { planId, ...p })
  }
}

type ImportMethods =
  | 'import.inspect'
  | 'import.saveMapping'
  | 'import.preview'
  | 'import.cancel'
  | 'import.commit'
  | 'import.rejectedSheet'
  | 'import.template'

export const importHandlers: DomainHandlers<ImportMethods> = {
  'import.inspect': async (ctx, input) => {
    const file = await ctx.files.get(input.fileId)
    const items = input.itemsFileId === undefined ? null : await ctx.files.get(input.itemsFileId)
    if (!file || (input.itemsFileId !== undefined && !items)) {
      return fileGone()
    }
    try {
      const orders = await inspectImportFile(ctx, file.path, {
        ...(input.preset ? { preset: input.preset } : {}),
        ...(input.mapping ? { mapping: input.mapping } : {}),
        role: items ? 'orders-with-item-report' : 'orders'
      })
      const itemsView = items
        ? inspectionView(
            await inspectImportFile(ctx, items.path, {
              ...(input.itemsMapping ? { mapping: input.itemsMapping } : {}),
              role: 'items'
            }),
            items.name
          )
        : null
      return ok({ orders: inspectionView(orders, file.name), items: itemsView })
    } catch (error) {
      return refused(error)
    }
  },

  'import.saveMapping': (ctx, input) => {
    saveImportMapping(ctx, input.signature, input.mapping)
    return ok({ saved: true })
  },

  'import.preview': async (ctx, input) => {
    const plans = plansOf(ctx)
    const planId = input.planId ?? ImportPlans.newId()
    const file = await ctx.files.get(input.fileId)
    const items = input.itemsFileId === undefined ? null : await ctx.files.get(input.itemsFileId)
    if (!file || (input.itemsFileId !== undefined && !items)) {
      return fileGone()
    }
    const controller = plans.start(planId)
    if (!controller) {
      return fail('CONFLICT', 'This plan id is already in use', { importCode: 'STALE_PLAN' })
    }
    try {
      const plan = await previewImport(
        ctx,
        { file: file.path, ...(items ? { itemsFile: items.path } : {}) },
        {
          ...(input.preset ? { preset: input.preset } : {}),
          ...(input.mapping ? { mapping: input.mapping } : {}),
          ...(input.itemsMapping ? { itemsMapping: input.itemsMapping } : {}),
          ...(input.shopId !== undefined ? { shopId: input.shopId } : {}),
          ...(input.onDuplicate ? { onDuplicate: input.onDuplicate } : {}),
          signal: controller.signal,
          onProgress: progressEmitter(ctx, planId)
        }
      )
      const expiresAt = plans.ready(planId, plan)
      if (expiresAt === null) {
        return refused(
          new ImportError(
            'CANCELLED',
            'The import was cancelled; nothing was written',
            '导入已取消，没有写入任何数据'
          )
        )
      }
      const p = plan.preview
      return ok({
        planId,
        rowsRead: p.rowsRead,
        counts: { ...p.counts },
        rejected: p.rejected.slice(0, REJECTED_ROWS_SHOWN).map((r) => ({ ...r })),
        rejectedTotal: p.rejected.length,
        rejectedBySource: {
          orders: p.rejected.filter((r) => r.source === 'orders').length,
          items: p.rejected.filter((r) => r.source === 'items').length
        },
        warnings: p.warnings.slice(0, REJECTED_ROWS_SHOWN).map((r) => ({ ...r })),
        warningsTotal: p.warnings.length,
        elapsedMs: p.elapsedMs,
        expiresAt
      })
    } catch (error) {
      plans.drop(planId)
      return refused(error)
    }
  },

  'import.cancel': (ctx, input) => ok({ cancelled: plansOf(ctx).cancel(input.planId) }),

  'import.commit': async (ctx, input) => {
    const plans = plansOf(ctx)
    const claimed = plans.claim(input.planId)
    if (!claimed) {
      return planGone()
    }
    const started = performance.now()
    let done: CommitResult
    try {
      done = await commitImportInWorker(ctx, claimed.plan, {
        onDuplicate: input.onDuplicate,
        signal: claimed.signal,
        onProgress: progressEmitter(ctx, input.planId)
      })
    } catch (error) {
      plans.release(input.planId)
      return refused(error)
    }
    plans.drop(input.planId)
    const out: MethodOutput<'import.commit'> = {
      accepted: done.accepted,
      updated: done.updated,
      unchanged: done.unchanged,
      rejectedRows: done.rejected.length,
      elapsedMs: Math.round(performance.now() - started),
      orderIds: [...done.orderIds]
    }
    return ok(out)
  },

  'import.rejectedSheet': async (ctx, input) => {
    const plan = plansOf(ctx).get(input.planId)
    if (!plan) {
      return planGone()
    }
    const source = input.source ?? 'orders'
    const table = source === 'items' ? plan.preview.items : plan.preview.orders
    if (!table) {
      return planGone()
    }
    const zh = (input.lang ?? 'zh-CN') === 'zh-CN'
    const slot = await ctx.files.reserve(`${zh ? '被拒绝的行' : 'rejected-rows'}.${input.format}`)
    try {
      const written = await writeRejectedRows(table, plan.preview.rejected, slot.path, {
        source,
        lang: input.lang ?? 'zh-CN'
      })
      return ok({ fileId: slot.fileId, fileName: slot.name, rows: written.rows })
    } catch (error) {
      await ctx.files.remove(slot.fileId)
      return refused(error)
    }
  },

  'import.template': async (ctx) => {
    const slot = await ctx.files.reserve('订单导入模板.xlsx')
    await writeImportTemplate(slot.path)
    return ok({ fileId: slot.fileId, fileName: slot.name })
  }
}
