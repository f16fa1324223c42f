/**
 * The batch-append crash test's victim: commits a previewed batch through the app's own path
 * (commitAppendBatch) and SIGKILLs itself inside the commit's transaction, just before the
 * statement matching APPEND_KILL_AT (`<sql fragment>:<n>`, the n-th run of it) executes.
 * argv: <dataDir> <batchId> <now ms>. Markers on stdout: `opened`, `kill <where>`, `done <json>`.
 */
import { join } from 'node:path'
import type { CoreContext } from '../../src/main/core/context'
import { openDatabase } from '../../src/main/core/db/connection'
import { createFileStore } from '../../src/main/core/files/file-store'
import { createFileLogger } from '../../src/main/core/log'
import { commitAppendBatch } from '../../src/main/core/packages/append-batch'

const [dataDir = '', batchIdText = '0', nowText = '0'] = process.argv.slice(2)
const spec = process.env.APPEND_KILL_AT ?? ''
const cut = spec.lastIndexOf(':')
const marker = spec.slice(0, cut)
const killAt = Number(spec.slice(cut + 1))

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

const db = openDatabase(join(dataDir, 'waybill.sqlite'))
const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as {
  run: (...args: unknown[]) => unknown
}
const original = proto.run
let seen = 0
proto.run = function run(this: { source: string }, ...args: unknown[]): unknown {
  if (marker !== '' && this.source.includes(marker)) {
    seen += 1
    if (seen === killAt) {
      // stdout to a pipe is synchronous on Linux: the parent sees where the kill landed.
      say(`kill ${spec}`)
      process.kill(process.pid, 'SIGKILL')
    }
  }
  return original.apply(this, args)
}

const ctx: CoreContext = {
  db,
  now: () => Number(nowText),
  actor: 'crash-child',
  station: `pid-${String(process.pid)}`,
  dataDir,
  files: createFileStore(join(dataDir, 'tmp')),
  log: createFileLogger(null),
  emit: () => undefined
}
say('opened')
const done = commitAppendBatch(ctx, Number(batchIdText))
say(`done ${JSON.stringify({ accepted: done?.accepted ?? null })}`)
db.close()
