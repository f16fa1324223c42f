import { readFileSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { openCore, type Core } from '../../src/main/core/app'
import type { CoreContext } from '../../src/main/core/context'
import { sourceCommitWorker } from '../../src/main/core/import/commit-worker-source'
import {
  commitImportInWorker,
  ImportError,
  previewImport,
  type ImportPlan,
  type ImportProgress
} from '../../src/main/core/import'
import {
  countRows,
  generatedOrders,
  importContext,
  tempDir,
  writeCsv
} from '../support/import-fixtures'

const ORDERS = 20_000

let shared: ReturnType<typeof tempDir>
let csv: string
let plan: ImportPlan

beforeAll(async () => {
  shared = tempDir('wbs-commit-worker-')
  csv = shared.path('orders.csv')
  const { header, rows } = generatedOrders(ORDERS)
  writeCsv(csv, [header, ...rows])
  // A plan holds no database handle: one preview serves every test's fresh database.
  const reader = importContext()
  plan = await previewImport(reader, { file: csv })
  reader.db.close()
  expect(plan.preview.counts.new).toBe(ORDERS)
})

afterAll(() => {
  shared.remove()
})

let tmp: ReturnType<typeof tempDir>
let ctx: ReturnType<typeof importContext>
beforeEach(() => {
  tmp = tempDir('wbs-commit-worker-db-')
  ctx = importContext(tmp.path('waybill.sqlite'))
})
afterEach(() => {
  ctx.db.close()
  tmp.remove()
})

function withWorker(base: CoreContext, url?: URL): CoreContext {
  const entry = sourceCommitWorker()
  return { ...base, importCommitWorker: url ? { ...entry, url } : entry }
}

async function refusal(p: Promise<unknown>): Promise<ImportError> {
  try {
    await p
  } catch (error) {
    if (error instanceof ImportError) {
      return error
    }
    throw error
  }
  throw new Error('expected the commit to be refused')
}

describe('import commit in a worker thread', () => {
  test('writes every order in one transaction with progress while the host stays free', async () => {
    const seen: ImportProgress[] = []
    // Read on the host's own connection while the worker writes: one transaction shows nothing.
    const visibleMidway: number[] = []
    let ticks = 0
    const timer = setInterval(() => {
      ticks++
    }, 5)
    let done
    try {
      done = await commitImportInWorker(withWorker(ctx), plan, {
        onProgress: (p) => {
          seen.push(p)
          if (p.phase === 'writing' && p.rowsRead > 0 && p.rowsRead < ORDERS) {
            visibleMidway.push(countRows(ctx.db).orders)
          }
        }
      })
    } finally {
      clearInterval(timer)
    }
    expect(done.accepted).toBe(ORDERS)
    expect(countRows(ctx.db)).toMatchObject({ orders: ORDERS, audit: 1 })
    const writing = seen.filter((p) => p.phase === 'writing' && p.rowsRead > 0)
    expect(writing.length).toBeGreaterThan(10)
    expect(writing.every((p) => p.rowsTotal === ORDERS)).toBe(true)
    expect(writing.some((p) => p.rowsPerSecond > 0)).toBe(true)
    const counts = writing.map((p) => p.rowsRead)
    expect(counts).toEqual([...counts].sort((a, b) => a - b))
    expect(seen.at(-1)).toMatchObject({ phase: 'done', rowsRead: ORDERS })
    expect(visibleMidway.length).toBeGreaterThan(0)
    expect(visibleMidway.every((n) => n === 0)).toBe(true)
    // The host's timers ran during the commit: its event loop was not blocked.
    expect(ticks).toBeGreaterThan(5)
    // The host, not the worker, tells the UI which orders changed.
    expect(ctx.events.flatMap((e) => e.ids)).toHaveLength(ORDERS)
  })

  test('a commit cancelled after its first progress writes nothing and can run again', async () => {
    const controller = new AbortController()
    const seen: ImportProgress[] = []
    const error = await refusal(
      commitImportInWorker(withWorker(ctx), plan, {
        signal: controller.signal,
        onProgress: (p) => {
          seen.push(p)
          if (p.phase === 'writing' && p.rowsRead > 0) {
            controller.abort()
          }
        }
      })
    )
    expect(error.code).toBe('CANCELLED')
    expect(seen.some((p) => p.phase === 'writing' && p.rowsRead > 0)).toBe(true)
    expect(seen.some((p) => p.phase === 'done')).toBe(false)
    expect(countRows(ctx.db)).toEqual({ orders: 0, items: 0, audit: 0 })
    expect(ctx.events).toHaveLength(0)

    const again = await commitImportInWorker(withWorker(ctx), plan)
    expect(again.accepted).toBe(ORDERS)
    expect(countRows(ctx.db)).toMatchObject({ orders: ORDERS, audit: 1 })
  })

  test('without a worker entry, or when the worker cannot start, commits in-process', async () => {
    const missing = new URL('./no-such-commit-worker.ts', import.meta.url)
    const first = await commitImportInWorker(withWorker(ctx, missing), plan)
    expect(first.accepted).toBe(ORDERS)
    expect(countRows(ctx.db)).toMatchObject({ orders: ORDERS, audit: 1 })

    const again = await commitImportInWorker(ctx, plan)
    expect(again).toMatchObject({ accepted: 0, unchanged: ORDERS })
    expect(countRows(ctx.db)).toMatchObject({ orders: ORDERS, audit: 2 })
  })
})

describe('import.commit and import.cancel through the core', () => {
  let data: ReturnType<typeof tempDir>
  let core: Core
  beforeEach(() => {
    data = tempDir('wbs-commit-worker-core-')
    core = openCore({
      dataDir: data.dir,
      host: { host: 'cli', version: 'test' },
      importCommitWorker: sourceCommitWorker()
    })
  })
  afterEach(() => {
    core.close()
    data.remove()
  })

  test('cancel rolls the commit back and keeps the plan for another commit', async () => {
    const stored = await core.ctx.files.put('orders.csv', [readFileSync(csv)])
    const planId = 'plan-worker-cancel'
    const preview = await core.dispatch('import.preview', { planId, fileId: stored.fileId })
    expect(preview.ok).toBe(true)

    const writes: number[] = []
    const cancels: Promise<unknown>[] = []
    const unsubscribe = core.subscribe((event, payload) => {
      if (event === 'import.progress' && 'phase' in payload && payload.phase === 'writing') {
        writes.push(payload.rowsRead)
        if (payload.rowsRead > 0 && cancels.length === 0) {
          cancels.push(core.dispatch('import.cancel', { planId }))
        }
      }
    })
    const cancelled = await core.dispatch('import.commit', { planId, onDuplicate: 'skip' })
    unsubscribe()
    expect(cancels).toHaveLength(1)
    expect(await cancels[0]).toEqual({ ok: true, value: { cancelled: true } })
    expect(cancelled).toMatchObject({ ok: false, error: { details: { importCode: 'CANCELLED' } } })
    expect(writes.some((n) => n > 0)).toBe(true)
    expect(countRows(core.db)).toEqual({ orders: 0, items: 0, audit: 0 })

    const committed = await core.dispatch('import.commit', { planId, onDuplicate: 'skip' })
    expect(committed).toMatchObject({ ok: true, value: { accepted: ORDERS } })
    expect(countRows(core.db)).toMatchObject({ orders: ORDERS, audit: 1 })
  })
})
