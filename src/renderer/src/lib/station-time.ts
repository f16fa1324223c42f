import { useEffect, useSyncExternalStore } from 'react'
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../../shared/time-zone'
import { useClient } from '../api/context'

/**
 * The station's time zone (设置 → 工作台), which every time on screen is told in, as labels and
 * exports are: a packer in a browser set to another zone still sees the label's time.
 */
let zone = DEFAULT_TIME_ZONE
const listeners = new Set<() => void>()

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

export function setStationTimeZone(next: string): void {
  if (next !== zone) {
    zone = next
    for (const listener of listeners) {
      listener()
    }
  }
}

/** `2026-11-24 00:05` on the station's clock. */
export function formatStationTime(epochMs: number): string {
  return formatDateTime(epochMs, zone)
}

/** The zone, re-rendering the caller when it changes; the first caller loads it from settings. */
export function useStationTimeZone(): string {
  const client = useClient()
  useEffect(() => {
    client
      .call('settings.get', { key: 'station.timeZone' })
      .then((r) => {
        setStationTimeZone(r.value ?? DEFAULT_TIME_ZONE)
      })
      .catch(() => undefined)
  }, [client])
  return useSyncExternalStore(subscribe, () => zone)
}
