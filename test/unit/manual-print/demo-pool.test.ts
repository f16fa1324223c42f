import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { runCli } from '../../../src/main/cli/cli'
import { DATABASE_FILE, openCore, type Core } from '../../../src/main/core/app'
import { openDatabase } from '../../../src/main/core/db/connection'
import { availableCount, insertPool, listPools } from '../../../src/main/core/db/waybill-pools-repo'
import { allocateChunk } from '../../../src/main/core/manual-print/batch'
import { shipOrders } from '../../../src/main/core/manual-print/printed-service'
import { DEMO_POOL, addPool, expandRange } from '../../../src/main/core/waybills/pool-service'
import { makeTempDir } from '../../support/core-fixtures'
import { markPrintedViaRecords, seedOrders } from '../../support/manual-print-fixtures'

let temp: ReturnType<typeof makeTempDir>
let dataDir: string
const open: Core[] = []

beforeEach(() => {
  temp = makeTempDir('wb-demo-pool-')
  dataDir = join(temp.dir, 'data')
})
afterEach(() => {
  for (const core of open.splice(0)) {
    core.close()
  }
  temp.remove()
})

function start(): Core {
  const core = openCore({ dataDir, host: { host: 'cli', version: '0.0.0-test' } })
  open.push(core)
  return core
}
function stop(core: Core): void {
  open.splice(open.indexOf(core), 1)
  core.close()
}

type PoolJson = {
  carrier: string
  label: string
  available: number
  total: number
  demo: boolean
}
async function poolList(): Promise<PoolJson[]> {
  const out: string[] = []
  const code = await runCli(['--data-dir', dataDir, '--json', 'pool', 'list'], {
    out: (text) => out.push(text),
    err: () => undefined,
    env: {}
  })
  expect(code).toBe(0)
  return (JSON.parse(out.join('')) as { pools: PoolJson[] }).pools
}

describe('the demo waybill pool (DESIGN §4 embedded defaults)', () => {
  test('a new data folder has one, named 演示, and it is not re-created on every start', async () => {
    const first = await poolList()
    expect(first).toEqual([
      expect.objectContaining({
        carrier: DEMO_POOL.carrier,
        total: DEMO_POOL.size,
        available: DEMO_POOL.size,
        demo: true
      })
    ])
    expect(first[0]?.label).toContain('演示')
    expect(await poolList()).toHaveLength(1)
  })

  test('a fresh install prints with nothing configured: the label gets a DEMO number', () => {
    const core = start()
    const [id] = seedOrders(core.db, 1, 'DM')
    const allocated = allocateChunk(core.ctx, [id ?? 0], DEMO_POOL.carrier, '76x130')
    if (!allocated.ok) {
      throw new Error(allocated.error.message)
    }
    expect(allocated.value[0]?.trackingNumber).toMatch(/^DEMO\d{10}$/)
  })

  test('an order printed with a demo number is refused at ship; one with a bought number ships', () => {
    const core = start()
    const [demoOrder = 0, realOrder = 0] = seedOrders(core.db, 2, 'SH')
    const demo = allocateChunk(core.ctx, [demoOrder], DEMO_POOL.carrier, '76x130')
    const bought = expandRange('73610000000001', 1)
    if (!demo.ok || !bought.ok) {
      throw new Error('setup failed')
    }
    expect(addPool(core.ctx, 'ZTO', 'range', 'bought', bought.value).ok).toBe(true)
    const real = allocateChunk(core.ctx, [realOrder], 'ZTO', '76x130')
    if (!real.ok) {
      throw new Error(real.error.message)
    }
    markPrintedViaRecords(core.db, [...demo.value, ...real.value])
    const shipped = shipOrders(core.ctx, [demoOrder, realOrder])
    if (!shipped.ok) {
      throw new Error(shipped.error.message)
    }
    expect(shipped.value.map((o) => o.result)).toEqual(['demo', 'shipped'])
    expect(shipped.value[0]?.reason).toContain('演示单号')
    // Nothing goes upstream for the demo order: one outbox entry, the real shipment's.
    const outbox = core.db.prepare<[], { payload: string }>('SELECT payload FROM outbox').all()
    expect(outbox).toHaveLength(1)
    expect(outbox[0]?.payload).toContain('73610000000001')
    expect(outbox[0]?.payload).not.toContain('DEMO')
  })

  test('used up, or deleted, it does not come back on the next start', () => {
    let core = start()
    core.db.prepare(`UPDATE waybill_numbers SET state = 'voided'`).run()
    stop(core)
    core = start()
    expect(listPools(core.db)).toHaveLength(1)
    expect(availableCount(core.db, DEMO_POOL.carrier)).toBe(0)
    core.db.exec('DELETE FROM waybill_numbers; DELETE FROM waybill_pools;')
    stop(core)
    core = start()
    expect(listPools(core.db)).toEqual([])
  })

  test('a database that already had pools does not get one', () => {
    // A data folder from before the demo pool existed: migrated, with a purchased pool.
    mkdirSync(dataDir, { recursive: true })
    const before = openDatabase(join(dataDir, DATABASE_FILE))
    const numbers = expandRange('YT8962646785389', 5)
    if (!numbers.ok) {
      throw new Error(numbers.error.message)
    }
    insertPool(
      before,
      { carrier: 'YTO', kind: 'range', label: 'bought', createdAt: 0 },
      numbers.value
    )
    before.close()
    const core = start()
    expect(listPools(core.db).map((p) => p.label)).toEqual(['bought'])
  })

  test("real numbers for the demo's carrier retire the demo remainder: a real batch never draws DEMO", () => {
    const core = start()
    const numbers = expandRange('YT8962646785389', 3)
    if (!numbers.ok) {
      throw new Error(numbers.error.message)
    }
    const added = addPool(core.ctx, DEMO_POOL.carrier, 'range', 'bought', numbers.value)
    expect(added.ok).toBe(true)
    expect(availableCount(core.db, DEMO_POOL.carrier)).toBe(3)
    const demo = listPools(core.db).find((p) => p.label === DEMO_POOL.label)
    expect(demo).toMatchObject({ available: 0, voided: DEMO_POOL.size })
    const ids = seedOrders(core.db, 3, 'RL')
    const allocated = allocateChunk(core.ctx, ids, DEMO_POOL.carrier, '76x130')
    if (!allocated.ok) {
      throw new Error(allocated.error.message)
    }
    expect(allocated.value.map((p) => p.trackingNumber)).toEqual(numbers.value)
  })

  test("another carrier's pool leaves the demo alone", () => {
    const core = start()
    const numbers = expandRange('73610000000001', 3)
    if (!numbers.ok) {
      throw new Error(numbers.error.message)
    }
    expect(addPool(core.ctx, 'ZTO', 'range', 'zto', numbers.value).ok).toBe(true)
    expect(availableCount(core.db, DEMO_POOL.carrier)).toBe(DEMO_POOL.size)
  })
})
