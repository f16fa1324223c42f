import { z } from 'zod'
import {
  EVENT_NAMES,
  METHOD_NAMES,
  type EventName,
  type MethodName,
  ipcChannel,
  ipcEventChannel
} from './channels'
import { OrderDetail, OrderInput, OrderListPage, OrderListQuery } from './schemas/order'

/**
 * The one contract between renderer and main (DESIGN §4). Each method has a zod input and output
 * schema; main parses every payload with `input`, and every transport (Electron IPC, browser-mode
 * HTTP) and the preload are generated from this table.
 */
export const SETTING_KEYS = ['ui.language', 'orders.columns'] as const

const Empty = z.object({}).strict()
const Id = z.object({ id: z.number().int().positive() }).strict()

export const contract = {
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
  },
  'orders.add': { input: OrderInput, output: OrderDetail },
  'orders.list': { input: OrderListQuery, output: OrderListPage },
  'orders.get': { input: Id, output: OrderDetail },
  'orders.scan': {
    input: z.object({ code: z.string().trim().min(1, 'required').max(128, 'too_long') }).strict(),
    output: z.object({
      /** The order the scanned code belongs to (order id or tracking number), if any. */
      orderId: z.number().int().nullable(),
      matchedBy: z.enum(['order_id', 'tracking_number']).nullable()
    })
  }
} as const satisfies Record<MethodName, { input: z.ZodType; output: z.ZodType }>

export type Contract = typeof contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}

/** Push events main → renderer, typed the same way. */
export const events = {
  'orders.changed': z.object({ ids: z.array(z.number().int()) })
} as const satisfies Record<EventName, z.ZodType>
export type Events = typeof events
export type EventPayload<E extends EventName> = z.output<Events[E]>

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name)
}

/** The client the renderer uses; one implementation per transport. */
export type AppClient = {
  readonly call: <M extends MethodName>(
    method: M,
    input: MethodInput<M>
  ) => Promise<MethodOutput<M>>
  readonly on: <E extends EventName>(
    event: E,
    listener: (payload: EventPayload<E>) => void
  ) => () => void
}

export { EVENT_NAMES, METHOD_NAMES, ipcChannel, ipcEventChannel, type EventName, type MethodName }
