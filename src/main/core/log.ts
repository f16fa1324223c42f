import { appendFileSync } from 'node:fs'

export type Logger = {
  readonly info: (message: string, fields?: Readonly<Record<string, unknown>>) => void
  readonly error: (message: string, fields?: Readonly<Record<string, unknown>>) => void
}

const MOBILE = /(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g
const LANDLINE = /(?<!\d)(0\d{2,3}-?)\d{3,4}(\d{4})(?!\d)/g
const BUYER_KEYS = new Set([
  'receiverName',
  'receiver_name',
  'name',
  'buyer',
  'receiverPhone',
  'phone',
  'detail',
  'address'
])

/** Buyer data never reaches a log in clear (invariant 9): phones and named buyer fields are masked. */
export function maskForLog(value: unknown, key = ''): unknown {
  if (typeof value === 'string') {
    if (BUYER_KEYS.has(key)) {
      return value.length === 0 ? value : `${Array.from(value)[0] ?? ''}***`
    }
    return value.replace(MOBILE, '$1****$2').replace(LANDLINE, '$1****$2')
  }
  if (Array.isArray(value)) {
    return value.map((v) => maskForLog(v))
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
