import { readFileSync } from 'node:fs'
import type { Command } from 'commander'
import type { MethodInput } from '../../../shared/contract'
import { maskName, maskPhone } from '../../../shared/phone'
import { ImportError, importForCli } from '../../core/import'
import { CliFailure, intFlag, type CliContext } from '../cli-context'
import { registerOrderSplitCommand } from './orders-split'

const PRESETS = ['auto', 'kuaishou', 'taobao', 'template'] as const
const ON_DUPLICATE = ['skip', 'update'] as const

export function registerOrderCommands(program: Command, cli: CliContext): void {
  const orders = program.command('orders').description('orders: add, list, import, split')
  orders
    .command('add')
    .description('add one order from a JSON file (the orders.add contract input)')
    .requiredOption('--file <ORDER.json>', 'the order as JSON')
    .action(async (options: { file: string }) => {
      const input = readJsonFile(options.file) as MethodInput<'orders.add'>
      const order = await cli.call('orders.add', input)
      cli.print(`added order ${order.platformOrderId} (id ${String(order.id)})`, order)
    })
  orders
    .command('list')
    .description('list orders, newest first')
    .option('--query <Q>', 'keyword: order id, receiver name, phone or tracking number', '')
    .option('--limit <N>', 'how many rows', '50')
    .option('--full', 'receiver name and phone in full (masked by default)', false)
    .action(async (options: { query: string; limit: string; full: boolean }) => {
      const limit = intFlag('limit', options.limit, 1, 500)
      const listed = await cli.call('orders.list', { query: options.query, limit })
      // Masked here, like `printed list`: a script's output is as easily shared as a screen.
      const page = options.full
        ? listed
        : {
            ...listed,
            rows: listed.rows.map((r) => ({
              ...r,
              receiverName: maskName(r.receiverName),
              receiverPhone: maskPhone(r.receiverPhone)
            }))
          }
      const lines = page.rows.map((r) =>
        [
          r.platformOrderId,
          r.receiverName,
          r.receiverPhone,
          r.region,
          r.itemSummary,
          r.status
        ].join('\t')
      )
      cli.print(
        [`${String(page.total)}${page.totalCapped ? '+' : ''} orders`, ...lines].join('\n'),
        page
      )
    })
  orders
    .command('import')
    .description(
      'import an order sheet (.xlsx or .csv); rejected rows are listed with their reasons'
    )
    .argument('<FILE>', 'the sheet')
    .option('--preset <P>', `column layout: ${PRESETS.join('|')}`, 'auto')
    .option('--on-duplicate <MODE>', `an order that exists: ${ON_DUPLICATE.join('|')}`, 'skip')
    .option('--dry-run', 'check and count, write nothing', false)
    .action(
      async (file: string, options: { preset: string; onDuplicate: string; dryRun: boolean }) => {
        const preset = PRESETS.find((p) => p === options.preset)
        if (!preset) {
          throw new CliFailure(
            `--preset must be one of ${PRESETS.join(', ')}, got "${options.preset}"`
          )
        }
        const onDuplicate = ON_DUPLICATE.find((d) => d === options.onDuplicate)
        if (!onDuplicate) {
          throw new CliFailure(
            `--on-duplicate must be skip or update, got "${options.onDuplicate}"`
          )
        }
        try {
          const result = await importForCli(cli.open().ctx, file, {
            preset,
            onDuplicate,
            dryRun: options.dryRun
          })
          cli.print(
            [
              `${options.dryRun ? 'would import' : 'imported'}: ${String(result.accepted)} new, ${String(result.updated)} updated, ${String(result.rejected.length)} rejected row(s)`,
              ...result.rejected.map((r) => `row ${String(r.row)}\t${r.column}\t${r.reason}`)
            ].join('\n'),
            result
          )
        } catch (error) {
          if (error instanceof ImportError) {
            throw new CliFailure(error.message)
          }
          throw error
        }
      }
    )
  registerOrderSplitCommand(orders, cli)
}

function readJsonFile(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new CliFailure(`cannot read ${file}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new CliFailure(
      `${file} is not valid JSON (${error instanceof Error ? error.message : ''})`
    )
  }
}
