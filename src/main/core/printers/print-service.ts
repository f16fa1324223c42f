import { stationTimeZone } from '../station-time'
import { acquireStationLock, type StationLock } from './station-lock'
import type { PrintJobResultView } from '../../../shared/api/printers'
import { stopReason } from '../../../shared/queue-stop-reasons'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { packageLabelRows } from '../db/label-data-repo'
import { getPrintRecord } from '../db/print-records-repo'
import { getPrinter, setPrinterStatusReplies, type PrinterRow } from '../db/printers-repo'
import {
  type LabelParty,
  type PrintJobLabel,
  type PrintQueue,
  type PrintQueueEvent,
  type PrinterConfig,
  type PrinterConnection,
  PrintRecordError,
  type Transport,
  builtinTemplate,
  connectPrinter,
  createPrintQueue,
  recoverAfterRestart
} from '../printing'
import type { StatusPolicy } from '../printing/status-check'
import { packageLabelData } from './label-source'
import { pendingLabels } from './pending-labels'
import { printerLink, serialized } from './printer-link'
import { configuredSender } from './sender'

/**
 * The print-queue service: one queue per printer (DESIGN §5), created on first use from the
 * printer's row, sharing one link with the status light, and closed with the core. Queue events
 * go to the renderer as `printing.progress`.
 */

type Station = {
  readonly db: CoreContext['db']
  readonly printer: PrinterRow
  readonly connection: PrinterConnection
  readonly queue: PrintQueue
  readonly listeners: Set<(event: PrintQueueEvent) => void>
  /** Whether to ask its status and what its replies taught (shared by queue, light and test). */
  readonly policy: StatusPolicy
}

type Service = {
  readonly stations: Map<number, Station>
  closed: boolean
  lock: StationLock | null
}

// Keyed by the context openCore built, so the core needs no new field and tests get their own.
const services = new WeakMap<CoreContext, Service>()

function service(ctx: CoreContext): Service {
  let found = services.get(ctx)
  if (!found) {
    found = { stations: new Map(), closed: false, lock: null }
    services.set(ctx, found)
  }
  return found
}

/** Start-up: queued labels of a previous run fail, `sending` ones wait for the user. */
export function recoverPrinting(ctx: CoreContext): number {
  return recoverAfterRestart(ctx.db, ctx.now()).length
}

/**
 * Makes this process the data folder's printing station (see station-lock.ts), recovering what
 * a dead predecessor left the first time it succeeds. Refused while another live process prints.
 */
export function claimPrintingStation(ctx: CoreContext): Result<{ recovered: number }> {
  const svc = service(ctx)
  if (svc.lock?.held) {
    return ok({ recovered: 0 })
  }
  const lock = acquireStationLock(ctx.dataDir)
  if (!lock.held) {
    return fail(
      'CONFLICT',
      `Another Waybill Station (process ${String(lock.ownerPid ?? '?')}) is printing from this data folder; print there or close it first`
    )
  }
  svc.lock = lock
  return ok({ recovered: recoverPrinting(ctx) })
}

/** Closes every queue and link (labels in flight finish or stay `sending` for confirmation). */
export async function closePrinting(ctx: CoreContext): Promise<void> {
  const svc = service(ctx)
  svc.closed = true
  const stations = [...svc.stations.values()]
  svc.stations.clear()
  await Promise.all(stations.map(closeStation))
  svc.lock?.release()
  svc.lock = null
}

async function closeStation(station: Station): Promise<void> {
  station.queue.pause('closing')
  await station.queue.close().catch(() => undefined)
  await station.connection.close().catch(() => undefined)
}

function station(ctx: CoreContext, printerId: number): Result<Station> {
  const svc = service(ctx)
  if (svc.closed) {
    return fail('CONFLICT', 'Printing is shutting down')
  }
  const existing = svc.stations.get(printerId)
  if (existing) {
    return ok(existing)
  }
  const claimed = claimPrintingStation(ctx)
  if (!claimed.ok) {
    return claimed
  }
  const printer = getPrinter(ctx.db, printerId)
  if (!printer) {
    return fail('NOT_FOUND', `Printer ${String(printerId)} does not exist`)
  }
  let link: { config: PrinterConfig; transport: Transport }
  try {
    link = printerLink(ctx, printer)
  } catch (error) {
    return fail('VALIDATION', errorText(error), {
      issues: [{ path: 'uri', code: 'uri_invalid', message: errorText(error) }]
    })
  }
  const connection = serialized(connectPrinter(link.config, link.transport), printer)
  const listeners = new Set<(event: PrintQueueEvent) => void>()
  const policy: StatusPolicy = {
    mode: printer.statusMode,
    replies: printer.statusReplies,
    onLearned: (replies) => {
      setPrinterStatusReplies(ctx.db, printerId, replies)
      ctx.log.info('printer status replies learned', { printer: printer.name, replies })
    }
  }
  const queue = createPrintQueue({
    db: ctx.db,
    printer: connection,
    clock: ctx.now,
    statusPolicy: policy,
    ...(ctx.printerStatusTimeoutMs !== undefined
      ? { statusTimeoutMs: ctx.printerStatusTimeoutMs }
      : {}),
    onEvent: (event) => {
      for (const listener of listeners) {
        listener(event)
      }
      ctx.emit('printing.progress', {
        printerId,
        printer: printer.name,
        ...event,
        ...(event.type === 'paused'
          ? {
              cause:
                stopReason(event.reason, event.status ?? null, event.confirm !== undefined) ??
                'other'
            }
          : {})
      })
      if (event.type === 'paused' && event.confirm) {
        ctx.emit('printing.pendingChanged', { count: pendingLabels(ctx).length })
      }
    }
  })
  const created: Station = { db: ctx.db, printer, connection, queue, listeners, policy }
  svc.stations.set(printerId, created)
  return ok(created)
}

/** The queues opened so far (a printer gets one on first use), for the queue view. */
export function openQueues(
  ctx: CoreContext
): { readonly printerId: number; readonly printer: PrinterRow; readonly queue: PrintQueue }[] {
  return [...service(ctx).stations.entries()].map(([printerId, st]) => ({
    printerId,
    printer: st.printer,
    queue: st.queue
  }))
}

/** A printer's queue with its link and status policy, opened if need be (the test print's way in). */
export function printerStation(
  ctx: CoreContext,
  printerId: number
): Result<{
  readonly printer: PrinterRow
  readonly connection: PrinterConnection
  readonly queue: PrintQueue
  readonly policy: StatusPolicy
}> {
  return station(ctx, printerId)
}

/** A printer's queue, opened if need be (as a print to it would). */
export function queueFor(
  ctx: CoreContext,
  printerId: number
): Result<{ readonly printer: PrinterRow; readonly queue: PrintQueue }> {
  const st = station(ctx, printerId)
  return st.ok ? ok({ printer: st.value.printer, queue: st.value.queue }) : st
}

function hasJobs(st: Station): boolean {
  return st.queue.snapshot().jobs.length > 0
}

/**
 * Before a printer's row changes or goes: refuses while it has jobs, else drops its queue so the
 * next use opens one with the new settings.
 */
export async function retirePrinter(ctx: CoreContext, printerId: number): Promise<Result<null>> {
  const svc = service(ctx)
  const st = svc.stations.get(printerId)
  if (!st) {
    return ok(null)
  }
  const waiting = st.queue
    .snapshot()
    .jobs.reduce((n, job) => n + job.labels.filter((label) => !label.done).length, 0)
  if (hasJobs(st)) {
    // Not "is printing": a dead printer's labels only wait; the queue view moves or cancels them.
    return fail(
      'CONFLICT',
      `Printer "${st.printer.name}" has ${String(waiting)} labels waiting in its queue; move them to another printer or cancel them first`,
      { reason: 'PRINTER_HAS_JOBS', printerId, waiting }
    )
  }
  svc.stations.delete(printerId)
  await closeStation(st)
  return ok(null)
}

/** Resumes a paused queue (after the paper was changed); issue 5's job view calls this. */
export function resumePrinter(ctx: CoreContext, printerId: number): Result<null> {
  const st = station(ctx, printerId)
  if (!st.ok) {
    return st
  }
  st.value.queue.resume()
  return ok(null)
}

/** Stops the printer's queue after the label in flight (the packer's Pause). */
export function pausePrinter(ctx: CoreContext, printerId: number): Result<null> {
  const st = station(ctx, printerId)
  if (!st.ok) {
    return st
  }
  st.value.queue.pause('paused by user')
  return ok(null)
}

export type CancelOutcome = {
  /** Labels that had not left: voided, their packages keep their tracking numbers. */
  readonly voided: number
  /** A label whose bytes left before a fault: it still waits for the packer's answer. */
  readonly unconfirmed: number
}

/**
 * Cancels jobs on a printer's queue: every label not sent is voided (the package keeps its
 * number, invariant 2, so printing it later reuses it), the label in flight finishes, and one
 * awaiting confirmation stays until answered.
 */
export function cancelJobs(
  ctx: CoreContext,
  printerId: number,
  jobIds: readonly string[]
): Result<CancelOutcome> {
  const st = station(ctx, printerId)
  if (!st.ok) {
    return st
  }
  let voided = 0
  for (const jobId of jobIds) {
    voided += st.value.queue.cancel(jobId)
  }
  const doubt = st.value.queue.snapshot().unconfirmed
  return ok({ voided, unconfirmed: doubt && jobIds.includes(doubt.jobId) ? 1 : 0 })
}

/** The queue controls the manual-printing batch uses (see run-batch.ts QueueControl). */
export function queueControl(ctx: CoreContext): {
  readonly pause: (printerId: number) => Result<null>
  readonly resume: (printerId: number) => Result<null>
  readonly cancel: (printerId: number, jobIds: readonly string[]) => Result<CancelOutcome>
} {
  return {
    pause: (printerId) => pausePrinter(ctx, printerId),
    resume: (printerId) => resumePrinter(ctx, printerId),
    cancel: (printerId, jobIds) => cancelJobs(ctx, printerId, jobIds)
  }
}

// ---- Jobs.

export type PrintPackagesRequest = {
  readonly printerId: number
  /** Packages that already have tracking numbers, printed in this order. */
  readonly packageIds: readonly number[]
  /** Built-in template id; default the printer's label size. */
  readonly templateId?: string
  /** Privacy waybill; only an explicit false prints full name and phone. */
  readonly maskPrivacy?: boolean
  /** Print again with the same tracking numbers (counted, marked 补打). */
  readonly reprint?: boolean
  /** The sender block; default the station's return address (Settings → 寄件人), else the shop's name. */
  readonly sender?: LabelParty
  /** Wait until the job is done or the queue pauses (default true); false returns once queued. */
  readonly wait?: boolean
  /** Gives up waiting after this long (the job keeps going). Default: no limit. */
  readonly timeoutMs?: number
}

/**
 * Prints labels for packages that already have tracking numbers (issue 5's manual printing):
 * one job on the printer's queue, every label recorded before it leaves. Never allocates a
 * number. Refuses the whole job (nothing recorded) when a package is missing, has no tracking
 * number, is already printed (unless `reprint`) or waits for crash confirmation.
 */
export async function printPackages(
  ctx: CoreContext,
  request: PrintPackagesRequest
): Promise<Result<PrintJobResultView>> {
  if (request.packageIds.length === 0) {
    return fail('VALIDATION', 'No packages to print')
  }
  const found = station(ctx, request.printerId)
  if (!found.ok) {
    return found
  }
  const st = found.value
  const labels = packageLabels(ctx, request.packageIds, request.sender)
  if (!labels.ok) {
    return labels
  }
  let template
  try {
    template = builtinTemplate(request.templateId ?? st.printer.labelSize)
  } catch (error) {
    return fail('VALIDATION', errorText(error))
  }
  return runJob(
    st,
    {
      template,
      labels: labels.value,
      ...(request.maskPrivacy === undefined ? {} : { maskPrivacy: request.maskPrivacy })
    },
    {
      reprint: request.reprint ?? false,
      wait: request.wait ?? true,
      ...(request.timeoutMs === undefined ? {} : { timeoutMs: request.timeoutMs })
    }
  )
}

/** Label data for packages that have tracking numbers, in the order given; the sender defaults to the station's. */
export function packageLabels(
  ctx: CoreContext,
  packageIds: readonly number[],
  sender?: LabelParty
): Result<PrintJobLabel[]> {
  const rows = packageLabelRows(ctx.db, packageIds)
  const now = ctx.now()
  const from = sender ?? configuredSender(ctx.db)
  const labels: PrintJobLabel[] = []
  for (const id of packageIds) {
    const row = rows.get(id)
    if (!row) {
      return fail('NOT_FOUND', `Package ${String(id)} does not exist`)
    }
    if (row.trackingNumber === null) {
      return fail(
        'RULE_VIOLATION',
        `Package ${String(id)} of order ${row.platformOrderId} has no tracking number yet`,
        { packageId: id }
      )
    }
    labels.push({
      packageId: id,
      data: packageLabelData(row, {
        trackingNumber: row.trackingNumber,
        now,
        sender: from
      })
    })
  }
  return ok(labels)
}

type QueuedJob = { readonly jobId: string; readonly recordIds: number[] }

/** Records the job's labels and hands it to the queue, all or nothing; refusals come back as data. */
function enqueueOn(
  st: Station,
  job: Parameters<PrintQueue['enqueue']>[0],
  reprint: boolean
): Result<QueuedJob> {
  const snap = st.queue.snapshot()
  if (
    snap.paused &&
    snap.jobs.length === 0 &&
    snap.unconfirmed === null &&
    snap.pauseReason !== 'paused by user'
  ) {
    // A fault left the empty queue stopped (a failed test print, say): printing again is the
    // packer's retry. Otherwise the new job would wait behind a pause nobody sees.
    st.queue.resume()
  }
  // Labels tell time on the station's clock, as the lists and exports do.
  const zoned = job.timeZone === undefined ? { ...job, timeZone: stationTimeZone(st.db) } : job
  try {
    const queued = reprint ? st.queue.reprint(zoned) : st.queue.enqueue(zoned)
    return ok({ jobId: queued.jobId, recordIds: queued.records.map((record) => record.id) })
  } catch (error) {
    if (error instanceof PrintRecordError) {
      return fail(error.code === 'PACKAGE_NOT_FOUND' ? 'NOT_FOUND' : 'CONFLICT', error.message, {
        reason: error.code
      })
    }
    throw error
  }
}

async function runJob(
  st: Station,
  job: Parameters<PrintQueue['enqueue']>[0],
  options: { reprint: boolean; wait: boolean; timeoutMs?: number }
): Promise<Result<PrintJobResultView>> {
  const seen: PrintQueueEvent[] = []
  let wake: (() => void) | null = null
  const listener = (event: PrintQueueEvent): void => {
    seen.push(event)
    wake?.()
  }
  st.listeners.add(listener)
  try {
    const queued = enqueueOn(st, job, options.reprint)
    if (!queued.ok) {
      return queued
    }
    const { jobId, recordIds } = queued.value
    const finished = (): boolean =>
      seen.some(
        (event) =>
          (event.type === 'job' && event.jobId === jobId && event.state !== 'queued') ||
          event.type === 'paused'
      )
    if (options.wait) {
      await new Promise<void>((resolveWait) => {
        const timer =
          options.timeoutMs === undefined
            ? null
            : setTimeout(() => {
                resolveWait()
              }, options.timeoutMs)
        wake = () => {
          if (finished()) {
            if (timer) {
              clearTimeout(timer)
            }
            resolveWait()
          }
        }
        wake()
      })
    }
    return ok(jobResult(st, jobId, recordIds))
  } finally {
    st.listeners.delete(listener)
  }
}

/**
 * The manual-printing workflow's sink (issue 5): labels whose data the caller built (numbers
 * just allocated) go on the printer's queue at once; progress arrives as `printing.progress`.
 */
export function enqueueLabels(
  ctx: CoreContext,
  request: {
    readonly printerId: number
    readonly template: string
    readonly maskPrivacy: boolean
    readonly labels: readonly PrintJobLabel[]
  }
): Result<{ jobId: string; recordIds: number[] }> {
  const found = station(ctx, request.printerId)
  if (!found.ok) {
    return found
  }
  let template
  try {
    template = builtinTemplate(request.template)
  } catch (error) {
    return fail('VALIDATION', errorText(error))
  }
  return enqueueOn(
    found.value,
    { template, labels: request.labels, maskPrivacy: request.maskPrivacy },
    false
  )
}

/** Prints packages again with the numbers they have (counted as reprints, marked 补打). */
export function reprintPackages(
  ctx: CoreContext,
  request: {
    readonly printerId: number
    readonly template: string
    readonly maskPrivacy: boolean
    readonly packageIds: readonly number[]
  }
): Result<{ jobId: string; recordIds: number[] }> {
  const found = station(ctx, request.printerId)
  if (!found.ok) {
    return found
  }
  const labels = packageLabels(ctx, request.packageIds)
  if (!labels.ok) {
    return labels
  }
  let template
  try {
    template = builtinTemplate(request.template)
  } catch (error) {
    return fail('VALIDATION', errorText(error))
  }
  return enqueueOn(
    found.value,
    { template, labels: labels.value, maskPrivacy: request.maskPrivacy },
    true
  )
}

/** `{ print, reprint }` over this service: the LabelSink issue 5's manual printing takes. */
export function labelSink(ctx: CoreContext): {
  readonly print: (request: Parameters<typeof enqueueLabels>[1]) => Result<{ jobId: string }>
  readonly reprint: (request: Parameters<typeof reprintPackages>[1]) => Result<{ jobId: string }>
} {
  return {
    print: (request) => enqueueLabels(ctx, request),
    reprint: (request) => reprintPackages(ctx, request)
  }
}

function jobResult(st: Station, jobId: string, recordIds: readonly number[]): PrintJobResultView {
  const snap = st.queue.snapshot()
  return {
    jobId,
    printer: st.printer.name,
    labels: recordIds.flatMap((id) => {
      const record = getPrintRecord(st.db, id)
      return record
        ? [
            {
              recordId: record.id,
              packageId: record.packageId,
              trackingNumber: record.trackingNumber,
              state: record.state,
              error: record.error
            }
          ]
        : []
    }),
    paused: snap.paused,
    pauseReason: snap.pauseReason,
    printerState: snap.printerState
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
