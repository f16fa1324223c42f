import { insertPackage } from '../../src/main/core/db/packages-repo'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openCore, type Core } from '../../src/main/core/app'
import type { WritableDB } from '../../src/main/core/db/connection'
import type { NewOrder } from '../../src/main/core/db/orders-repo'
import {
  contract,
  type MethodInput,
  type MethodName,
  type MethodOutput
} from '../../src/shared/contract'
import type { AppError } from '../../src/shared/result'

/** A fresh folder under the OS temp dir; `remove` deletes it and everything in it. */
export function makeTempDir(prefix = 'wb-test-'): {
  readonly dir: string
  readonly remove: () => void
} {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export type TestCore = {
  readonly core: Core
  readonly dataDir: string
  /** Closes the core (if still open) and deletes its data folder. */
  readonly dispose: () => void
}

/** The real core (real SQLite file, real logger) on a throw-away data folder. */
export function openTestCore(
  options: {
    readonly now?: () => number
    readonly host?: 'electron' | 'browser' | 'cli'
    /** A ceiling for printers that always answer (see CoreContext.printerStatusTimeoutMs). */
    readonly printerStatusTimeoutMs?: number
  } = {}
): TestCore {
  const temp = makeTempDir('wb-core-')
  const core = openCore({
    dataDir: temp.dir,
    host: { host: options.host ?? 'cli', version: '0.0.0-test' },
    actor: 'tester',
    station: 'bench-1',
    ...(options.now ? { now: options.now } : {}),
    ...(options.printerStatusTimeoutMs !== undefined
      ? { printerStatusTimeoutMs: options.printerStatusTimeoutMs }
      : {})
  })
  let open = true
  return {
    core,
    dataDir: temp.dir,
    dispose: () => {
      if (open) {
        open = false
        core.close()
      }
      temp.remove()
    }
  }
}

export type OrderAddInput = MethodInput<'orders.add'>

/** A valid `orders.add` payload (manual numbering unless `platformOrderId` is given). */
export function validOrderInput(overrides: Partial<OrderAddInput> = {}): OrderAddInput {
  return {
    receiver: {
      name: '张三',
      phone: '13812341234',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 478 号华星时代广场 A 座 1205 室'
    },
    items: [{ sku: 'TS-WH-XL', title: '纯棉短袖T恤 白色 XL', quantity: 2, unitWeightG: 180 }],
    ...overrides
  }
}

/** A row for `insertOrders`, for tests that need many orders fast (bypasses the service). */
export function newOrderRow(
  platformOrderId: string,
  overrides: Partial<Omit<NewOrder, 'receiver'>> & {
    readonly receiver?: Partial<NewOrder['receiver']>
  } = {}
): NewOrder {
  const { receiver, ...rest } = overrides
  return {
    shopId: 1,
    platformOrderId,
    status: 'pending',
    remark: '',
    createdAt: 1_700_000_000_000,
    paidAt: null,
    updatedAt: 1_700_000_000_000,
    items: [
      {
        sku: 'SK-1',
        title: '运动袜 三双装',
        quantity: 1,
        unitWeightG: 100,
        warehouse: null,
        temperatureZone: 'ambient'
      }
    ],
    ...rest,
    receiver: {
      name: '李四',
      phone: '13900001111',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      detail: '科技园南区 1 号',
      ...receiver
    }
  }
}

/**
 * Simulates printing: a package row with a tracking number, written straight through SQL the way
 * the print flow will (the FTS triggers must pick it up).
 */
export function insertTrackedPackage(
  db: WritableDB,
  orderId: number,
  trackingNumber: string,
  options: { readonly carrier?: string; readonly sequence?: number } = {}
): number {
  const sequence = options.sequence ?? 1
  const id = insertPackage(db, {
    orderId,
    sequence,
    role: sequence === 1 ? 'first' : 'split',
    carrier: options.carrier ?? 'SF',
    trackingNumber,
    template: null,
    createdAt: 1_700_000_000_000
  })
  db.prepare(`UPDATE packages SET print_state = 'printed' WHERE id = ?`).run(id)
  return id
}

/** `count(*)` of one table; the name must be a literal from the test, never input. */
export function countRowsOf(db: WritableDB, table: string): number {
  const row = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()
  return row?.n ?? 0
}

/** Calls the core like a host does and returns the value, checked against the contract's output schema. */
export async function callOk<M extends MethodName>(
  core: Core,
  method: M,
  input: MethodInput<M>
): Promise<MethodOutput<M>> {
  const result = await core.dispatch(method, input)
  if (!result.ok) {
    throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  }
  return contract[method].output.parse(result.value) as MethodOutput<M>
}

/** Calls the core with any payload and returns the error it must answer with (fails if it succeeded). */
export async function callErr(core: Core, method: string, payload: unknown): Promise<AppError> {
  const result = await core.dispatch(method, payload)
  if (result.ok) {
    throw new Error(`${method} unexpectedly succeeded: ${JSON.stringify(result.value)}`)
  }
  return result.error
}
