import { useCallback, useEffect, useRef, useState } from 'react'
import type { PrinterQueueView } from '../../../../shared/api/printer-queue'
import { useClient } from '../../api/context'

/** Refetches at most this often while queue events stream in (a batch sends one per label). */
const REFRESH_MS = 250

/**
 * Every printer's queue, live: fetched once, then again after queue and batch events, so a
 * printer's state is its queue's (not the last test print's).
 */
export function usePrinterQueues(): {
  readonly queues: readonly PrinterQueueView[]
  readonly refresh: () => void
} {
  const client = useClient()
  const [queues, setQueues] = useState<readonly PrinterQueueView[]>([])
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const inFlight = useRef(false)
  const again = useRef(false)
  const live = useRef(true)

  const fetchNow = useCallback((): void => {
    if (inFlight.current) {
      // One request at a time; a change meanwhile is fetched right after it.
      again.current = true
      return
    }
    inFlight.current = true
    // A function, so the check reads the refs after the await (an event may have set `again`).
    const changedMeanwhile = (): boolean => again.current && live.current
    void (async () => {
      do {
        again.current = false
        try {
          const result = await client.call('printers.queues', {})
          if (live.current) {
            setQueues(result.queues)
          }
        } catch {
          // The next queue event fetches again.
        }
      } while (changedMeanwhile())
      inFlight.current = false
    })()
  }, [client])

  const refresh = useCallback((): void => {
    if (timer.current !== null) {
      return
    }
    timer.current = setTimeout(() => {
      timer.current = null
      fetchNow()
    }, REFRESH_MS)
  }, [fetchNow])

  useEffect(() => {
    live.current = true
    fetchNow()
    const offProgress = client.on('printing.progress', refresh)
    const offBatch = client.on('print.batch', refresh)
    return () => {
      live.current = false
      offProgress()
      offBatch()
      if (timer.current !== null) {
        clearTimeout(timer.current)
        timer.current = null
      }
    }
  }, [client, fetchNow, refresh])

  return { queues, refresh: fetchNow }
}
