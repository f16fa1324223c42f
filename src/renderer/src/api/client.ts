import {
  isEventName,
  type AppClient,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput
} from '../../../shared/contract'
import type { PreloadBridge } from '../../../shared/channels'
import { AppCallError, type Result } from '../../../shared/result'
import { reportSessionLost } from './session'

/** Picks the transport: the preload bridge inside Electron, HTTP + WebSocket in browser mode. */
export function createClient(): AppClient {
  return window.waybill ? ipcClient(window.waybill) : httpClient()
}

function unwrap(result: Result<unknown>): unknown {
  if (!result.ok) {
    throw new AppCallError(result.error)
  }
  return result.value
}

function ipcClient(bridge: PreloadBridge): AppClient {
  return {
    call: async <M extends MethodName>(method: M, input: MethodInput<M>) =>
      // Main parsed the value with the contract's output schema before sending it.
      unwrap((await bridge.methods[method](input)) as Result<unknown>) as MethodOutput<M>,
    on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) =>
      bridge.events[event]((payload) => {
        listener(payload as EventPayload<E>)
      }),
    upload: async (file: File) => {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const stored = unwrap((await bridge.uploadFile(file.name, bytes)) as Result<unknown>)
      return { fileId: (stored as { fileId: string }).fileId }
    },
    download: async (fileId: string, suggestedName: string) => {
      unwrap((await bridge.saveFile(fileId, suggestedName)) as Result<unknown>)
    },
    openLabelsFolder: async () => {
      unwrap((await bridge.openLabelsFolder()) as Result<unknown>)
    }
  }
}

type Listener = (payload: unknown) => void

/** Whether browser mode still takes this tab's session cookie: `refused` after an app restart. */
export async function sessionState(): Promise<'ok' | 'refused' | 'unreachable'> {
  try {
    const response = await fetch('/api/call/app.info', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: '{}'
    })
    return response.status === 401 ? 'refused' : 'ok'
  } catch {
    return 'unreachable'
  }
}

function sessionLost(): AppCallError {
  reportSessionLost()
  return new AppCallError({ code: 'UNAUTHORIZED', message: 'session_expired' })
}

function httpClient(): AppClient {
  const listeners = new Map<EventName, Set<Listener>>()
  let socket: WebSocket | null = null
  let retry = 500

  const connect = () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/events`
    socket = new WebSocket(url)
    socket.onopen = () => {
      retry = 500
    }
    socket.onmessage = (message: MessageEvent<string>) => {
      const data = JSON.parse(message.data) as { event: string; payload: unknown }
      if (isEventName(data.event)) {
        for (const listener of listeners.get(data.event) ?? []) {
          listener(data.payload)
        }
      }
    }
    socket.onclose = () => {
      socket = null
      retry = Math.min(retry * 2, 10_000)
      // A closed socket is often an app restart: ask once whether this tab's session survived,
      // so the packer hears about it without having to click first.
      void sessionState().then((state) => {
        if (state === 'refused') {
          reportSessionLost()
        } else {
          setTimeout(connect, retry)
        }
      })
    }
  }

  return {
    call: async <M extends MethodName>(method: M, input: MethodInput<M>) => {
      const response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(input)
      })
      if (response.status === 401) {
        throw sessionLost()
      }
      return unwrap((await response.json()) as Result<unknown>) as MethodOutput<M>
    },
    on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
      if (socket === null) {
        connect()
      }
      const set = listeners.get(event) ?? new Set<Listener>()
      const wrapped: Listener = (payload) => {
        listener(payload as EventPayload<E>)
      }
      set.add(wrapped)
      listeners.set(event, set)
      return () => {
        set.delete(wrapped)
      }
    },
    upload: async (file: File) => {
      // The body streams from the file; the name travels URI-encoded (headers are ASCII).
      const response = await fetch('/api/upload', {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/octet-stream',
          'X-File-Name': encodeURIComponent(file.name)
        },
        body: file
      })
      if (response.status === 401) {
        throw sessionLost()
      }
      const body = (await response.json()) as { fileId?: string } | Result<unknown>
      if (!response.ok || !('fileId' in body) || typeof body.fileId !== 'string') {
        unwrap(body as Result<unknown>)
        throw new AppCallError({
          code: 'INTERNAL',
          message: `upload failed (${String(response.status)})`
        })
      }
      return { fileId: body.fileId }
    },
    download: (fileId: string, suggestedName: string) => {
      // A same-origin link: the browser sends the session cookie and saves the attachment.
      const link = document.createElement('a')
      link.href = `/api/download/${encodeURIComponent(fileId)}`
      link.download = suggestedName
      link.rel = 'noopener'
      document.body.append(link)
      link.click()
      link.remove()
      return Promise.resolve()
    }
  }
}
