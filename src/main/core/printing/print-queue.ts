import { createHash, randomUUID } from 'node:crypto'
import type { WritableDB } from '../db/connection'
import {
  type PrintRecord,
  type PrintRecordState,
  getPrintRecord,
  insertQueuedRecords,
  markConfirmed,
  markFailed,
  markSending,
  markSent,
  markInDoubt,
  markVoided,
  resolveSending
} from '../db/print-records-repo'
import type { LabelData } from './label-data'
import type { PrinterConnection } from './printer'
import { renderLabel } from './render'
import { NotAPrinterError, type PrinterState, type PrinterStatus } from './status'
import { type StatusPolicy, asksStatus, checkPrinterStatus } from './status-check'
import type { LabelTemplate } from './template'

export type PrintJobLabel = {
  readonly packageId: number
  readonly data: LabelData
}

export type PrintJobRequest = {
  readonly template: LabelTemplate
  readonly labels: readonly PrintJobLabel[]
  /** Privacy masking; only an explicit false prints full name and phone. */
  readonly maskPrivacy?: boolean
  readonly images?: Readonly<Record<string, Uint8Array>>
  readonly timeZone?: string
}

export type PrintQueueEvent =
  | {
      readonly type: 'job'
      readonly jobId: string
      readonly state: 'queued' | 'done' | 'cancelled'
      readonly labels: number
    }
  | {
      readonly type: 'label'
      readonly jobId: string
      readonly recordId: number
      readonly packageId: number
      readonly trackingNumber: string
      /** 0-based position in the job, and the job's size, for "3 / 20" progress. */
      readonly index: number
      readonly count: number
      readonly state: PrintRecordState
      readonly error?: string
    }
  | {
      readonly type: 'paused'
      readonly reason: string
      /** The printer's fault, when it reported one. */
      readonly status?: PrinterState
      readonly jobId?: string
      /** The label that was in flight when the queue stopped. */
      readonly recordId?: number
      /**
       * A label whose bytes all left before the printer reported a fault: it may or may not have
       * come out, so it is never resent on its own; the queue waits for {@link PrintQueue.confirm}.
       */
      readonly confirm?: UnconfirmedLabel
    }
  | { readonly type: 'resumed' }

export type PrintQueueOptions = {
  readonly db: WritableDB
  readonly printer: PrinterConnection
  /** Epoch ms; injected so tests control record times. */
  readonly clock?: () => number
  readonly onEvent?: (event: PrintQueueEvent) => void
  /** A printer that takes no data this long is stalled. Default 10 s. */
  readonly writeTimeoutMs?: number
  /** A status query unanswered this long pauses the queue. Default 2 s. */
  readonly statusTimeoutMs?: number
  /**
   * Whether to ask the printer's status, and what is known of its replies (see status-check.ts).
   * Default: ask, and treat silence as a fault (a printer known to answer).
   */
  readonly statusPolicy?: StatusPolicy
  readonly newJobId?: () => string
}

export type UnconfirmedLabel = {
  readonly recordId: number
  readonly packageId: number
  readonly trackingNumber: string
  readonly jobId: string
}

export type QueueLabelView = {
  readonly recordId: number
  readonly packageId: number
  readonly trackingNumber: string
  readonly state: PrintRecordState
  readonly done: boolean
}

export type QueueSnapshot = {
  readonly printer: string
  readonly paused: boolean
  readonly pauseReason: string | null
  readonly printerState: PrinterState | null
  /** The first label waiting for the user to say whether it came out; the queue stops at it. */
  readonly unconfirmed: UnconfirmedLabel | null
  readonly jobs: readonly { readonly jobId: string; readonly labels: readonly QueueLabelView[] }[]
}

export type PrintQueue = {
  readonly printer: string
  /** Records every label as `queued` (all or none, see insertQueuedRecords) and starts printing. */
  enqueue(request: PrintJobRequest): { jobId: string; records: PrintRecord[] }
  /** Prints already-printed packages again: same tracking number, reprint_count + 1, marked 补打. */
  reprint(request: PrintJobRequest): { jobId: string; records: PrintRecord[] }
  /** Stops after the label in flight. */
  pause(reason?: string): void
  /**
   * Continues from the first label of the oldest job that is not done. A label awaiting
   * confirmation stops it again at once (nothing is sent) until the user answers.
   */
  resume(): void
  /**
   * The user's answer for the label awaiting confirmation: printed -> confirmed, the queue goes
   * on after it; not printed -> failed, the next resume sends it again (same record, attempt + 1;
   * voided instead if its job was cancelled). Does not resume by itself.
   */
  confirm(recordId: number, printed: boolean): boolean
  /**
   * Voids the job's labels that have not left; returns how many. A label in flight finishes; one
   * awaiting confirmation keeps the queue stopped until answered.
   */
  cancel(jobId: string): number
  /**
   * Takes every label that has not left (queued, or failed to send) out of this queue so it can
   * print on another printer: each is voided here with `reason` and comes back with its job's
   * request, so the caller enqueues the same data (the same tracking number) elsewhere. A label in
   * flight finishes; one awaiting the packer's answer stays.
   */
  detach(reason: string): { readonly jobId: string; readonly request: PrintJobRequest }[]
  snapshot(): QueueSnapshot
  /** Resolves when nothing is in flight: the queue is empty or paused. */
  whenIdle(): Promise<void>
  close(): Promise<void>
}

type LabelEntry = {
  readonly recordId: number
  readonly packageId: number
  readonly data: LabelData
  readonly reprintCount: number
  state: PrintRecordState
  done: boolean
  /** Sent whole, then the printer faulted: waits for the user (not merely awaiting its status). */
  doubt: boolean
}

type Job = {
  readonly id: string
  readonly request: PrintJobRequest
  readonly labels: LabelEntry[]
  cancelled: boolean
}

export class PrintQueueClosedError extends Error {
  readonly code = 'QUEUE_CLOSED'
}

/**
 * One printer's queue: strict FIFO, one job and one label at a time. Each label is recorded
 * `sending` before its bytes leave. A transport error (the bytes did not all leave) fails the
 * label and pauses; resume sends it again. A fault the printer reports after the bytes all left
 * (head hot, cover opened, paper out) cannot tell whether that label came out — a printer that
 * took it then faulted and one that refused it answer the same — so the label stays `sent` and
 * the queue waits for the user's answer before anything else is sent: never silently resent
 * (a duplicate label is a second parcel sticker), never silently dropped (DESIGN §5, inv. 3–4).
 */
export function createPrintQueue(options: PrintQueueOptions): PrintQueue {
  const { db, printer } = options
  const clock = options.clock ?? Date.now
  const emit = options.onEvent ?? (() => undefined)
  const writeTimeoutMs = options.writeTimeoutMs ?? 10_000
  const statusTimeoutMs = options.statusTimeoutMs ?? 2000
  const newJobId = options.newJobId ?? randomUUID
  const policy: StatusPolicy = options.statusPolicy ?? { mode: 'auto', replies: 'answered' }
  const jobs: Job[] = []
  let paused = false
  let pauseReason: string | null = null
  let printerState: PrinterState | null = null
  let running: Promise<void> | null = null
  let closed = false
  let idleWaiters: (() => void)[] = []

  const labelEvent = (job: Job, entry: LabelEntry, error?: string): void => {
    entry.state = getPrintRecord(db, entry.recordId)?.state ?? entry.state
    emit({
      type: 'label',
      jobId: job.id,
      recordId: entry.recordId,
      packageId: entry.packageId,
      trackingNumber: entry.data.trackingNumber,
      index: job.labels.indexOf(entry),
      count: job.labels.length,
      state: entry.state,
      ...(error === undefined ? {} : { error })
    })
  }

  const doPause = (
    reason: string,
    extra: { status?: PrinterState; job?: Job; entry?: LabelEntry } = {}
  ): void => {
    paused = true
    pauseReason = reason
    printerState = extra.status ?? printerState
    const doubt = unconfirmed()
    emit({
      type: 'paused',
      reason,
      ...(extra.status ? { status: extra.status } : {}),
      ...(extra.job ? { jobId: extra.job.id } : {}),
      ...(extra.entry ? { recordId: extra.entry.recordId } : {}),
      ...(doubt ? { confirm: doubt } : {})
    })
  }

  /** A label not done whose record says `sent`: its bytes left, then the printer faulted. */
  const unconfirmed = (): UnconfirmedLabel | null => {
    for (const job of jobs) {
      for (const entry of job.labels) {
        if (!entry.done && entry.doubt) {
          return {
            recordId: entry.recordId,
            packageId: entry.packageId,
            trackingNumber: entry.data.trackingNumber,
            jobId: job.id
          }
        }
      }
    }
    return null
  }

  const describe = (status: PrinterStatus): string =>
    `printer reports ${status.state}${status.conditions.length > 0 ? ` (${status.conditions.join(', ')})` : ''}`

  const enqueueJob = (
    request: PrintJobRequest,
    reprint: boolean
  ): { jobId: string; records: PrintRecord[] } => {
    if (closed) {
      throw new PrintQueueClosedError(`Print queue ${printer.config.id} is closed`)
    }
    const jobId = newJobId()
    const records = insertQueuedRecords(
      db,
      request.labels.map((label) => ({
        packageId: label.packageId,
        trackingNumber: label.data.trackingNumber
      })),
      { printer: printer.config.id, jobId, reprint, now: clock() }
    )
    const labels = request.labels.map((label, i): LabelEntry => {
      const record = records[i]
      if (!record) {
        throw new Error('insertQueuedRecords returned fewer records than labels')
      }
      return {
        recordId: record.id,
        packageId: record.packageId,
        data: label.data,
        reprintCount: record.reprintCount,
        state: record.state,
        done: false,
        doubt: false
      }
    })
    const job: Job = { id: jobId, request, labels, cancelled: false }
    jobs.push(job)
    emit({ type: 'job', jobId, state: 'queued', labels: labels.length })
    kick()
    return { jobId, records }
  }

  const kick = (): void => {
    if (running || paused || closed || jobs.length === 0) {
      return
    }
    running = run().finally(() => {
      running = null
      const waiters = idleWaiters
      idleWaiters = []
      for (const wake of waiters) {
        wake()
      }
      kick()
    })
  }

  const run = async (): Promise<void> => {
    let checked = false
    while (!paused && !closed) {
      const job = jobs[0]
      if (!job) {
        return
      }
      const entry = job.labels.find((label) => !label.done)
      if (!entry) {
        jobs.shift()
        emit({
          type: 'job',
          jobId: job.id,
          state: job.cancelled ? 'cancelled' : 'done',
          labels: job.labels.length
        })
        continue
      }
      if (settle(job, entry)) {
        continue
      }
      // Before the first label of a run: do not send into a printer that is out of paper.
      if (!checked && asksStatus(printer, policy)) {
        checked = true
        if ((await checkStatus(job)) === 'stop') {
          return
        }
      }
      if (entry.state === 'sent') {
        const reason = `label ${entry.data.trackingNumber} was sent before the printer faulted; confirm whether it came out`
        inDoubt(entry, reason)
        doPause(reason, { job, entry })
        return
      }
      await sendLabel(job, entry)
    }
  }

  /**
   * Brings the entry in line with its record (the user may have answered for it while paused,
   * here or through the crash-confirmation list); true when nothing is left to send for it.
   */
  const settle = (job: Job, entry: LabelEntry): boolean => {
    const current = getPrintRecord(db, entry.recordId)
    entry.state = current?.state ?? entry.state
    entry.doubt = entry.doubt && entry.state === 'sent'
    if (!current || current.state === 'confirmed' || current.state === 'voided') {
      entry.done = true
      return true
    }
    if (job.cancelled && (current.state === 'queued' || current.state === 'failed')) {
      markVoided(db, entry.recordId, 'cancelled by user', clock())
      entry.done = true
      labelEvent(job, entry)
      return true
    }
    return false
  }

  /** A label sent whole, then a fault: held for the packer's answer, in memory and on disk. */
  const inDoubt = (entry: LabelEntry, reason: string): void => {
    entry.doubt = true
    markInDoubt(db, entry.recordId, reason, clock())
  }

  /**
   * `ready`: the printer says so; `unknown`: it cannot say (found mute just now, or not asked), so
   * the label counts as sent; `stop`: a fault or no answer from a printer that answers, paused.
   */
  const checkStatus = async (
    job: Job,
    entry?: LabelEntry
  ): Promise<'ready' | 'unknown' | 'stop'> => {
    const check = await checkPrinterStatus(printer, policy, statusTimeoutMs)
    if (check.kind === 'mute' || check.kind === 'not_asked') {
      return 'unknown'
    }
    let status: PrinterStatus
    if (check.kind === 'status') {
      status = check.status
    } else {
      const error = check.error
      printer.transport.reset()
      printerState = 'offline'
      const reason =
        error instanceof NotAPrinterError
          ? message(error)
          : `printer did not answer a status query: ${message(error)}`
      if (entry) {
        inDoubt(entry, reason)
      }
      doPause(reason, {
        status: 'offline',
        job,
        ...(entry ? { entry } : {})
      })
      return 'stop'
    }
    printerState = status.state
    if (status.state !== 'ready') {
      if (entry) {
        inDoubt(entry, describe(status))
      }
      doPause(describe(status), { status: status.state, job, ...(entry ? { entry } : {}) })
      return 'stop'
    }
    return 'ready'
  }

  const sendLabel = async (job: Job, entry: LabelEntry): Promise<void> => {
    const bitmap = renderLabel(job.request.template, entry.data, {
      dpi: printer.config.dpi,
      reprintCount: entry.reprintCount,
      ...(job.request.maskPrivacy === undefined ? {} : { maskPrivacy: job.request.maskPrivacy }),
      ...(job.request.images ? { images: job.request.images } : {}),
      ...(job.request.timeZone ? { timeZone: job.request.timeZone } : {})
    })
    const bytes = printer.encode(bitmap)
    const hash = createHash('sha256').update(bytes).digest('hex')
    markSending(db, entry.recordId, hash, clock())
    labelEvent(job, entry)
    try {
      await printer.send(bytes, labelName(entry), writeTimeoutMs)
    } catch (error) {
      printer.transport.reset()
      markFailed(db, entry.recordId, message(error), clock())
      labelEvent(job, entry, message(error))
      doPause(`sending failed: ${message(error)}`, { job, entry })
      return
    }
    markSent(db, entry.recordId, clock())
    if (printer.transport.writeIsDelivery) {
      markConfirmed(db, entry.recordId, clock())
      entry.done = true
      labelEvent(job, entry)
      return
    }
    labelEvent(job, entry)
    if (!asksStatus(printer, policy)) {
      // One-way links, mute printers, status off: `sent` (the link took every byte) is all we
      // can know; scan-back is the check.
      entry.done = true
      return
    }
    // A fault now leaves the label `sent` and not done: run() waits for the user's answer.
    const after = await checkStatus(job, entry)
    if (after === 'ready') {
      markConfirmed(db, entry.recordId, clock())
    }
    if (after !== 'stop') {
      entry.done = true
      labelEvent(job, entry)
    }
  }

  /** Voids the job's labels that have not left and retires the job once nothing of it is left. */
  const voidUnsent = (job: Job, reason: string): LabelEntry[] => {
    job.cancelled = true
    const voided: LabelEntry[] = []
    for (const entry of job.labels) {
      const record = getPrintRecord(db, entry.recordId)
      if (!entry.done && record && (record.state === 'queued' || record.state === 'failed')) {
        markVoided(db, entry.recordId, reason, clock())
        entry.done = true
        voided.push(entry)
        labelEvent(job, entry, reason)
      }
    }
    // The job in flight is retired by the run loop once its current label is settled; so is
    // one with a label awaiting the user's answer.
    const waiting = job.labels.some((entry) => !entry.done)
    if (!waiting && (!running || jobs[0] !== job)) {
      const index = jobs.indexOf(job)
      if (index >= 0) {
        jobs.splice(index, 1)
        emit({ type: 'job', jobId: job.id, state: 'cancelled', labels: job.labels.length })
      }
    }
    return voided
  }

  return {
    printer: printer.config.id,
    enqueue: (request) => enqueueJob(request, false),
    reprint: (request) => enqueueJob(request, true),
    pause(reason = 'paused by user'): void {
      if (!paused) {
        doPause(reason)
      }
    },
    resume(): void {
      if (closed || !paused) {
        return
      }
      paused = false
      pauseReason = null
      printerState = null
      emit({ type: 'resumed' })
      kick()
    },
    confirm(recordId: number, printed: boolean): boolean {
      for (const job of jobs) {
        const entry = job.labels.find((candidate) => candidate.recordId === recordId)
        if (!entry || entry.done || !entry.doubt) {
          continue
        }
        resolveSending(db, recordId, printed, clock())
        settle(job, entry)
        if (printed || !job.cancelled) {
          // (a "not printed" in a cancelled job was voided, and reported, by settle)
          labelEvent(job, entry)
        }
        return true
      }
      return false
    },
    cancel(jobId: string): number {
      const job = jobs.find((candidate) => candidate.id === jobId)
      return job ? voidUnsent(job, 'cancelled by user').length : 0
    },
    detach(reason: string): { jobId: string; request: PrintJobRequest }[] {
      const taken: { jobId: string; request: PrintJobRequest }[] = []
      for (const job of [...jobs]) {
        const labels = voidUnsent(job, reason).map((entry) => ({
          packageId: entry.packageId,
          data: entry.data
        }))
        if (labels.length > 0) {
          taken.push({ jobId: job.id, request: { ...job.request, labels } })
        }
      }
      return taken
    },
    snapshot(): QueueSnapshot {
      return {
        printer: printer.config.id,
        paused,
        pauseReason,
        printerState,
        unconfirmed: unconfirmed(),
        jobs: jobs.map((job) => ({
          jobId: job.id,
          labels: job.labels.map((entry) => ({
            recordId: entry.recordId,
            packageId: entry.packageId,
            trackingNumber: entry.data.trackingNumber,
            state: entry.state,
            done: entry.done
          }))
        }))
      }
    },
    whenIdle(): Promise<void> {
      if (!running) {
        return Promise.resolve()
      }
      return new Promise((resolve) => idleWaiters.push(resolve))
    },
    async close(): Promise<void> {
      closed = true
      await running
      await printer.close()
    }
  }
}

function labelName(entry: LabelEntry): string {
  const base = entry.data.trackingNumber.replace(/[^\w.-]/g, '_')
  return entry.reprintCount > 0 ? `${base}-reprint${entry.reprintCount}` : base
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
