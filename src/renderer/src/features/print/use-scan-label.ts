import { useCallback, useEffect, useRef, useState } from 'react'
import type { EventPayload } from '../../../../shared/contract'
import { stopReason, type QueueStopReason } from '../../../../shared/queue-stop-reasons'
import { useClient } from '../../api/context'

type Progress = EventPayload<'printing.progress'>

/**
 * What became of the label a scan queued, as far as the printer can tell: green only for
 * `printed` (confirmed by the printer, or sent whole on a link that cannot answer).
 */
export type LabelFate =
  | { readonly state: 'sending' }
  | {
      readonly state: 'waiting'
      readonly cause: QueueStopReason | null
      /** The queue's own words (English), for the tooltip and when no cause is known. */
      readonly detail: string
    }
  | { readonly state: 'printed' }
  | { readonly state: 'failed'; readonly detail: string }

/** The label being followed: its queue job on a printer. */
export type WatchedLabel = {
  readonly printerId: number
  readonly jobId: string
  readonly packageId: number | null
}

/** Events kept per job until the scan's answer names its job (they can arrive first). */
const KEPT_JOBS = 20

type Seen = {
  labelState: string | null
  labelError: string | null
  jobState: 'queued' | 'done' | 'cancelled' | null
}

function fateOf(seen: Seen, stopped: Extract<Progress, { type: 'paused' }> | null): LabelFate {
  const s = seen.labelState
  if (s === 'confirmed' || (s === 'sent' && seen.jobState === 'done')) {
    return { state: 'printed' }
  }
  if (s === 'voided' || seen.jobState === 'cancelled') {
    return { state: 'failed', detail: seen.labelError ?? 'cancelled' }
  }
  if (stopped) {
    return {
      state: 'waiting',
      cause:
        stopped.cause ??
        stopReason(stopped.reason, stopped.status ?? null, stopped.confirm !== undefined),
      detail: stopped.reason
    }
  }
  if (s === 'failed') {
    // A failed send stops the queue, which resends it on resume: it waits, it is not lost.
    return { state: 'waiting', cause: null, detail: seen.labelError ?? '' }
  }
  return { state: 'sending' }
}

/**
 * Follows one queued label through 'printing.progress' until the printer answers. A queue that
 * was already stopped before the label joined it sends no new event, so its state is asked once.
 */
export function useScanLabel(): {
  readonly fate: LabelFate | null
  readonly watch: (label: WatchedLabel | null) => void
} {
  const client = useClient()
  const [fate, setFate] = useState<LabelFate | null>(null)
  const watched = useRef<WatchedLabel | null>(null)
  const jobs = useRef(new Map<string, Seen>())
  /** The last stop per printer (null once it resumed). */
  const stops = useRef(new Map<number, Extract<Progress, { type: 'paused' }> | null>())

  const refresh = useCallback(() => {
    const w = watched.current
    if (!w) {
      return
    }
    const seen = jobs.current.get(w.jobId) ?? { labelState: null, labelError: null, jobState: null }
    setFate(fateOf(seen, stops.current.get(w.printerId) ?? null))
  }, [])

  useEffect(
    () =>
      client.on('printing.progress', (event) => {
        if (event.type === 'paused') {
          stops.current.set(event.printerId, event)
        } else if (event.type === 'resumed') {
          stops.current.set(event.printerId, null)
        } else {
          const seen = jobs.current.get(event.jobId) ?? {
            labelState: null,
            labelError: null,
            jobState: null
          }
          if (event.type === 'job') {
            seen.jobState = event.state
          } else {
            seen.labelState = event.state
            seen.labelError = event.error ?? seen.labelError
          }
          jobs.current.delete(event.jobId)
          jobs.current.set(event.jobId, seen)
          for (const old of jobs.current.keys()) {
            if (jobs.current.size <= KEPT_JOBS) {
              break
            }
            jobs.current.delete(old)
          }
        }
        if (watched.current?.printerId === event.printerId) {
          refresh()
        }
      }),
    [client, refresh]
  )

  const watch = useCallback(
    (label: WatchedLabel | null) => {
      watched.current = label
      if (!label) {
        setFate(null)
        return
      }
      refresh()
      if (stops.current.has(label.printerId)) {
        return
      }
      // No pause seen since the page opened: ask whether the queue was stopped before.
      void client
        .call('printers.status', { id: label.printerId })
        .then((status) => {
          if (watched.current !== label || stops.current.has(label.printerId)) {
            return
          }
          if (status.paused) {
            stops.current.set(label.printerId, {
              type: 'paused',
              printerId: label.printerId,
              printer: '',
              reason: status.pauseReason ?? '',
              status: status.state
            })
            refresh()
          }
        })
        .catch(() => undefined)
    },
    [client, refresh]
  )

  return { fate, watch }
}
