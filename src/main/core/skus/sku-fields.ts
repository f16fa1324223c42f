import { normalizeHeader } from '../import/mapping'

import { SKU_FIELD_NAMES, type SkuFieldName } from '../../../shared/api/skus'

/** The columns a SKU sheet can fill: the contract's list. */
export const SKU_FIELDS = SKU_FIELD_NAMES
export type SkuField = SkuFieldName

/** Which column (by its header text, trimmed) fills which field. */
export type SkuMapping = Partial<Record<SkuField, string>>

/**
 * Header texts per field, normalized (see normalizeHeader), units in brackets removed: "重量(kg)"
 * and "重量（克）" both match 重量, the unit is read separately.
 */
const SYNONYMS: Readonly<Record<SkuField, readonly string[]>> = {
  sku: [
    'sku',
    '商家编码',
    '商品编码',
    '货号',
    'sku编码',
    '规格编码',
    '商家sku',
    '外部编码',
    'skucode'
  ],
  title: ['商品名称', '名称', '品名', '商品标题', '标题', 'title', 'name', 'productname'],
  weight: ['重量', '单件重量', '毛重', '净重', 'weight', 'unitweight'],
  length: ['长', '长度', 'length', 'l'],
  width: ['宽', '宽度', 'width', 'w'],
  height: ['高', '高度', 'height', 'h'],
  warehouse: ['发货仓', '仓库', '发货仓库', 'warehouse'],
  temperatureZone: [
    '温层',
    '温区',
    '温度要求',
    '储存条件',
    'temperaturezone',
    'temperature',
    'zone'
  ]
}

function bare(header: string): string {
  return normalizeHeader(header).replace(/\([^)]*\)|\[[^\]]*\]/g, '')
}

function fieldOf(header: string): SkuField | undefined {
  const h = bare(header)
  return h === '' ? undefined : SKU_FIELDS.find((f) => SYNONYMS[f].includes(h))
}

/** The mapping a header row suggests: the first column matching each field. */
export function detectSkuMapping(headers: readonly string[]): SkuMapping {
  const mapping: SkuMapping = {}
  for (const header of headers) {
    const field = fieldOf(header)
    if (field && mapping[field] === undefined) {
      mapping[field] = header
    }
  }
  return mapping
}

/** How many fields a row of header candidates names: the header row names the most. */
export function skuHeaderScore(headers: readonly string[]): number {
  const m = detectSkuMapping(headers)
  return m.sku === undefined ? 0 : Object.keys(m).length
}

/** Column index per mapped field; the names of mapped headers that are not in the row. */
export function resolveSkuMapping(
  mapping: SkuMapping,
  headers: readonly string[]
): { indexes: Partial<Record<SkuField, number>>; absent: string[] } {
  const indexes: Partial<Record<SkuField, number>> = {}
  const absent: string[] = []
  for (const field of SKU_FIELDS) {
    const header = mapping[field]
    if (header === undefined) {
      continue
    }
    const at = headers.indexOf(header)
    if (at < 0) {
      absent.push(header)
    } else {
      indexes[field] = at
    }
  }
  return { indexes, absent }
}

/** Grams per unit a weight header states; grams when it states none (a catalogue's habit). */
export function weightUnitOf(header: string): number {
  const n = normalizeHeader(header)
  if (/kg|千克|公斤/.test(n)) {
    return 1000
  }
  return 1
}

/** Millimetres per unit a length header states; millimetres when it states none. */
export function lengthUnitOf(header: string): number {
  const n = normalizeHeader(header)
  if (/cm|厘米|公分/.test(n)) {
    return 10
  }
  if (/mm|毫米/.test(n)) {
    return 1
  }
  if (/\(m\)|\(米\)/.test(n)) {
    return 1000
  }
  return 1
}
