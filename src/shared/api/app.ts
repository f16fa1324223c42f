import { z } from 'zod'
import { Receiver, ReceiverInput } from '../schemas/order'
import { Empty, type MethodSpec } from './common'
import { isValidTimeZone } from '../time-zone'

export const SETTING_KEYS = [
  'ui.language',
  'orders.columns',
  'pools.lowBalance',
  'print.defaults',
  'station.timeZone'
] as const

function isJsonContainer(value: string): boolean {
  try {
    const parsed: unknown = JSON.parse(value)
    return typeof parsed === 'object' && parsed !== null
  } catch {
    return false
  }
}

/**
 * What each setting may hold. Readers trust these (carriers.list once answered NaN for a
 * threshold of "=1+1"; found by the contract fuzzer), so they are checked where they come in.
 */
const SETTING_VALUE_OK: Readonly<
  Record<(typeof SETTING_KEYS)[number], (value: string) => boolean>
> = {
  'ui.language': (value) => value === 'zh-CN' || value === 'en-US',
  'orders.columns': isJsonContainer,
  'pools.lowBalance': (value) => /^\d{1,9}$/.test(value),
  'print.defaults': isJsonContainer,
  'station.timeZone': isValidTimeZone
}

export const appApi = {
  'app.info': {
    input: Empty,
    output: z.object({
      version: z.string(),
      schemaVersion: z.number().int(),
      dataDir: z.string(),
      host: z.enum(['electron', 'browser', 'cli'])
    })
  },
  'settings.get': {
    input: z.object({ key: z.enum(SETTING_KEYS) }).strict(),
    output: z.object({ value: z.string().nullable() })
  },
  /** The return address printed in every label's sender block (寄件人); null until set. */
  'sender.get': {
    input: Empty,
    output: z.object({ sender: Receiver.nullable() })
  },
  /** Validated like a receiver: mobile or landline with area code, a real division, a detail. */
  'sender.set': {
    input: z.object({ sender: ReceiverInput }).strict(),
    output: z.object({ sender: Receiver })
  },
  'settings.set': {
    input: z
      .object({ key: z.enum(SETTING_KEYS), value: z.string().max(10_000) })
      .strict()
      .refine((setting) => SETTING_VALUE_OK[setting.key](setting.value), {
        path: ['value'],
        message: 'invalid_value'
      }),
    output: z.object({ value: z.string() })
  }
} as const satisfies Record<string, MethodSpec>
