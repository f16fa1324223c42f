/**
 * One of the concurrency test's allocators: opens the shared database file and draws tracking
 * numbers for its orders with allocateChunk (one immediate transaction per chunk, busy_timeout
 * from openDatabase), in random chunk sizes, as fast as it can. Waits for `go` on stdin so all
 * allocators start together. argv: <dataDir> <seed> <orderId,orderId,…>. Prints one JSON line:
 * { allocated: [[orderId, packageId, trackingNumber, fresh], …] }.
 */
import { join } from 'node:path'
import type { CoreContext } from '../../src/main/core/context'
import { openDatabase } from '../../src/main/core/db/connection'
import { createFileStore } from '../../src/main/core/files/file-store'
import { createFileLogger } from '../../src/main/core/log'
import { allocateChunk } from '../../src/main/core/manual-print/batch'
import { seededRandom } from './manual-print-random'

const [dataDir = '', seedText = '1', idsText = ''] = process.argv.slice(2)

async function main(): Promise<void> {
  const ids = idsText.split(',').map(Number)
  const random = seededRandom(Number(seedText))
  const db = openDatabase(join(dataDir, 'waybill.sqlite'))
  const ctx: CoreContext = {
    db,
    now: Date.now,
    actor: 'alloc-child',
    station: `pid-${String(process.pid)}`,
    dataDir,
    files: createFileStore(join(dataDir, 'tmp')),
    log: createFileLogger(null),
    emit: () => undefined
  }
  process.stdout.write('loaded\n')
  await new Promise<void>((resolve) => {
    process.stdin.setEncoding('utf8')
    process.stdin.once('data', () => {
      process.stdin.pause()
      resolve()
    })
  })
  const allocated: [number, number, string, boolean][] = []
  for (let from = 0; from < ids.length;) {
    const size = 1 + Math.floor(random() * 20)
    const chunk = ids.slice(from, from + size)
    const result = allocateChunk(ctx, chunk, 'ZTO', '76x130')
    if (!result.ok) {
      throw new Error(result.error.message)
    }
    for (const a of result.value) {
      allocated.push([a.orderId, a.packageId, a.trackingNumber, a.fresh])
    }
    from += size
    // Let the others in between chunks, as a batch does between chunks, so they interleave.
    await new Promise((resolve) => setTimeout(resolve, random() < 0.5 ? 0 : 1))
  }
  db.close()
  process.stdout.write(`${JSON.stringify({ allocated })}\n`)
  // stdin (paused, still open) would keep the process alive.
  process.exit(0)
}

main().catch((error: unknown) => {
  process.stdout.write(
    `error ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exit(1)
})
