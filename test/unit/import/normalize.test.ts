import { describe, expect, test } from 'vitest'
import { isValidPhone } from '../../../src/shared/phone'
import {
  cleanDate,
  cleanOrderId,
  cleanPhone,
  NO_RESULT
} from '../../../src/main/core/import/normalize'
import { detectMapping, layoutSignature, weightFactor } from '../../../src/main/core/import/mapping'

describe('cleanPhone', () => {
  test.each([
    ['138 1234 5678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['+86 138 1234 5678', '13812345678'],
    ['+8613812345678', '13812345678'],
    ['8613812345678', '13812345678'],
    ['0086-138-1234-5678', '13812345678'],
    ["'13812345678", '13812345678'],
    ['="13812345678"', '13812345678'],
    ['13812345678.0', '13812345678'],
    ['1.3812345678E10', '13812345678'],
    ['1.3812345678E+10', '13812345678'],
    [13812345678, '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
    ['0571-88886666', '0571-88886666'],
    ['(0571) 8888 6666', '0571-88886666'],
    ['0571 88886666', '0571-88886666'],
    ['010-88886666转123', '010-88886666-123']
  ])('%s → %s', (raw, expected) => {
    const r = cleanPhone(raw)
    expect(r).toEqual({ ok: true, value: expected })
    expect(isValidPhone(expected)).toBe(true)
  })

  test('masked and invalid numbers are not repaired', () => {
    expect(cleanPhone('138****5678')).toMatchObject({ ok: false, code: 'phone_masked' })
    const short = cleanPhone('1381234567')
    expect(short.ok && isValidPhone(short.value)).toBe(false)
    expect(cleanPhone({ error: NO_RESULT })).toMatchObject({ ok: false, code: 'formula_no_result' })
    expect(cleanPhone({ error: '#N/A' })).toMatchObject({
      ok: false,
      code: 'cell_error',
      value: '#N/A'
    })
  })
})

describe('cleanDate', () => {
  const at = (...p: [number, number, number, number?, number?, number?]) =>
    new Date(p[0], p[1] - 1, p[2], p[3] ?? 0, p[4] ?? 0, p[5] ?? 0).getTime()
  test.each([
    ['2026-11-20 10:00:00', at(2026, 11, 20, 10)],
    ['2026/11/20 10:00', at(2026, 11, 20, 10)],
    ['2026-11-20', at(2026, 11, 20)],
    ['2026年11月20日 10:05', at(2026, 11, 20, 10, 5)],
    ['2026-11-20T10:00:30', at(2026, 11, 20, 10, 0, 30)],
    [46346.4375, at(2026, 11, 20, 10, 30)],
    ['46346', at(2026, 11, 20)]
  ])('%s', (raw, expected) => {
    expect(cleanDate(raw)).toEqual({ ok: true, value: expected })
  })
  test.each(['2026-02-30', '2026-11-20 25:00', 'tomorrow', '12'])('refuses %s', (raw) => {
    expect(cleanDate(raw)).toMatchObject({ ok: false, code: 'date_invalid' })
  })
})

describe('cleanOrderId', () => {
  test('unwraps text-forcing and float noise, refuses lost digits', () => {
    expect(cleanOrderId('="3456789012345678901"')).toEqual({
      ok: true,
      value: '3456789012345678901'
    })
    expect(cleanOrderId("'2411200001")).toEqual({ ok: true, value: '2411200001' })
    expect(cleanOrderId(2411200001)).toEqual({ ok: true, value: '2411200001' })
    expect(cleanOrderId('2411200001.0')).toEqual({ ok: true, value: '2411200001' })
    expect(cleanOrderId(Number('3456789012345678901'))).toMatchObject({
      ok: false,
      code: 'order_id_number_lost'
    })
    expect(cleanOrderId('3.45679E+18')).toMatchObject({ ok: false, code: 'order_id_number_lost' })
  })
})

describe('mapping', () => {
  test('Taobao headers with trailing spaces map to the Taobao preset', () => {
    const headers = [
      '订单编号',
      '买家会员名',
      '收货人姓名',
      '收货地址 ',
      '联系电话 ',
      '联系手机',
      '订单付款时间 ',
      '宝贝标题 ',
      '宝贝总数量',
      '宝贝种类'
    ]
    const d = detectMapping(headers, 'auto', 'orders')
    expect(d.preset).toBe('taobao')
    expect(d.missing).toEqual([])
    expect(d.mapping).toMatchObject({
      phone: '联系手机',
      landline: '联系电话 ',
      address: '收货地址 ',
      title: '宝贝标题 ',
      quantity: '宝贝总数量'
    })
  })
  test('full-width and starred headers', () => {
    const d = detectMapping(
      ['订单号*', '收货人＊', 'ＳＫＵ', '手机号码', '收货地址', '商品名称', '数量（件）'],
      'auto',
      'orders'
    )
    expect(d.mapping).toMatchObject({
      orderId: '订单号*',
      receiverName: '收货人＊',
      sku: 'ＳＫＵ',
      quantity: '数量（件）'
    })
  })
  test('signature ignores spacing but not column order', () => {
    expect(layoutSignature(['订单号', '收货人 '])).toBe(layoutSignature([' 订单号', '收货人', '']))
    expect(layoutSignature(['订单号', '收货人'])).not.toBe(layoutSignature(['收货人', '订单号']))
  })
  test('weight units from the header', () => {
    expect(weightFactor('重量(kg)')).toBe(1000)
    expect(weightFactor('单件重量(克)')).toBe(1)
    expect(weightFactor('重量（g）')).toBe(1)
    expect(weightFactor('重量')).toBe(1000)
  })
})
