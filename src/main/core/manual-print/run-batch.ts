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
}

export type BatchStarted = {
  batchId: string
  accepted: number
  held: HeldOrder[]
  jobIds: string[]
  finished: Promise<BatchProgress>
}

/** The first chunk is small so the printer starts within milliseconds; later chunks amortise the transaction. */
const FIRST_CHUNK = 10
const CHUNK = 250

let batchCounter = 0

/**
 * Prints a batch in the order given (the order on screen): checks it, then allocates and enqueues
 * chunk by chunk, yielding between chunks so the printer is fed while numbers are still being drawn.
 */
export async function startPrintBatch(
  ctx: CoreContext,
  sink: LabelSink,
  request: BatchRequest,
  onProgress: (p: BatchProgress) => void = () => undefined,
  source: TrackingNumberSource = poolSource
): Promise<Result<BatchStarted>> {
  const checked = checkBatch(ctx, request.orderIds, request.carrier, source)
  if (!checked.ok) {
    return checked
  }
  const { eligible, held, needNumbers, available } = checked.value
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
  batchCounter += 1
  const batchId = `B${String(ctx.now())}-${String(batchCounter)}`
  const jobIds: string[] = []
  const progress: BatchProgress = {
    batchId,
    allocated: 0,
    total: eligible.length,
    held: held.length,
    done: false,
    error: null
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
    const job = await sink.print({
      printerId: request.printerId,
      template: request.template,
      maskPrivacy: request.maskPrivacy,
      packageIds: allocated.value.map((a) => a.packageId)
    })
    if (!job.ok) {
      return job
    }
    jobIds.push(job.value.jobId)
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
  const finished = new Promise<BatchProgress>((resolve) => {
    const next = async (from: number): Promise<void> => {
      if (from >= eligible.length) {
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
  return ok({ batchId, accepted: eligible.length, held, jobIds, finished })
}
