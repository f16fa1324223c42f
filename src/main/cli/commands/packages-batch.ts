import type { Command } from 'commander'
import { ImportError } from '../../core/import/reasons'
import { AppendBatchPartError } from '../../core/packages/append-batch'
import { AppendSheetTooBig, appendFileForCli } from '../../core/packages/append-batch-cli'
import { CliFailure, intFlag, type CliContext } from '../cli-context'

export type AppendFileOptions = {
  readonly file: string
  readonly dryRun?: boolean
  readonly part?: string
  readonly lang?: string
}

/**
 * The batch half of `packages append`: `--file SHEET [--dry-run] [--part K] [--lang zh-CN]`.
 * Prints `{"accepted": N, "rejected": [{row, column, rule, reason}]}` and exits 0 once the
 * sheet was read, even with refused rows; an unreadable sheet, or one over the batch limit
 * without --part, is one line and exit 1.
 */
export async function runAppendFile(cli: CliContext, options: AppendFileOptions): Promise<void> {
  const lang = options.lang === undefined || options.lang === 'en-US' ? 'en-US' : options.lang
  if (lang !== 'en-US' && lang !== 'zh-CN') {
    throw new CliFailure(`--lang must be zh-CN or en-US, got "${lang}"`)
  }
  const part = options.part === undefined ? undefined : intFlag('part', options.part, 1, 10_000)
  try {
    const result = await appendFileForCli(cli.open().ctx, options.file, {
      dryRun: options.dryRun === true,
      lang,
      ...(part === undefined ? {} : { part })
    })
    cli.print(
      [
        `${options.dryRun === true ? 'would append' : 'appended'}: ${String(result.accepted)} package(s), ${String(result.rejected.length)} refused row(s)`,
        ...result.rejected.map(
          (r) => `row ${String(r.row)}\t${r.column}\t${r.rule ?? '-'}\t${r.reason}`
        )
      ].join('\n'),
      result
    )
  } catch (error) {
    if (
      error instanceof ImportError ||
      error instanceof AppendSheetTooBig ||
      error instanceof AppendBatchPartError
    ) {
      throw new CliFailure(error.message)
    }
    throw error
  }
}

/** Adds the batch flags to the `packages append` command (A1's single append owns the verb). */
export function withAppendFileOptions(command: Command): Command {
  return command
    .option(
      '--file <SHEET>',
      'append in a batch from a sheet (.xlsx or .csv): 订单号, 快递公司, 运单号, 备注'
    )
    .option('--dry-run', 'with --file: check every row, write nothing', false)
    .option('--part <K>', 'with --file: take part K of a sheet over the batch limit')
    .option('--lang <LANG>', 'words of the reasons: en-US or zh-CN', 'en-US')
}
