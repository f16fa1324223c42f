import { fail, ok, type Result } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import { appendBatchSource, listAppendBatches } from '../db/append-batches-repo'
import { ImportError } from '../import/reasons'
import {
  AppendBatchPartError,
  commitAppendBatch,
  previewAppendBatch,
  writeBatchRefusedSheet
} from './append-batch'
import { writeAppendTemplate } from './append-batch-sheets'

type AppendBatchMethods =
  | 'packages.appendBatchTemplate'
  | 'packages.appendBatchPreview'
  | 'packages.appendBatchCommit'
  | 'packages.appendBatchRefusedSheet'
  | 'packages.appendBatchFile'
  | 'packages.appendBatches'

const batchGone = (): Result<never> => fail('NOT_FOUND', 'No such append batch')

/** An unreadable sheet as data: its one line in English and Chinese, like the order import. */
function unreadable(error: unknown): Result<never> {
  if (error instanceof ImportError) {
    return fail('VALIDATION', error.message, { importCode: error.code, messageZh: error.messageZh })
  }
  if (error instanceof AppendBatchPartError) {
    return fail('VALIDATION', error.message)
  }
  throw error
}

export const appendBatchHandlers: DomainHandlers<AppendBatchMethods> = {
  'packages.appendBatchTemplate': async (ctx) => {
    const slot = await ctx.files.reserve('批量追加模板.xlsx')
    await writeAppendTemplate(slot.path)
    return ok({ fileId: slot.fileId, fileName: slot.name })
  },

  'packages.appendBatchPreview': async (ctx, input) => {
    const file = await ctx.files.get(input.fileId)
    if (!file) {
      return fail('NOT_FOUND', 'The uploaded file is gone; choose it again', {
        importCode: 'FILE_NOT_FOUND',
        messageZh: '上传的文件已不存在，请重新选择文件'
      })
    }
    try {
      const preview = await previewAppendBatch(
        ctx,
        file,
        input.part === undefined ? {} : { part: input.part }
      )
      return ok({
        ...preview,
        refused: preview.refused.map((r) => ({ ...r })),
        tooBig: preview.tooBig ? { ...preview.tooBig, params: { ...preview.tooBig.params } } : null
      })
    } catch (error) {
      return unreadable(error)
    }
  },

  'packages.appendBatchCommit': (ctx, input) => {
    const done = commitAppendBatch(ctx, input.batchId)
    if (!done) {
      return batchGone()
    }
    return ok({
      batchId: done.batchId,
      accepted: done.accepted,
      refused: done.refused.map((r) => ({ ...r })),
      alreadyCommitted: done.alreadyCommitted
    })
  },

  'packages.appendBatchRefusedSheet': async (ctx, input) => {
    const lang = input.lang ?? 'zh-CN'
    const slot = await ctx.files.reserve(
      `${lang === 'zh-CN' ? '未追加的行' : 'refused-rows'}-${String(input.batchId)}.xlsx`
    )
    const written = await writeBatchRefusedSheet(ctx.db, input.batchId, slot.path, lang)
    if (!written) {
      await ctx.files.remove(slot.fileId)
      return batchGone()
    }
    return ok({ fileId: slot.fileId, fileName: slot.name, rows: written.rows })
  },

  'packages.appendBatchFile': async (ctx, input) => {
    const kept = appendBatchSource(ctx.db, input.batchId)
    if (!kept) {
      return batchGone()
    }
    const stored = await ctx.files.put(kept.fileName, [kept.source])
    return ok({ fileId: stored.fileId, fileName: stored.name })
  },

  'packages.appendBatches': (ctx, input) =>
    ok({ batches: listAppendBatches(ctx.db, input.limit ?? 100) })
}
