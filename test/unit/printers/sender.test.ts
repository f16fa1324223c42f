import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { packageLabels } from '../../../src/main/core/printers/print-service'
import {
  callErr,
  callOk,
  insertTrackedPackage,
  openTestCore,
  validOrderInput,
  type TestCore
} from '../../support/core-fixtures'

let t: TestCore

beforeEach(() => {
  t = openTestCore({ host: 'browser', now: () => Date.UTC(2026, 10, 23, 2, 0, 0) })
})
afterEach(() => {
  t.dispose()
})

const warehouse = {
  name: '好物优选 杭州仓',
  phone: '0571-88886666',
  province: '浙江省',
  city: '杭州市',
  district: '余杭区',
  detail: '仓前街道梦想小镇 3 号仓'
}

async function trackedPackage(): Promise<number> {
  const order = await callOk(t.core, 'orders.add', validOrderInput({ platformOrderId: 'KS900001' }))
  return insertTrackedPackage(t.core.db, order.id, '73100000000017', { carrier: 'ZTO' })
}

describe('the station sender (寄件人)', () => {
  test('a fresh station has none, and labels carry the shop name alone', async () => {
    expect((await callOk(t.core, 'sender.get', {})).sender).toBeNull()
    const id = await trackedPackage()
    const labels = packageLabels(t.core.ctx, [id])
    if (!labels.ok) {
      throw new Error(labels.error.message)
    }
    expect(labels.value[0]?.data.sender).toEqual({
      name: '手工店铺',
      phone: '',
      province: '',
      city: '',
      district: '',
      detail: ''
    })
  })

  test('once saved it is read back and printed on every label', async () => {
    const saved = await callOk(t.core, 'sender.set', { sender: warehouse })
    expect(saved.sender).toEqual(warehouse)
    expect((await callOk(t.core, 'sender.get', {})).sender).toEqual(warehouse)
    const id = await trackedPackage()
    const labels = packageLabels(t.core.ctx, [id])
    if (!labels.ok) {
      throw new Error(labels.error.message)
    }
    expect(labels.value[0]?.data.sender).toEqual(warehouse)
  })

  test('a bad phone or a city that does not exist is refused field by field, nothing saved', async () => {
    // An unknown district is kept as a platform district (issue 9); an unknown city is refused.
    const error = await callErr(t.core, 'sender.set', {
      sender: { ...warehouse, phone: '12345', city: '不存在市' }
    })
    expect(error.code).toBe('VALIDATION')
    const paths = (error.details?.issues ?? []).map((i) => `${i.path}:${i.code}`)
    expect(paths).toContain('sender.phone:phone_invalid')
    expect(paths.some((p) => p.startsWith('sender.city:'))).toBe(true)
    expect((await callOk(t.core, 'sender.get', {})).sender).toBeNull()
  })

  test('the generic settings call cannot write the sender around its validation', async () => {
    const error = await callErr(t.core, 'settings.set', { key: 'label.sender', value: '{}' })
    expect(error.code).toBe('VALIDATION')
  })
})
