import { useCallback, useEffect, useMemo, useState } from 'react'
import type { EventName } from '../../../shared/contract'
import { useClient } from '../api/context'
import {
  selectionIn,
  updateSelection,
  viewKeyOf,
  type KeyedSelection,
  type SelectionUpdate
} from './list-selection'

/** Typing searches after this pause; Enter searches at once. */
const SEARCH_PAUSE_MS = 250

export type ListOptions<S> = {
  /** Nothing selected. */
  readonly empty: S
  /** What is selected when the list opens (default: nothing). */
  readonly initial?: S
  /** Main's events after which the rows are read again (the selection stays). */
  readonly refreshOn: readonly EventName[]
  /** Keep the selection when the filters or the search change (default: a new view starts empty). */
  readonly keepAcrossViews?: boolean
}

export type ListState<F extends object, S> = {
  /** What the search box shows. */
  readonly search: string
  readonly setSearch: (text: string) => void
  /** Searches for `text` now (Enter, a scan). */
  readonly searchNow: (text: string) => void
  /** The search in effect. */
  readonly query: string
  /** Filters plus the search in effect; the same object for as long as its content is the same. */
  readonly view: F & { readonly query: string }
  readonly viewKey: string
  /** Changes whenever the rows must be read again. */
  readonly refreshKey: number
  readonly refresh: () => void
  readonly selection: S
  readonly setSelection: (update: SelectionUpdate<S>) => void
}

/**
 * What the Orders page, print step 1 and the Printed list share: a debounced search, reloading on
 * change events, and a selection that survives those reloads (a refresh never drops a tick).
 */
export function useList<F extends object, S>(filters: F, options: ListOptions<S>): ListState<F, S> {
  const client = useClient()
  const { empty, keepAcrossViews = false } = options
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [refreshKey, setRefreshKey] = useState(0)

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim())
    }, SEARCH_PAUSE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [search])

  const searchNow = useCallback((text: string) => {
    setSearch(text)
    setQuery(text.trim())
  }, [])

  const viewKey = viewKeyOf({ ...filters, query })
  const view = useMemo(() => JSON.parse(viewKey) as F & { readonly query: string }, [viewKey])

  const refresh = useCallback(() => {
    setRefreshKey((k) => k + 1)
  }, [])
  const eventsKey = options.refreshOn.join(' ')
  useEffect(() => {
    const offs = (eventsKey.split(' ') as EventName[]).map((event) => client.on(event, refresh))
    return () => {
      for (const off of offs) {
        off()
      }
    }
  }, [client, eventsKey, refresh])

  // One key for every view when the selection outlives filter changes.
  const selectionKey = keepAcrossViews ? '' : viewKey
  const [selectionState, setSelectionState] = useState<KeyedSelection<S>>(() => ({
    viewKey: selectionKey,
    selection: options.initial ?? empty
  }))
  const selection = selectionIn(selectionState, selectionKey, empty)
  const setSelection = useCallback(
    (update: SelectionUpdate<S>) => {
      setSelectionState((state) => updateSelection(state, selectionKey, update, empty))
    },
    [selectionKey, empty]
  )

  return {
    search,
    setSearch,
    searchNow,
    query,
    view,
    viewKey,
    refreshKey,
    refresh,
    selection,
    setSelection
  }
}
