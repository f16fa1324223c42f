import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase, type WritableDB } from '../db/connection'
import { describeFailure, type CommitJob, type CommitMessage } from './commit-in-worker'
import { writeImport } from './import-service'

/**
 * Entry of the import commit worker (see commitImportInWorker): opens its own connection to the
 * app database, writes the plan in one transaction, posts progress after every batch and then
 * the result or the error. The host logs and announces the import.
 */
function run(job: CommitJob, post: (message: CommitMessage) => void): void {
  const flag = new Int32Array(job.cancel)
  let db: WritableDB | undefined
  try {
    db = openDatabase(job.dbFile)
    post({ type: 'started' })
    const result = writeImport(
      { db, now: () => job.now, actor: job.actor, station: job.station },
      job.plan,
      {
        ...(job.onDuplicate ? { onDuplicate: job.onDuplicate } : {}),
        cancelled: () => Atomics.load(flag, 0) !== 0,
        onProgress: (progress) => {
          post({ type: 'progress', progress })
        }
      }
    )
    post({ type: 'done', result })
  } catch (error) {
    post({ type: 'error', error: describeFailure(error) })
  } finally {
    db?.close()
  }
}

const port = parentPort
if (port) {
  run(workerData as CommitJob, (message) => {
    port.postMessage(message)
  })
}
