import type { Command } from 'commander'
import { CARRIERS, findCarrier } from '../../../shared/carriers'
import { splitReasonWords, type SplitLang } from '../../../shared/split-reason-words'
import { findOrderByPlatformId, newestOrderWithPlatformId } from '../../core/db/orders-repo'
import { CliFailure, type CliContext } from '../cli-context'

/** A carrier by code or name (中通, 中通快递 and ZTO are one carrier). */
function carrierFlag(raw: string): string {
  const text = raw.trim()
  const carrier =
    findCarrier(text.toUpperCase()) ??
    CARRIERS.find((c) => c.name === text || c.name.replace(/(快递|速递|速运)$/, '') === text)
  if (!carrier) {
    throw new CliFailure(
      `--carrier: unknown carrier "${raw}" (known: ${CARRIERS.map((c) => c.code).join(', ')})`
    )
  }
  return carrier.code
}

/**
 * `orders split --order ID [--carrier C] [--lang zh-CN]`: the order's proposed packages with the
 * reasons each exists (and the packer's saved plan, when there is one).
 */
export function registerOrderSplitCommand(orders: Command, cli: CliContext): void {
  orders
    .command('split')
    .description('the split plan of one order: its packages and why each exists')
    .requiredOption('--order <ID>', 'the platform order id')
    .option('--carrier <C>', 'pack under this carrier’s limits (code or name)')
    .option('--lang <LANG>', 'words of the reasons: en-US or zh-CN', 'en-US')
    .action(async (options: { order: string; carrier?: string; lang: string }) => {
      if (options.lang !== 'en-US' && options.lang !== 'zh-CN') {
        throw new CliFailure(`--lang must be zh-CN or en-US, got "${options.lang}"`)
      }
      const lang: SplitLang = options.lang
      const db = cli.open().db
      const row =
        findOrderByPlatformId(db, 1, options.order) ?? newestOrderWithPlatformId(db, options.order)
      if (!row) {
        throw new CliFailure(`--order: no order ${options.order}`)
      }
      const plan = await cli.call('orders.splitPlan', {
        orderId: row.id,
        ...(options.carrier === undefined ? {} : { carrier: carrierFlag(options.carrier) })
      })
      const packages = plan.packages.map((p, index) => ({
        sequence: index + 1,
        items: p.items,
        weightG: p.weightG,
        overLimit: p.overLimit,
        reasons: p.reasons.map((r) => ({ ...r, words: splitReasonWords(r, lang) }))
      }))
      const lines = packages.map((p) =>
        [
          `${lang === 'zh-CN' ? '包裹' : 'package'} ${String(p.sequence)}/${String(packages.length)}`,
          p.items.map((i) => `${i.sku}×${String(i.quantity)}`).join(', '),
          `${String(p.weightG)} g`,
          p.reasons.map((r) => r.words).join('; ')
        ].join('\t')
      )
      cli.print(
        [`${options.order} · ${plan.carrier}${plan.saved ? ' (saved plan)' : ''}`, ...lines].join(
          '\n'
        ),
        {
          order: options.order,
          carrier: plan.carrier,
          limits: plan.limits,
          saved: plan.saved,
          editable: plan.editable,
          packages
        }
      )
    })
}
