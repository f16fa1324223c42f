/**
 * The crash test's victim: one run of the app's print path, as a separate process the parent
 * SIGKILLs at random points. It loads its modules, says `loaded`, and waits for `go` on stdin
 * (so the parent can warm the next victim while it checks the last one). Then it does what the
 * app does on start and on "print pending": opens the database, recovers the print records of
 * the previous run (recoverPrinting, the start-up call of openCore), and prints every pending
 * order through startPrintBatch → queueSink → the real print queue → TCP.
 *
 * argv: <dataDir> <printerId> <carrier>. Markers on stdout, one per line:
 * loaded, opened, started <accepted>, label <recordId>, done <accepted>, error <message>.
 *
 * MP_CHILD_KILL pins a kill to a point the parent's timer rarely hits (it is still a SIGKILL,
 * sent by the child to itself): `sending:N` right after the N-th label of this run is recorded
 * `sending` and before any of its bytes leave; `written:N` right after the N-th label's bytes
 * were handed to the kernel and before the record says `sent`; `allocating:N` and
 * `recording:N` inside the allocation and recording transactions (see killInsideStatements).
 */
import { mkdirSync } from 'node:fs'
import { Socket } from 'node:net'
import { join } from 'node:path'
import type { CoreContext } from '../../src/main/core/context'
import { openDatabase } from '../../src/main/core/db/connection'
import { pendingOrderIds } from '../../src/main/core/db/print-batch-repo'
import { createFileStore } from '../../src/main/core/files/file-store'
import { createFileLogger } from '../../src/main/core/log'
import { queueSink } from '../../src/main/core/manual-print/label-sink'
import { startPrintBatch } from '../../src/main/core/manual-print/run-batch'
import { recoverPrinting } from '../../src/main/core/printers/print-service'

const [dataDir = '', printerIdText = '', carrier = 'ZTO'] = process.argv.slice(2)

const [killMode = '', killAtText = '0'] = (process.env.MP_CHILD_KILL ?? '').split(':')
const killAt = Number(killAtText)

function say(line: string): void {
  process.stdout.write(`${line}\n`)
}

function killSelf(): never {
  // stdout to a pipe is synchronous on Linux: the parent sees where the kill landed.
  say(`kill ${killMode}:${String(killAt)}`)
  process.kill(process.pid, 'SIGKILL')
  throw new Error('unreachable')
}

/**
 * `allocating:N` / `recording:N`: SIGKILL just before the N-th pool number is taken (inside the
 * chunk's allocation transaction) or the N-th print record is inserted (inside the job's
 * recording transaction), by watching the statements better-sqlite3 runs.
 */
function killInsideStatements(db: { prepare: (sql: string) => object }): void {
  const marker =
    killMode === 'allocating'
      ? "UPDATE waybill_numbers SET state = 'allocated'"
      : killMode === 'recording'
        ? 'INSERT INTO print_records'
        : null
  if (marker === null) {
    return
  }
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as {
    get: (...args: unknown[]) => unknown
  }
  const original = proto.get
  let seen = 0
  proto.get = function get(this: { source: string }, ...args: unknown[]): unknown {
    if (this.source.includes(marker)) {
      seen += 1
      if (seen === killAt) {
        killSelf()
      }
    }
    return original.apply(this, args)
  }
}

if (killMode === 'written') {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- re-bound with apply below
  const original = Socket.prototype.write as (this: Socket, ...a: unknown[]) => boolean
  let labels = 0
  // Label bytes go out in one write with a callback (transports/tcp.ts); status queries are tiny.
  Socket.prototype.write = function write(this: Socket, ...args: unknown[]): boolean {
    const [chunk] = args
    const size = chunk instanceof Uint8Array ? chunk.byteLength : 0
    const callback = args.find((a): a is (error?: Error | null) => void => typeof a === 'function')
    if (size > 1000 && callback) {
      labels += 1
      if (labels === killAt) {
        const rest = args.map((a) => (a === callback ? () => killSelf() : a))
        return original.apply(this, rest)
      }
    }
    return original.apply(this, args)
  }
}

function waitForGo(): Promise<void> {
  if (process.env.MP_CHILD_WAIT !== '1') {
    return Promise.resolve()
  }
  return new Promise((resolve) => {
    let buffered = ''
    process.stdin.setEncoding('utf8')
    process.stdin.on('data', (chunk: string) => {
      buffered += chunk
      if (buffered.includes('go')) {
        process.stdin.pause()
        resolve()
      }
    })
  })
}

async function main(): Promise<void> {
  say('loaded')
  await waitForGo()
  mkdirSync(join(dataDir, 'logs'), { recursive: true })
  const db = openDatabase(join(dataDir, 'waybill.sqlite'))
  killInsideStatements(db)
  let jobsDone = 0
  let sending = 0
  let wakeJobs: (() => void) | null = null
  const ctx: CoreContext = {
    db,
    now: Date.now,
    actor: 'crash-child',
    station: `pid-${String(process.pid)}`,
    // The virtual printer always answers: a slow reply is the busy machine, not a fault.
    printerStatusTimeoutMs: 30_000,
    dataDir,
    files: createFileStore(join(dataDir, 'tmp')),
    log: createFileLogger(join(dataDir, 'logs', 'crash-child.log')),
    emit: (event, payload) => {
      if (event !== 'printing.progress' || !('type' in payload)) {
        return
      }
      if (payload.type === 'label' && payload.state === 'sending') {
        sending += 1
        if (killMode === 'sending' && sending === killAt) {
          killSelf()
        }
        say(`label ${String(payload.recordId)}`)
      } else if (payload.type === 'job' && payload.state !== 'queued') {
        jobsDone += 1
        wakeJobs?.()
      } else if (payload.type === 'paused') {
        say(`error paused: ${payload.reason}`)
        process.exit(3)
      }
    }
  }
  recoverPrinting(ctx)
  say('opened')
  const orderIds = pendingOrderIds(db, 5000)
  if (orderIds.length === 0) {
    say('done 0')
    process.exit(0)
  }
  const started = await startPrintBatch(ctx, queueSink(ctx), {
    orderIds,
    carrier,
    template: '76x130',
    printerId: Number(printerIdText),
    maskPrivacy: true
  })
  if (!started.ok) {
    say(`error ${started.error.message}`)
    process.exit(2)
  }
  say(`started ${String(started.value.accepted)}`)
  const finished = await started.value.finished
  if (finished.error !== null) {
    say(`error ${finished.error}`)
    process.exit(2)
  }
  const jobs = started.value.jobIds.length
  await new Promise<void>((resolve) => {
    wakeJobs = () => {
      if (jobsDone >= jobs) {
        resolve()
      }
    }
    wakeJobs()
  })
  say(`done ${String(started.value.accepted)}`)
  process.exit(0)
}

main().catch((error: unknown) => {
  say(`error ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exit(1)
})
