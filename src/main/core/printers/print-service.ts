import { stationTimeZone } from '../station-time'
import { access, constants } from 'node:fs/promises'
import { acquireStationLock, type StationLock } from './station-lock'
import { resolve } from 'node:path'
import type { PrinterStatusView, PrintJobResultView } from '../../../shared/api/printers'
import { relativePreviewDir } from '../../../shared/printer-uri'
import { stopReason } from '../../../shared/queue-stop-reasons'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { packageLabelRows, sendingLabels, type PendingLabelRow } from '../db/label-data-repo'
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
  confirm,
  connectPrinter,
  openTransport,
  parsePrinterUri,
  createPrintQueue,
  previewTransport,
  recoverAfterRestart
} from '../printing'
import { shiftBitmap } from '../printing/label-offset'
import { NotAPrinterError } from '../printing/status'
import { type StatusPolicy, asksStatus, learnReplies } from '../printing/status-check'
import { packageLabelData } from './label-source'
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

/** The preview printer's folder for a `preview:` address, absolute; null for other printers. */
export function previewDirOf(ctx: CoreContext, uri: string): string | null {
  const relative = relativePreviewDir(uri)
  if (relative !== null) {
    return resolve(ctx.dataDir, relative)
  }
  try {
    const parsed = parsePrinterUri(uri)
    return parsed.kind === 'preview' ? parsed.dir : null
  } catch {
    return null
  }
}

/** The engine's config and link for a printer row; relative preview folders sit in the data folder. */
export function printerLink(
  ctx: CoreContext,
  printer: PrinterRow
): { config: PrinterConfig; transport: Transport } {
  const relative = relativePreviewDir(printer.uri)
  const base = {
    id: printer.name,
    language: printer.language,
    dpi: printer.dpi,
    tspl: { density: printer.darkness, nativeBarcodes: printer.nativeMode === 'barcodes' },
    zpl: { darkness: printer.darkness, nativeBarcodes: printer.nativeMode === 'barcodes' }
  }
  if (relative !== null) {
    const dir = resolve(ctx.dataDir, relative)
    // The config URI only tells the engine "preview" (png); the folder goes to the transport.
    return { config: { ...base, uri: 'preview:///labels' }, transport: previewTransport(dir) }
  }
  return {
    config: { ...base, uri: printer.uri },
    transport: openTransport(printer.uri, { connectTimeoutMs: 2000 })
  }
}

/**
 * Status queries and label bytes share one link and must not interleave: every send and query
 * goes through one promise chain per printer.
 */
function serialized(connection: PrinterConnection, printer: PrinterRow): PrinterConnection {
  let tail: Promise<unknown> = Promise.resolve()
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work)
    tail = next.catch(() => undefined)
    return next
  }
  return {
    config: connection.config,
    language: connection.language,
    transport: connection.transport,
    canQueryStatus: connection.canQueryStatus,
    encode: (bitmap) =>
      connection.encode(shiftBitmap(bitmap, printer.offsetXDots, printer.offsetYDots)),
    send: (bytes, name, timeoutMs) => exclusive(() => connection.send(bytes, name, timeoutMs)),
    // A failed query drops the link inside the chain: a reset from outside it could cut the
    // next caller's query (the status light's timeout killed a test print's).
    status: (timeoutMs) =>
      exclusive(async () => {
        try {
          return await connection.status(timeoutMs)
        } catch (error) {
          connection.transport.reset()
          throw error
        }
      }),
    close: () => connection.close()
  }
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

// ---- Status light.

const STATUS_TIMEOUT_MS = 1500

export async function printerStatus(
  ctx: CoreContext,
  printerId: number
): Promise<Result<PrinterStatusView>> {
  const found = station(ctx, printerId)
  if (!found.ok) {
    return found
  }
  const st = found.value
  const snap = st.queue.snapshot()
  const asks = asksStatus(st.connection, st.policy)
  const base = {
    id: printerId,
    canQuery: asks,
    paused: snap.paused,
    pauseReason: snap.pauseReason,
    checkedAt: ctx.now()
  }
  if (!snap.paused && snap.jobs.length > 0) {
    // Mid-job the queue asks between labels; a second query would only slow it down.
    return ok({ ...base, state: snap.printerState ?? 'ready', conditions: [], busy: true })
  }
  if (!asks) {
    // One-way links, and printers that never answer or whose status is off: a best guess.
    return ok({ ...base, state: await oneWayState(st.printer), conditions: [], busy: false })
  }
  try {
    const status = await withTimeout(
      st.connection.status(STATUS_TIMEOUT_MS),
      STATUS_TIMEOUT_MS + 1500
    )
    // An answer is an answer, whoever asked: from now on this printer's silence is a fault.
    // Silence here teaches nothing (the light is not a print; printing decides about mute).
    learnReplies(st.policy, 'answered')
    return ok({ ...base, state: status.state, conditions: [...status.conditions], busy: false })
  } catch (error) {
    // (The link was already dropped inside the serialized call; see serialized().)
    const state = error instanceof NotAPrinterError ? 'not_a_printer' : 'offline'
    return ok({ ...base, state, conditions: [errorText(error)], busy: false })
  }
}

/** Links that cannot answer: the preview folder is ready if writable; a device file if present. */
async function oneWayState(printer: PrinterRow): Promise<PrinterStatusView['state']> {
  const kind = parseKind(printer.uri)
  if (kind === 'preview') {
    return 'ready'
  }
  if (kind === 'file') {
    try {
      const parsed = parsePrinterUri(printer.uri)
      await access(parsed.kind === 'file' ? parsed.path : '', constants.W_OK)
      return 'ready'
    } catch {
      return 'offline'
    }
  }
  return 'unknown'
}

function parseKind(uri: string): string | null {
  if (relativePreviewDir(uri) !== null) {
    return 'preview'
  }
  try {
    return parsePrinterUri(uri).kind
  } catch {
    return null
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

// ---- Crash confirmation.

/**
 * Labels whose fate only the packer knows: left `sending` by an earlier run (not the ones a live
 * queue is sending right now), and labels a live queue sent whole before the printer faulted.
 */
export function pendingLabels(ctx: CoreContext): PendingLabelRow[] {
  const inFlight = new Set<number>()
  const unconfirmed: PendingLabelRow[] = []
  for (const st of service(ctx).stations.values()) {
    const snap = st.queue.snapshot()
    for (const job of snap.jobs) {
      for (const label of job.labels) {
        if (!label.done) {
          inFlight.add(label.recordId)
        }
      }
    }
    const doubt = snap.unconfirmed ? getPrintRecord(ctx.db, snap.unconfirmed.recordId) : undefined
    const row = doubt ? packageLabelRows(ctx.db, [doubt.packageId]).get(doubt.packageId) : undefined
    if (doubt && row) {
      unconfirmed.push({
        recordId: doubt.id,
        packageId: doubt.packageId,
        trackingNumber: doubt.trackingNumber,
        printer: doubt.printer,
        orderId: row.orderId,
        platformOrderId: row.platformOrderId,
        sentAt: doubt.updatedAt
      })
    }
  }
  return [...sendingLabels(ctx.db).filter((label) => !inFlight.has(label.recordId)), ...unconfirmed]
}

export function confirmPending(
  ctx: CoreContext,
  recordId: number,
  printed: boolean
): Result<{ recordId: number; state: PrintJobResultView['labels'][number]['state'] }> {
  if (!pendingLabels(ctx).some((label) => label.recordId === recordId)) {
    const record = getPrintRecord(ctx.db, recordId)
    return record
      ? fail('CONFLICT', `Label ${record.trackingNumber} does not wait for confirmation`, {
          state: record.state
        })
      : fail('NOT_FOUND', `Print record ${String(recordId)} does not exist`)
  }
  // A live queue's label is answered through its queue, which then goes on (or resends) on resume.
  const live = [...service(ctx).stations.values()].find(
    (st) => st.queue.snapshot().unconfirmed?.recordId === recordId
  )
  if (live) {
    live.queue.confirm(recordId, printed)
  }
  const record = live
    ? (getPrintRecord(ctx.db, recordId) ?? confirm(ctx.db, recordId, printed, ctx.now()))
    : confirm(ctx.db, recordId, printed, ctx.now())
  ctx.emit('printing.pendingChanged', { count: pendingLabels(ctx).length })
  ctx.log.info('print record confirmed after restart', { recordId, printed })
  return ok({ recordId: record.id, state: record.state })
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolveValue, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no answer in ${String(ms)} ms`))
    }, ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolveValue(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    )
  })
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
