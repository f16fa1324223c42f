import { expect, test } from 'vitest'
import {
  formatPrintTime,
  groupTrackingNumber,
  labelFields,
  maskName,
  maskPhone
} from '../../../src/main/core/printing/label-data'
import { interpolate, templateFields } from '../../../src/main/core/printing/template'
import { BUILTIN_TEMPLATES } from '../../../src/main/core/printing/builtin-templates'
import { sampleLabel } from '../../support/printing-fixtures'

test('phones and names are masked the way platforms print privacy waybills', () => {
  expect(maskPhone('13812341234')).toBe('138****1234')
  expect(maskPhone('0571-88886666')).toBe('0571****6666')
  expect(maskPhone('12345')).toBe('1***5')
  expect(maskName('张三')).toBe('张*')
  expect(maskName('欧阳娜娜')).toBe('欧***')
  expect(maskName('𠮷野')).toBe('𠮷*')
})

test('label fields mask the receiver by default; only an explicit false shows full values', () => {
  const data = sampleLabel()
  for (const fields of [
    labelFields(data),
    labelFields(data, {}),
    labelFields(data, { maskPrivacy: true })
  ]) {
    expect(fields['receiver.name']).toBe('张*')
    expect(fields['receiver.phone']).toBe('138****1234')
    expect(Object.values(fields).join('|')).not.toContain('13812341234')
  }
  const full = labelFields(data, { maskPrivacy: false })
  expect(full['receiver.contact']).toBe('张三  13812341234')
})

test('multi-package, reprint and time fields', () => {
  const fields = labelFields(sampleLabel({ packageIndex: 2, packageCount: 3 }), { reprintCount: 1 })
  expect(fields.package).toBe('2 / 3')
  expect(fields.reprint).toBe('补打')
  expect(labelFields(sampleLabel({ packageIndex: 1, packageCount: 1 })).package).toBe('')
  expect(formatPrintTime(Date.UTC(2026, 10, 23, 16, 5))).toBe('2026-11-24 00:05')
  expect(groupTrackingNumber('SF1423567890123')).toBe('SF 1423 5678 9012 3')
  expect(groupTrackingNumber('773123456789012')).toBe('7731 2345 6789 012')
})

test('every field a built-in template uses exists in the field map', () => {
  const known = Object.keys(labelFields(sampleLabel()))
  for (const template of BUILTIN_TEMPLATES) {
    for (const name of templateFields(template)) {
      expect(known).toContain(name)
    }
  }
  expect(interpolate('{{a}}-{{ missing }}', { a: '1' })).toBe('1-')
})

test('an item imported without a SKU prints its title alone, never "(-)"', () => {
  const data = sampleLabel({
    items: [
      { title: '保温杯', sku: '-', quantity: 2 },
      { title: '杯套', sku: '', quantity: 1 },
      { title: '杯刷', sku: 'BR-1', quantity: 1 }
    ]
  })
  const items = labelFields(data).items
  expect(items).toBe('保温杯×2；杯套×1；杯刷(BR-1)×1')
  expect(items).not.toContain('(-)')
})
