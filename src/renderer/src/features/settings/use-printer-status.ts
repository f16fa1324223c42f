import { useEffect, useRef, useState } from 'react'
import type { PrinterStatusView } from '../../../../shared/api/printers'
import type { AppClient } from '../../../../shared/contract'

/** How often the status light asks while the page is on screen. */
export const STATUS_POLL_MS = 3000

/**
 * Polls `printers.status` for each printer while the tab is visible (and at once when a queue
 * reports a pause); stops when hidden or unmounted. One request per printer in flight at most.
 */
export function usePrinterStatus(
  client: AppClient,
  printerIds: readonly number[]
): ReadonlyMap<number, PrinterStatusView> {
  const [statuses, setStatuses] = useState<ReadonlyMap<number, PrinterStatusView>>(new Map())
  const inFlight = useRef(new Set<number>())
  const key = printerIds.join(',')

  useEffect(() => {
    let live = true
    const ids = key === '' ? [] : key.split(',').map(Number)
    const poll = (): void => {
      if (document.visibilityState !== 'visible') {
        return
      }
      for (const id of ids) {
        if (inFlight.current.has(id)) {
          continue
        }
        inFlight.current.add(id)
        client
          .call('printers.status', { id })
          .then((status) => {
            if (live) {
              setStatuses((previous) => new Map(previous).set(id, status))
            }
          })
          .catch(() => undefined)
          .finally(() => {
            inFlight.current.delete(id)
          })
      }
    }
    poll()
    const timer = setInterval(poll, STATUS_POLL_MS)
    const onVisible = (): void => {
      poll()
    }
    document.addEventListener('visibilitychange', onVisible)
    const off = client.on('printing.progress', (event) => {
      if (event.type === 'paused' || event.type === 'resumed') {
        poll()
      }
    })
    return () => {
      live = false
      clearInterval(timer)
      document.removeEventListener('visibilitychange', onVisible)
      off()
    }
  }, [client, key])

  return statuses
}
