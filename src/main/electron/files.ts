import { copyFile } from 'node:fs/promises'
import { FILE_SAVE_CHANNEL, FILE_UPLOAD_CHANNEL } from '../../shared/channels'
import { fail, ok, type Result } from '../../shared/result'
import { FILE_ID_PATTERN, sanitizeFileName, type FileStore } from '../core/files/file-store'
import { isTrustedSender } from './trust'

/** The part of Electron's ipcMain this needs (all arguments of an invoke), so tests use a fake. */
export type FileIpcMainLike = {
  readonly handle: (
    channel: string,
    listener: (
      event: { readonly senderFrame: { readonly url: string; readonly parent: unknown } | null },
      ...args: unknown[]
    ) => Promise<Result<unknown>>
  ) => void
}

/** Asks the user where to save; null when they cancel. Electron's dialog in the app, a fake in tests. */
export type SaveDialog = (suggestedName: string) => Promise<string | null>

/**
 * The two file channels of the Electron shell, beside the per-method ones: `uploadFile(name,
 * bytes)` stores bytes the renderer read from a file the user chose, `saveFile(fileId, name)`
 * copies a stored file where the user says. Both check the sender frame and validate every
 * argument (types, file id pattern, size limit); the renderer never names a path.
 */
export function bindFileIpc(
  ipcMain: FileIpcMainLike,
  files: FileStore,
  saveDialog: SaveDialog
): void {
  ipcMain.handle(
    FILE_UPLOAD_CHANNEL,
    async (event, ...args: unknown[]): Promise<Result<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) {
        return fail('UNAUTHORIZED', 'Calls are accepted only from the app window')
      }
      const [name, bytes] = args
      if (typeof name !== 'string' || name.trim() === '' || name.length > 1000) {
        return fail('VALIDATION', 'uploadFile needs a file name')
      }
      if (!(bytes instanceof Uint8Array)) {
        return fail('VALIDATION', 'uploadFile needs the file content as bytes')
      }
      if (bytes.byteLength > files.maxBytes) {
        return fail('VALIDATION', `The file is larger than ${String(files.maxBytes)} bytes`, {
          importCode: 'FILE_TOO_LARGE',
          limit: files.maxBytes
        })
      }
      const stored = await files.put(name, [bytes])
      return ok({ fileId: stored.fileId, name: stored.name, size: stored.size })
    }
  )

  ipcMain.handle(FILE_SAVE_CHANNEL, async (event, ...args: unknown[]): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return fail('UNAUTHORIZED', 'Calls are accepted only from the app window')
    }
    const [fileId, suggestedName] = args
    if (typeof fileId !== 'string' || !FILE_ID_PATTERN.test(fileId)) {
      return fail('VALIDATION', 'saveFile needs a file id')
    }
    if (typeof suggestedName !== 'string' || suggestedName.length > 1000) {
      return fail('VALIDATION', 'saveFile needs a file name')
    }
    const file = await files.get(fileId)
    if (!file) {
      return fail('NOT_FOUND', 'The file is gone')
    }
    const target = await saveDialog(sanitizeFileName(suggestedName || file.name))
    if (target === null) {
      return ok({ saved: false })
    }
    await copyFile(file.path, target)
    return ok({ saved: true })
  })
}
