import { describe, expect, test } from 'vitest'
import {
  selectionIn,
  updateSelection,
  viewKeyOf,
  type KeyedSelection
} from '../../../src/renderer/src/lib/list-selection'
import {
  NO_SELECTION,
  selectionCount,
  toggleSelection,
  type Selection
} from '../../../src/renderer/src/features/orders/selection'

const noRows = () => undefined
const tick = (id: number, index: number) => (sel: Selection) =>
  toggleSelection(sel, { id, index, checked: true, range: false }, noRows)

describe('a list selection keyed to its view', () => {
  test('three ticks with refreshes between them stay three ticks', () => {
    // Each refresh rebuilds the view object (a change event, the search debounce settling).
    const viewAt = () => viewKeyOf({ status: 'pending', query: '' })
    let state: KeyedSelection<Selection> = { viewKey: viewAt(), selection: NO_SELECTION }
    for (const [index, id] of [11, 12, 13].entries()) {
      state = updateSelection(state, viewAt(), tick(id, index), NO_SELECTION)
    }
    expect(selectionCount(selectionIn(state, viewAt(), NO_SELECTION), 3)).toBe(3)
  })

  test('another filter starts empty, and going back does not bring old ticks', () => {
    const pending = viewKeyOf({ status: 'pending', query: '' })
    const search = viewKeyOf({ status: 'pending', query: 'YT' })
    let state: KeyedSelection<Selection> = { viewKey: pending, selection: NO_SELECTION }
    state = updateSelection(state, pending, tick(1, 0), NO_SELECTION)
    expect(selectionCount(selectionIn(state, search, NO_SELECTION), 0)).toBe(0)
    state = updateSelection(state, search, tick(2, 0), NO_SELECTION)
    const back = selectionIn(state, pending, NO_SELECTION)
    expect(selectionCount(back, 0)).toBe(0)
    expect(selectionCount(selectionIn(state, search, NO_SELECTION), 0)).toBe(1)
  })

  test('a plain value replaces the selection of the current view', () => {
    const key = viewKeyOf({ query: '' })
    const state = updateSelection(
      { viewKey: key, selection: NO_SELECTION },
      key,
      { kind: 'matching', except: new Set([5]) },
      NO_SELECTION
    )
    expect(selectionCount(selectionIn(state, key, NO_SELECTION), 10)).toBe(9)
  })
})
