import { z } from 'zod'
import { Receiver, ReceiverInput } from '../schemas/order'
import { Empty, type MethodSpec } from './common'

export const SETTING_KEYS = [
  'ui.language',
  'orders.columns',
  'pools.lowBalance',
  'print.defaults'
] as const

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
    input: z.object({ key: z.enum(SETTING_KEYS), value: z.string().max(10_000) }).strict(),
    output: z.object({ value: z.string() })
  }
} as const satisfies Record<string, MethodSpec>
