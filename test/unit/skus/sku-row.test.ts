import { describe, expect, test } from 'vitest'
import {
  detectSkuMapping,
  lengthUnitOf,
  resolveSkuMapping,
  weightUnitOf
} from '../../../src/main/core/skus/sku-fields'
import { parseSkuRow, type SkuColumns } from '../../../src/main/core/skus/sku-row'
import type { CellValue } from '../../../src/main/core/import/types'

function columns(headers: string[]): SkuColumns {
  const mapping = detectSkuMapping(headers)
  const h = (f: 'weight' | 'length' | 'width' | 'height') => mapping[f] ?? ''
  return {
    indexes: resolveSkuMapping(mapping, headers).indexes,
    headers,
    weightUnit: weightUnitOf(h('weight')),
    lengthUnits: {
      length: lengthUnitOf(h('length')),
      width: lengthUnitOf(h('width')),
      height: lengthUnitOf(h('height'))
    }
  }
}

const ZH = ['商家编码', '商品名称', '重量(克)', '长(mm)', '宽(mm)', '高(mm)', '发货仓', '温层']

describe('SKU sheet columns', () => {
  test('Chinese and English headers map to the fields; units come from the header', () => {
    expect(detectSkuMapping(ZH)).toEqual({
      sku: '商家编码',
      title: '商品名称',
      weight: '重量(克)',
      length: '长(mm)',
      width: '宽(mm)',
      height: '高(mm)',
      warehouse: '发货仓',
      temperatureZone: '温层'
    })
    expect(
      detectSkuMapping(['SKU', 'Title', 'Weight (kg)', 'Warehouse', 'Temperature zone'])
    ).toEqual({
      sku: 'SKU',
      title: 'Title',
      weight: 'Weight (kg)',
      warehouse: 'Warehouse',
      temperatureZone: 'Temperature zone'
    })
    expect(weightUnitOf('重量(kg)')).toBe(1000)
    expect(weightUnitOf('重量（千克）')).toBe(1000)
    expect(weightUnitOf('重量(克)')).toBe(1)
    expect(weightUnitOf('重量')).toBe(1)
    expect(lengthUnitOf('长(cm)')).toBe(10)
    expect(lengthUnitOf('长（厘米）')).toBe(10)
    expect(lengthUnitOf('长(mm)')).toBe(1)
  })
})

describe('one SKU row', () => {
  test('grams and millimetres as given; empty cells are unknown, not 0 or 常温', () => {
    const r = parseSkuRow(2, ['A-1', '保温杯', 350, 200, 80, '80', '', ''], columns(ZH))
    expect(r).toEqual({
      ok: true,
      facts: {
        sku: 'A-1',
        title: '保温杯',
        weightG: 350,
        lengthMm: 200,
        widthMm: 80,
        heightMm: 80,
        warehouse: null,
        temperatureZone: null
      }
    })
  })

  test('kilogram and centimetre headers convert; a unit in the cell wins over the header', () => {
    const headers = ['SKU', '重量(kg)', '长(cm)', '宽(cm)', '高(cm)', '发货仓', '温层']
    const r = parseSkuRow(
      3,
      ['B', 1.25, '30', '20.5 cm', '150mm', '仓库 B', '冷冻'],
      columns(headers)
    )
    expect(r.ok && r.facts).toMatchObject({
      weightG: 1250,
      lengthMm: 300,
      widthMm: 205,
      heightMm: 150,
      warehouse: '仓库 B',
      temperatureZone: 'frozen'
    })
    const g = parseSkuRow(4, ['C', '500g', '', '', '', '', '冷藏'], columns(headers))
    expect(g.ok && g.facts).toMatchObject({ weightG: 500, temperatureZone: 'chilled' })
  })

  test.each([
    ['常温', 'ambient'],
    ['冷藏', 'chilled'],
    ['冷冻', 'frozen'],
    ['Ambient', 'ambient'],
    ['chilled', 'chilled'],
    ['FROZEN', 'frozen']
  ] as const)('temperature zone %s is %s', (text, zone) => {
    const r = parseSkuRow(2, ['Z', '', '', '', '', '', '', text], columns(ZH))
    expect(r.ok && r.facts.temperatureZone).toBe(zone)
  })

  test('every bad cell of a row is reported with its row, column and reason', () => {
    const cells: CellValue[] = ['D', '', 'abc', -5, '3 kg', '', '', '温热']
    const r = parseSkuRow(7, cells, columns(ZH))
    expect(r.ok).toBe(false)
    if (r.ok) {
      return
    }
    expect(r.rejected.map((x) => [x.row, x.column, x.code])).toEqual([
      [7, '重量(克)', 'number_invalid'],
      [7, '长(mm)', 'out_of_range'],
      [7, '宽(mm)', 'unit_invalid'],
      [7, '温层', 'zone_invalid']
    ])
    expect(r.rejected[0]?.reasonZh).toBe('"abc" 不是数字')
    expect(r.rejected[3]?.reason).toContain('"温热" is not a temperature zone')
  })

  test('a row without a SKU is refused; a spreadsheet error cell is refused', () => {
    const empty = parseSkuRow(5, ['', '杯子', 100], columns(ZH))
    expect(!empty.ok && empty.rejected[0]).toMatchObject({
      row: 5,
      column: '商家编码',
      code: 'sku_required'
    })
    const err = parseSkuRow(6, ['E', '', { error: '#VALUE!' }], columns(ZH))
    expect(!err.ok && err.rejected[0]).toMatchObject({ column: '重量(克)', code: 'cell_error' })
  })

  test('a weight over a tonne or a side over 10 m is a typo, refused', () => {
    const r = parseSkuRow(8, ['F', '', 2_000_000, 20_000], columns(ZH))
    expect(!r.ok && r.rejected.map((x) => x.code)).toEqual(['out_of_range', 'out_of_range'])
  })
})
