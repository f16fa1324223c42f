import { describe, expect, test } from 'vitest'
import { isValidPhone, maskName, maskPhone } from '../../../src/shared/phone'

describe('isValidPhone', () => {
  test.each([
    '13812341234',
    '14700000000',
    '15012345678',
    '16600001111',
    '17712345678',
    '18812345678',
    '19912345678'
  ])('accepts the mainland mobile %s', (phone) => {
    expect(isValidPhone(phone)).toBe(true)
  })

  test.each([
    ['0571-88886666', 'area code 4 digits, dash, 8 digits'],
    ['057188886666', 'area code without dash'],
    ['010-12345678', '3-digit area code'],
    ['01012345678', '3-digit area code without dash'],
    ['0755-1234567', '7-digit number'],
    ['0571-88886666-123', 'with extension'],
    ['0571-88886666-123456', 'with a 6-digit extension']
  ])('accepts the landline %s (%s)', (phone) => {
    expect(isValidPhone(phone)).toBe(true)
  })

  test.each([
    ['', 'empty'],
    ['1381234123', '10 digits'],
    ['138123412345', '12 digits'],
    ['12812341234', 'second digit 2'],
    ['10012341234', 'second digit 0'],
    ['23812341234', 'does not start with 1'],
    ['+8613812341234', 'country code (the importer normalizes it)'],
    ['138-1234-1234', 'dashes inside a mobile'],
    ['138 1234 1234', 'spaces inside a mobile'],
    [' 13812341234', 'leading space (the schema trims first)'],
    ['1381234123a', 'a letter'],
    ['１３８１２３４１２３４', 'full-width digits'],
    ['88886666', 'landline without area code'],
    ['571-88886666', 'area code without the leading 0'],
    ['0571-888866', '6-digit landline number'],
    ['0571-888866661', '9-digit landline number'],
    ['0571 88886666', 'space instead of dash'],
    ['0571--88886666', 'two dashes'],
    ['0571-88886666-', 'dash without extension'],
    ['0571-88886666-1234567', '7-digit extension'],
    ['0571-88886666#123', 'extension with #'],
    ['13812341234\n', 'trailing newline']
  ])('refuses %j (%s)', (phone) => {
    expect(isValidPhone(phone)).toBe(false)
  })
})

describe('maskPhone', () => {
  test.each([
    ['13812341234', '138****1234'],
    ['19900000000', '199****0000'],
    ['0571-88886666', '0571****6666'],
    ['057188886666', '0571****6666'],
    ['010-12345678', '010-****5678'],
    ['1234', '****'],
    ['', '****']
  ])('%j → %j', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked)
  })

  test('a masked mobile never shows the middle four digits', () => {
    for (const phone of ['13800001234', '15987654321', '18611112222']) {
      const masked = maskPhone(phone)
      expect(masked).toHaveLength(11)
      expect(masked).not.toContain(phone.slice(3, 7))
      expect(masked.slice(3, 7)).toBe('****')
    }
  })

  test('a masked landline hides the subscriber number except its last 4 digits', () => {
    const masked = maskPhone('0571-88886666-123')
    expect(masked).not.toContain('88886666')
    expect(masked.startsWith('0571')).toBe(true)
  })
})

describe('maskName', () => {
  test.each([
    ['张三', '张*'],
    ['王', '王*'],
    ['欧阳娜娜', '欧***'],
    ['  李四  ', '李*'],
    ['Li Lei', 'L*****'],
    ['𠀀三', '𠀀*'],
    ['', ''],
    ['   ', '']
  ])('%j → %j', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })

  test('only the first character of a name is ever shown', () => {
    for (const name of ['张三丰', '司马相如', 'Anna']) {
      const masked = maskName(name)
      expect(Array.from(masked)[0]).toBe(Array.from(name)[0])
      expect(masked.slice(1)).toMatch(/^\*+$/)
    }
  })
})
