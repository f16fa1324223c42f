import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  OrderCursor,
  OrderFilter,
  OrderSort,
  OrderSummary
} from '../../../../shared/schemas/order'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

export const PAGE_SIZE = 200

/** The order list reads its rows again after these. */
export const ORDER_EVENTS = ['orders.changed'] as const

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
export type OrderListView = OrderFilter & { readonly sort?: OrderSort }

type LoadedPage = {
  readonly rows: readonly OrderSummary[]
  readonly first: OrderCursor | null
  readonly last: OrderCursor | null
}

export function useOrderWindow(view: OrderListView, refreshKey: number): OrderWindow {
  // A new object with the same filters must not reload the list.
  const viewKey = JSON.stringify(view)
  const client = useClient()
  const pages = useRef(new Map<number, LoadedPage>())
  /**
   * The rows shown before a refresh of the same view, shown until their page is read again: a
   * refresh (orders.changed) must not blank the list for a moment, or a tick landing then hits a
   * placeholder instead of its checkbox and is lost.
   */
  const stale = useRef(new Map<number, LoadedPage>())
  const shownViewKey = useRef(viewKey)
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
      // Rows never wait for a count: a count reads every matching index entry (up to tens of
      // ms at 1M orders) while a page is a few ms. A short first page is its own exact total;
      // otherwise the count comes in a second request and the list shows what it has meanwhile.
      const listView = JSON.parse(viewKey) as OrderListView
      // Scrolling reaches a page next to one already loaded: ask for the rows after its last row
      // (or before the first row of the page below), one index seek at any depth. Only a jump
      // (dragging the scrollbar) asks by offset.
      const above = pages.current.get(page - 1)?.last
      const below = pages.current.get(page + 1)?.first
      const position = above
        ? { after: above, offset: 0 }
        : below
          ? { before: below, offset: 0 }
          : { offset: page * PAGE_SIZE }
      client
        .call('orders.list', {
          ...listView,
          ...position,
          limit: PAGE_SIZE,
          count: false
        })
        .then((result) => {
          if (gen !== generation.current) {
            return
          }
          pages.current.set(page, { rows: result.rows, first: result.first, last: result.last })
          stale.current.delete(page)
          const exact = page === 0 && result.rows.length < PAGE_SIZE
          setState((s) => ({
            total: exact
              ? result.rows.length
              : Math.max(s.total, page * PAGE_SIZE + result.rows.length),
            totalCapped: exact ? false : s.totalCapped,
            loaded: true,
            error: null
          }))
          setTick((n) => n + 1)
          if (page === 0 && !exact) {
            void client
              .call('orders.list', { ...listView, offset: 0, limit: 1, count: true })
              .then((counted) => {
                if (gen === generation.current) {
                  setState((s) => ({
                    ...s,
                    total: counted.total,
                    totalCapped: counted.totalCapped
                  }))
                }
              })
              .catch(() => undefined)
          }
        })
        .catch((error: unknown) => {
          if (gen === generation.current) {
            setState((s) => ({
              ...s,
              loaded: true,
              error: errorWords(error)
            }))
          }
        })
        .finally(() => {
          inFlight.current.delete(page)
        })
    },
    [client, viewKey]
  )

  useEffect(() => {
    generation.current += 1
    if (shownViewKey.current === viewKey) {
      stale.current = new Map([...stale.current, ...pages.current])
    } else {
      // Another view: its rows are other rows, so nothing old may stand in for them.
      stale.current = new Map()
      shownViewKey.current = viewKey
    }
    pages.current = new Map()
    inFlight.current = new Set()
    loadPage(0)
  }, [loadPage, refreshKey, viewKey])

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
    (index: number) => {
      const page = Math.floor(index / PAGE_SIZE)
      return (pages.current.get(page) ?? stale.current.get(page))?.rows[index % PAGE_SIZE]
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pages is a ref; the tick re-renders readers
    [state]
  )

  return { ...state, rowAt, ensureRange }
}
