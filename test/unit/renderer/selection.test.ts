import { describe, expect, test } from 'vitest'
import {
  NO_SELECTION,
  isSelected,
  selectionCount,
  toggleSelection
} from '../../../src/renderer/src/features/orders/selection'
import type { OrderSummary } from '../../../src/shared/schemas/order'

const rows = [11, 12, 13, 14, 15].map((id) => ({ id }) as OrderSummary)
const rowAt = (i: number) => rows[i]

describe('order list selection', () => {
  test('ticks, unticks and shift-click ranges over loaded rows', () => {
    let sel = toggleSelection(
      NO_SELECTION,
      { id: 12, index: 1, checked: true, range: false },
      rowAt
    )
    sel = toggleSelection(sel, { id: 14, index: 3, checked: true, range: true }, rowAt)
    expect([11, 12, 13, 14, 15].filter((id) => isSelected(sel, id))).toEqual([12, 13, 14])
    sel = toggleSelection(sel, { id: 13, index: 2, checked: false, range: false }, rowAt)
    expect(selectionCount(sel, 1000)).toBe(2)
  })

  test('"all matching" counts the total minus the unticked, without holding ids', () => {
    let sel = toggleSelection(
      { kind: 'matching', except: new Set() },
      { id: 12, index: 1, checked: false, range: false },
      rowAt
    )
    expect(isSelected(sel, 12)).toBe(false)
    expect(isSelected(sel, 999_999)).toBe(true)
    expect(selectionCount(sel, 1_000_000)).toBe(999_999)
    sel = toggleSelection(sel, { id: 12, index: 1, checked: true, range: false }, rowAt)
    expect(selectionCount(sel, 1_000_000)).toBe(1_000_000)
  })
})
