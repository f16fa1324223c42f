import { Worker } from 'node:worker_threads'
import type { CoreContext } from '../context'
import {
  announceImport,
  cancelledError,
  commitImport,
  type CommitOptions,
  type CommitResult,
  type ImportPlan
} from './import-service'
import { ImportError, type ImportErrorCode } from './reasons'
import type { ImportProgress, OnDuplicate } from './types'

/** What the host hands a commit worker (structured-cloned, except the shared cancel flag). */
export type CommitJob = {
  readonly dbFile: string
  readonly plan: ImportPlan
  readonly actor: string
  readonly station: string
  /** The host's clock, read once: the worker stamps the import with it. */
  readonly now: number
  readonly onDuplicate: OnDuplicate | undefined
  /** One Int32; non-zero asks the worker to roll back at its next batch. */
  readonly cancel: SharedArrayBuffer
}

export type CommitFailure =
  | {
      readonly kind: 'import'
      readonly code: ImportErrorCode
      readonly message: string
      readonly messageZh: string
    }
  | { readonly kind: 'other'; readonly message: string; readonly stack: string | undefined }

export type CommitMessage =
  | { readonly type: 'started' }
  | { readonly type: 'progress'; readonly progress: ImportProgress }
  | { readonly type: 'done'; readonly result: CommitResult }
  | { readonly type: 'error'; readonly error: CommitFailure }

export function describeFailure(error: unknown): CommitFailure {
  if (error instanceof ImportError) {
    return { kind: 'import', code: error.code, message: error.message, messageZh: error.messageZh }
  }
  return error instanceof Error
    ? { kind: 'other', message: error.message, stack: error.stack }
    : { kind: 'other', message: String(error), stack: undefined }
}

function revive(failure: CommitFailure): Error {
  if (failure.kind === 'import') {
    return new ImportError(failure.code, failure.message, failure.messageZh)
  }
  const error = new Error(failure.message)
  if (failure.stack !== undefined) {
    error.stack = failure.stack
  }
  return error
}

/**
 * {@link commitImport} on a worker thread with its own connection to the same database file
 * (WAL), so the host's event loop keeps serving the UI during a 100k-order commit. Still one
 * transaction: cancelling through `signal` sets a shared flag the worker reads after every batch,
 * and it rolls back. Progress arrives through `onProgress` as in-process. Without a worker entry
 * (or with an in-memory database), or when the worker does not start, commits in-process.
 */
export function commitImportInWorker(
  ctx: CoreContext,
  plan: ImportPlan,
  options: CommitOptions = {}
): Promise<CommitResult> {
  const entry = ctx.importCommitWorker
  const dbFile = ctx.db.name
  const inProcess = (): Promise<CommitResult> => {
    try {
      return Promise.resolve(commitImport(ctx, plan, options))
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)))
    }
  }
  if (!entry || dbFile === ':memory:' || dbFile === '') {
    return inProcess()
  }
  if (options.signal?.aborted) {
    return Promise.reject(cancelledError())
  }
  const cancel = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)
  const flag = new Int32Array(cancel)
  const job: CommitJob = {
    dbFile,
    // The preview's rejected rows are the UI's; the commit rebuilds its own from baseRejected.
    plan: { ...plan, preview: { ...plan.preview, rejected: [] } },
    actor: ctx.actor,
    station: ctx.station,
    now: ctx.now(),
    onDuplicate: options.onDuplicate,
    cancel
  }
  const fallBack = (error: unknown): Promise<CommitResult> => {
    ctx.log.error('import commit worker did not start; committing in-process', {
      error: String(error)
    })
    return inProcess()
  }
  let worker: Worker
  try {
    worker = new Worker(entry.url, {
      workerData: job,
      ...(entry.execArgv ? { execArgv: [...entry.execArgv] } : {})
    })
  } catch (error) {
    return fallBack(error)
  }
  const onAbort = () => {
    Atomics.store(flag, 0, 1)
  }
  options.signal?.addEventListener('abort', onAbort, { once: true })
  return new Promise<CommitResult>((resolve, reject) => {
    let started = false
    let settled = false
    const settle = (run: () => void) => {
      if (!settled) {
        settled = true
        options.signal?.removeEventListener('abort', onAbort)
        run()
      }
    }
    // Before `started` nothing has been opened for writing, so the in-process commit is safe.
    const failed = (error: unknown) => {
      settle(() => {
        if (started) {
          reject(error instanceof Error ? error : new Error(String(error)))
        } else {
          fallBack(error).then(resolve, reject)
        }
      })
    }
    worker.on('message', (message: CommitMessage) => {
      switch (message.type) {
        case 'started':
          started = true
          break
        case 'progress':
          if (!settled) {
            options.onProgress?.(message.progress)
          }
          break
        case 'done':
          settle(() => {
            announceImport(ctx, plan, message.result)
            resolve(message.result)
          })
          break
        case 'error':
          failed(revive(message.error))
          break
      }
    })
    worker.on('error', failed)
    worker.on('exit', (code) => {
      failed(new Error(`The import commit worker stopped (exit code ${String(code)})`))
    })
  })
}
