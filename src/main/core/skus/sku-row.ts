import type { TemperatureZone } from '../../../shared/domain'
import type { SkuFacts } from '../db/skus-repo'
import { cellText, cleanTemperatureZone } from '../import/normalize'
import type { CellValue } from '../import/types'
import type { SkuField } from './sku-fields'
import { skuReason, type SkuRejectedRow } from './sku-reasons'

/** What reading a sheet's columns needs: where each field is and the units its header states. */
export type SkuColumns = {
  readonly indexes: Partial<Record<SkuField, number>>
  readonly headers: readonly string[]
  /** Grams per unit of the weight column. */
  readonly weightUnit: number
  /** Millimetres per unit, per dimension column. */
  readonly lengthUnits: Readonly<Record<'length' | 'width' | 'height', number>>
}

export const SKU_MAX_CHARS = 100
export const TITLE_MAX_CHARS = 300
export const WAREHOUSE_MAX_CHARS = 50
/** 1 t and 10 m: beyond these a value is a typo, not a parcel. */
const MAX_WEIGHT_G = 1_000_000
const MAX_SIDE_MM = 10_000

export type ParsedSkuRow =
  | { readonly ok: true; readonly facts: SkuFacts }
  | { readonly ok: false; readonly rejected: readonly SkuRejectedRow[] }

/** A unit written in the cell itself ("350g", "1.2 kg", "30cm") wins over the header's. */
const CELL_UNIT = /^([+-]?\d+(?:\.\d+)?)\s*(kg|千克|公斤|g|克|mm|毫米|cm|厘米|公分|m|米)?$/i
const UNIT_FACTOR: Readonly<Record<string, number>> = {
  kg: 1000,
  千克: 1000,
  公斤: 1000,
  g: 1,
  克: 1,
  mm: 1,
  毫米: 1,
  cm: 10,
  厘米: 10,
  公分: 10,
  m: 1000,
  米: 1000
}
const WEIGHT_UNITS = new Set(['kg', '千克', '公斤', 'g', '克'])

type Measure =
  | { ok: true; value: number | null }
  | {
      ok: false
      code: 'number_invalid' | 'unit_invalid' | 'out_of_range' | 'cell_error'
      value: string
    }

function measure(
  cell: CellValue | undefined,
  unit: number,
  kind: 'weight' | 'length',
  max: number
): Measure {
  let amount: number
  let factor = unit
  if (typeof cell === 'number') {
    amount = cell
  } else {
    const text = cellText(cell)
    if (!text.ok) {
      return { ok: false, code: 'cell_error', value: text.value }
    }
    const s = text.value.normalize('NFKC').replace(/,/g, '').trim()
    if (s === '') {
      return { ok: true, value: null }
    }
    const m = CELL_UNIT.exec(s)
    if (!m?.[1]) {
      return { ok: false, code: 'number_invalid', value: text.value }
    }
    amount = Number(m[1])
    const written = m[2]?.toLowerCase()
    if (written !== undefined) {
      if (WEIGHT_UNITS.has(written) !== (kind === 'weight')) {
        return { ok: false, code: 'unit_invalid', value: text.value }
      }
      factor = UNIT_FACTOR[written] ?? unit
    }
  }
  if (!Number.isFinite(amount)) {
    return { ok: false, code: 'number_invalid', value: String(amount) }
  }
  const value = Math.round(amount * factor)
  if (amount < 0 || value > max) {
    return { ok: false, code: 'out_of_range', value: String(amount) }
  }
  return { ok: true, value }
}

/**
 * One data row of a SKU sheet as facts, or every problem of the row (row, column, reason).
 * Empty cells mean "not known" (null), never 0 or 常温.
 */
export function parseSkuRow(row: number, cells: readonly CellValue[], c: SkuColumns): ParsedSkuRow {
  const rejected: SkuRejectedRow[] = []
  const column = (f: SkuField): string => {
    const i = c.indexes[f]
    return i === undefined ? '' : (c.headers[i] ?? '')
  }
  const cell = (f: SkuField): CellValue | undefined => {
    const i = c.indexes[f]
    return i === undefined ? undefined : cells[i]
  }
  const text = (f: SkuField, max: number): string => {
    const t = cellText(cell(f))
    if (!t.ok) {
      rejected.push({ row, column: column(f), ...skuReason('cell_error', { value: t.value }) })
      return ''
    }
    if (t.value.length > max) {
      rejected.push({ row, column: column(f), ...skuReason('too_long', { max }) })
      return ''
    }
    return t.value
  }
  const sku = text('sku', SKU_MAX_CHARS)
  if (sku === '' && rejected.length === 0) {
    rejected.push({ row, column: column('sku'), ...skuReason('sku_required') })
  }
  const title = text('title', TITLE_MAX_CHARS)
  const warehouse = text('warehouse', WAREHOUSE_MAX_CHARS)
  const number = (
    f: SkuField,
    unit: number,
    kind: 'weight' | 'length',
    max: number
  ): number | null => {
    const m = measure(cell(f), unit, kind, max)
    if (m.ok) {
      return m.value
    }
    rejected.push({
      row,
      column: column(f),
      ...skuReason(m.code, {
        value: m.value,
        max: kind === 'weight' ? `${String(max / 1000)} kg` : `${String(max)} mm`
      })
    })
    return null
  }
  const weightG = number('weight', c.weightUnit, 'weight', MAX_WEIGHT_G)
  const lengthMm = number('length', c.lengthUnits.length, 'length', MAX_SIDE_MM)
  const widthMm = number('width', c.lengthUnits.width, 'length', MAX_SIDE_MM)
  const heightMm = number('height', c.lengthUnits.height, 'length', MAX_SIDE_MM)
  const zoneText = text('temperatureZone', 50)
  let temperatureZone: TemperatureZone | null = null
  if (zoneText !== '') {
    const zone = cleanTemperatureZone(zoneText.normalize('NFKC'))
    if (zone === undefined) {
      rejected.push({
        row,
        column: column('temperatureZone'),
        ...skuReason('zone_invalid', { value: zoneText })
      })
    } else {
      temperatureZone = zone
    }
  }
  if (rejected.length > 0) {
    return { ok: false, rejected }
  }
  return {
    ok: true,
    facts: {
      sku,
      title,
      weightG,
      lengthMm,
      widthMm,
      heightMm,
      warehouse: warehouse === '' ? null : warehouse,
      temperatureZone
    }
  }
}
