import { basename } from 'node:path'
import type { RuleId } from '../../../shared/rules'
import { appendBatchReasonWords } from '../../../shared/append-batch-words'
import { ruleWords, type RuleLang } from '../../../shared/rule-words'
import type { CoreContext } from '../context'
import { commitAppendBatch, previewAppendBatch } from './append-batch'

export type CliAppendFileResult = {
  readonly accepted: number
  readonly rejected: {
    readonly row: number
    readonly column: string
    readonly rule: RuleId | null
    readonly reason: string
  }[]
}

/** The sheet was refused whole (APPEND_BATCH_MAX_5000): one line naming the rule, exit 1. */
export class AppendSheetTooBig extends Error {}

/**
 * `packages append --file SHEET [--dry-run] [--part K] [--lang zh-CN]`: the same preview and
 * commit as the 包裹与追加 page. Throws ImportError when the sheet cannot be read, and
 * AppendSheetTooBig when it is over the batch limit and no part was asked for.
 */
export async function appendFileForCli(
  ctx: CoreContext,
  file: string,
  options: { readonly dryRun?: boolean; readonly part?: number; readonly lang?: RuleLang } = {}
): Promise<CliAppendFileResult> {
  const lang = options.lang ?? 'en-US'
  const preview = await previewAppendBatch(
    ctx,
    { path: file, name: basename(file) },
    {
      ...(options.part === undefined ? {} : { part: options.part }),
      keep: options.dryRun !== true
    }
  )
  if (preview.tooBig) {
    const t = preview.tooBig
    throw new AppendSheetTooBig(
      `${t.rule}: ${ruleWords(t.rule, t.params, lang)} (--part 1 … --part ${String(t.parts)})`
    )
  }
  const done =
    options.dryRun === true || preview.batchId === null
      ? null
      : commitAppendBatch(ctx, preview.batchId)
  const refused = done ? done.refused : preview.refused
  return {
    accepted: done ? done.accepted : preview.accepted,
    rejected: refused.map((r) => ({
      row: r.row,
      column: r.column,
      rule: r.rule,
      reason: appendBatchReasonWords(r, lang)
    }))
  }
}
