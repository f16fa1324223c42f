import type { CoreContext } from '../context'
import { commitImport, previewImport } from './import-service'
import type { OnDuplicate, PresetChoice, RejectedRow } from './types'

export type CliImportOptions = {
  readonly preset?: PresetChoice
  readonly onDuplicate?: OnDuplicate
  readonly dryRun?: boolean
  readonly shopId?: number
}

export type CliImportResult = {
  /** New orders (an order spread over several rows counts once); with dryRun, would be. */
  readonly accepted: number
  readonly updated: number
  readonly rejected: { row: number; column: string; reason: string }[]
}

/**
 * `waybill-station orders import FILE [--preset …] [--on-duplicate skip|update] [--dry-run] --json`.
 * Throws {@link ImportError} (one-line `message`) when the file cannot be read at all.
 */
export async function importForCli(
  ctx: CoreContext,
  file: string,
  options: CliImportOptions = {}
): Promise<CliImportResult> {
  const plan = await previewImport(
    ctx,
    { file },
    {
      preset: options.preset ?? 'auto',
      onDuplicate: options.onDuplicate ?? 'skip',
      ...(options.shopId !== undefined ? { shopId: options.shopId } : {})
    }
  )
  const plain = (rows: readonly RejectedRow[]) =>
    rows.map((r) => ({ row: r.row, column: r.column, reason: r.reason }))
  if (options.dryRun === true) {
    return {
      accepted: plan.preview.counts.new,
      updated: plan.preview.counts.updated,
      rejected: plain(plan.preview.rejected)
    }
  }
  const done = commitImport(ctx, plan)
  return { accepted: done.accepted, updated: done.updated, rejected: plain(done.rejected) }
}
