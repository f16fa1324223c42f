import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { EventPayload, MethodOutput } from '../../../../shared/contract'
import { MOVED_PREFIX, type QueueStopReason } from '../../../../shared/queue-stop-reasons'
import { useClient } from '../../api/context'
import type { RowState } from './BatchTable'
import { errorText, type PrintTarget } from './use-print-target'

type Held = MethodOutput<'print.start'>['held'][number]
type Progress = EventPayload<'printing.progress'>
export type CurrentBatch = NonNullable<MethodOutput<'print.currentBatch'>['batch']>
/** A label sent whole before the printer faulted: only the packer can say whether it came out. */
export type UnconfirmedLabel = NonNullable<Extract<Progress, { type: 'paused' }>['confirm']>

export type BatchRun = {
  readonly batchId: string | null
  readonly running: boolean
  readonly finished: boolean
  /** Orders that print, in print order. */
  readonly eligible: readonly number[]
  readonly held: readonly Held[]
  readonly states: ReadonlyMap<number, RowState>
  readonly printed: number
  readonly failed: number
  /** Labels voided by Cancel, and orders the cancelled batch never reached. */
  readonly cancelled: number
  readonly allocated: number
  /** Labels per second over the last few seconds; null until two labels came out. */
  readonly rate: number | null
  /** Why the printer stopped (a fault, or the packer's Pause); null while printing. */
  readonly paused: string | null
  /** Why, as a code the page puts in words (连接被拒绝 / 缺纸 …); null when not given. */
  readonly pauseCause: QueueStopReason | null
  /** The packer pressed Pause (the batch also stops drawing numbers). */
  readonly pausedByUser: boolean
  readonly unconfirmed: UnconfirmedLabel | null
  readonly cancelling: boolean
  readonly error: string | null
}

const IDLE: BatchRun = {
  batchId: null,
  running: false,
  finished: false,
  eligible: [],
  held: [],
  states: new Map(),
  printed: 0,
  failed: 0,
  cancelled: 0,
  allocated: 0,
  rate: null,
  paused: null,
  pauseCause: null,
  pausedByUser: false,
  unconfirmed: null,
  cancelling: false,
  error: null
}

const SETTLED = new Set(['sent', 'confirmed', 'failed', 'voided'])

/** Counts from the rows themselves, so a label answered after a fault is never counted twice. */
function counts(
  eligible: readonly number[],
  states: ReadonlyMap<number, RowState>
): { printed: number; failed: number; cancelled: number } {
  let printed = 0
  let failed = 0
  let cancelled = 0
  for (const id of eligible) {
    const s = states.get(id)?.state
    if (s === 'sent' || s === 'confirmed') {
      printed++
    } else if (s === 'failed') {
      failed++
    } else if (s === 'voided') {
      cancelled++
    }
  }
  return { printed, failed, cancelled }
}

export type BatchControls = {
  readonly pause: () => Promise<string | null>
  readonly resume: () => Promise<string | null>
  readonly cancel: () => Promise<string | null>
  /** The packer's answer for the label in doubt; then printing goes on (or resends it). */
  readonly answer: (printed: boolean) => Promise<string | null>
}

/**
 * Runs one print.start and follows it: 'print.batch' says how far allocation got, and the
 * printer's 'printing.progress' says what each label did. The batch's chunks reach the printer's
 * FIFO queue in order, so the n-th label of the batch is the n-th eligible order.
 */
export function useBatchRun(): {
  readonly run: BatchRun
  readonly start: (orderIds: readonly number[], target: PrintTarget) => Promise<string | null>
  readonly controls: BatchControls
  readonly reset: () => void
  /** Follows the batch main still runs (or its unread summary) when the page opens again. */
  readonly attach: () => Promise<CurrentBatch | null>
} {
  const client = useClient()
  const [run, setRun] = useState<BatchRun>(IDLE)
  const live = useRef<{
    printerId: number
    batchId: string | null
    eligible: number[]
    /** The order of each label in print order: a split order's packages follow one another. */
    labelOrders: number[]
    jobs: Map<string, number>
    /** Package → order of every label seen, so a label moved to another printer is still followed. */
    packages: Map<number, number>
    nextOffset: number
    settledAt: number[]
    batchDone: boolean
    cancelled: boolean
    pending: EventPayload<'printing.progress'>[]
    batchEvents: EventPayload<'print.batch'>[]
  } | null>(null)

  const settle = useCallback((next: BatchRun): BatchRun => {
    const cur = live.current
    const done = next.printed + next.failed
    const allPlaced = cur !== null && cur.batchDone
    const stoppedEarly = next.error !== null || (cur?.cancelled ?? false)
    const target = stoppedEarly ? next.allocated : next.eligible.length
    if (allPlaced && done + next.cancelled >= target && next.running && !next.unconfirmed) {
      // Orders the batch never reached: failed (to retry) after an error, cancelled after Cancel.
      const states = new Map(next.states)
      const never = cur.cancelled ? 'voided' : 'failed'
      for (const id of next.eligible) {
        const s = states.get(id)
        if (!s || !SETTLED.has(s.state)) {
          states.set(id, { state: never })
        }
      }
      return {
        ...next,
        states,
        ...counts(next.eligible, states),
        running: false,
        finished: true,
        cancelling: false
      }
    }
    return next
  }, [])

  const onLabel = useCallback(
    (event: EventPayload<'printing.progress'>) => {
      const cur = live.current
      if (!cur) {
        return
      }
      if (event.printerId !== cur.printerId) {
        // Another printer: only this batch's labels the packer moved there (same packages).
        if (event.type !== 'label' || !cur.packages.has(event.packageId)) {
          return
        }
      }
      if (cur.batchId === null) {
        // Until print.start answers we do not know which orders print: replayed then.
        cur.pending.push(event)
        return
      }
      if (event.type === 'job') {
        if (
          event.state === 'queued' &&
          !cur.jobs.has(event.jobId) &&
          cur.nextOffset < cur.labelOrders.length
        ) {
          cur.jobs.set(event.jobId, cur.nextOffset)
          cur.nextOffset += event.labels
        }
        return
      }
      if (event.type === 'paused') {
        setRun((r) => ({
          ...r,
          paused: event.reason,
          pauseCause: event.cause ?? null,
          unconfirmed: event.confirm ?? null
        }))
        return
      }
      if (event.type === 'resumed') {
        setRun((r) => ({ ...r, paused: null, pauseCause: null }))
        return
      }
      const offset = event.printerId === cur.printerId ? cur.jobs.get(event.jobId) : undefined
      const orderId =
        offset === undefined
          ? cur.packages.get(event.packageId)
          : cur.labelOrders[offset + event.index]
      if (orderId === undefined) {
        return
      }
      cur.packages.set(event.packageId, orderId)
      // Voided here because it moved to another printer: it waits there, it is not cancelled.
      const moved = event.state === 'voided' && (event.error ?? '').startsWith(MOVED_PREFIX)
      const state = moved ? 'queued' : event.state
      setRun((r) => {
        const states = new Map(r.states)
        const before = states.get(orderId)?.state
        states.set(orderId, { state, trackingNumber: event.trackingNumber })
        const wasDone = before !== undefined && SETTLED.has(before)
        // The label in doubt is settled once the packer answered (its record left `sent`).
        const unconfirmed =
          r.unconfirmed?.recordId === event.recordId && state !== 'sent' ? null : r.unconfirmed
        if (!wasDone && SETTLED.has(state)) {
          const now = performance.now()
          cur.settledAt.push(now)
          while (cur.settledAt.length > 0 && (cur.settledAt[0] ?? now) < now - 5000) {
            cur.settledAt.shift()
          }
        }
        const first = cur.settledAt[0]
        const last = cur.settledAt.at(-1)
        const rate =
          first !== undefined && last !== undefined && last > first
            ? ((cur.settledAt.length - 1) * 1000) / (last - first)
            : r.rate
        return settle({ ...r, states, ...counts(r.eligible, states), rate, unconfirmed })
      })
    },
    [settle]
  )

  const onBatch = useCallback(
    (event: EventPayload<'print.batch'>) => {
      const cur = live.current
      if (!cur) {
        return
      }
      if (cur.batchId === null) {
        cur.batchEvents.push(event)
        return
      }
      if (event.batchId !== cur.batchId) {
        return
      }
      if (event.done) {
        cur.batchDone = true
      }
      if (event.cancelled) {
        cur.cancelled = true
      }
      setRun((r) =>
        settle({
          ...r,
          allocated: Math.max(r.allocated, event.allocated),
          pausedByUser: event.paused,
          error: event.error ?? r.error
        })
      )
    },
    [settle]
  )

  useEffect(() => {
    const offA = client.on('printing.progress', onLabel)
    const offB = client.on('print.batch', onBatch)
    return () => {
      offA()
      offB()
    }
  }, [client, onLabel, onBatch])

  const start = useCallback(
    async (orderIds: readonly number[], target: PrintTarget): Promise<string | null> => {
      if (target.carrier === null || target.printerId === null) {
        return null
      }
      live.current = {
        printerId: target.printerId,
        batchId: null,
        eligible: [],
        labelOrders: [],
        jobs: new Map(),
        packages: new Map(),
        nextOffset: 0,
        settledAt: [],
        batchDone: false,
        cancelled: false,
        pending: [],
        batchEvents: []
      }
      setRun({ ...IDLE, running: true, eligible: [...orderIds] })
      try {
        const started = await client.call('print.start', {
          orderIds: [...orderIds],
          carrier: target.carrier,
          template: target.template,
          printerId: target.printerId,
          maskPrivacy: target.maskPrivacy
        })
        const heldIds = new Set(started.held.map((h) => h.orderId))
        const eligible = orderIds.filter((id) => !heldIds.has(id))
        const cur = live.current
        cur.eligible = eligible
        cur.labelOrders = eligible.flatMap((id, i) =>
          Array.from({ length: started.labels[i] ?? 1 }, () => id)
        )
        cur.batchId = started.batchId
        const states = new Map<number, RowState>()
        for (const h of started.held) {
          states.set(h.orderId, { state: 'held', reason: h.reason })
        }
        setRun((r) => ({ ...r, batchId: started.batchId, eligible, held: started.held, states }))
        if (eligible.length === 0) {
          cur.batchDone = true
        }
        for (const event of cur.batchEvents.splice(0)) {
          onBatch(event)
        }
        for (const event of cur.pending.splice(0)) {
          onLabel(event)
        }
        setRun((r) => settle({ ...r }))
        return null
      } catch (e) {
        live.current = null
        setRun(IDLE)
        return errorText(e)
      }
    },
    [client, onBatch, onLabel, settle]
  )

  const reset = useCallback(() => {
    const batchId = live.current?.batchId
    live.current = null
    setRun(IDLE)
    if (batchId) {
      // Its summary was read: opening the page again starts at step 1, not at this batch.
      client.call('print.dismissBatch', { batchId }).catch(() => undefined)
    }
  }, [client])

  // A summary seen is done with: leaving the page after the batch finished dismisses it, so the
  // page opens at step 1 next time. One that finished while the packer was away shows once.
  const finished = useRef(false)
  useEffect(() => {
    finished.current = run.finished
  }, [run.finished])
  useEffect(
    () => () => {
      const batchId = live.current?.batchId
      if (finished.current && batchId) {
        client.call('print.dismissBatch', { batchId }).catch(() => undefined)
      }
    },
    [client]
  )

  const attach = useCallback(async (): Promise<CurrentBatch | null> => {
    let found: CurrentBatch | null
    try {
      found = (await client.call('print.currentBatch', {})).batch
    } catch {
      return null
    }
    if (!found) {
      return null
    }
    if (live.current !== null) {
      // Already following it (a second mount), or a batch started meanwhile wins.
      return live.current.batchId === found.batchId ? found : null
    }
    const heldIds = new Set(found.held.map((h) => h.orderId))
    const eligible = found.orders.map((o) => o.orderId).filter((id) => !heldIds.has(id))
    const states = new Map<number, RowState>()
    for (const h of found.held) {
      states.set(h.orderId, { state: 'held', reason: h.reason })
    }
    for (const label of found.labels) {
      states.set(label.orderId, {
        state: label.state,
        ...(label.trackingNumber === null ? {} : { trackingNumber: label.trackingNumber })
      })
    }
    // Labels go on by package (their jobs' offsets were missed); chunks drawn from now on by job.
    live.current = {
      printerId: found.printerId,
      batchId: found.batchId,
      eligible,
      // Chunks drawn after a re-attach are followed as one label per order; a split order's
      // labels already seen are followed by package.
      labelOrders: eligible,
      jobs: new Map(),
      packages: new Map(found.labels.map((l) => [l.packageId, l.orderId])),
      nextOffset: found.progress.allocated,
      settledAt: [],
      batchDone: found.progress.done || eligible.length === 0,
      cancelled: found.progress.cancelled,
      pending: [],
      batchEvents: []
    }
    const stop = found.stop
    setRun(
      settle({
        ...IDLE,
        batchId: found.batchId,
        running: true,
        eligible,
        held: found.held,
        states,
        ...counts(eligible, states),
        allocated: found.progress.allocated,
        paused: stop && stop.reason !== 'paused' ? (stop.detail ?? stop.reason ?? '') : null,
        pauseCause: stop && stop.reason !== 'paused' ? stop.reason : null,
        pausedByUser: found.progress.paused,
        cancelling: found.progress.cancelled,
        error: found.progress.error
      })
    )
    return found
  }, [client, settle])

  const batchCall = useCallback(
    async (method: 'print.pause' | 'print.resume' | 'print.cancel'): Promise<string | null> => {
      const batchId = live.current?.batchId
      if (!batchId) {
        return null
      }
      try {
        const view = await client.call(method, { batchId })
        setRun((r) => ({
          ...r,
          pausedByUser: view.paused,
          cancelling: r.cancelling || view.cancelled
        }))
        return null
      } catch (e) {
        return errorText(e)
      }
    },
    [client]
  )

  const answer = useCallback(
    async (printed: boolean): Promise<string | null> => {
      const doubt = run.unconfirmed
      if (!doubt) {
        return null
      }
      try {
        await client.call('printing.confirm', { recordId: doubt.recordId, printed })
        setRun((r) => ({ ...r, unconfirmed: null }))
        return await batchCall('print.resume')
      } catch (e) {
        return errorText(e)
      }
    },
    [client, run.unconfirmed, batchCall]
  )

  const controls = useMemo<BatchControls>(
    () => ({
      pause: () => batchCall('print.pause'),
      resume: () => batchCall('print.resume'),
      cancel: () => batchCall('print.cancel'),
      answer
    }),
    [batchCall, answer]
  )

  return { run, start, controls, reset, attach }
}
