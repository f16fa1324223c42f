import type { Command } from 'commander'
import { CliFailure, intFlag, type CliContext } from '../cli-context'

/** Labels a crash left `sending`: list them, and record what the packer saw at the printer. */
export function registerPrintingCommands(program: Command, cli: CliContext): void {
  const printing = program
    .command('printing')
    .description('labels awaiting confirmation after a crash')
  printing
    .command('pending')
    .description('labels whose printing was interrupted: did they come out?')
    .action(async () => {
      const { labels } = await cli.call('printing.pending', {})
      cli.print(
        labels.length === 0
          ? 'no labels await confirmation'
          : labels
              .map(
                (l) =>
                  `${String(l.recordId)}\t${l.platformOrderId}\t${l.trackingNumber}\t${l.printer}`
              )
              .join('\n'),
        { labels }
      )
    })
  printing
    .command('confirm')
    .description('record whether an interrupted label came out of the printer')
    .requiredOption('--record <ID>', 'the record id from printing pending')
    .requiredOption('--printed <yes|no>', 'yes: it came out; no: it did not (it will print again)')
    .action(async (options: { record: string; printed: string }) => {
      if (options.printed !== 'yes' && options.printed !== 'no') {
        throw new CliFailure(`--printed must be yes or no, got "${options.printed}"`)
      }
      const result = await cli.call('printing.confirm', {
        recordId: intFlag('record', options.record, 1, Number.MAX_SAFE_INTEGER),
        printed: options.printed === 'yes'
      })
      cli.print(`record ${String(result.recordId)}: ${result.state}`, result)
    })
}
