import { readFileSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import type { Command } from 'commander'
import { findCarrier } from '../../../shared/carriers'
import { RULES } from '../../../shared/rules'
import { strictestLimits } from '../../core/db/platform-limits-repo'
import { claimPrintingStation } from '../../core/printers/print-service'
import { batchOrders, pendingOrderIds } from '../../core/db/print-batch-repo'
import { findOrderByPlatformId, newestOrderWithPlatformId } from '../../core/db/orders-repo'
import { CliFailure, intFlag, type CliContext } from '../cli-context'

const TEMPLATES = ['76x130', '100x150', '100x180'] as const

function carrierFlag(code: string): string {
  const carrier = findCarrier(code.toUpperCase())
  if (!carrier) {
    throw new CliFailure(
      `--carrier: unknown carrier "${code}" (known: ZTO, YTO, STO, YUNDA, SF, JD, EMS, JT, POSTB)`
    )
  }
  return carrier.code
}

/** Order ids as the user knows them (platform order ids, comma separated) → local ids, in that order. */
function orderIdsFlag(cli: CliContext, raw: string): number[] {
  const db = cli.open().db
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((platformOrderId) => {
      const row =
        findOrderByPlatformId(db, 1, platformOrderId) ??
        newestOrderWithPlatformId(db, platformOrderId)
      if (!row) {
        throw new CliFailure(`--orders: no order ${platformOrderId}`)
      }
      return row.id
    })
}

async function settle(cli: CliContext, orderIds: readonly number[], timeoutMs: number) {
  const db = cli.open().db
  const started = Date.now()
  const states = () => {
    const rows = new Map(batchOrders(db, orderIds).map((row) => [row.id, row]))
    return orderIds.map((orderId) => {
      const row = rows.get(orderId)
      return {
        orderId: row?.platform_order_id ?? String(orderId),
        trackingNumber: row?.first_tracking_number ?? null,
        state: row?.first_package_state ?? 'none'
      }
    })
  }
  for (;;) {
    const now = states()
    if (
      now.every((s) => s.state !== 'queued' && s.state !== 'printing') ||
      Date.now() - started > timeoutMs
    ) {
      return now
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

export function registerManualPrintCommands(program: Command, cli: CliContext): void {
  const pool = program.command('pool').description('tracking-number pools: add, list')
  pool
    .command('add')
    .description('add pre-purchased tracking numbers: a consecutive range or a list file')
    .requiredOption('--carrier <CODE>', 'carrier code, e.g. ZTO, YTO, SF')
    .option('--start <N>', 'first number of a consecutive range')
    .option('--count <K>', 'how many numbers in the range')
    .option('--file <F>', 'a list file, one number per line')
    .action(async (options: { carrier: string; start?: string; count?: string; file?: string }) => {
      const carrier = carrierFlag(options.carrier)
      let added
      if (options.file !== undefined) {
        if (options.start !== undefined || options.count !== undefined) {
          throw new CliFailure('give either --file or --start with --count, not both')
        }
        let text: string
        try {
          text = readFileSync(options.file, 'utf8')
        } catch {
          throw new CliFailure(`cannot read ${options.file}`)
        }
        added = await cli.call('pools.addList', { carrier, text })
      } else if (options.start !== undefined && options.count !== undefined) {
        added = await cli.call('pools.addRange', {
          carrier,
          start: options.start,
          count: intFlag('count', options.count, 1, 1_000_000)
        })
      } else {
        throw new CliFailure('give --start N --count K, or --file F')
      }
      cli.print(
        `added ${String(added.added)} ${carrier} numbers (pool ${String(added.poolId)})` +
          (added.formatWarnings > 0
            ? `; warning: ${String(added.formatWarnings)} do not look like ${carrier} numbers, e.g. ${added.sampleMismatch ?? ''}`
            : ''),
        added
      )
    })
  pool
    .command('list')
    .description('pools and their balance')
    .action(async () => {
      const { pools } = await cli.call('pools.list', {})
      cli.print(
        pools.length === 0
          ? 'no pools'
          : pools
              .map(
                (p) =>
                  `${p.carrier}\t${p.label}\tavailable ${String(p.available)} / ${String(p.total)}\tvoided ${String(p.voided)}`
              )
              .join('\n'),
        { pools }
      )
    })

  program
    .command('print')
    .description('print waybills for orders (in the order given) and wait for the printer')
    .option('--orders <IDS>', 'order ids, comma separated, printed in this order')
    .option('--pending', 'every pending order that has no label yet, newest first', false)
    .requiredOption('--carrier <CODE>', 'carrier code')
    .requiredOption('--printer <NAME>', 'printer name (printers list)')
    .option('--template <T>', `label size: ${TEMPLATES.join('|')}`, '76x130')
    .action(
      async (options: {
        orders?: string
        pending: boolean
        carrier: string
        printer: string
        template: string
      }) => {
        const template = TEMPLATES.find((t) => t === options.template)
        if (!template) {
          throw new CliFailure(`--template must be one of ${TEMPLATES.join(', ')}`)
        }
        if ((options.orders === undefined) === !options.pending) {
          throw new CliFailure('give --orders ID,… or --pending')
        }
        // Become the printing station first: what a killed earlier run left queued is settled
        // before --pending decides what still needs a label.
        const station = claimPrintingStation(cli.open().ctx)
        if (!station.ok) {
          throw new CliFailure(station.error.message)
        }
        const { printers } = await cli.call('printers.list', {})
        const printer = printers.find((p) => p.name === options.printer)
        if (!printer) {
          throw new CliFailure(`--printer: no printer named "${options.printer}"`)
        }
        // One more than a batch holds tells whether --pending leaves orders for another run.
        const batchMax = strictestLimits(cli.open().db).batchPrintMax
        const pending = options.pending ? pendingOrderIds(cli.open().db, batchMax + 1) : []
        const morePending = pending.length > batchMax
        const orderIds = options.pending
          ? pending.slice(0, batchMax)
          : orderIdsFlag(cli, options.orders ?? '')
        if (morePending) {
          process.stderr.write(
            `--pending: more than ${String(batchMax)} orders wait; this batch takes the newest ${String(batchMax)} (${RULES.BATCH_PRINT_MAX_5000}); run it again for the rest\n`
          )
        }
        if (orderIds.length === 0) {
          cli.print('nothing to print', { accepted: 0, held: [], labels: [] })
          return
        }
        const started = await cli.call('print.start', {
          orderIds,
          carrier: carrierFlag(options.carrier),
          printerId: printer.id,
          template
        })
        const labels = await settle(
          cli,
          started.held.length === orderIds.length
            ? []
            : orderIds.filter((id) => !started.held.some((h) => h.orderId === id)),
          120_000
        )
        const printed = labels.filter((l) => l.state === 'printed').length
        const result = {
          batchId: started.batchId,
          accepted: started.accepted,
          printed,
          failed: labels.length - printed,
          held: started.held,
          labels,
          ...(options.pending ? { morePending } : {})
        }
        cli.print(
          [
            `printed ${String(printed)} of ${String(started.accepted)}; held ${String(started.held.length)}`,
            ...started.held.map((h) => `held\t${h.platformOrderId}\t${h.reason}`),
            ...labels.map((l) => `${l.orderId}\t${l.trackingNumber ?? '-'}\t${l.state}`)
          ].join('\n'),
          result
        )
        if (printed < labels.length) {
          throw new CliFailure(
            `${String(labels.length - printed)} label(s) did not print; check the printer (printers list), then waybill-station printing pending`
          )
        }
      }
    )

  const printed = program.command('printed').description('printed packages: list, export')
  printed
    .command('list')
    .description('printed packages, newest first')
    .option('--query <Q>', 'tracking number, order id, receiver, phone', '')
    .option('--limit <N>', 'how many rows', '100')
    .option('--full', 'receiver name and phone in full (masked by default)', false)
    .action(async (options: { query: string; limit: string; full: boolean }) => {
      const page = await cli.call('printed.list', {
        filter: { query: options.query },
        limit: intFlag('limit', options.limit, 1, 500),
        full: options.full
      })
      cli.print(
        [
          `${String(page.total)} printed`,
          ...page.rows.map((r) =>
            [
              r.platformOrderId,
              r.receiverName,
              r.receiverPhone,
              r.carrierName,
              r.trackingNumber,
              r.printState,
              r.shipped ? 'shipped' : ''
            ].join('\t')
          )
        ].join('\n'),
        page
      )
    })
  printed
    .command('export')
    .description(
      'export printed orders to .xlsx or .csv, or print sheets (发货单 / 拣货单) to an A4 .pdf'
    )
    .requiredOption('--out <FILE>', 'FILE.xlsx, FILE.csv or FILE.pdf')
    .option(
      '--preset <P>',
      'xlsx/csv: default | platform-upload (订单号, 快递公司, 快递单号); pdf: packing-sheet (发货单, per order) | picking-list (拣货单, per SKU)',
      'default'
    )
    .option(
      '--gbk',
      'csv in GB18030 (GBK-compatible) for older Excel (default UTF-8 with BOM)',
      false
    )
    .option('--full', 'write receiver names and phones in full (both masked by default)', false)
    .option('--full-phone', 'the same as --full (older name)', false)
    .action(
      async (options: {
        out: string
        preset: string
        gbk: boolean
        full: boolean
        fullPhone: boolean
      }) => {
        const lower = options.out.toLowerCase()
        const format = lower.endsWith('.xlsx')
          ? 'xlsx'
          : lower.endsWith('.csv')
            ? 'csv'
            : lower.endsWith('.pdf')
              ? 'pdf'
              : null
        if (format === null) {
          throw new CliFailure('--out must end in .xlsx, .csv or .pdf')
        }
        let fileId: string
        let summary: string
        let result: Record<string, unknown>
        if (format === 'pdf') {
          const kind =
            options.preset === 'picking-list'
              ? 'picking'
              : options.preset === 'packing-sheet' || options.preset === 'default'
                ? 'packing'
                : null
          if (kind === null) {
            throw new CliFailure('--preset for a .pdf must be packing-sheet or picking-list')
          }
          const sheet = await cli.call('printed.packingSheet', {
            filter: {},
            kind,
            maskPrivacy: !(options.full || options.fullPhone)
          })
          fileId = sheet.fileId
          summary = `wrote ${kind === 'picking' ? '拣货单' : '发货单'} to ${options.out}: ${String(sheet.rows)} ${kind === 'picking' ? 'SKUs' : 'orders'}, ${String(sheet.pages)} page(s)`
          result = { kind, rows: sheet.rows, pages: sheet.pages, out: options.out }
        } else {
          if (options.preset !== 'default' && options.preset !== 'platform-upload') {
            throw new CliFailure(
              '--preset for .xlsx/.csv must be default or platform-upload (packing-sheet and picking-list write a .pdf)'
            )
          }
          const file = await cli.call('printed.export', {
            filter: {},
            format,
            encoding: options.gbk ? 'gbk' : 'utf8bom',
            fullPhone: options.full || options.fullPhone,
            preset: options.preset
          })
          fileId = file.fileId
          summary = `exported ${String(file.rows)} rows to ${options.out}`
          result = { rows: file.rows, out: options.out }
        }
        const stored = await cli.open().ctx.files.get(fileId)
        if (!stored) {
          throw new CliFailure('the export vanished before it could be copied')
        }
        await copyFile(stored.path, options.out)
        cli.print(summary, result)
      }
    )

  program
    .command('ship')
    .description('mark printed orders shipped (the first package becomes the shipping record)')
    .requiredOption('--orders <IDS>', 'order ids, comma separated')
    .action(async (options: { orders: string }) => {
      const { outcomes } = await cli.call('ship.orders', {
        orderIds: orderIdsFlag(cli, options.orders)
      })
      cli.print(
        outcomes
          .map(
            (o) =>
              `${o.platformOrderId}\t${o.result}\t${o.trackingNumber ?? ''}${o.reason === null ? '' : `\t${o.reason}`}`
          )
          .join('\n'),
        { outcomes }
      )
      const bad = outcomes.filter((o) => o.result !== 'shipped' && o.result !== 'already_shipped')
      if (bad.length > 0) {
        throw new CliFailure(
          `${String(bad.length)} order(s) could not ship: ${bad.map((o) => `${o.platformOrderId} ${o.reason ?? o.result}`).join(', ')}`
        )
      }
    })
}
