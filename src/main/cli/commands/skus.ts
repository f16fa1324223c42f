import type { Command } from 'commander'
import { ImportError } from '../../core/import/reasons'
import { previewSkuImport } from '../../core/skus/sku-import'
import { commitSkuImport } from '../../core/skus/sku-service'
import { CliFailure, type CliContext } from '../cli-context'

/** `skus import FILE [--dry-run] [--json]`: the SKU catalogue (Settings → 商品) from a sheet. */
export function registerSkuCommands(program: Command, cli: CliContext): void {
  const skus = program.command('skus').description('the SKU catalogue: weights, sizes, warehouses')
  skus
    .command('import')
    .description('import a SKU sheet (.xlsx or .csv); rejected rows are listed with their reasons')
    .argument('<FILE>', 'the sheet')
    .option('--dry-run', 'check and count, write nothing', false)
    .action(async (file: string, options: { dryRun: boolean }) => {
      try {
        const plan = await previewSkuImport(file)
        const imported = options.dryRun
          ? plan.facts.length
          : commitSkuImport(cli.open().ctx, plan).imported
        const rejected = plan.rejected.map((r) => ({
          row: r.row,
          column: r.column,
          reason: r.reason
        }))
        cli.print(
          [
            `${options.dryRun ? 'would import' : 'imported'}: ${String(imported)} SKU(s), ${String(plan.rejectedRows)} rejected row(s)`,
            ...rejected.map((r) => `row ${String(r.row)}\t${r.column}\t${r.reason}`)
          ].join('\n'),
          { imported, rejected }
        )
      } catch (error) {
        if (error instanceof ImportError) {
          throw new CliFailure(error.message)
        }
        throw error
      }
    })
}
