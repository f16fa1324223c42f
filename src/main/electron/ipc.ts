import { METHOD_NAMES, ipcChannel } from '../../shared/channels'
import { fail, type Result } from '../../shared/result'
import type { Dispatch } from '../core/api/dispatch'
import { isTrustedSender } from './trust'

/** The part of Electron's ipcMain this needs, so the binding is tested with a fake. */
export type IpcMainLike = {
  readonly handle: (
    channel: string,
    listener: (
      event: { readonly senderFrame: { readonly url: string; readonly parent: unknown } | null },
      payload: unknown
    ) => Promise<Result<unknown>>
  ) => void
}

/** One channel per contract method; every call checks its sender frame, then the core validates the payload. */
export function bindIpc(ipcMain: IpcMainLike, dispatch: Dispatch): void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(ipcChannel(method), async (event, payload) => {
      if (!isTrustedSender(event.senderFrame)) {
        return fail('UNAUTHORIZED', 'Calls are accepted only from the app window')
      }
      return dispatch(method, payload)
    })
  }
}
