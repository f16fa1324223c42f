/**
 * What parsing a method's output against the contract costs main (issue 9 item 4), next to the
 * call itself: orders.list (a page of 200 rows, the list path) and print.check of a 5 000-order
 * batch (the print path's biggest answer; print.start answers a batch id and counts). Each
 * figure is the median of many runs on a database of 20 000 orders.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { contract, type MethodName } from '../src/shared/contract'
import { openCore, type Core } from '../src/main/core/app'
import { insertOrders, type NewOrder } from '../src/main/core/db/orders-repo'
import { type Bench, type Figure, median } from './harness'
import { makeOrder, rng } from './support/order-data'

const ORDERS = 20_000
const RUNS = Number(process.env.CONTRACT_BENCH_RUNS ?? '300')
const BASE_TIME = Date.UTC(2026, 0, 1)
const round = (n: number): number => Math.round(n * 1000) / 1000

function seed(core: Core): number[] {
  const random = rng(11)
  const ids: number[] = []
  for (let start = 0; start < ORDERS; start += 1000) {
    const batch: NewOrder[] = []
    for (let i = start; i < start + 1000; i++) {
      batch.push(makeOrder(i, random, BASE_TIME))
    }
    ids.push(...insertOrders(core.ctx.db, batch))
  }
  return ids
}

async function measure(
  core: Core,
  method: MethodName,
  input: unknown,
  label: string,
  report: (figure: Figure) => void
): Promise<void> {
  const calls: number[] = []
  const parses: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now()
    const result = await core.dispatch(method, input)
    calls.push(performance.now() - started)
    if (!result.ok) {
      throw new Error(`${method}: ${result.error.message}`)
    }
    const parseStarted = performance.now()
    contract[method].output.parse(result.value)
    parses.push(performance.now() - parseStarted)
  }
  const call = median(calls)
  const parse = median(parses)
  report({ name: `${label} call`, value: round(call), unit: 'ms', runs: RUNS })
  report({
    name: `${label} output parse`,
    value: round(parse),
    unit: 'ms',
    share: `${String(Math.round((parse / call) * 1000) / 10)}%`
  })
}

export const contractOutputBench: Bench = {
  name: 'contract-output',
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'wb-contract-bench-'))
    const core = openCore({ dataDir: dir, host: { host: 'browser', version: 'bench' } })
    try {
      const ids = seed(core)
      await measure(core, 'orders.list', { limit: 200 }, 'orders.list 200 rows', report)
      await measure(
        core,
        'print.check',
        { orderIds: ids.slice(0, 5000), carrier: 'ZTO' },
        'print.check 5000 orders',
        report
      )
    } finally {
      core.close()
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
