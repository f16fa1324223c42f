import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, test } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import { makeTempDir } from '../../support/core-fixtures'

/** `orders split --order ID --json`: the proposed plan with its reasons, in words, on a real data folder. */

let temp: ReturnType<typeof makeTempDir>
let dataDir: string

async function run(argv: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    env: {}
  })
  return { code, out: out.join(''), err: err.join('') }
}

beforeEach(async () => {
  temp = makeTempDir('wb-cli-split-')
  dataDir = join(temp.dir, 'data')
  const file = join(temp.dir, 'order.json')
  writeFileSync(
    file,
    JSON.stringify({
      platformOrderId: 'SPLIT-CLI-1',
      receiver: {
        name: '张三',
        phone: '13812341234',
        province: '浙江省',
        city: '杭州市',
        district: '西湖区',
        detail: '文三路 478 号'
      },
      items: [
        {
          sku: 'FZ-1',
          title: '速冻水饺',
          quantity: 2,
          unitWeightG: 500,
          temperatureZone: 'frozen'
        },
        { sku: 'AM-1', title: '纸巾', quantity: 3, unitWeightG: 200 }
      ]
    })
  )
  expect((await run(['--data-dir', dataDir, 'orders', 'add', '--file', file])).code).toBe(0)
})

afterEach(() => {
  temp.remove()
})

test('orders split --json lists the packages with their reasons in words', async () => {
  const result = await run([
    '--data-dir',
    dataDir,
    '--json',
    'orders',
    'split',
    '--order',
    'SPLIT-CLI-1'
  ])
  expect(result.code).toBe(0)
  const plan = JSON.parse(result.out) as {
    carrier: string
    packages: {
      sequence: number
      items: { sku: string; quantity: number }[]
      reasons: { code: string; words: string }[]
    }[]
  }
  expect(plan.carrier).toBe('ZTO')
  expect(
    plan.packages.map((p) => [
      p.sequence,
      p.items.map((i) => `${i.sku}×${String(i.quantity)}`),
      p.reasons.map((r) => r.words)
    ])
  ).toEqual([
    [1, ['FZ-1×2'], ['Frozen and ambient kept apart']],
    [2, ['AM-1×3'], ['Frozen and ambient kept apart']]
  ])
})

test('orders split in zh-CN, with a carrier by its name', async () => {
  const result = await run([
    '--data-dir',
    dataDir,
    'orders',
    'split',
    '--order',
    'SPLIT-CLI-1',
    '--carrier',
    '顺丰',
    '--lang',
    'zh-CN'
  ])
  expect(result.code).toBe(0)
  expect(result.out).toContain('SPLIT-CLI-1 · SF')
  expect(result.out).toContain('包裹 1/2\tFZ-1×2\t1000 g\t冷冻与常温分开')
})

test('an unknown order fails with one line', async () => {
  const result = await run(['--data-dir', dataDir, 'orders', 'split', '--order', 'NOPE'])
  expect(result.code).toBe(1)
  expect(result.err.trim()).toMatch(/no order NOPE/)
})
