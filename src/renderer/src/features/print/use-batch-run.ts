import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventPayload, MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import type { RowState } from './BatchTable'
import { errorText, type PrintTarget } from './use-print-target'

type Held = MethodOutput<'print.start'>['held'][number]

export type BatchRun = {
  readonly running: boolean
  readonly finished: boolean
  /** Orders that print, in print order. */
  readonly eligible: readonly number[]
  readonly held: readonly Held[]
  readonly states: ReadonlyMap<number, RowState>
  readonly printed: number
  readonly failed: number
  readonly allocated: number
  /** Labels per second over the last few seconds; null until two labels came out. */
  readonly rate: number | null
  readonly paused: string | null
  readonly error: string | null
}

const IDLE: BatchRun = {
  running: false,
  finished: false,
  eligible: [],
  held: [],
  states: new Map(),
  printed: 0,
  failed: 0,
  allocated: 0,
  rate: null,
  paused: null,
  error: null
}

const SETTLED = new Set(['sent', 'confirmed', 'failed', 'voided'])

/**
 * Runs one print.start and follows it: 'print.batch' says how far allocation got, and the
 * printer's 'printing.progress' says what each label did. The batch's chunks reach the printer's
 * FIFO queue in order, so the n-th label of the batch is the n-th eligible order.
 */
export function useBatchRun(): {
  readonly run: BatchRun
  readonly start: (orderIds: readonly number[], target: PrintTarget) => Promise<string | null>
  readonly reset: () => void
} {
  const client = useClient()
  const [run, setRun] = useState<BatchRun>(IDLE)
  const live = useRef<{
    printerId: number
    batchId: string | null
    eligible: number[]
    jobs: Map<string, number>
    nextOffset: number
    settledAt: number[]
    batchDone: boolean
    pending: EventPayload<'printing.progress'>[]
    batchEvents: EventPayload<'print.batch'>[]
  } | null>(null)

  const settle = useCallback((next: BatchRun): BatchRun => {
    const cur = live.current
    const done = next.printed + next.failed
    const allPlaced = cur !== null && cur.batchDone
    const target = next.error !== null ? next.allocated : next.eligible.length
    if (allPlaced && done >= target && next.running) {
      // Orders the batch never reached (it stopped early) count as failed, to retry.
      const states = new Map(next.states)
      let failed = next.failed
      for (const id of next.eligible) {
        const s = states.get(id)
        if (!s || !SETTLED.has(s.state)) {
          states.set(id, { state: 'failed' })
          failed++
        }
      }
      return { ...next, states, failed, running: false, finished: true }
    }
    return next
  }, [])

  const onLabel = useCallback(
    (event: EventPayload<'printing.progress'>) => {
      const cur = live.current
      if (!cur || event.printerId !== cur.printerId) {
        return
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
          cur.nextOffset < cur.eligible.length
        ) {
          cur.jobs.set(event.jobId, cur.nextOffset)
          cur.nextOffset += event.labels
        }
        return
      }
      if (event.type === 'paused') {
        setRun((r) => ({ ...r, paused: event.reason }))
        return
      }
      if (event.type === 'resumed') {
        setRun((r) => ({ ...r, paused: null }))
        return
      }
      const offset = cur.jobs.get(event.jobId)
      const orderId = offset === undefined ? undefined : cur.eligible[offset + event.index]
      if (orderId === undefined) {
        return
      }
      setRun((r) => {
        const states = new Map(r.states)
        const before = states.get(orderId)?.state
        states.set(orderId, { state: event.state, trackingNumber: event.trackingNumber })
        let { printed, failed } = r
        const wasDone = before !== undefined && SETTLED.has(before)
        if (!wasDone && SETTLED.has(event.state)) {
          if (event.state === 'sent' || event.state === 'confirmed') {
            printed++
          } else {
            failed++
          }
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
        return settle({ ...r, states, printed, failed, rate })
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
      setRun((r) =>
        settle({
          ...r,
          allocated: Math.max(r.allocated, event.allocated),
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
        jobs: new Map(),
        nextOffset: 0,
        settledAt: [],
        batchDone: false,
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
        cur.batchId = started.batchId
        const states = new Map<number, RowState>()
        for (const h of started.held) {
          states.set(h.orderId, { state: 'held', reason: h.reason })
        }
        setRun((r) => ({ ...r, eligible, held: started.held, states }))
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
    live.current = null
    setRun(IDLE)
  }, [])

  return { run, start, reset }
}
