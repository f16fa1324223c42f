import { LABELS_FOLDER_CHANNEL } from '../../shared/channels'
import { fail, ok, type Result } from '../../shared/result'
import type { FileIpcMainLike } from './files'
import { isTrustedSender } from './trust'

/** Electron's `shell.openPath` (resolves to an error message, '' on success), a fake in tests. */
export type OpenPath = (path: string) => Promise<string>

/**
 * The preview printer's folder, opened in the OS file manager. Main decides which folder (the
 * renderer passes nothing), so this channel cannot be made to open any other path.
 */
export function bindLabelsFolderIpc(
  ipcMain: FileIpcMainLike,
  folder: () => string | null,
  openPath: OpenPath
): void {
  ipcMain.handle(LABELS_FOLDER_CHANNEL, async (event): Promise<Result<unknown>> => {
    if (!isTrustedSender(event.senderFrame)) {
      return fail('UNAUTHORIZED', 'Calls are accepted only from the app window')
    }
    const dir = folder()
    if (dir === null) {
      return fail('NOT_FOUND', 'No printer prints to a preview folder')
    }
    const problem = await openPath(dir)
    return problem === '' ? ok({ opened: dir }) : fail('INTERNAL', problem)
  })
}
