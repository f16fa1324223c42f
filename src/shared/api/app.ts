import { z } from 'zod'
import { Empty, type MethodSpec } from './common'

export const SETTING_KEYS = [
  'ui.language',
  'orders.columns',
  'shop.sender',
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
  'settings.set': {
    input: z.object({ key: z.enum(SETTING_KEYS), value: z.string().max(10_000) }).strict(),
    output: z.object({ value: z.string() })
  }
} as const satisfies Record<string, MethodSpec>
