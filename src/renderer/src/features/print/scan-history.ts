import { useCallback, useState } from 'react'

export type HistoryEntry = {
  readonly key: number
  readonly code: string
  /** An i18n key and its values, so the list reads in the language on screen, not the one scanned in. */
  readonly text: string
  readonly values?: Readonly<Record<string, string>>
  readonly ok: boolean
}

const KEY = 'waybill.scan.history.v2'
const KEPT = 12

function load(): readonly HistoryEntry[] {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]')
    return Array.isArray(value) ? (value as HistoryEntry[]).slice(0, KEPT) : []
  } catch {
    return []
  }
}

/**
 * The recent-scan list, kept in the tab's sessionStorage: it survives switching to another page
 * and back (the page unmounts), and goes with the tab, as a bench's shift does.
 */
export function useScanHistory(): {
  readonly history: readonly HistoryEntry[]
  readonly log: (entry: Omit<HistoryEntry, 'key'>) => void
} {
  const [history, setHistory] = useState<readonly HistoryEntry[]>(load)
  const log = useCallback((entry: Omit<HistoryEntry, 'key'>) => {
    setHistory((h) => {
      const next = [{ ...entry, key: Date.now() + Math.random() }, ...h].slice(0, KEPT)
      try {
        sessionStorage.setItem(KEY, JSON.stringify(next))
      } catch {
        // Storage full or disabled: the list still shows, it just does not survive a page switch.
      }
      return next
    })
  }, [])
  return { history, log }
}
