import { describe, expect, test } from 'vitest'
import {
  EVENT_NAMES,
  METHOD_NAMES,
  contract,
  events,
  ipcChannel,
  ipcEventChannel,
  isEventName,
  isMethodName
} from '../../../src/shared/contract'
import { AppCallError, ERROR_CODES, fail, ok } from '../../../src/shared/result'
import { VALIDATION_MESSAGES, describeIssue } from '../../../src/shared/validation-messages'

describe('the contract', () => {
  test('declares exactly the methods and events the preload exposes', () => {
    expect(Object.keys(contract).sort()).toEqual([...METHOD_NAMES].sort())
    expect(Object.keys(events).sort()).toEqual([...EVENT_NAMES].sort())
  })

  test('channel names are namespaced per method and event', () => {
    expect(ipcChannel('orders.add')).toBe('wb:call:orders.add')
    expect(ipcEventChannel('orders.changed')).toBe('wb:event:orders.changed')
    expect(new Set(METHOD_NAMES.map(ipcChannel)).size).toBe(METHOD_NAMES.length)
  })

  test.each(['orders.add', 'app.info'])('isMethodName(%j) is true', (name) => {
    expect(isMethodName(name)).toBe(true)
  })

  test.each([
    'orders.delete',
    '',
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'ORDERS.ADD'
  ])('isMethodName(%j) is false', (name) => {
    expect(isMethodName(name)).toBe(false)
  })

  test('isEventName knows only declared events', () => {
    expect(isEventName('orders.changed')).toBe(true)
    expect(isEventName('__proto__')).toBe(false)
    expect(isEventName('orders.deleted')).toBe(false)
  })

  test('methods without input refuse any extra field', () => {
    expect(contract['app.info'].input.safeParse({}).success).toBe(true)
    expect(contract['app.info'].input.safeParse({ x: 1 }).success).toBe(false)
    expect(
      contract['settings.set'].input.safeParse({ key: 'ui.language', value: 'en-US' }).success
    ).toBe(true)
    expect(
      contract['settings.set'].input.safeParse({ key: 'db.path', value: '/etc' }).success
    ).toBe(false)
  })
})

describe('results', () => {
  test('ok and fail build the two shapes; fail has no details key without details', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 })
    expect(fail('NOT_FOUND', 'gone')).toStrictEqual({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'gone' }
    })
    expect(fail('VALIDATION', 'bad', { issues: [] })).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: 'bad', details: { issues: [] } }
    })
    expect(ERROR_CODES).toContain('UNAUTHORIZED')
  })

  test('AppCallError carries code and details', () => {
    const error = new AppCallError({ code: 'CONFLICT', message: 'taken', details: { issues: [] } })
    expect(error).toBeInstanceOf(Error)
    expect(error.name).toBe('AppCallError')
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe('taken')
    expect(error.details).toEqual({ issues: [] })
  })
})

describe('validation messages', () => {
  test('every issue code the order schema and regions emit has English text', () => {
    const codes = [
      'required',
      'too_long',
      'too_large',
      'phone_invalid',
      'province_unknown',
      'city_not_in_province',
      'district_not_in_city',
      'number_required',
      'integer_required',
      'quantity_min',
      'not_negative',
      'items_required',
      'too_many_items',
      'order_id_chars',
      'order_id_taken'
    ]
    for (const code of codes) {
      expect(VALIDATION_MESSAGES[code], code).toEqual(expect.any(String))
    }
  })

  test('describeIssue puts the path first and falls back to the code', () => {
    expect(describeIssue('receiver.phone', 'phone_invalid')).toMatch(
      /^receiver\.phone must be a mainland mobile/
    )
    expect(describeIssue('', 'required')).toBe('is required')
    expect(describeIssue('x', 'no_such_code')).toBe('x no_such_code')
  })
})
