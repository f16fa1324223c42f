import { mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { EventName, EventPayload } from '../../shared/contract'
import { createDispatch, type Dispatch } from './api/dispatch'
import { createHandlers, type HostInfo } from './api/handlers'
import type { CoreContext, WorkerEntry } from './context'
import { openDatabase, type WritableDB } from './db/connection'
import { createFileStore } from './files/file-store'
import { createFileLogger } from './log'
import { closePrinting, claimPrintingStation } from './printers/print-service'
import { ensureDemoPool } from './waybills/pool-service'

export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void

export type Core = {
  readonly ctx: CoreContext
  readonly db: WritableDB
  readonly dispatch: Dispatch
  readonly subscribe: (listener: CoreEventListener) => () => void
  readonly close: () => void
}

export type CoreOptions = {
  readonly dataDir: string
  readonly host: HostInfo
  readonly now?: () => number
  readonly actor?: string
  readonly station?: string
  /** Runs import commits in a worker thread so the host stays responsive; see WorkerEntry. */
  readonly importCommitWorker?: WorkerEntry
  /** See CoreContext.printerStatusTimeoutMs. */
  readonly printerStatusTimeoutMs?: number
}

export const DATABASE_FILE = 'waybill.sqlite'

/** Builds the application core; all three hosts (Electron, browser mode, CLI) call this. */
export function openCore(options: CoreOptions): Core {
  mkdirSync(options.dataDir, { recursive: true })
  mkdirSync(join(options.dataDir, 'logs'), { recursive: true })
  const db = openDatabase(join(options.dataDir, DATABASE_FILE))
  const listeners = new Set<CoreEventListener>()
  const ctx: CoreContext = {
    db,
    now: options.now ?? Date.now,
    actor: options.actor ?? 'packer',
    station: options.station ?? hostname(),
    dataDir: options.dataDir,
    files: createFileStore(join(options.dataDir, 'tmp')),
    log: createFileLogger(join(options.dataDir, 'logs', `${options.host.host}.log`)),
    emit: (event, payload) => {
      for (const listener of listeners) {
        listener(event, payload)
      }
    },
    ...(options.importCommitWorker ? { importCommitWorker: options.importCommitWorker } : {}),
    ...(options.printerStatusTimeoutMs !== undefined
      ? { printerStatusTimeoutMs: options.printerStatusTimeoutMs }
      : {})
  }
  // DESIGN §4 embedded defaults beside the migration's preview printer and manual shop.
  ensureDemoPool(db, ctx.now())
  // Uploads and exports of earlier runs: removed in the background, nothing waits on it.
  ctx.files.clean().catch((error: unknown) => {
    ctx.log.error('cleaning old files failed', { error: String(error) })
  })
  // The app claims the printing station at start, so a crash's leftovers are settled before the
  // packer sees anything: labels left queued failed, those left `sending` wait for the user. The
  // CLI claims it only when it prints (it may run beside the app, whose queued labels are alive).
  if (options.host.host !== 'cli') {
    const claimed = claimPrintingStation(ctx)
    if (claimed.ok && claimed.value.recovered > 0) {
      ctx.log.info('labels await confirmation after restart', { count: claimed.value.recovered })
    }
  }
  return {
    ctx,
    db,
    dispatch: createDispatch(ctx, createHandlers(options.host)),
    subscribe: (listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    close: () => {
      listeners.clear()
      // Queues stop after the label in flight; one still sending when the database closes stays
      // `sending` and is shown for confirmation on the next start (invariant 4).
      closePrinting(ctx).catch((error: unknown) => {
        ctx.log.error('closing printers failed', { error: String(error) })
      })
      db.close()
    }
  }
}
