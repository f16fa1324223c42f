import { contextBridge, ipcRenderer } from 'electron'
import {
  EVENT_NAMES,
  FILE_SAVE_CHANNEL,
  FILE_UPLOAD_CHANNEL,
  LABELS_FOLDER_CHANNEL,
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

/**
 * Three more named functions, each on its own channel: store a chosen file, save a stored one,
 * open the preview printer's folder.
 */
const uploadFile = (name: string, bytes: Uint8Array) =>
  ipcRenderer.invoke(FILE_UPLOAD_CHANNEL, name, bytes)
const saveFile = (fileId: string, suggestedName: string) =>
  ipcRenderer.invoke(FILE_SAVE_CHANNEL, fileId, suggestedName)
const openLabelsFolder = () => ipcRenderer.invoke(LABELS_FOLDER_CHANNEL)

contextBridge.exposeInMainWorld(
  'waybill',
  Object.freeze({ methods, events, uploadFile, saveFile, openLabelsFolder } satisfies PreloadBridge)
)
