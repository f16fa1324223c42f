/**
 * Method and event names of the contract, without their schemas, so the sandboxed preload can
 * expose one named function per method without bundling zod. contract.ts is checked against this
 * list at compile time.
 */
export const METHOD_NAMES = [
  'app.info',
  'settings.get',
  'settings.set',
  'orders.add',
  'orders.list',
  'orders.get',
  'orders.scan'
] as const
export type MethodName = (typeof METHOD_NAMES)[number]

export const EVENT_NAMES = ['orders.changed'] as const
export type EventName = (typeof EVENT_NAMES)[number]

export const ipcChannel = (method: MethodName): string => `wb:call:${method}`
export const ipcEventChannel = (event: EventName): string => `wb:event:${event}`

/** What the preload puts on `window.waybill`: a function per method, a subscription per event. */
export type PreloadBridge = {
  readonly methods: { readonly [M in MethodName]: (input: unknown) => Promise<unknown> }
  readonly events: {
    readonly [E in EventName]: (listener: (payload: unknown) => void) => () => void
  }
}
