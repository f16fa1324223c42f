import { describe, expect, test } from 'vitest'
import type { Dispatch } from '../../../src/main/core/api/dispatch'
import { bindIpc, type IpcMainLike } from '../../../src/main/electron/ipc'
import { METHOD_NAMES } from '../../../src/shared/channels'
import type { Result } from '../../../src/shared/result'
import { callOk, openTestCore, validOrderInput } from '../../support/core-fixtures'

type Listener = Parameters<IpcMainLike['handle']>[1]
type Frame = { readonly url: string; readonly parent: unknown } | null

/** A stand-in for Electron's ipcMain that records what is registered. */
function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  const registrations: string[] = []
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      registrations.push(channel)
      handlers.set(channel, listener)
    }
  }
  const invoke = async (channel: string, senderFrame: Frame, payload: unknown) => {
    const listener = handlers.get(channel)
    if (!listener) {
      throw new Error(`No handler for ${channel}`)
    }
    return listener({ senderFrame }, payload)
  }
  return { ipcMain, registrations, invoke }
}

function recordingDispatch() {
  const calls: { method: string; payload: unknown }[] = []
  const dispatch: Dispatch = (method, payload) => {
    calls.push({ method, payload })
    return Promise.resolve<Result<unknown>>({ ok: true, value: { echoed: method } })
  }
  return { calls, dispatch }
}

const TRUSTED = { url: 'app://waybill/index.html', parent: null }

describe('bindIpc', () => {
  test('registers exactly one channel per contract method, named wb:call:<method>', () => {
    const fake = fakeIpcMain()
    bindIpc(fake.ipcMain, recordingDispatch().dispatch)
    expect(fake.registrations).toEqual(METHOD_NAMES.map((m) => `wb:call:${m}`))
    expect(new Set(fake.registrations).size).toBe(METHOD_NAMES.length)
  })

  test('a trusted sender reaches dispatch with its method and payload, and gets its result', async () => {
    const fake = fakeIpcMain()
    const rec = recordingDispatch()
    bindIpc(fake.ipcMain, rec.dispatch)
    const payload = { query: '张三', limit: 5 }
    const result = await fake.invoke('wb:call:orders.list', TRUSTED, payload)
    expect(result).toEqual({ ok: true, value: { echoed: 'orders.list' } })
    expect(rec.calls).toEqual([{ method: 'orders.list', payload }])
    expect(rec.calls[0]?.payload).toBe(payload)
  })

  test.each([
    ['a subframe of our page', { url: 'app://waybill/index.html', parent: TRUSTED }],
    ['another origin', { url: 'https://evil.example/', parent: null }],
    ['a file:// page', { url: 'file:///tmp/x.html', parent: null }],
    ['a javascript: URL', { url: 'javascript:alert(1)', parent: null }],
    ['a destroyed frame', null]
  ])('%s gets UNAUTHORIZED and dispatch is not called', async (_, frame) => {
    const fake = fakeIpcMain()
    const rec = recordingDispatch()
    bindIpc(fake.ipcMain, rec.dispatch)
    for (const method of METHOD_NAMES) {
      const result = await fake.invoke(`wb:call:${method}`, frame, {})
      expect(result).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
    }
    expect(rec.calls).toEqual([])
  })

  test('bound to the real core, a trusted call adds an order and an untrusted one writes nothing', async () => {
    const t = openTestCore({ host: 'electron' })
    try {
      const fake = fakeIpcMain()
      bindIpc(fake.ipcMain, t.core.dispatch)
      const refused = await fake.invoke(
        'wb:call:orders.add',
        { url: 'https://evil.example/', parent: null },
        validOrderInput()
      )
      expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } })
      expect((await callOk(t.core, 'orders.list', {})).total).toBe(0)

      const invalid = await fake.invoke('wb:call:orders.add', TRUSTED, { receiver: 'x' })
      expect(invalid).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      const added = await fake.invoke('wb:call:orders.add', TRUSTED, validOrderInput())
      expect(added).toMatchObject({
        ok: true,
        value: { platformOrderId: expect.stringMatching(/^M\d{8}-0001$/) as string }
      })
      expect((await callOk(t.core, 'orders.list', {})).total).toBe(1)
      expect(await fake.invoke('wb:call:app.info', TRUSTED, {})).toMatchObject({
        ok: true,
        value: { host: 'electron' }
      })
    } finally {
      t.dispose()
    }
  })
})
