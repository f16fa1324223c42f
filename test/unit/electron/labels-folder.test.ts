import { expect, test } from 'vitest'
import { bindLabelsFolderIpc } from '../../../src/main/electron/labels-folder'
import type { FileIpcMainLike } from '../../../src/main/electron/files'
import { LABELS_FOLDER_CHANNEL } from '../../../src/shared/channels'

type Listener = Parameters<FileIpcMainLike['handle']>[1]

function fakeIpc() {
  const handlers = new Map<string, Listener>()
  const ipcMain: FileIpcMainLike = {
    handle: (channel, listener) => {
      handlers.set(channel, listener)
    }
  }
  const invoke = (url: string, ...args: unknown[]) => {
    const listener = handlers.get(LABELS_FOLDER_CHANNEL)
    if (!listener) {
      throw new Error('not bound')
    }
    return listener({ senderFrame: { url, parent: null } }, ...args)
  }
  return { ipcMain, invoke }
}

test('opens the folder main chose, whatever the renderer passes; only for the app window', async () => {
  const opened: string[] = []
  const { ipcMain, invoke } = fakeIpc()
  bindLabelsFolderIpc(
    ipcMain,
    () => '/data/labels',
    (path) => {
      opened.push(path)
      return Promise.resolve('')
    }
  )
  expect(await invoke('app://waybill/index.html', '/etc')).toEqual({
    ok: true,
    value: { opened: '/data/labels' }
  })
  expect(opened).toEqual(['/data/labels'])
  const refused = await invoke('https://evil.example/')
  expect(refused.ok).toBe(false)
  expect(opened).toHaveLength(1)
})

test('says so when there is no preview folder or the OS cannot open it', async () => {
  const none = fakeIpc()
  bindLabelsFolderIpc(
    none.ipcMain,
    () => null,
    () => Promise.resolve('')
  )
  expect(await none.invoke('app://waybill/index.html')).toMatchObject({
    ok: false,
    error: { code: 'NOT_FOUND' }
  })
  const broken = fakeIpc()
  bindLabelsFolderIpc(
    broken.ipcMain,
    () => '/x',
    () => Promise.resolve('no file manager')
  )
  expect(await broken.invoke('app://waybill/index.html')).toMatchObject({
    ok: false,
    error: { code: 'INTERNAL', message: 'no file manager' }
  })
})
