import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { createFileLogger, maskForLog } from '../../../src/main/core/log'
import { callOk, makeTempDir, openTestCore, validOrderInput } from '../../support/core-fixtures'

let temp: ReturnType<typeof makeTempDir>
let file: string

beforeEach(() => {
  temp = makeTempDir('wb-log-')
  file = join(temp.dir, 'test.log')
})

afterEach(() => {
  temp.remove()
})

type LogLine = { at: string; level: string; message: string; fields?: Record<string, unknown> }

function readLines(): LogLine[] {
  return readFileSync(file, 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as LogLine)
}

/** Buyer data that must never appear in a log file in clear (invariant 9). */
const CLEAR = [
  '13812345678',
  '13987654321',
  '0571-88886666',
  '010-12345678',
  '057188886666',
  '张三',
  '李四',
  '欧阳娜娜',
  '王五',
  '赵六',
  '文三路',
  '华星时代'
]

describe('createFileLogger (invariant 9: buyer data is masked in logs)', () => {
  test('writes JSON lines where phones and named buyer fields are masked, nothing in clear', () => {
    const log = createFileLogger(file)
    log.info('sms to 13812345678 failed, landline 0571-88886666 busy', {
      orderId: 42,
      receiverName: '张三',
      receiver_name: '李四',
      name: '欧阳娜娜',
      buyer: '王五',
      phone: '13987654321',
      receiverPhone: '010-12345678',
      detail: '文三路 478 号华星时代广场',
      address: '浙江省杭州市西湖区文三路 1 号',
      note: 'customer asked to call 057188886666 first',
      receiver: { name: '赵六', phone: '13812345678' },
      rows: [{ phone: '13987654321' }, 'backup 13812345678']
    })
    log.error('import row rejected', { row: 7, receiverName: '张三' })

    const text = readFileSync(file, 'utf8')
    for (const clear of CLEAR) {
      expect(text, `"${clear}" is in the log in clear`).not.toContain(clear)
    }
    const [info, error] = readLines()
    expect(info?.level).toBe('info')
    expect(Number.isNaN(Date.parse(info?.at ?? ''))).toBe(false)
    expect(info?.message).toBe('sms to 138****5678 failed, landline 0571-****6666 busy')
    expect(info?.fields).toMatchObject({
      orderId: 42,
      receiverName: '张***',
      name: '欧***',
      phone: '1***',
      note: 'customer asked to call 0571****6666 first',
      receiver: { name: '赵***' },
      rows: [{ phone: '1***' }, 'backup 138****5678']
    })
    expect(error).toMatchObject({
      level: 'error',
      message: 'import row rejected',
      fields: { row: 7 }
    })
  })

  test('the core logs an added order without the buyer in clear', async () => {
    const t = openTestCore({ host: 'cli' })
    try {
      const order = await callOk(
        t.core,
        'orders.add',
        validOrderInput({
          receiver: { ...validOrderInput().receiver, name: '欧阳娜娜', phone: '13987654321' }
        })
      )
      const text = readFileSync(join(t.dataDir, 'logs', 'cli.log'), 'utf8')
      expect(text).toContain('order created')
      expect(text).toContain(String(order.id))
      expect(text).not.toContain('13987654321')
      expect(text).not.toContain('欧阳娜娜')
    } finally {
      t.dispose()
    }
  })

  test('phones in the formats platform exports and packers type are masked too', () => {
    const log = createFileLogger(file)
    const formats = [
      '+8613812345678',
      '8613812345678',
      '+86 138 1234 5678',
      '138-1234-5678',
      '138 1234 5678',
      '(0571)88886666'
    ]
    for (const phone of formats) {
      log.info(`raw cell: ${phone}`)
    }
    const leaked = readLines()
      .map((l) => l.message)
      .filter((m) => /\d{3}[\s-]?\d{4}[\s-]?\d{4}|88886666/.test(m))
    expect(leaked).toEqual([])
  })

  test('named buyer fields are masked whatever their value type (numbers from xlsx, lists)', () => {
    const log = createFileLogger(file)
    log.info('raw row', { phone: 13812345678, receiverPhone: 13987654321, name: ['张三', '李四'] })
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain('13812345678')
    expect(text).not.toContain('13987654321')
    expect(text).not.toContain('张三')
    expect(text).not.toContain('李四')
  })

  test('a null file logs nowhere and a failing write does not throw', () => {
    expect(() => {
      createFileLogger(null).info('x', { phone: '13812345678' })
    }).not.toThrow()
    const dir = join(temp.dir, 'is-a-directory')
    mkdirSync(dir)
    expect(() => {
      createFileLogger(dir).error('disk full?')
    }).not.toThrow()
  })
})

describe('maskForLog', () => {
  test('leaves non-buyer values alone', () => {
    expect(
      maskForLog({
        orderId: 7,
        ok: true,
        sku: 'TS-WH-XL',
        trackingNumber: 'SF1403927150123',
        at: null
      })
    ).toEqual({
      orderId: 7,
      ok: true,
      sku: 'TS-WH-XL',
      trackingNumber: 'SF1403927150123',
      at: null
    })
  })

  test('does not mask digits that are part of longer numbers (order ids, tracking numbers)', () => {
    expect(maskForLog('order 2511230098765432')).toBe('order 2511230098765432')
    expect(maskForLog('SF14038123456789')).toBe('SF14038123456789')
  })

  test('keeps empty buyer fields empty', () => {
    expect(maskForLog({ name: '' })).toEqual({ name: '' })
  })
})
