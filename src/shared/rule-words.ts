import type { RuleId } from './rules'
import { DEFAULT_TIME_ZONE, formatDateTime } from './time-zone'

/** The two languages the station speaks; the CLI uses en-US unless told `--lang zh-CN`. */
export type RuleLang = 'zh-CN' | 'en-US'
type Params = Readonly<Record<string, string | number>>

function num(params: Params, key: string, fallback = 0): number {
  const value = params[key]
  return typeof value === 'number' ? value : Number(value ?? fallback)
}

function str(params: Params, key: string): string {
  const value = params[key]
  return value === undefined ? '' : String(value)
}

/**
 * A deadline on the station's wall clock. Params carry `deadlineMs` (and `timeZone` when the
 * station is set to another zone) so the words never depend on the machine's zone.
 */
function deadlineText(params: Params): string {
  const ms = params['deadlineMs']
  if (typeof ms === 'number') {
    const zone = typeof params['timeZone'] === 'string' ? params['timeZone'] : DEFAULT_TIME_ZONE
    return formatDateTime(ms, zone, true)
  }
  return str(params, 'deadline')
}

type Words = (params: Params) => string

const ZH: Readonly<Record<RuleId, Words>> = {
  APPEND_AFTER_FULL_SHIP: (p) =>
    p['reason'] === 'closed'
      ? '订单已关闭（交易关闭），不能追加包裹'
      : `订单尚未全部发货（已发 ${String(num(p, 'shipped'))}/${String(num(p, 'quantity'))} 件），全部发货后才能追加包裹`,
  APPEND_WINDOW_30D: (p) =>
    `已超过追加期限：首次发货后 ${String(num(p, 'days', 30))} 天内可追加，截止 ${deadlineText(p)}`,
  APPEND_MAX_20: (p) =>
    `追加包裹已达上限：每单最多追加 ${String(num(p, 'max', 20))} 个，已有 ${String(num(p, 'count'))} 个`,
  APPEND_BATCH_MAX_5000: (p) =>
    `一次批量追加最多 ${String(num(p, 'max', 5000))} 行，本表有 ${String(num(p, 'count'))} 行；可拆成多批导入`,
  APPEND_DISPLAY_ONLY: () => '追加包裹仅用于物流展示，不承载售后',
  FIRST_SHIPMENT_COUNTS: (p) =>
    p['reason'] === 'first_number'
      ? '该运单号是订单首次发货的单号，不能作为追加包裹'
      : '订单已有首次发货记录，不能覆盖（平台考核以首次发货为准）',
  AFTERSALES_WHOLE_ORDER: () => '订单有售后（退款）进行中，售后针对整单，处理完之前不能追加包裹',
  AFTERSALES_INTERCEPT_ALL: () => '发货后收到退款：需拦截该订单的所有包裹（首个与追加）',
  EXEMPT_REGION_AUTO: () => '收件或发件地区处于物流异常区域，自动豁免',
  EXEMPT_REPORT: () => '订单不在自动豁免地区，可提交报备（附凭证）',
  BATCH_PRINT_MAX_5000: (p) =>
    `一批最多打印 ${String(num(p, 'max', 5000))} 单，当前 ${String(num(p, 'count'))} 单`
}

const EN: Readonly<Record<RuleId, Words>> = {
  APPEND_AFTER_FULL_SHIP: (p) =>
    p['reason'] === 'closed'
      ? 'The order is closed; it cannot take appended packages'
      : `The order is not fully shipped (${String(num(p, 'shipped'))} of ${String(num(p, 'quantity'))} units shipped); packages can be appended only after everything shipped`,
  APPEND_WINDOW_30D: (p) =>
    `The append window has passed: appends are allowed within ${String(num(p, 'days', 30))} days of the first shipment, until ${deadlineText(p)}`,
  APPEND_MAX_20: (p) =>
    `Too many appended packages: at most ${String(num(p, 'max', 20))} per order, ${String(num(p, 'count'))} already`,
  APPEND_BATCH_MAX_5000: (p) =>
    `A batch append takes at most ${String(num(p, 'max', 5000))} rows; this sheet has ${String(num(p, 'count'))}. It can be taken as several batches`,
  APPEND_DISPLAY_ONLY: () =>
    'Appended packages are for tracking display only; they carry no after-sales',
  FIRST_SHIPMENT_COUNTS: (p) =>
    p['reason'] === 'first_number'
      ? "This is the tracking number of the order's first shipment; it cannot be appended"
      : 'The order already has a first shipment record; it must not be overwritten',
  AFTERSALES_WHOLE_ORDER: () =>
    'An after-sales request (refund) is in progress for the whole order; no package can be appended until it is settled',
  AFTERSALES_INTERCEPT_ALL: () =>
    'A refund arrived after shipping: every package of the order (first and appended) must be intercepted',
  EXEMPT_REGION_AUTO: () =>
    "The consignee's or shipper's region is under a logistics exception: exempt automatically",
  EXEMPT_REPORT: () =>
    'The order is outside the automatic regions; it can be reported with evidence',
  BATCH_PRINT_MAX_5000: (p) =>
    `A print batch holds at most ${String(num(p, 'max', 5000))} orders; this one has ${String(num(p, 'count'))}`
}

/** The words for a refusal, from its rule id and params: one source for the renderer and the CLI. */
export function ruleWords(
  rule: RuleId,
  params: Record<string, string | number>,
  lang: RuleLang
): string {
  return (lang === 'zh-CN' ? ZH : EN)[rule](params)
}

/** Problems of a carrier or number that are no platform rule (see NUMBER_PROBLEMS in api/packages). */
const NUMBER_WORDS: Readonly<Record<string, Readonly<Record<RuleLang, string>>>> = {
  unknown_carrier: { 'zh-CN': '未知的快递公司', 'en-US': 'Unknown carrier' },
  number_pattern: {
    'zh-CN': '运单号不符合该快递公司的单号格式',
    'en-US': "The number does not look like this carrier's tracking number"
  },
  number_on_other_package: {
    'zh-CN': '该运单号已用在其他包裹上',
    'en-US': 'This tracking number is already on another package'
  },
  first_shipment_number: {
    'zh-CN': '该运单号是订单首次发货的单号，不能作为追加包裹',
    'en-US': "This is the tracking number of the order's first shipment; it cannot be appended"
  }
}

/** Words for a number problem code; the code itself when it is not known here. */
export function numberProblemWords(problem: string, lang: RuleLang): string {
  return NUMBER_WORDS[problem]?.[lang] ?? problem
}
