import { useCallback, useEffect, useRef, useState } from 'react'
import type { OrderSummary } from '../../../../shared/schemas/order'
import { useClient } from '../../api/context'

export const PAGE_SIZE = 200

export type OrderWindow = {
  readonly total: number
  readonly totalCapped: boolean
  readonly loaded: boolean
  readonly error: string | null
  readonly rowAt: (index: number) => OrderSummary | undefined
  readonly ensureRange: (start: number, end: number) => void
}

/**
 * The order list never holds all rows: it loads pages of {@link PAGE_SIZE} around what the
 * virtual list shows, so 100k or 1M orders cost the renderer the same as 200.
 */
export function useOrderWindow(query: string, refreshKey: number): OrderWindow {
  const client = useClient()
  const pages = useRef(new Map<number, readonly OrderSummary[]>())
  const inFlight = useRef(new Set<number>())
  const generation = useRef(0)
  const [state, setState] = useState({
    total: 0,
    totalCapped: false,
    loaded: false,
    error: null as string | null
  })
  const [, setTick] = useState(0)

  const loadPage = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inFlight.current.has(page)) {
        return
      }
      const gen = generation.current
      inFlight.current.add(page)
      client
        .call('orders.list', { query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (gen !== generation.current) {
            return
          }
          pages.current.set(page, result.rows)
          setState({
            total: result.total,
            totalCapped: result.totalCapped,
            loaded: true,
            error: null
          })
          setTick((n) => n + 1)
        })
        .catch((error: unknown) => {
          if (gen === generation.current) {
            setState((s) => ({
              ...s,
              loaded: true,
              error: error instanceof Error ? error.message : String(error)
            }))
          }
        })
        .finally(() => {
          inFlight.current.delete(page)
        })
    },
    [client, query]
  )

  useEffect(() => {
    generation.current += 1
    pages.current = new Map()
    inFlight.current = new Set()
    loadPage(0)
  }, [loadPage, refreshKey])

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (
        let page = Math.floor(start / PAGE_SIZE);
        page <= Math.floor(end / PAGE_SIZE);
        page += 1
      ) {
        loadPage(page)
      }
    },
    [loadPage]
  )

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pages is a ref; the tick re-renders readers
    [state]
  )

  return { ...state, rowAt, ensureRange }
}
