/**
 * Issue 5's crash test (invariants 1–4). A child process prints a 500-label batch through the
 * app's real path (startPrintBatch → queueSink → print queue → TCP) to a virtual printer that
 * runs here, in the parent; the parent SIGKILLs the child at random points — while it opens and
 * recovers, while it allocates and records, while labels are leaving — and then restarts it,
 * which must reuse the numbers already drawn and never draw a second one. After every kill the
 * parent opens the database and proves:
 *  1. no tracking number on two packages; pool numbers used == packages with numbers;
 *  2. no package with two numbers, no order with two live first packages;
 *  3. every label the printer printed maps (by the sha256 of its bytes) to a print record;
 *  4. after the restart's recovery, no record is `queued`, the `sending` ones are exactly what
 *     recoverAfterRestart reports for confirmation, and a label waiting for confirmation never
 *     comes out again until the user says it did not print.
 * The user answers confirmations by looking at the printer; sometimes (seeded) a cautious user
 * says "not printed" about a label that did print — the only way a duplicate may appear.
 *
 * MP_CRASH_SEED replays a run; MP_CRASH_KILLS sets the number of kills (default 50).
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { openDatabase, type WritableDB } from '../../../src/main/core/db/connection'
import type { PrinterRow } from '../../../src/main/core/db/printers-repo'
import { insertPool } from '../../../src/main/core/db/waybill-pools-repo'
import { confirm, recoverAfterRestart } from '../../../src/main/core/printing'
import { expandRange } from '../../../src/main/core/waybills/pool-service'
import { makeTempDir } from '../../support/core-fixtures'
import {
  addTcpPrinter,
  labelHash,
  numberInvariants,
  seedOrders,
  seededRandom
} from '../../support/manual-print-fixtures'
import { type Bundle, type Child, bundleChild, spawnChild } from '../../support/manual-print-spawn'
import { readWithZxing } from '../../support/printing-barcode-reader'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

const SEED = Number(process.env.MP_CRASH_SEED ?? String(Date.now() % 1_000_000_007))
const KILLS = Number(process.env.MP_CRASH_KILLS ?? '50')
const BATCH = 500
const NOT_PRINTED_BY_USER = 'not printed (confirmed by user)'

type RecordRow = {
  id: number
  package_id: number
  tracking_number: string
  state: string
  bytes_hash: string
  error: string | null
}

let temp: ReturnType<typeof makeTempDir>
let bundle: Bundle
let vp: VirtualPrinter
let db: WritableDB
let printer: PrinterRow

beforeAll(async () => {
  temp = makeTempDir('wb-mp-crash-')
  mkdirSync(join(temp.dir, 'logs'), { recursive: true })
  bundle = bundleChild('test/support/manual-print-crash-child.ts')
  vp = await startVirtualPrinter({ language: 'tspl' })
  db = openDatabase(join(temp.dir, 'waybill.sqlite'))
  printer = addTcpPrinter(db, vp.uri)
})

afterAll(async () => {
  db.close()
  await vp.close()
  bundle.remove()
  temp.remove()
})

const FIRST_WAVE = 200
const WAVE = 30

/** A round: its pool of 500 numbers now; its orders arrive in waves while the packer prints. */
function addRound(round: number): void {
  const numbers = expandRange(`7361${String(round).padStart(2, '0')}00000001`, BATCH)
  if (!numbers.ok) {
    throw new Error(numbers.error.message)
  }
  const pool = insertPool(
    db,
    { carrier: 'ZTO', kind: 'range', label: `crash ${String(round)}`, createdAt: Date.now() },
    numbers.value
  )
  if ('duplicates' in pool) {
    throw new Error('pool overlaps')
  }
}

function addOrders(round: number, from: number, count: number): void {
  seedOrders(db, count, `CR${String(round)}-`, () => ({}), from)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

async function linksClosed(): Promise<void> {
  for (let i = 0; i < 200 && vp.openLinks() > 0; i++) {
    await sleep(10)
  }
  expect(vp.openLinks()).toBe(0)
}

test(`SIGKILL at random points of a ${String(BATCH)}-label batch, ${String(KILLS)}+ times: invariants 1–4 hold after every restart`, async () => {
  process.stdout.write(`manual-print crash test: seed ${String(SEED)}, kills ${String(KILLS)}\n`)
  const random = seededRandom(SEED)
  let round = 1
  let seeded = FIRST_WAVE
  addRound(round)
  addOrders(round, 1, FIRST_WAVE)

  /** Labels that came out, by tracking number (hash-matched to their print records). */
  const printedCount = new Map<string, number>()
  const printedHashes = new Map<string, number>()
  let matched = 0
  /** Records waiting for the user: how often their number had printed when they became pending. */
  const pending = new Map<number, { trackingNumber: string; printedAtCrash: number }>()
  const stats = {
    kills: 0,
    killsBeforeOpen: 0,
    killsAllocating: 0,
    killsPrinting: 0,
    killsAtSending: 0,
    killsAfterWrite: 0,
    killsInAllocationTx: 0,
    killsInRecordingTx: 0,
    leftSending: 0,
    leftQueued: 0,
    confirmedPrinted: 0,
    confirmedNotPrinted: 0,
    cautiousNotPrinted: 0,
    restarts: 0
  }
  const violations: string[] = []
  const timing = {
    child: 0,
    check: 0,
    links: 0,
    absorb: 0,
    numbers: 0,
    recover: 0,
    started: Date.now()
  }

  // Records whose bytes were made (queued ones have no hash yet), by hash; reloaded per check.
  let byHash = new Map<string, RecordRow[]>()
  const loadHashes = (): void => {
    byHash = new Map()
    for (const r of db
      .prepare<[], RecordRow>("SELECT * FROM print_records WHERE bytes_hash <> ''")
      .all()) {
      byHash.set(r.bytes_hash, [...(byHash.get(r.bytes_hash) ?? []), r])
    }
  }
  const hashToRecords = (hash: string): RecordRow[] => byHash.get(hash) ?? []

  /** Invariant 3 for labels that came out since the last check. */
  const absorbPrinted = (): void => {
    loadHashes()
    for (; matched < vp.printed.length; matched++) {
      const label = vp.printed[matched]
      if (!label) {
        break
      }
      const hash = labelHash(label.bitmap, printer)
      printedHashes.set(hash, (printedHashes.get(hash) ?? 0) + 1)
      const records = hashToRecords(hash)
      const record = records[0]
      if (!record) {
        violations.push(`label #${String(matched)} came out with no print record`)
        continue
      }
      if (records.some((r) => r.state === 'queued' || r.state === 'voided')) {
        violations.push(`label #${String(matched)} came out but its record is ${record.state}`)
      }
      const tn = record.tracking_number
      printedCount.set(tn, (printedCount.get(tn) ?? 0) + 1)
    }
  }

  /** The user at the bench looks at the printer and answers each label waiting for confirmation. */
  const userConfirms = (): void => {
    for (const recordId of [...pending.keys()]) {
      const record = db
        .prepare<[number], RecordRow>('SELECT * FROM print_records WHERE id = ?')
        .get(recordId)
      if (!record) {
        violations.push(`pending record ${String(recordId)} vanished`)
        continue
      }
      // Did this label come out? Count the labels with its bytes, less those other records
      // with the same bytes (a reprint in the same minute renders the same) account for.
      const sameBytesPrinted = hashToRecords(record.bytes_hash).filter(
        (r) => r.id !== recordId && (r.state === 'sent' || r.state === 'confirmed')
      ).length
      const cameOut = (printedHashes.get(record.bytes_hash) ?? 0) > sameBytesPrinted
      let printed = cameOut
      if (cameOut && random() < 0.25) {
        printed = false
        stats.cautiousNotPrinted += 1
      }
      confirm(db, recordId, printed, Date.now())
      if (printed) {
        stats.confirmedPrinted += 1
      } else {
        stats.confirmedNotPrinted += 1
      }
      pending.delete(recordId)
    }
  }

  /** Everything the parent asserts after a child ended (killed or not), then the restart's recovery. */
  const checkAfterStop = async (): Promise<void> => {
    let at = Date.now()
    await linksClosed()
    timing.links += Date.now() - at
    at = Date.now()
    absorbPrinted()
    timing.absorb += Date.now() - at
    at = Date.now()
    const numbers = numberInvariants(db)
    timing.numbers += Date.now() - at
    violations.push(...numbers.violations)
    for (const [recordId, info] of pending) {
      if ((printedCount.get(info.trackingNumber) ?? 0) !== info.printedAtCrash) {
        violations.push(
          `record ${String(recordId)} (${info.trackingNumber}) awaited confirmation but printed again`
        )
      }
    }
    const queued = db
      .prepare<[], { id: number }>("SELECT id FROM print_records WHERE state = 'queued'")
      .all()
      .map((r) => r.id)
    const sending = db
      .prepare<[], RecordRow>("SELECT * FROM print_records WHERE state = 'sending' ORDER BY id")
      .all()
    stats.leftQueued += queued.length
    stats.leftSending += sending.filter((r) => !pending.has(r.id)).length

    // The restart: the start-up recovery every host but the CLI runs (openCore → recoverPrinting).
    const recoverAt = Date.now()
    const recovered = recoverAfterRestart(db, Date.now())
    timing.recover += Date.now() - recoverAt
    stats.restarts += 1
    const recoveredIds = recovered.map((r) => r.id)
    if (JSON.stringify(recoveredIds) !== JSON.stringify(sending.map((r) => r.id))) {
      violations.push(
        `recoverAfterRestart reported ${JSON.stringify(recoveredIds)}, sending were ${JSON.stringify(sending.map((r) => r.id))}`
      )
    }
    for (const id of queued) {
      const after = db
        .prepare<[number], RecordRow>('SELECT * FROM print_records WHERE id = ?')
        .get(id)
      if (after?.state !== 'failed') {
        violations.push(`queued record ${String(id)} is ${String(after?.state)} after recovery`)
      }
    }
    const indefinite = db
      .prepare<[], { id: number; print_state: string }>(
        `SELECT p.id, p.print_state FROM packages p WHERE
             p.print_state = 'queued'
             OR (p.print_state = 'printing' AND NOT EXISTS (
               SELECT 1 FROM print_records r WHERE r.package_id = p.id AND r.state = 'sending'))
             OR (p.print_state = 'printed' AND NOT EXISTS (
               SELECT 1 FROM print_records r WHERE r.package_id = p.id AND r.state IN ('sent', 'confirmed')))`
      )
      .all()
    for (const p of indefinite) {
      violations.push(`package ${String(p.id)} is ${p.print_state} with no record to show for it`)
    }
    for (const r of recovered) {
      if (!pending.has(r.id)) {
        pending.set(r.id, {
          trackingNumber: r.trackingNumber,
          printedAtCrash: printedCount.get(r.trackingNumber) ?? 0
        })
      }
    }
    if (violations.length > 0) {
      throw new Error(
        `seed ${String(SEED)}, after kill ${String(stats.kills)}:\n${violations.slice(0, 20).join('\n')}`
      )
    }
  }

  const args = [temp.dir, String(printer.id), 'ZTO']
  type Plan = {
    readonly kind: 'timer' | 'early' | 'sending' | 'written' | 'allocating' | 'recording'
    readonly n: number
  }
  const warm: { child: Child; plan: Plan }[] = []
  const remainingLabels = (): number =>
    db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM packages p
             WHERE p.order_id = o.id AND p.role = 'first' AND p.print_state IN ('printed', 'printing'))`
      )
      .get()?.n ?? 0
  const withoutNumber = (): number =>
    db
      .prepare<[], { n: number }>(
        `SELECT count(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM packages p
             WHERE p.order_id = o.id AND p.tracking_number IS NOT NULL)`
      )
      .get()?.n ?? 0
  /** About the same number of labels per kill, so the kills spread over the whole batch. */
  const target = (): number =>
    Math.max(
      1,
      (remainingLabels() + BATCH - seeded) / Math.max(1, KILLS - stats.kills - warm.length + 3)
    )
  const prewarm = (): void => {
    while (warm.length < 1) {
      const r = random()
      const fresh = withoutNumber() + (seeded < BATCH ? WAVE : 0)
      let plan: Plan
      if (r < 0.12) {
        plan = { kind: 'early', n: 0 }
      } else if (r < 0.34) {
        plan = { kind: 'timer', n: 0 }
      } else if (r < 0.52) {
        plan = { kind: 'sending', n: 1 + Math.floor(random() * Math.ceil(2 * target())) }
      } else if (r < 0.66) {
        plan = { kind: 'written', n: 1 + Math.floor(random() * Math.ceil(2 * target())) }
      } else if (r < 0.8 || fresh === 0) {
        plan = { kind: 'recording', n: 1 + Math.floor(random() * Math.max(1, remainingLabels())) }
      } else {
        plan = { kind: 'allocating', n: 1 + Math.floor(random() * fresh) }
      }
      const env: Record<string, string> = { MP_CHILD_WAIT: '1' }
      if (plan.kind !== 'timer' && plan.kind !== 'early') {
        env.MP_CHILD_KILL = `${plan.kind}:${String(plan.n)}`
      }
      warm.push({ child: spawnChild(bundle, args, env), plan })
    }
  }

  // ---- Kill phase.
  // Timer kills land at a random time after the batch started, scaled by the measured label
  // pace so each kill costs about `target()` labels; early kills land in the first 300 ms after
  // the restart (opening, recovery, allocation and recording of the first chunks).
  let msPerLabel = 60
  prewarm()
  while (stats.kills < KILLS) {
    const next = warm.shift()
    if (!next) {
      throw new Error('no warm child')
    }
    const { child, plan } = next
    await child.waitFor('loaded', 120_000)
    const before = vp.printed.length
    const goal = target()
    const wentAt = Date.now()
    child.process.stdin?.write('go\n')
    const startedAt = child.waitFor('started', 120_000).then(
      () => Date.now(),
      () => null
    )
    let delay = 0
    let outcome: 'timer' | 'exited' = 'exited'
    if (plan.kind === 'early') {
      delay = random() * 150
      outcome = await Promise.race([
        sleep(delay).then(() => 'timer' as const),
        child.exited.then(() => 'exited' as const)
      ])
    } else if (plan.kind !== 'sending' && plan.kind !== 'written') {
      // A timer kill; for allocating/recording only a fallback if that point never comes.
      delay = (plan.kind === 'timer' ? random() : 1) * 2 * goal * msPerLabel
      outcome = await Promise.race([
        startedAt.then(() => sleep(delay)).then(() => 'timer' as const),
        child.exited.then(() => 'exited' as const)
      ])
    }
    if (outcome === 'timer') {
      child.process.kill('SIGKILL')
    }
    const { code, signal } = await child.exited
    const printingFrom = await Promise.race([startedAt, Promise.resolve(null)])
    const progress = vp.printed.length - before
    if (printingFrom !== null && progress >= 3) {
      msPerLabel = 0.7 * msPerLabel + (0.3 * (Date.now() - printingFrom)) / progress
    }
    if (signal === 'SIGKILL') {
      stats.kills += 1
      if (child.has('kill sending')) {
        stats.killsAtSending += 1
      } else if (child.has('kill written')) {
        stats.killsAfterWrite += 1
      } else if (child.has('kill allocating')) {
        stats.killsInAllocationTx += 1
      } else if (child.has('kill recording')) {
        stats.killsInRecordingTx += 1
      } else if (!child.has('opened')) {
        stats.killsBeforeOpen += 1
      } else if (!child.has('started')) {
        stats.killsAllocating += 1
      } else {
        stats.killsPrinting += 1
      }
    } else if (code !== 0) {
      throw new Error(
        `child failed (${String(code)}): ${child.lines.join(' | ')} ${child.stderr()}`
      )
    }
    timing.child += Date.now() - wentAt
    const checkAt = Date.now()
    prewarm()
    await checkAfterStop()
    timing.check += Date.now() - checkAt
    if (process.env.MP_CRASH_DEBUG === '1') {
      process.stdout.write(
        `${plan.kind}:${String(plan.n)} goal ${goal.toFixed(1)} pace ${msPerLabel.toFixed(0)} delay ${delay.toFixed(0)} ran ${String(Date.now() - wentAt)}ms +${String(vp.printed.length - before)} labels ${child.lines.filter((l) => !l.startsWith('label')).join(',')}\n`
      )
    }
    if (random() < 0.4) {
      userConfirms()
    }
    if (seeded < BATCH) {
      const count = Math.min(WAVE, BATCH - seeded)
      addOrders(round, seeded + 1, count)
      seeded += count
    } else if (remainingLabels() === 0 && stats.kills < KILLS) {
      userConfirms()
      if (remainingLabels() === 0) {
        round += 1
        addRound(round)
        addOrders(round, 1, FIRST_WAVE)
        seeded = FIRST_WAVE
      }
    }
  }

  // ---- Finish: the rest of the orders arrive; the user answers every label waiting for
  // confirmation, then prints pending until nothing is left.
  if (seeded < BATCH) {
    addOrders(round, seeded + 1, BATCH - seeded)
    seeded = BATCH
  }
  for (const { child } of warm) {
    child.process.kill('SIGKILL')
    await child.exited
  }
  for (let pass = 0; pass < 6; pass++) {
    userConfirms()
    if (remainingLabels() === 0) {
      break
    }
    const child = spawnChild(bundle, args, { MP_CHILD_WAIT: '1' })
    await child.waitFor('loaded')
    child.process.stdin?.write('go\n')
    const { code } = await child.exited
    if (code !== 0) {
      throw new Error(
        `child failed (${String(code)}): ${child.lines.join(' | ')} ${child.stderr()}`
      )
    }
    await checkAfterStop()
  }
  expect(pending.size).toBe(0)

  // ---- Every order: exactly one package, one number, printed; every number printed at least once.
  const orders = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM orders').get()?.n ?? 0
  expect(orders).toBe(BATCH * round)
  const perOrder = db
    .prepare<[], { order_id: number; n: number; numbers: number; printed: number }>(
      `SELECT o.id AS order_id, count(p.id) AS n, count(p.tracking_number) AS numbers,
           sum(p.print_state = 'printed') AS printed
         FROM orders o LEFT JOIN packages p ON p.order_id = o.id GROUP BY o.id`
    )
    .all()
  expect(perOrder.filter((r) => r.n !== 1 || r.numbers !== 1 || r.printed !== 1)).toEqual([])
  const final = numberInvariants(db)
  expect(final.violations).toEqual([])
  expect(final.allocated).toBe(orders)
  const trackingNumbers = db
    .prepare<[], { t: string }>('SELECT tracking_number AS t FROM packages')
    .all()
    .map((r) => r.t)
  expect(trackingNumbers.filter((t) => (printedCount.get(t) ?? 0) < 1)).toEqual([])
  expect(vp.rejected).toEqual([])
  expect(vp.unknown).toEqual([])

  // Duplicates only where the user said "not printed" about that number, at most once each.
  const notPrintedByUser = new Map<string, number>()
  for (const r of db
    .prepare<[string], { t: string; n: number }>(
      'SELECT tracking_number AS t, count(*) AS n FROM print_records WHERE error = ? GROUP BY tracking_number'
    )
    .all(NOT_PRINTED_BY_USER)) {
    notPrintedByUser.set(r.t, r.n)
  }
  let duplicates = 0
  for (const [tn, count] of printedCount) {
    if (count > 1) {
      duplicates += count - 1
      expect(count - 1, `${tn} printed ${String(count)} times`).toBeLessThanOrEqual(
        notPrintedByUser.get(tn) ?? 0
      )
    }
  }
  expect(duplicates).toBeLessThanOrEqual(stats.cautiousNotPrinted)

  // An independent reader on a few labels: the barcode is the number its record says.
  for (let i = 0; i < 4; i++) {
    const label = vp.printed[Math.floor(random() * vp.printed.length)]
    if (!label) {
      continue
    }
    const record = hashToRecords(labelHash(label.bitmap, printer))[0]
    const symbols = await readWithZxing(label.bitmap)
    expect(symbols.filter((s) => s.format === 'Code128').map((s) => s.text)).toContain(
      record?.tracking_number
    )
  }

  process.stdout.write(
    `manual-print crash test: seed ${String(SEED)} ${JSON.stringify({ ...stats, rounds: round, labels: vp.printed.length, duplicates, msPerLabel: Math.round(msPerLabel), ms: { ...timing, total: Date.now() - timing.started } })}\n`
  )
  expect(stats.kills).toBeGreaterThanOrEqual(KILLS)
}, 300_000)
