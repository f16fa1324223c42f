import { useCallback, useEffect, useRef, useState } from 'react'
import type {
  PackageCursor,
  PackageListQuery,
  PackageListRow
} from '../../../../shared/api/packages-list'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

export const PAGE_SIZE = 200

export type PackagesView = Omit<PackageListQuery, 'offset' | 'limit' | 'after' | 'count'>

export type PackagesWindow = {
  readonly total: number
  readonly totalCapped: boolean
  readonly loaded: boolean
  readonly error: string | null
  readonly rowAt: (index: number) => PackageListRow | undefined
  readonly ensureRange: (start: number, end: number) => void
}

type LoadedPage = { readonly rows: readonly PackageListRow[]; readonly last: PackageCursor | null }

/**
 * The 包裹与追加 list never holds all rows: pages of {@link PAGE_SIZE} around what the virtual
 * list shows. A page next to a loaded one is read after that page's last row (one index seek at
 * any depth); a jump reads by offset. The count comes in its own request, so rows never wait.
 */
export function usePackagesWindow(view: PackagesView, refreshKey: number): PackagesWindow {
  const viewKey = JSON.stringify(view)
  const client = useClient()
  const pages = useRef(new Map<number, LoadedPage>())
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
      const listView = JSON.parse(viewKey) as PackagesView
      const above = pages.current.get(page - 1)?.last
      const position = above ? { after: above, offset: 0 } : { offset: page * PAGE_SIZE }
      client
        .call('packages.list', { ...listView, ...position, limit: PAGE_SIZE, count: false })
        .then((result) => {
          if (gen !== generation.current) {
            return
          }
          pages.current.set(page, { rows: result.rows, last: result.last })
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
              .call('packages.list', { ...listView, offset: 0, limit: 1, count: true })
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
            setState((s) => ({ ...s, loaded: true, error: errorWords(error) }))
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
    pages.current = new Map()
    inFlight.current = new Set()
    loadPage(0)
  }, [loadPage, refreshKey])

  const ensureRange = useCallback(
    (start: number, end: number) => {
      for (let p = Math.floor(start / PAGE_SIZE); p <= Math.floor(end / PAGE_SIZE); p += 1) {
        loadPage(p)
      }
    },
    [loadPage]
  )

  const rowAt = useCallback(
    (index: number) => pages.current.get(Math.floor(index / PAGE_SIZE))?.rows[index % PAGE_SIZE],
    // eslint-disable-next-line react-hooks/exhaustive-deps -- pages is a ref; the tick re-renders readers
    [state]
  )

  return { ...state, rowAt, ensureRange }
}
