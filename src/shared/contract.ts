import { type z } from 'zod'
import {
  EVENT_NAMES,
  METHOD_NAMES,
  type EventName,
  type MethodName,
  ipcChannel,
  ipcEventChannel
} from './channels'
import { appApi } from './api/app'
import { appendBatchApi } from './api/append-batch'
import { demoApi } from './api/demo'
import { previewLabelsApi } from './api/preview-labels'
import type { MethodSpec } from './api/common'
import { importApi, importEvents } from './api/import'
import { ordersApi, ordersEvents } from './api/orders'
import { packagesApi } from './api/packages'
import { packagesListApi } from './api/packages-list'
import { splitPlanApi } from './api/split-plan'
import { manualPrintApi, manualPrintEvents } from './api/manual-print'
import { printersApi, printingEvents } from './api/printers'
import { printerQueueApi } from './api/printer-queue'
import { waybillsApi } from './api/waybills'
import { shopRulesApi } from './api/shop-rules'
import { skusApi } from './api/skus'

/**
 * The one contract between renderer and main (DESIGN §4), merged from one method table per
 * domain under ./api. Each method has a zod input and output schema; main parses every payload
 * with `input` and every answer with `output` (core/api/dispatch.ts), and every transport (Electron IPC, browser-mode HTTP) and the preload are
 * generated from it. A name missing from channels.ts, or one too many, is a compile error.
 */
export const contract = {
  ...appApi,
  ...skusApi,
  ...ordersApi,
  ...packagesApi,
  ...packagesListApi,
  ...splitPlanApi,
  ...importApi,
  ...printersApi,
  ...printerQueueApi,
  ...waybillsApi,
  ...manualPrintApi,
  ...demoApi,
  ...previewLabelsApi,
  ...shopRulesApi,
  ...appendBatchApi
} as const satisfies Record<MethodName, MethodSpec>
type Assert<T extends true> = T
/** Compile-time check: every method in the tables is listed in channels.ts (so the preload has it). */
export type ContractHasNoUnlistedMethods = Assert<
  Exclude<keyof typeof contract, MethodName> extends never ? true : false
>

export type Contract = typeof contract
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}

/** Push events main → renderer, typed the same way. */
export const events = {
  ...ordersEvents,
  ...importEvents,
  ...printingEvents,
  ...manualPrintEvents
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
  /** Sends a file the user chose to main's file store; its id is what methods take. */
  readonly upload: (file: File) => Promise<{ fileId: string }>
  /** Lets the user save a stored file (browser download, or a save dialog in Electron). */
  readonly download: (fileId: string, suggestedName: string) => Promise<void>
  /**
   * Opens the preview printer's label folder in the OS file manager. Electron only: a browser
   * cannot open one, so browser mode lists the newest labels instead (`previewLabels.latest`).
   */
  readonly openLabelsFolder?: () => Promise<void>
}

export { EVENT_NAMES, METHOD_NAMES, ipcChannel, ipcEventChannel, type EventName, type MethodName }
