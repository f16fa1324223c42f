import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import type { WorkerEntry } from '../context'

/**
 * The import commit worker as the hosts that run from TypeScript source start it (browser mode,
 * the CLI, tests): the .ts entry, loaded through tsx. tsx is resolved from here, not from the
 * working directory, so it is found wherever the process was started.
 */
export function sourceCommitWorker(): WorkerEntry {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  return { url: new URL('./commit-worker.ts', import.meta.url), execArgv: ['--import', tsx] }
}
