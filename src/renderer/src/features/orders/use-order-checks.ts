import { useCallback } from 'react'
import type { OrderSummary } from '../../../../shared/schemas/order'
import type { SelectionUpdate } from '../../lib/list-selection'
import { isSelected, toggleSelection, type Selection } from './selection'

/** The tick boxes of an order table over a {@link Selection} (Shift extends over loaded rows). */
export function useOrderChecks(
  selection: Selection,
  setSelection: (update: SelectionUpdate<Selection>) => void,
  rowAt: (index: number) => OrderSummary | undefined
): {
  readonly isChecked: (id: number) => boolean
  readonly onCheck: (id: number, index: number, checked: boolean, range: boolean) => void
} {
  const isChecked = useCallback((id: number) => isSelected(selection, id), [selection])
  const onCheck = useCallback(
    (id: number, index: number, checked: boolean, range: boolean) => {
      setSelection((sel) => toggleSelection(sel, { id, index, checked, range }, rowAt))
    },
    [rowAt, setSelection]
  )
  return { isChecked, onCheck }
}
