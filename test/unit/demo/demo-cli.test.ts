import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import { DEMO_ORDER_COUNT } from '../../../src/shared/api/demo'
import { makeTempDir } from '../../support/core-fixtures'

let temp: ReturnType<typeof makeTempDir>
let dataDir: string

beforeEach(() => {
  temp = makeTempDir('wb-demo-cli-')
  dataDir = join(temp.dir, 'data')
})
afterEach(() => {
  temp.remove()
})

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['--data-dir', dataDir, ...argv], {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {}
  })
  return { code, out: out.join('\n'), err: err.join('\n') }
}

test('demo load | status | remove through the same contract methods as the UI', async () => {
  const loaded = await run('demo', 'load', '--json')
  expect(loaded.code).toBe(0)
  expect(JSON.parse(loaded.out)).toMatchObject({ orders: DEMO_ORDER_COUNT, offer: false })

  const listed = await run('orders', 'list', '--limit', '100', '--json')
  expect(listed.code).toBe(0)
  expect(listed.out).toContain('DEMO-0036')

  const again = await run('demo', 'load')
  expect(again.code).toBe(1)
  expect(again.err).toMatch(/already loaded/)

  const status = await run('demo', 'status')
  expect(status.out).toMatch(/示例店铺 .*36 demo orders/)

  const removed = await run('demo', 'remove', '--json')
  expect(removed.code).toBe(0)
  expect(JSON.parse(removed.out)).toEqual({ orders: DEMO_ORDER_COUNT, packages: 0 })
  const empty = await run('orders', 'list', '--json')
  expect(empty.out).not.toContain('DEMO-')
})
