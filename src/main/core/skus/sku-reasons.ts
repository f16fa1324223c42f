/** Why a SKU row was refused: a stable code and one line in English and Chinese. */
export type SkuReasonCode =
  | 'sku_required'
  | 'sku_duplicate'
  | 'too_long'
  | 'cell_error'
  | 'number_invalid'
  | 'unit_invalid'
  | 'out_of_range'
  | 'zone_invalid'

export type SkuRejectedRow = {
  /** The row number a spreadsheet app shows. */
  readonly row: number
  /** The header of the column at fault. */
  readonly column: string
  readonly code: SkuReasonCode
  readonly reason: string
  readonly reasonZh: string
}

const TEXT: Readonly<Record<SkuReasonCode, readonly [en: string, zh: string]>> = {
  sku_required: ['the SKU is empty', 'SKU（商家编码）为空'],
  sku_duplicate: [
    'the SKU is already on row {first} of this sheet',
    '该 SKU 已在本表第 {first} 行出现'
  ],
  too_long: ['the cell is longer than {max} characters', '单元格超过 {max} 个字符'],
  cell_error: ['the cell holds a spreadsheet error ({value})', '单元格是表格错误值（{value}）'],
  number_invalid: ['"{value}" is not a number', '"{value}" 不是数字'],
  unit_invalid: [
    '"{value}" has a unit that does not fit this column',
    '"{value}" 的单位与本列不符'
  ],
  out_of_range: ['{value} is negative or above {max}', '{value} 为负数或超过 {max}'],
  zone_invalid: [
    '"{value}" is not a temperature zone (常温/ambient, 冷藏/chilled, 冷冻/frozen)',
    '"{value}" 不是温层（常温、冷藏、冷冻）'
  ]
}

function fill(text: string, params: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = params[key]
    return value === undefined ? whole : String(value)
  })
}

export function skuReason(
  code: SkuReasonCode,
  params: Readonly<Record<string, string | number>> = {}
): { code: SkuReasonCode; reason: string; reasonZh: string } {
  const [en, zh] = TEXT[code]
  return { code, reason: fill(en, params), reasonZh: fill(zh, params) }
}
