import { contextBridge, ipcRenderer } from 'electron'
import {
  EVENT_NAMES,
  METHOD_NAMES,
  ipcChannel,
  ipcEventChannel,
  type EventName,
  type MethodName,
  type PreloadBridge
} from '../shared/channels'

/**
 * Named methods only: one function per contract method, each bound to its own channel, and one
 * subscription per push event with the IPC event object stripped (it carries `sender`).
 * No raw ipcRenderer, no generic invoke.
 */
const methods = Object.fromEntries(
  METHOD_NAMES.map((method) => [
    method,
    (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)
  ])
) as Record<MethodName, (input: unknown) => Promise<unknown>>

const events = Object.fromEntries(
  EVENT_NAMES.map((event) => [
    event,
    (listener: (payload: unknown) => void) => {
      const wrapped = (_event: unknown, payload: unknown) => {
        listener(payload)
      }
      ipcRenderer.on(ipcEventChannel(event), wrapped)
      return () => {
        ipcRenderer.removeListener(ipcEventChannel(event), wrapped)
      }
    }
  ])
) as Record<EventName, (listener: (payload: unknown) => void) => () => void>

contextBridge.exposeInMainWorld(
  'waybill',
  Object.freeze({ methods, events } satisfies PreloadBridge)
)
