import type { OrderSummary } from '../../../../shared/schemas/order'

/**
 * A selection on the order list: ticked ids, or "every order matching the list's filters" minus
 * the ones unticked since — a query (the filters themselves), never a million ids in memory.
 */
export type Selection =
  | { readonly kind: 'ids'; readonly ids: ReadonlySet<number>; readonly anchor: number | null }
  | { readonly kind: 'matching'; readonly except: ReadonlySet<number> }

export const NO_SELECTION: Selection = { kind: 'ids', ids: new Set(), anchor: null }

export function isSelected(selection: Selection, id: number): boolean {
  return selection.kind === 'ids' ? selection.ids.has(id) : !selection.except.has(id)
}

export function selectionCount(selection: Selection, total: number): number {
  return selection.kind === 'ids' ? selection.ids.size : Math.max(0, total - selection.except.size)
}

/** One tick (or a shift-click range over the loaded rows between the last tick and this one). */
export function toggleSelection(
  selection: Selection,
  change: {
    readonly id: number
    readonly index: number
    readonly checked: boolean
    readonly range: boolean
  },
  rowAt: (index: number) => OrderSummary | undefined
): Selection {
  if (selection.kind === 'matching') {
    const except = new Set(selection.except)
    if (change.checked) {
      except.delete(change.id)
    } else {
      except.add(change.id)
    }
    return { kind: 'matching', except }
  }
  const ids = new Set(selection.ids)
  if (change.range && selection.anchor !== null) {
    const [from, to] =
      selection.anchor < change.index
        ? [selection.anchor, change.index]
        : [change.index, selection.anchor]
    for (let i = from; i <= to; i++) {
      const row = rowAt(i)
      if (row) {
        ids.add(row.id)
      }
    }
  } else if (change.checked) {
    ids.add(change.id)
  } else {
    ids.delete(change.id)
  }
  return { kind: 'ids', ids, anchor: change.index }
}
