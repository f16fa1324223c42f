import { afterEach, beforeEach, expect, test } from 'vitest'
import { createDispatch } from '../../../src/main/core/api/dispatch'
import { createHandlers, type Handlers } from '../../../src/main/core/api/handlers'
import { ok } from '../../../src/shared/result'
import { openTestCore, type TestCore } from '../../support/core-fixtures'

/**
 * Main parses every answer against the contract's output schema (issue 9 item 4): a host never
 * receives a shape the contract does not describe.
 */
let tc: TestCore
beforeEach(() => {
  tc = openTestCore()
})
afterEach(() => {
  tc.dispose()
})

function dispatchWith(appInfo: Handlers['app.info']) {
  const handlers: Handlers = {
    ...createHandlers({ host: 'cli', version: '0.0.0-test' }),
    'app.info': appInfo
  }
  return createDispatch(tc.core.ctx, handlers)
}

test('a value off the contract is answered as INTERNAL, never passed on', async () => {
  const dispatch = dispatchWith(() =>
    // The cast is the bug under test: a handler whose value drifted from the contract.
    ok({ version: 1, schemaVersion: 'x' } as unknown as {
      version: string
      schemaVersion: number
      dataDir: string
      host: 'cli'
    })
  )
  const result = await dispatch('app.info', {})
  expect(result.ok).toBe(false)
  expect(!result.ok && result.error.code).toBe('INTERNAL')
  expect(JSON.stringify(result)).not.toContain('"x"')
})

test('keys the contract does not list are dropped; a valid value passes unchanged', async () => {
  const value = { version: '1.0.0', schemaVersion: 3, dataDir: '/d', host: 'cli' as const }
  const dispatch = dispatchWith(() => ok({ ...value, secret: 'raw phone 13812341234' }))
  const result = await dispatch('app.info', {})
  expect(result).toEqual({ ok: true, value })
})

test('the real handlers answer within the contract', async () => {
  const result = await tc.core.dispatch('app.info', {})
  expect(result.ok).toBe(true)
})
