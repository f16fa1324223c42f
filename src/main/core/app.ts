import { mkdirSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import type { EventName, EventPayload } from '../../shared/contract'
import { createDispatch, type Dispatch } from './api/dispatch'
import { createHandlers, type HostInfo } from './api/handlers'
import type { CoreContext } from './context'
import { openDatabase, type WritableDB } from './db/connection'
import { createFileLogger } from './log'

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
    log: createFileLogger(join(options.dataDir, 'logs', `${options.host.host}.log`)),
    emit: (event, payload) => {
      for (const listener of listeners) {
        listener(event, payload)
      }
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
      db.close()
    }
  }
}
