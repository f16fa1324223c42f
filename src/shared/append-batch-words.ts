import type { AppendBatchReason, AppendBatchRefusal } from './api/append-batch'
import { ruleWords, type RuleLang } from './rule-words'

type Params = AppendBatchRefusal['params']
type Words = (p: Params) => string

const s = (p: Params, k: string): string => String(p[k] ?? '')

/** The sheet-level reasons (no platform rule); rule refusals take ruleWords' words. */
const ZH: Readonly<Record<Exclude<AppendBatchReason, 'rule'>, Words>> = {
  order_missing: () => '订单号为空',
  carrier_missing: () => '快递公司为空',
  number_missing: () => '运单号为空',
  unknown_order: (p) => `找不到订单 ${s(p, 'orderId')}`,
  ambiguous_order: (p) =>
    `订单号 ${s(p, 'orderId')} 在 ${s(p, 'shops')} 个店铺中都有，无法确定是哪一单`,
  unknown_carrier: (p) => `不认识的快递公司：${s(p, 'carrier')}`,
  number_pattern: (p) =>
    `运单号 ${s(p, 'number')} 不像${s(p, 'carrierName')}的单号（例如 ${s(p, 'sample')}）`,
  number_twice_in_sheet: (p) => `运单号与第 ${s(p, 'firstRow')} 行重复`,
  number_already_appended: (p) => `运单号 ${s(p, 'number')} 已追加到此订单`,
  number_on_other_package: (p) =>
    `运单号 ${s(p, 'number')} 已用于订单 ${s(p, 'otherOrderId')} 的包裹`,
  first_shipment_number: () => '该运单号是订单首次发货的单号，不能作为追加包裹'
}

const EN: Readonly<Record<Exclude<AppendBatchReason, 'rule'>, Words>> = {
  order_missing: () => 'The order number is empty',
  carrier_missing: () => 'The carrier is empty',
  number_missing: () => 'The tracking number is empty',
  unknown_order: (p) => `No order ${s(p, 'orderId')}`,
  ambiguous_order: (p) =>
    `Order number ${s(p, 'orderId')} exists in ${s(p, 'shops')} shops; cannot tell which one`,
  unknown_carrier: (p) => `Unknown carrier: ${s(p, 'carrier')}`,
  number_pattern: (p) =>
    `${s(p, 'number')} does not look like a ${s(p, 'carrier')} tracking number (e.g. ${s(p, 'sample')})`,
  number_twice_in_sheet: (p) => `The tracking number is also on row ${s(p, 'firstRow')}`,
  number_already_appended: (p) => `${s(p, 'number')} is already appended to this order`,
  number_on_other_package: (p) =>
    `${s(p, 'number')} is already on a package of order ${s(p, 'otherOrderId')}`,
  first_shipment_number: () =>
    "This is the tracking number of the order's first shipment; it cannot be appended"
}

/** One refused row in words, for the refused sheet's 原因 column, the CLI and the screen. */
export function appendBatchReasonWords(
  r: Pick<AppendBatchRefusal, 'rule' | 'reason' | 'params'>,
  lang: RuleLang
): string {
  if (r.reason === 'rule' || r.reason === 'first_shipment_number') {
    if (r.rule !== null) {
      return ruleWords(r.rule, r.params, lang)
    }
  }
  if (r.reason === 'rule') {
    return ''
  }
  return (lang === 'zh-CN' ? ZH : EN)[r.reason](r.params)
}
