import type { EventName, EventPayload } from '../../shared/contract'
import type { WritableDB } from './db/connection'
import type { FileStore } from './files/file-store'
import type { Logger } from './log'

/**
 * Where the import commit worker's entry module is and how to start it. It differs by host
 * (TypeScript source under tsx, or electron-vite's built file), so hosts pass it in.
 */
export type WorkerEntry = {
  readonly url: URL | string
  readonly execArgv?: readonly string[]
}

/** What every core function gets: its dependencies as parameters, never globals (DESIGN §4). */
export type CoreContext = {
  readonly db: WritableDB
  readonly now: () => number
  readonly actor: string
  readonly station: string
  readonly dataDir: string
  /** Uploaded and generated files that cross the transport (<dataDir>/tmp). */
  readonly files: FileStore
  readonly log: Logger
  readonly emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void
  /** Absent: imports commit on the core's own thread (tests, the bench). */
  readonly importCommitWorker?: WorkerEntry
  /**
   * How long a label waits for the printer's status reply before the printer counts as silent
   * (absent: the queue's 2 s). Tests whose printers always answer pass a generous ceiling, so a
   * starved event loop on a busy machine is not mistaken for a printer fault.
   */
  readonly printerStatusTimeoutMs?: number
}
