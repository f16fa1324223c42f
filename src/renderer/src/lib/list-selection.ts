/**
 * A list's selection belongs to the view it was made on (filters + search): another view starts
 * empty, while a refresh of the same view (a change event, a reload) keeps every tick. The view is
 * compared by its content, so a new object with the same filters is the same view.
 */
export type KeyedSelection<S> = { readonly viewKey: string; readonly selection: S }

export type SelectionUpdate<S> = S | ((current: S) => S)

/** The selection as the view `viewKey` sees it. */
export function selectionIn<S>(state: KeyedSelection<S>, viewKey: string, empty: S): S {
  return state.viewKey === viewKey ? state.selection : empty
}

/** Applies one change on top of what the view `viewKey` has selected. */
export function updateSelection<S>(
  state: KeyedSelection<S>,
  viewKey: string,
  update: SelectionUpdate<S>,
  empty: S
): KeyedSelection<S> {
  const current = selectionIn(state, viewKey, empty)
  const selection = typeof update === 'function' ? (update as (current: S) => S)(current) : update
  return { viewKey, selection }
}

/** The same view, written the same way whatever object holds it. */
export function viewKeyOf(view: object): string {
  return JSON.stringify(view)
}
