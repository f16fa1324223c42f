import type { Command } from 'commander'
import { contract } from '../../../shared/contract'
import { RULES, type RuleId } from '../../../shared/rules'
import { numberProblemWords, ruleWords, type RuleLang } from '../../../shared/rule-words'
import type { AppError } from '../../../shared/result'
import { CliFailure, type CliContext } from '../cli-context'
import { runAppendFile, withAppendFileOptions } from './packages-batch'

type AppendOptions = {
  readonly order?: string
  readonly carrier?: string
  readonly trackingNumber?: string
  readonly shop?: string
  // The batch flags (--file, --dry-run, --part, --lang) come from packages-batch.ts.
  readonly file?: string
  readonly dryRun?: boolean
  readonly part?: string
  readonly lang?: string
}

function langFlag(raw: string | undefined): RuleLang {
  if (raw === undefined || raw === 'en-US' || raw === 'zh-CN') {
    return raw ?? 'en-US'
  }
  throw new CliFailure(`--lang must be zh-CN or en-US, got "${raw}"`)
}

function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && Object.hasOwn(RULES, value)
}

/** One line: the rule id and its words when a rule refused, else the problem's words or the message. */
function failureLine(error: AppError, lang: RuleLang): string {
  const details = error.details ?? {}
  const rule = details['rule']
  if (isRuleId(rule)) {
    const raw = details['params']
    const params: Record<string, string | number> = {}
    if (typeof raw === 'object' && raw !== null) {
      for (const [key, value] of Object.entries(raw)) {
        if (typeof value === 'string' || typeof value === 'number') {
          params[key] = value
        }
      }
    }
    return `${rule}: ${ruleWords(rule, params, lang)}`
  }
  const code = typeof details['code'] === 'string' ? details['code'] : details.issues?.[0]?.code
  return code === undefined || numberProblemWords(code, lang) === code
    ? error.message
    : `${numberProblemWords(code, lang)} (${error.message})`
}

function shopFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) {
    return undefined
  }
  const id = Number(raw)
  if (!Number.isInteger(id) || id < 1) {
    throw new CliFailure(`--shop must be a shop id, got "${raw}"`)
  }
  return id
}

async function appendOne(cli: CliContext, options: AppendOptions): Promise<void> {
  const lang = langFlag(options.lang)
  const missing = (['order', 'carrier', 'trackingNumber'] as const).filter(
    (k) => options[k] === undefined
  )
  if (missing.length > 0) {
    throw new CliFailure(
      'packages append needs --order ID --carrier C --tracking-number N (or --file SHEET)'
    )
  }
  const shopId = shopFlag(options.shop)
  const result = await cli.open().dispatch('packages.append', {
    orderId: options.order ?? '',
    carrier: options.carrier ?? '',
    trackingNumber: options.trackingNumber ?? '',
    ...(shopId === undefined ? {} : { shopId })
  })
  if (!result.ok) {
    throw new CliFailure(failureLine(result.error, lang))
  }
  const done = contract['packages.append'].output.parse(result.value)
  cli.print(
    done.duplicate
      ? `already appended: ${done.trackingNumber} is package ${String(done.sequence)} of order ${options.order ?? ''}`
      : `appended: ${done.trackingNumber} as package ${String(done.sequence)} of order ${options.order ?? ''}`,
    { packageId: done.packageId, sequence: done.sequence, duplicate: done.duplicate }
  )
}

/**
 * `packages append --order ID --carrier C --tracking-number N` (one package; exit 1 with one
 * line naming the rule when refused), `packages append --file SHEET` (the batch, see
 * packages-batch.ts) and `packages list --order ID`.
 */
export function registerPackageCommands(program: Command, cli: CliContext): void {
  const packages = program.command('packages').description('split and appended packages (追加包裹)')
  withAppendFileOptions(
    packages
      .command('append')
      .description('append a package to a shipped order (追加包裹), or a batch with --file')
      .option('--order <ID>', 'the platform order id, as in the sheets')
      .option('--carrier <C>', 'carrier code or name (ZTO, 中通, 中通快递)')
      .option('--tracking-number <N>', 'the tracking number')
      .option('--shop <SHOP_ID>', 'the shop, when the order id exists in several')
  ).action(async (options: AppendOptions) => {
    if (options.file !== undefined) {
      await runAppendFile(cli, { ...options, file: options.file })
      return
    }
    await appendOne(cli, options)
  })

  packages
    .command('list')
    .description("an order's packages: role, carrier, number, items, states")
    .requiredOption('--order <ID>', 'the platform order id')
    .option('--shop <SHOP_ID>', 'the shop, when the order id exists in several')
    .action(async (options: { order: string; shop?: string }) => {
      const shopId = shopFlag(options.shop)
      const view = await cli.call('packages.forOrder', {
        orderId: options.order,
        ...(shopId === undefined ? {} : { shopId })
      })
      const lines = view.packages.map(
        (p) =>
          `${String(p.sequence)}\t${p.role}\t${p.carrier ?? '-'}\t${p.trackingNumber ?? '-'}\t${p.printState}/${p.shipState}/${p.syncState}\t${p.items.map((i) => `${i.sku}×${String(i.quantity)}`).join(' ')}`
      )
      const deadline = view.deadlineMs === null ? '-' : new Date(view.deadlineMs).toISOString()
      cli.print(
        [
          `order ${view.platformOrderId}: ${String(view.packages.length)} package(s), appended ${String(view.appendedCount)}/${String(view.appendMax)}, append until ${deadline}`,
          ...lines
        ].join('\n'),
        view
      )
    })
}
