import { appendFileSync } from 'node:fs'

export type Logger = {
  readonly info: (message: string, fields?: Readonly<Record<string, unknown>>) => void
  readonly error: (message: string, fields?: Readonly<Record<string, unknown>>) => void
}

// Mobiles with or without +86/86 and separators, landlines with or without brackets.
const MOBILE = /(?<![\d])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?\d{4}[\s-]?(\d{4})(?!\d)/g
const LANDLINE = /(?<![\d])(\(?0\d{2,3}\)?[\s-]?)\d{3,4}[\s-]?(\d{4})(?!\d)/g
const BUYER_KEYS = new Set([
  'receiverName',
  'receiver_name',
  'name',
  'buyer',
  'receiverPhone',
  'receiver_phone',
  'phone',
  'mobile',
  'detail',
  'address',
  'address_detail'
])

/** Buyer data never reaches a log in clear (invariant 9): phones and named buyer fields are masked. */
export function maskForLog(value: unknown, key = ''): unknown {
  if (BUYER_KEYS.has(key) && (typeof value === 'string' || typeof value === 'number')) {
    const text = String(value)
    return text.length === 0 ? text : `${Array.from(text)[0] ?? ''}***`
  }
  if (typeof value === 'string') {
    return value.replace(MOBILE, '$1****$2').replace(LANDLINE, '$1****$2')
  }
  if (typeof value === 'number') {
    // A phone that a spreadsheet stored as a number is still a phone.
    return /^(?:86)?1[3-9]\d{9}$/.test(String(value)) ? maskForLog(String(value)) : value
  }
  if (Array.isArray(value)) {
    return value.map((v) => maskForLog(v, key))
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, maskForLog(v, k)]))
  }
  return value
}

/** JSON-lines logger to a file (and nowhere else), masking buyer data. */
export function createFileLogger(file: string | null): Logger {
  const write = (level: string, message: string, fields?: Readonly<Record<string, unknown>>) => {
    if (file === null) {
      return
    }
    const line = JSON.stringify({
      at: new Date().toISOString(),
      level,
      message: maskForLog(message),
      ...(fields ? { fields: maskForLog(fields) } : {})
    })
    try {
      appendFileSync(file, `${line}\n`)
    } catch {
      // A full disk must not stop the packer; the database is the record, the log is a help.
    }
  }
  return {
    info: (message, fields) => {
      write('info', message, fields)
    },
    error: (message, fields) => {
      write('error', message, fields)
    }
  }
}
