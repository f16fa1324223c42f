import { VALIDATION_MESSAGES } from '../../../shared/validation-messages'

/**
 * Why a file or a row was refused. Every reason has a stable code (for the renderer's
 * translations and for tests) and English and Chinese text: the CLI and logs print English,
 * the rejected-rows sheet a packer fixes is written in Chinese by default.
 */
export type ReasonCode =
  | 'cell_too_long'
  | 'cell_unreadable'
  | 'cell_error'
  | 'formula_no_result'
  | 'order_id_required'
  | 'order_id_number_lost'
  | 'phone_required'
  | 'phone_masked'
  | 'address_required'
  | 'address_province_unknown'
  | 'address_city_unknown'
  | 'address_district_unknown'
  | 'address_detail_missing'
  | 'date_invalid'
  | 'number_invalid'
  | 'temperature_zone_invalid'
  | 'rows_disagree'
  | 'order_has_bad_row'
  | 'order_has_bad_item_row'
  | 'printed_package'
  | 'package_allocated'
  | 'package_exists'
  | 'status_unknown'
  | 'status_unpaid'
  | 'items_missing'
  | 'item_order_missing'
  | 'remark_truncated'
  | 'schema'

const TEXT: Readonly<Record<Exclude<ReasonCode, 'schema'>, readonly [en: string, zh: string]>> = {
  cell_too_long: ['the cell is longer than {max} characters', '单元格超过 {max} 个字符'],
  cell_unreadable: [
    'the cell holds characters that cannot be read (text in another encoding, such as GBK, inside a UTF-8 file); save the sheet again as one encoding',
    '单元格含有无法识别的字符（UTF-8 文件中混入了 GBK 等其他编码的文字），请把表格统一另存为一种编码'
  ],
  cell_error: ['the cell holds a spreadsheet error ({value})', '单元格是表格错误值（{value}）'],
  formula_no_result: [
    'the formula has no saved result; open and save the file in Excel or WPS first',
    '公式没有保存的计算结果，请先用 Excel 或 WPS 打开并保存'
  ],
  order_id_required: ['the order id is empty', '订单号为空'],
  order_id_number_lost: [
    'the order id was stored as a number and lost its last digits; format the column as text and export again',
    '订单号被存成数字，末尾几位已丢失；请把该列设为文本后重新导出'
  ],
  phone_required: ['the phone number is empty', '手机号为空'],
  phone_masked: [
    'the phone number is masked ({value}); export the orders with full numbers',
    '手机号已打码（{value}），请导出完整号码'
  ],
  address_required: ['the address is empty', '收货地址为空'],
  address_province_unknown: [
    'no province of mainland China found in the address',
    '地址中找不到省份'
  ],
  address_city_unknown: [
    'no city of {province} found in the address',
    '地址中找不到{province}下的城市'
  ],
  address_district_unknown: [
    'no district of {city} found in the address',
    '地址中找不到{city}下的区县'
  ],
  address_detail_missing: ['the street address is missing', '缺少详细地址'],
  date_invalid: ['"{value}" is not a date and time', '"{value}" 不是有效的日期时间'],
  number_invalid: ['"{value}" is not a number', '"{value}" 不是数字'],
  temperature_zone_invalid: [
    '"{value}" is not a temperature zone (常温, 冷藏, 冷冻)',
    '"{value}" 不是温层（常温、冷藏、冷冻）'
  ],
  rows_disagree: [
    'rows of order {order} disagree on this column (row {other})',
    '订单 {order} 的各行此列不一致（第 {other} 行）'
  ],
  order_has_bad_row: [
    'order {order} is rejected whole because row {other} was rejected',
    '订单 {order} 的第 {other} 行有误，整单未导入'
  ],
  order_has_bad_item_row: [
    'order {order} is rejected whole because row {other} of the item report was rejected',
    '订单 {order} 在宝贝报表第 {other} 行有误，整单未导入'
  ],
  printed_package: [
    'order {order} already has a printed package and is not changed',
    '订单 {order} 已有打印过的包裹，不做修改'
  ],
  package_allocated: [
    'order {order} already has a package with tracking number {tracking} ({state}) and is not changed; an import never changes an order with a package',
    '订单 {order} 已有包裹，运单号 {tracking}（{stateZh}），导入不会修改已有包裹的订单'
  ],
  package_exists: [
    'order {order} already has a package with its items ({state}) and is not changed; an import never changes an order with a package',
    '订单 {order} 已有装入商品的包裹（{stateZh}），导入不会修改已有包裹的订单'
  ],
  status_unknown: [
    '"{value}" is not an order status this import knows (待发货, 已发货, 交易成功, 交易关闭, 退款中, 售后中 …)',
    '"{value}" 不是可识别的订单状态（待发货、已发货、交易成功、交易关闭、退款中、售后中……）'
  ],
  status_unpaid: [
    'order {order} is not paid yet ("{value}"); export paid orders only',
    '订单 {order} 尚未付款（"{value}"），请只导出已付款的订单'
  ],
  items_missing: [
    'order {order} has no items in the item report',
    '订单 {order} 在宝贝报表中没有商品'
  ],
  item_order_missing: [
    'order {order} of this item is not in the order report',
    '此商品所属订单 {order} 不在订单报表中'
  ],
  remark_truncated: [
    'the remark has {length} characters, more than the limit of {max}: the order is imported with its first {max} characters',
    '备注有 {length} 个字，超过 {max} 字上限：订单已导入，备注只保留前 {max} 个字'
  ]
}

/** Chinese text for the zod issue codes of the order schema (the renderer has its own copy). */
const SCHEMA_ZH: Readonly<Record<string, string>> = {
  required: '不能为空',
  too_long: '太长',
  too_large: '太大',
  phone_invalid: '不是有效的手机号（11 位，1[3-9] 开头）或带区号的固话',
  province_unknown: '不是中国大陆的省份',
  city_not_in_province: '不是该省的城市',
  district_not_in_city: '不是该市的区县',
  number_required: '必须是数字',
  integer_required: '必须是整数',
  quantity_min: '至少为 1',
  not_negative: '不能为负数',
  items_required: '至少需要一件商品',
  too_many_items: '商品太多（最多 200 行）',
  order_id_chars: '只能包含字母、数字、- 和 _'
}

export type Reason = {
  readonly code: ReasonCode
  readonly reason: string
  readonly reasonZh: string
}

export function reason(
  code: Exclude<ReasonCode, 'schema'>,
  params: Readonly<Record<string, string | number>> = {}
): Reason {
  const [en, zh] = TEXT[code]
  return { code, reason: fill(en, params), reasonZh: fill(zh, params) }
}

/** A zod issue of the order schema, phrased for the column it came from. */
export function schemaReason(issueCode: string, column: string): Reason {
  const en = VALIDATION_MESSAGES[issueCode] ?? issueCode
  const zh = SCHEMA_ZH[issueCode] ?? issueCode
  return { code: 'schema', reason: `${column} ${en}`, reasonZh: `${column}${zh}` }
}

function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key]
    return value === undefined ? whole : String(value)
  })
}

/** Codes of file-level refusals: the whole file is refused with one line, nothing is read further. */
export type ImportErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_EMPTY'
  | 'FILE_TOO_LARGE'
  | 'FILE_NOT_SPREADSHEET'
  | 'FILE_TRUNCATED'
  | 'FILE_XLS_UNSUPPORTED'
  | 'FILE_CORRUPT'
  | 'NO_SHEET'
  | 'NO_HEADER'
  | 'MAPPING_INVALID'
  | 'TOO_MANY_ROWS'
  | 'ROW_TOO_LARGE'
  | 'CANCELLED'
  | 'STALE_PLAN'

/** A refusal of the whole import. `message` is one line of English; `messageZh` the same in Chinese. */
export class ImportError extends Error {
  override readonly name = 'ImportError'
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    readonly messageZh: string = message
  ) {
    super(message)
  }
}
