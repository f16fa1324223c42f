import type { ReadableDB, WritableDB } from './connection'

/**
 * Print records: one per label sent to a printer (DESIGN §3, invariant 3). Written as `queued`
 * when the job is accepted and moved to `sending` before the bytes leave, so a crash always
 * leaves a trace. Keeps packages.print_state in step in the same transaction.
 */

export type PrintRecordState = 'queued' | 'sending' | 'sent' | 'confirmed' | 'failed' | 'voided'

/**
 * The records that wait for the packer's answer: left `sending` (the bytes may or may not have
 * left), or `sent` and then faulted (see markInDoubt). A WHERE clause over print_records alone.
 */
export const AWAITS_ANSWER = "(state = 'sending' OR (state = 'sent' AND error IS NOT NULL))"

export type PrintRecord = {
  readonly id: number
  readonly packageId: number
  readonly trackingNumber: string
  readonly printer: string
  readonly jobId: string | null
  readonly bytesHash: string
  readonly state: PrintRecordState
  readonly attempt: number
  readonly reprintCount: number
  readonly error: string | null
  readonly createdAt: number
  readonly updatedAt: number
}

type PrintRecordRow = {
  id: number
  package_id: number
  tracking_number: string
  printer: string
  job_id: string | null
  bytes_hash: string
  state: PrintRecordState
  attempt: number
  reprint_count: number
  error: string | null
  created_at: number
  updated_at: number
}

function rowToRecord(row: PrintRecordRow): PrintRecord {
  return {
    id: row.id,
    packageId: row.package_id,
    trackingNumber: row.tracking_number,
    printer: row.printer,
    jobId: row.job_id,
    bytesHash: row.bytes_hash,
    state: row.state,
    attempt: row.attempt,
    reprintCount: row.reprint_count,
    error: row.error,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export class PrintRecordError extends Error {
  constructor(
    readonly code:
      | 'PACKAGE_NOT_FOUND'
      | 'TRACKING_MISMATCH'
      | 'ALREADY_PRINTED'
      | 'ALREADY_QUEUED'
      | 'NEEDS_CONFIRMATION'
      | 'NOT_PRINTED_YET'
      | 'RECORD_NOT_FOUND'
      | 'NOT_PENDING',
    message: string
  ) {
    super(message)
  }
}

export type NewPrintRecord = {
  readonly packageId: number
  readonly trackingNumber: string
}

type PackageRow = { id: number; tracking_number: string | null; print_state: string }

/**
 * Records a job's labels as `queued`, all or none. Refuses a package whose tracking number
 * differs from the label's (a package never gets a second number), one already queued or
 * awaiting crash confirmation, and — unless `reprint` — one already printed (double scans and
 * double clicks print once). A reprint counts: reprint_count = previous highest + 1.
 */
export function insertQueuedRecords(
  db: WritableDB,
  labels: readonly NewPrintRecord[],
  options: {
    readonly printer: string
    readonly jobId: string
    readonly reprint: boolean
    readonly now: number
  }
): PrintRecord[] {
  const getPackage = db.prepare<[number], PackageRow>(
    'SELECT id, tracking_number, print_state FROM packages WHERE id = ?'
  )
  const states = db.prepare<[number], { state: PrintRecordState; n: number; maxReprint: number }>(
    `SELECT state, count(*) AS n, max(reprint_count) AS maxReprint
       FROM print_records WHERE package_id = ? GROUP BY state`
  )
  const inDoubt = db.prepare<[number], { id: number }>(
    `SELECT id FROM print_records WHERE package_id = ? AND state = 'sent' AND error IS NOT NULL`
  )
  const insert = db.prepare<
    [number, string, string, string, number, number, number],
    PrintRecordRow
  >(
    `INSERT INTO print_records
       (package_id, tracking_number, printer, job_id, bytes_hash, state, attempt, reprint_count, created_at, updated_at)
     VALUES (?, ?, ?, ?, '', 'queued', 1, ?, ?, ?)
     RETURNING *`
  )
  const markQueued = db.prepare<[number]>(
    "UPDATE packages SET print_state = 'queued' WHERE id = ? AND print_state IN ('none', 'failed')"
  )
  return db.transaction(() => {
    const seen = new Set<number>()
    return labels.map((label) => {
      if (seen.has(label.packageId)) {
        throw new PrintRecordError(
          'ALREADY_QUEUED',
          `Package ${label.packageId} appears twice in one job`
        )
      }
      seen.add(label.packageId)
      const pkg = getPackage.get(label.packageId)
      if (!pkg) {
        throw new PrintRecordError('PACKAGE_NOT_FOUND', `Package ${label.packageId} does not exist`)
      }
      if (pkg.tracking_number !== null && pkg.tracking_number !== label.trackingNumber) {
        throw new PrintRecordError(
          'TRACKING_MISMATCH',
          `Package ${label.packageId} has tracking number ${pkg.tracking_number}, the label says ${label.trackingNumber}`
        )
      }
      const byState = new Map(states.all(label.packageId).map((row) => [row.state, row]))
      if (byState.has('queued')) {
        throw new PrintRecordError(
          'ALREADY_QUEUED',
          `Package ${label.packageId} is already waiting to print`
        )
      }
      if (byState.has('sending') || inDoubt.get(label.packageId) !== undefined) {
        throw new PrintRecordError(
          'NEEDS_CONFIRMATION',
          `Package ${label.packageId} waits for the packer to confirm whether its last label printed (it was being sent when the app stopped, or the printer faulted after it)`
        )
      }
      const printedBefore = byState.has('sent') || byState.has('confirmed')
      if (printedBefore && !options.reprint) {
        throw new PrintRecordError(
          'ALREADY_PRINTED',
          `Package ${label.packageId} (${label.trackingNumber}) is already printed; use reprint`
        )
      }
      if (!printedBefore && options.reprint) {
        throw new PrintRecordError(
          'NOT_PRINTED_YET',
          `Package ${label.packageId} has not been printed; print it first`
        )
      }
      let reprintCount = 0
      if (options.reprint) {
        const highest = Math.max(...[...byState.values()].map((row) => row.maxReprint))
        reprintCount = highest + 1
      }
      const row = insert.get(
        label.packageId,
        label.trackingNumber,
        options.printer,
        options.jobId,
        reprintCount,
        options.now,
        options.now
      )
      if (!row) {
        throw new Error('INSERT ... RETURNING gave no row')
      }
      markQueued.run(label.packageId)
      return rowToRecord(row)
    })
  })()
}

/** The last write before a label's bytes leave: state `sending`, with the hash of those bytes. */
export function markSending(db: WritableDB, id: number, bytesHash: string, now: number): void {
  db.transaction(() => {
    const changed = db
      .prepare<[string, number, number]>(
        `UPDATE print_records
            SET state = 'sending', bytes_hash = ?, updated_at = ?, error = NULL,
                attempt = attempt + (CASE WHEN state = 'queued' THEN 0 ELSE 1 END)
          WHERE id = ? AND state IN ('queued', 'sent', 'failed')`
      )
      .run(bytesHash, now, id).changes
    if (changed !== 1) {
      throw new PrintRecordError(
        'RECORD_NOT_FOUND',
        `Print record ${id} cannot be sent from its state`
      )
    }
    db.prepare<[number]>(
      `UPDATE packages SET print_state = 'printing'
        WHERE id = (SELECT package_id FROM print_records WHERE id = ?) AND print_state <> 'printed'`
    ).run(id)
  })()
}

function setState(
  db: WritableDB,
  id: number,
  state: PrintRecordState,
  now: number,
  error: string | null,
  from: readonly PrintRecordState[]
): void {
  db.transaction(() => {
    const placeholders = from.map(() => '?').join(', ')
    const changed = db
      .prepare(
        `UPDATE print_records SET state = ?, error = ?, updated_at = ? WHERE id = ? AND state IN (${placeholders})`
      )
      .run(state, error, now, id, ...from).changes
    if (changed !== 1) {
      throw new PrintRecordError(
        'RECORD_NOT_FOUND',
        `Print record ${id} is not in ${from.join('/')}`
      )
    }
    if (state === 'sent' || state === 'confirmed') {
      db.prepare<[number, number]>(
        `UPDATE packages SET print_state = 'printed', printed_at = coalesce(printed_at, ?)
          WHERE id = (SELECT package_id FROM print_records WHERE id = ?)`
      ).run(now, id)
    } else if (state === 'failed' || state === 'voided') {
      // Only a package that has never printed goes back: a failed reprint does not un-print it.
      db.prepare<[number, number]>(
        `UPDATE packages SET print_state = CASE
             WHEN EXISTS (SELECT 1 FROM print_records r
                           WHERE r.package_id = packages.id AND r.id <> ? AND r.state IN ('sent', 'confirmed'))
             THEN 'printed' ELSE 'failed' END
          WHERE id = (SELECT package_id FROM print_records WHERE id = ?)`
      ).run(id, id)
    }
  })()
}

/** Bytes handed to the OS / printer link. */
export function markSent(db: WritableDB, id: number, now: number): void {
  setState(db, id, 'sent', now, null, ['sending'])
}

/** The printer reported ready after the label (or the user said it came out). */
export function markConfirmed(db: WritableDB, id: number, now: number): void {
  setState(db, id, 'confirmed', now, null, ['sending', 'sent'])
}

export function markFailed(db: WritableDB, id: number, error: string, now: number): void {
  setState(db, id, 'failed', now, error, ['queued', 'sending', 'sent'])
}

/**
 * A label sent whole, after which the printer reported a fault: it stays `sent` (its bytes left)
 * with the fault as its error, which is what marks it "in doubt" in the database, so a restart
 * still asks the packer about it (invariant 4) instead of counting it printed.
 */
export function markInDoubt(db: WritableDB, id: number, reason: string, now: number): void {
  db.prepare<[string, number, number]>(
    "UPDATE print_records SET error = ?, updated_at = ? WHERE id = ? AND state = 'sent'"
  ).run(reason, now, id)
}

/** Cancelled before sending: the record stays, marked voided with the reason. */
export function markVoided(db: WritableDB, id: number, reason: string, now: number): void {
  setState(db, id, 'voided', now, reason, ['queued', 'failed'])
}

export function getPrintRecord(db: ReadableDB, id: number): PrintRecord | undefined {
  const row = db
    .prepare<[number], PrintRecordRow>('SELECT * FROM print_records WHERE id = ?')
    .get(id)
  return row ? rowToRecord(row) : undefined
}

export function listJobRecords(db: ReadableDB, jobId: string): PrintRecord[] {
  return db
    .prepare<[string], PrintRecordRow>('SELECT * FROM print_records WHERE job_id = ? ORDER BY id')
    .all(jobId)
    .map(rowToRecord)
}

export function listPackageRecords(db: ReadableDB, packageId: number): PrintRecord[] {
  return db
    .prepare<[number], PrintRecordRow>(
      'SELECT * FROM print_records WHERE package_id = ? ORDER BY id'
    )
    .all(packageId)
    .map(rowToRecord)
}

/** Labels only the packer can settle: `sending` when the app stopped, or sent then faulted. */
export function listSendingRecords(db: ReadableDB): PrintRecord[] {
  return db
    .prepare<[], PrintRecordRow>(`SELECT * FROM print_records WHERE ${AWAITS_ANSWER} ORDER BY id`)
    .all()
    .map(rowToRecord)
}

/**
 * The user's answer for a label left in `sending`: printed -> confirmed (package printed), not
 * printed -> failed (the package can be printed again, same tracking number).
 */
export function resolveSending(
  db: WritableDB,
  id: number,
  printed: boolean,
  now: number
): PrintRecord {
  const record = getPrintRecord(db, id)
  if (!record) {
    throw new PrintRecordError('RECORD_NOT_FOUND', `Print record ${id} does not exist`)
  }
  if (record.state !== 'sending' && record.state !== 'sent') {
    throw new PrintRecordError(
      'NOT_PENDING',
      `Print record ${id} is ${record.state}, nothing to confirm`
    )
  }
  if (printed) {
    setState(db, id, 'confirmed', now, null, ['sending', 'sent'])
  } else {
    setState(db, id, 'failed', now, 'not printed (confirmed by user)', ['sending', 'sent'])
  }
  const updated = getPrintRecord(db, id)
  if (!updated) {
    throw new PrintRecordError('RECORD_NOT_FOUND', `Print record ${id} vanished`)
  }
  return updated
}

/**
 * At start-up: labels still `queued` never left the process (the queue lives in memory), so they
 * are failed with a reason and can be printed again. `sending` ones are left for the user.
 */
export function failInterruptedQueued(db: WritableDB, now: number): number {
  return db.transaction(() => {
    const ids = db
      .prepare<[], { id: number }>("SELECT id FROM print_records WHERE state = 'queued'")
      .all()
      .map((row) => row.id)
    for (const id of ids) {
      setState(db, id, 'failed', now, 'interrupted before sending (app stopped)', ['queued'])
    }
    return ids.length
  })()
}
