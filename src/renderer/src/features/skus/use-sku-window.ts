import { useCallback, useEffect, useRef, useState } from 'react'
import type { SkuView } from '../../../../shared/api/skus'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

/** Rows per call: the virtual table asks for the pages around what it shows. */
const PAGE_SIZE = 200

export type SkuWindow = {
  readonly total: number
  readonly loaded: boolean
  readonly error: string | null
  readonly rowAt: (index: number) => SkuView | undefined
  readonly ensureRange: (start: number, end: number) => void
}

/**
 * The catalogue never held whole in the renderer: pages of {@link PAGE_SIZE} by offset around
 * the visible rows, so 100k SKUs cost what 200 do. A new search or `refreshKey` starts over.
 */
export function useSkuWindow(search: string, refreshKey: number): SkuWindow {
  const client = useClient()
  const pages = useRef(new Map<number, readonly SkuView[]>())
  const inFlight = useRef(new Set<number>())
  const generation = useRef(0)
  const [state, setState] = useState({ total: 0, loaded: false, error: null as string | null })
  const [, setTick] = useState(0)

  const loadPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inFlight.current.has(page)) {
        return
      }
      inFlight.current.add(page)
      const gen = generation.current
      client
        .call('skus.window', { offset: page * PAGE_SIZE, limit: PAGE_SIZE, search })
        .then((r) => {
          if (gen !== generation.current) {
            return
          }
          pages.current.set(page, r.rows)
          setState({ total: r.total, loaded: true, error: null })
          setTick((n) => n + 1)
        })
        .catch((error: unknown) => {
          if (gen === generation.current) {
            setState((s) => ({ ...s, loaded: true, error: errorWords(error) }))
          }
        })
        .finally(() => {
          inFlight.current.delete(page)
        })
    },
    [client, search]
  )

  useEffect(() => {
    generation.current += 1
    pages.current = new Map()
    inFlight.current = new Set()
    loadPage(0)
  }, [loadPage, refreshKey])

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    []
  )
  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p++) {
        loadPage(p)
      }
    },
    [loadPage]
  )
  return { ...state, rowAt, ensureRange }
}
