import { RULES } from '../../../shared/rules'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { poolSource, type TrackingNumberSource } from '../waybills/pool-service'
import { PoolEmptyError, allocateChunk, checkBatch, type HeldOrder } from './batch'

/**
 * Where labels go: the print queue of one printer (the printing service). Both calls enqueue
 * before they return their promise, so chunks reach the printer in the order they were given.
 */
export type LabelSink = {
  /**
   * Whether the printer can take labels (it exists and its link opens), asked before any number
   * is drawn so a refused batch writes nothing.
   */
  readonly ready?: (printerId: number) => Result<null>
  readonly print: (request: {
    readonly printerId: number
    readonly template: string
    readonly maskPrivacy: boolean
    readonly packageIds: readonly number[]
  }) => Promise<Result<{ jobId: string }>>
  /** Prints packages again with the numbers they have (counted as reprints). */
  readonly reprint: (request: {
    readonly printerId: number
    readonly template: string
    readonly maskPrivacy: boolean
    readonly packageIds: readonly number[]
  }) => Promise<Result<{ jobId: string }>>
}

/**
 * Pause, resume and cancel on the printer a batch prints to (the printing service's queue).
 * Separate from the sink so a sink that only prints stays a two-method object.
 */
export type QueueControl = {
  readonly pause: (printerId: number) => Result<null>
  readonly resume: (printerId: number) => Result<null>
  readonly cancel: (
    printerId: number,
    jobIds: readonly string[]
  ) => Result<{ voided: number; unconfirmed: number }>
}

export type BatchRequest = {
  readonly orderIds: readonly number[]
  readonly carrier: string
  readonly template: string
  readonly printerId: number
  readonly maskPrivacy: boolean
}

export type BatchProgress = {
  batchId: string
  allocated: number
  total: number
  held: number
  done: boolean
  error: string | null
  paused: boolean
  cancelled: boolean
}

export type BatchStarted = {
  batchId: string
  accepted: number
  held: HeldOrder[]
  /** Labels each accepted order prints, in print order (a split order prints one per package). */
  labels: number[]
  jobIds: string[]
  finished: Promise<BatchProgress>
}

/** The first chunk is small so the printer starts within milliseconds; later chunks amortise the transaction. */
const FIRST_CHUNK = 10
const CHUNK = 250

let batchCounter = 0

type BatchHandle = {
  /** Changes when the packer moves the printer's queue to another printer (see retargetBatches). */
  printerId: number
  readonly jobIds: string[]
  readonly progress: BatchProgress
  readonly onProgress: (p: BatchProgress) => void
  /** Wakes the chunk loop that waits while the batch is paused. */
  wake: (() => void) | null
  /** What the packer asked for, in screen order, and what was held out: for re-attaching a view. */
  readonly orderIds: readonly number[]
  readonly held: readonly HeldOrder[]
  /** Order → the package its label is for, filled as chunks draw numbers. */
  readonly packages: Map<number, number>
  /** The packer has seen its summary and started another (再打一批): no view re-attaches to it. */
  dismissed: boolean
}

/**
 * Recent batches per core (tests get their own): what pause/cancel act on. A batch is kept after
 * its numbers are all drawn, since its labels print for a long while after; old ones are dropped.
 */
const KEPT_BATCHES = 50
const liveBatches = new WeakMap<CoreContext, Map<string, BatchHandle>>()

function batchesOf(ctx: CoreContext): Map<string, BatchHandle> {
  let found = liveBatches.get(ctx)
  if (!found) {
    found = new Map()
    liveBatches.set(ctx, found)
  }
  return found
}

/**
 * Prints a batch in the order given (the order on screen): checks it, then allocates and enqueues
 * chunk by chunk, yielding between chunks so the printer is fed while numbers are still being drawn.
 */
export async function startPrintBatch(
  ctx: CoreContext,
  sink: LabelSink,
  request: BatchRequest,
  onProgress: (p: BatchProgress) => void = () => undefined,
  source: TrackingNumberSource = poolSource,
  control?: QueueControl
): Promise<Result<BatchStarted>> {
  const checked = checkBatch(ctx, request.orderIds, request.carrier, source)
  if (!checked.ok) {
    return checked
  }
  const { eligible, held, labels, needNumbers, available } = checked.value
  if (needNumbers > available) {
    return fail(
      'RULE_VIOLATION',
      `The ${request.carrier} pool holds ${String(available)} numbers; this batch needs ${String(needNumbers)}`,
      {
        code: 'pool_insufficient',
        needed: needNumbers,
        available
      }
    )
  }
  // An unknown printer used to be found only after the first chunk was numbered (contract fuzzer).
  const target = sink.ready?.(request.printerId)
  if (target && !target.ok) {
    return target
  }
  batchCounter += 1
  const batchId = `B${String(ctx.now())}-${String(batchCounter)}`
  const jobIds: string[] = []
  const progress: BatchProgress = {
    batchId,
    allocated: 0,
    total: eligible.length,
    held: held.length,
    done: false,
    error: null,
    paused: false,
    cancelled: false
  }
  const handle: BatchHandle = {
    printerId: request.printerId,
    jobIds,
    progress,
    onProgress,
    wake: null,
    orderIds: [...request.orderIds],
    held,
    packages: new Map(),
    dismissed: false
  }

  const runChunk = async (from: number): Promise<Result<number>> => {
    const size = from === 0 ? FIRST_CHUNK : CHUNK
    const ids = eligible.slice(from, from + size)
    let allocated
    try {
      allocated = allocateChunk(ctx, ids, request.carrier, request.template, source)
    } catch (error) {
      if (error instanceof PoolEmptyError) {
        return fail('RULE_VIOLATION', error.message, { code: 'pool_insufficient' })
      }
      throw error
    }
    if (!allocated.ok) {
      return allocated
    }
    for (const a of allocated.value) {
      // The order's first package stands for it when a print page re-attaches.
      if (!handle.packages.has(a.orderId)) {
        handle.packages.set(a.orderId, a.packageId)
      }
    }
    const job = await sink.print({
      printerId: handle.printerId,
      template: request.template,
      maskPrivacy: request.maskPrivacy,
      packageIds: allocated.value.map((a) => a.packageId)
    })
    if (!job.ok) {
      return job
    }
    jobIds.push(job.value.jobId)
    if (progress.cancelled && control) {
      // Cancelled while this chunk was being handed over: its labels go the same way.
      control.cancel(handle.printerId, [job.value.jobId])
    }
    progress.allocated += ids.length
    onProgress({ ...progress })
    return ok(from + ids.length)
  }

  // The first chunk runs now, so a refusal reaches the caller and the first label leaves at once.
  const first = eligible.length === 0 ? ok(0) : await runChunk(0)
  if (!first.ok) {
    return first
  }
  ctx.log.info('print batch started', {
    batchId,
    total: eligible.length,
    held: held.length,
    rule: RULES.BATCH_PRINT_MAX_5000
  })
  const batches = batchesOf(ctx)
  batches.set(batchId, handle)
  // A new batch is what the print page shows from now on.
  for (const other of batches.values()) {
    other.dismissed = other !== handle
  }
  for (const old of batches.keys()) {
    if (batches.size <= KEPT_BATCHES) {
      break
    }
    batches.delete(old)
  }
  const finished = new Promise<BatchProgress>((resolve) => {
    const next = async (from: number): Promise<void> => {
      if (progress.paused && !progress.cancelled) {
        // No more numbers are drawn while paused: a cancel then leaves fewer orders numbered.
        handle.wake = () => {
          handle.wake = null
          void next(from)
        }
        return
      }
      if (from >= eligible.length || progress.cancelled) {
        progress.done = true
        onProgress({ ...progress })
        resolve({ ...progress })
        return
      }
      let step: Result<number>
      try {
        step = await runChunk(from)
      } catch (error) {
        step = fail('INTERNAL', error instanceof Error ? error.message : String(error))
      }
      if (!step.ok) {
        progress.done = true
        progress.error = step.error.message
        onProgress({ ...progress })
        resolve({ ...progress })
        return
      }
      setImmediate(() => {
        void next(step.value)
      })
    }
    setImmediate(() => {
      void next(first.value)
    })
  })
  return ok({ batchId, accepted: eligible.length, held, labels, jobIds, finished })
}

function liveBatch(ctx: CoreContext, batchId: string): Result<BatchHandle> {
  const handle = batchesOf(ctx).get(batchId)
  return handle
    ? ok(handle)
    : fail('NOT_FOUND', `Print batch ${batchId} is unknown (too old, or from before a restart)`)
}

export type BatchControlView = {
  batchId: string
  paused: boolean
  cancelled: boolean
  allocated: number
  total: number
}

function view(batchId: string, p: BatchProgress): BatchControlView {
  return {
    batchId,
    paused: p.paused,
    cancelled: p.cancelled,
    allocated: p.allocated,
    total: p.total
  }
}

/** Sets a running batch's pause state: the printer's queue first, then the batch's progress. */
function setPaused(
  ctx: CoreContext,
  control: QueueControl,
  batchId: string,
  paused: boolean
): Result<BatchControlView> {
  const found = liveBatch(ctx, batchId)
  if (!found.ok) {
    return found
  }
  const handle = found.value
  const done = paused ? control.pause(handle.printerId) : control.resume(handle.printerId)
  if (!done.ok) {
    return done
  }
  if (handle.progress.paused !== paused) {
    handle.progress.paused = paused
    handle.onProgress({ ...handle.progress })
    if (!paused) {
      handle.wake?.()
    }
  }
  return ok(view(batchId, handle.progress))
}

/**
 * Pauses a running batch: its printer stops after the label in flight, and no more numbers are
 * drawn for it until it resumes. The batch's labels share the printer's FIFO queue, so this stops
 * the printer, which is what a packer at the bench means.
 */
export function pauseBatch(
  ctx: CoreContext,
  control: QueueControl,
  batchId: string
): Result<BatchControlView> {
  return setPaused(ctx, control, batchId, true)
}

/** Resumes a paused batch: allocation goes on and the printer continues from its first unconfirmed label. */
export function resumeBatch(
  ctx: CoreContext,
  control: QueueControl,
  batchId: string
): Result<BatchControlView> {
  return setPaused(ctx, control, batchId, false)
}

/**
 * Cancels a running batch: orders not reached yet get no number; labels queued and not sent are
 * voided, their packages keeping their numbers (invariant 2), so printing those orders later
 * reuses them; the label in flight finishes; one awaiting the packer's answer stays until given.
 */
export function cancelBatch(
  ctx: CoreContext,
  control: QueueControl,
  batchId: string
): Result<BatchControlView & { voided: number; unconfirmed: number; notStarted: number }> {
  const found = liveBatch(ctx, batchId)
  if (!found.ok) {
    return found
  }
  const handle = found.value
  const wasPaused = handle.progress.paused
  handle.progress.cancelled = true
  handle.progress.paused = false
  const cancelled = control.cancel(handle.printerId, handle.jobIds)
  if (!cancelled.ok) {
    return cancelled
  }
  if (handle.progress.done) {
    handle.onProgress({ ...handle.progress })
  } else {
    // The chunk loop sees the cancel (now, if it waited in a pause) and reports the batch done.
    handle.wake?.()
  }
  if (wasPaused) {
    // Jobs queued behind this batch (FIFO) were held by its pause: they go on.
    control.resume(handle.printerId)
  }
  return ok({
    ...view(batchId, handle.progress),
    ...cancelled.value,
    notStarted: handle.progress.total - handle.progress.allocated
  })
}

/** Batches on a printer that still draw numbers or print: what the printer's queue view acts on. */
function batchesOn(ctx: CoreContext, printerId: number): [string, BatchHandle][] {
  return [...batchesOf(ctx).entries()].filter(
    ([, handle]) => handle.printerId === printerId && !handle.progress.cancelled
  )
}

/**
 * The packer moved a printer's queue elsewhere: the chunks its running batches have not drawn yet
 * go to the new printer too, so nothing more lands on the dead one.
 */
export function retargetBatches(
  ctx: CoreContext,
  from: number,
  to: number,
  /** Old job id → the job that now carries its labels on `to`, so the batch's Cancel still reaches them. */
  jobs: ReadonlyMap<string, string>
): number {
  const moved = batchesOn(ctx, from)
  for (const [, handle] of moved) {
    handle.printerId = to
    const carried = handle.jobIds.flatMap((id) => {
      const next = jobs.get(id)
      return next === undefined ? [] : [next]
    })
    handle.jobIds.push(...carried)
  }
  return moved.length
}

/** The packer cancelled a printer's queue: its batches stop drawing numbers, as with the batch's own Cancel. */
export function cancelBatchesOn(
  ctx: CoreContext,
  control: QueueControl,
  printerId: number
): number {
  const running = batchesOn(ctx, printerId).filter(([, handle]) => !handle.progress.done)
  for (const [batchId] of running) {
    cancelBatch(ctx, control, batchId)
  }
  return running.length
}

/** A batch as a print page re-attaching to it needs it: what it holds and how far it got. */
export type CurrentBatchRecord = {
  readonly batchId: string
  readonly printerId: number
  readonly orderIds: readonly number[]
  readonly held: readonly HeldOrder[]
  readonly packages: ReadonlyMap<number, number>
  readonly jobIds: readonly string[]
  readonly progress: BatchProgress
}

/**
 * The batch a print page shows when it opens: the latest one not dismissed, running or finished
 * (its summary shows until the packer starts another). Kept in main, so leaving the page loses
 * nothing; gone after a restart, like pause and cancel.
 */
export function currentBatch(ctx: CoreContext): CurrentBatchRecord | null {
  const latest = [...batchesOf(ctx).entries()].at(-1)
  if (!latest || latest[1].dismissed) {
    return null
  }
  const [batchId, handle] = latest
  return {
    batchId,
    printerId: handle.printerId,
    orderIds: handle.orderIds,
    held: handle.held,
    packages: new Map(handle.packages),
    jobIds: [...handle.jobIds],
    progress: { ...handle.progress }
  }
}

/** The packer closed a batch's summary (再打一批 / 重打): the print page no longer re-attaches to it. */
export function dismissBatch(ctx: CoreContext, batchId: string): Result<{ dismissed: boolean }> {
  const found = liveBatch(ctx, batchId)
  if (!found.ok) {
    return ok({ dismissed: false })
  }
  const was = found.value.dismissed
  found.value.dismissed = true
  return ok({ dismissed: !was })
}
