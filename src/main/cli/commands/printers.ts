import type { Command } from 'commander'
import { PRINTER_LANGUAGES } from '../../../shared/api/printers'
import type { MethodOutput } from '../../../shared/contract'
import { PRINTER_URI_EXAMPLES } from '../../../shared/printer-uri'
import { CliFailure, intFlag, type CliContext } from '../cli-context'

const SIZES = ['76x130', '100x150', '100x180'] as const

type PrinterOut = MethodOutput<'printers.list'>['printers'][number]

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  const found = allowed.find((candidate) => candidate === value)
  if (!found) {
    throw new CliFailure(`--${flag} must be one of ${allowed.join(', ')}, got "${value}"`)
  }
  return found
}

function dpiFlag(raw: string): 203 | 300 {
  if (raw === '203') {
    return 203
  }
  if (raw === '300') {
    return 300
  }
  throw new CliFailure(`--dpi must be 203 or 300, got "${raw}"`)
}

function line(p: PrinterOut): string {
  return [
    p.isDefault ? '*' : ' ',
    p.name,
    p.uri,
    p.language,
    `${String(p.dpi)}dpi`,
    p.labelSize
  ].join('\t')
}

/** A printer by exact name, or a clear one-line failure listing the names there are. */
export async function printerByName(cli: CliContext, name: string): Promise<PrinterOut> {
  const { printers } = await cli.call('printers.list', {})
  const found = printers.find((p) => p.name === name)
  if (!found) {
    throw new CliFailure(
      `no printer named "${name}" (printers: ${printers.map((p) => p.name).join(', ')})`
    )
  }
  return found
}

export function registerPrinterCommands(program: Command, cli: CliContext): void {
  const printers = program.command('printers').description('label printers: add, list, test')
  printers
    .command('add')
    .description(`add a printer; addresses: ${PRINTER_URI_EXAMPLES.join(', ')}`)
    .requiredOption('--name <NAME>', 'a unique name, e.g. 打包台1号')
    .requiredOption(
      '--uri <URI>',
      'tcp://HOST:9100, lp://QUEUE, file:///dev/usb/lp0 or preview:DIR'
    )
    .requiredOption('--language <L>', 'escpos|tspl|zpl (png for preview: addresses)')
    .option('--dpi <DPI>', '203 or 300', '203')
    .option('--size <SIZE>', SIZES.join('|'), '76x130')
    .option('--darkness <N>', 'print darkness 0-15', '8')
    .action(
      async (options: {
        name: string
        uri: string
        language: string
        dpi: string
        size: string
        darkness: string
      }) => {
        const printer = await cli.call('printers.add', {
          name: options.name,
          uri: options.uri,
          language: oneOf('language', options.language, PRINTER_LANGUAGES),
          dpi: dpiFlag(options.dpi),
          labelSize: oneOf('size', options.size, SIZES),
          darkness: intFlag('darkness', options.darkness, 0, 15)
        })
        cli.print(`added printer ${printer.name} (${printer.uri})`, printer)
      }
    )
  printers
    .command('list')
    .description('list printers (* = default)')
    .action(async () => {
      const { printers: rows } = await cli.call('printers.list', {})
      cli.print(rows.map(line).join('\n'), rows)
    })
  printers
    .command('test')
    .description('print one sample label (marked 打印测试) on a printer and report what happened')
    .argument('<NAME>', 'the printer name')
    .action(async (name: string) => {
      const printer = await printerByName(cli, name)
      const result = await cli.call('printers.test', { id: printer.id })
      if (result.outcome === 'failed') {
        if (cli.json) {
          cli.print('', result)
        }
        throw new CliFailure(
          `test print on ${printer.name} failed: ${result.reason ?? result.cause ?? 'unknown'}`
        )
      }
      const note = result.cannotReport
        ? ' (this printer cannot report its status, e.g. paper out; check by scanning)'
        : ''
      cli.print(
        `test label ${result.trackingNumber} ${result.outcome} on ${printer.name}${note}`,
        result
      )
    })
}
