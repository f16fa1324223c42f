/**
 * Method and event names of the contract, without their schemas, so the sandboxed preload can
 * expose one named function per method without bundling zod. contract.ts is checked against this
 * list at compile time.
 */
export const METHOD_NAMES = [
  'app.info',
  'settings.get',
  'settings.set',
  'sender.get',
  'sender.set',
  'orders.add',
  'orders.list',
  'orders.get',
  'orders.scan',
  'orders.filterOptions',
  'packages.preflightAppend',
  'packages.append',
  'packages.appendTakeNumber',
  'packages.forOrder',
  'packages.list',
  'orders.splitPlan',
  'orders.saveSplitPlan',
  'import.inspect',
  'import.saveMapping',
  'import.preview',
  'import.cancel',
  'import.commit',
  'import.rejectedSheet',
  'import.template',
  'printers.list',
  'printers.add',
  'printers.update',
  'printers.remove',
  'printers.setDefault',
  'printers.test',
  'printers.status',
  'labels.preview',
  'printing.pending',
  'printing.confirm',
  'printers.resume',
  'printers.queues',
  'printers.queueCancel',
  'printers.queueMove',
  'carriers.list',
  'carriers.limits',
  'carriers.setLimits',
  'pools.list',
  'pools.addRange',
  'pools.addList',
  'print.check',
  'print.start',
  'print.pause',
  'print.resume',
  'print.cancel',
  'print.currentBatch',
  'print.dismissBatch',
  'print.scan',
  'print.reprint',
  'print.preview',
  'printed.list',
  'printed.verify',
  'printed.void',
  'printed.export',
  'printed.packingSheet',
  'ship.orders',
  'demo.status',
  'demo.load',
  'demo.remove',
  'previewLabels.latest',
  'shops.rules',
  'shops.setShipPromise',
  'skus.window',
  'skus.count',
  'skus.update',
  'skus.delete',
  'skus.importInspect',
  'skus.importPreview',
  'skus.importCommit',
  'skus.rejectedSheet',
  'packages.appendBatchTemplate',
  'packages.appendBatchPreview',
  'packages.appendBatchCommit',
  'packages.appendBatchRefusedSheet',
  'packages.appendBatchFile',
  'packages.appendBatches'
] as const
export type MethodName = (typeof METHOD_NAMES)[number]

export const EVENT_NAMES = [
  'orders.changed',
  'import.progress',
  'printing.progress',
  'printing.pendingChanged',
  'print.batch'
] as const
export type EventName = (typeof EVENT_NAMES)[number]

export const ipcChannel = (method: MethodName): string => `wb:call:${method}`
export const ipcEventChannel = (event: EventName): string => `wb:event:${event}`

/** What the preload puts on `window.waybill`: a function per method, a subscription per event. */
export type PreloadBridge = {
  readonly methods: { readonly [M in MethodName]: (input: unknown) => Promise<unknown> }
  readonly events: {
    readonly [E in EventName]: (listener: (payload: unknown) => void) => () => void
  }
  /** Stores a file the user chose in main's file store; resolves to a Result of `{ fileId }`. */
  readonly uploadFile: (name: string, bytes: Uint8Array) => Promise<unknown>
  /** Main asks where to save a stored file (a save dialog) and copies it there; a Result. */
  readonly saveFile: (fileId: string, suggestedName: string) => Promise<unknown>
  /** Opens the preview printer's label folder in the OS file manager; a Result. */
  readonly openLabelsFolder: () => Promise<unknown>
}

/** The two file channels beside the per-method ones (Electron only). */
export const FILE_UPLOAD_CHANNEL = 'wb:file:upload'
export const FILE_SAVE_CHANNEL = 'wb:file:save'
/** Opens the preview printer's folder (main picks it; the renderer names no path). */
export const LABELS_FOLDER_CHANNEL = 'wb:labels:open'
