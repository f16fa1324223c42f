import { writeFileSync } from 'node:fs'
import { extname } from 'node:path'
import type { Command } from 'commander'
import {
  DEFAULT_TEMPLATE_ID,
  builtinTemplate,
  renderLabel,
  toPdf,
  toPng
} from '../../core/printing'
import type { Dpi } from '../../core/printing'
import {
  orderLabelRow,
  orderPackageIds,
  ordersByPlatformId,
  packageLabelRows
} from '../../core/db/label-data-repo'
import { packageLabelData } from '../../core/printers/label-source'
import { configuredSender } from '../../core/printers/sender'
import { CliFailure, type CliContext } from '../cli-context'

const TRACKING_NUMBER = /^[A-Za-z0-9-]{4,40}$/

export function registerLabelCommands(program: Command, cli: CliContext): void {
  const labels = program.command('labels').description('waybill labels: render to PNG or PDF')
  labels
    .command('render')
    .description(
      "render an order's waybill to a PNG or PDF file (a given --tracking-number previews without allocating)"
    )
    .requiredOption('--order <ID>', "the order's platform order id")
    .requiredOption('--out <FILE>', 'FILE.png or FILE.pdf')
    .option('--template <ID>', '76x130|100x150|100x180', DEFAULT_TEMPLATE_ID)
    .option('--dpi <DPI>', '203 or 300', '203')
    .option('--tracking-number <N>', 'the number to print (preview); default the first package’s')
    .option(
      '--no-mask',
      'print the full receiver name and phone (privacy masking is on by default)'
    )
    .action(
      async (options: {
        order: string
        out: string
        template: string
        dpi: string
        trackingNumber?: string
        mask: boolean
      }) => {
        const format = extname(options.out).toLowerCase()
        if (format !== '.png' && format !== '.pdf') {
          throw new CliFailure(`--out must end in .png or .pdf, got "${options.out}"`)
        }
        if (options.dpi !== '203' && options.dpi !== '300') {
          throw new CliFailure(`--dpi must be 203 or 300, got "${options.dpi}"`)
        }
        const dpi: Dpi = options.dpi === '203' ? 203 : 300
        let template
        try {
          template = builtinTemplate(options.template)
        } catch (error) {
          throw new CliFailure(error instanceof Error ? error.message : String(error))
        }
        if (options.trackingNumber !== undefined && !TRACKING_NUMBER.test(options.trackingNumber)) {
          throw new CliFailure(
            `--tracking-number may hold 4-40 letters, digits and -, got "${options.trackingNumber}"`
          )
        }
        const { ctx } = cli.open()
        const orders = ordersByPlatformId(ctx.db, options.order)
        const order = orders[0]
        if (!order) {
          throw new CliFailure(`no order ${options.order}`)
        }
        if (orders.length > 1) {
          throw new CliFailure(`order id ${options.order} exists in ${String(orders.length)} shops`)
        }
        const packages = orderPackageIds(ctx.db, order.id)
        const first = packages[0]
        const trackingNumber = options.trackingNumber ?? first?.trackingNumber ?? null
        if (trackingNumber === null) {
          throw new CliFailure(
            `order ${options.order} has no tracking number yet; print it first or pass --tracking-number to preview`
          )
        }
        const row = first
          ? packageLabelRows(ctx.db, [first.id]).get(first.id)
          : orderLabelRow(ctx.db, order.id)
        if (!row) {
          throw new CliFailure(`no order ${options.order}`)
        }
        const data = packageLabelData(row, {
          trackingNumber,
          now: ctx.now(),
          sender: configuredSender(ctx.db)
        })
        const bitmap = renderLabel(template, data, { dpi, maskPrivacy: options.mask })
        const bytes = format === '.png' ? toPng(bitmap) : await toPdf([bitmap], dpi)
        try {
          writeFileSync(options.out, bytes)
        } catch (error) {
          throw new CliFailure(
            `cannot write ${options.out}: ${error instanceof Error ? error.message : String(error)}`
          )
        }
        const result = {
          order: options.order,
          trackingNumber,
          template: template.id,
          dpi,
          width: bitmap.width,
          height: bitmap.height,
          file: options.out,
          allocated: false
        }
        cli.print(
          `wrote ${options.out} (${template.id}, ${String(dpi)} dpi, ${String(bitmap.width)}×${String(bitmap.height)} dots, ${trackingNumber})`,
          result
        )
      }
    )
}
