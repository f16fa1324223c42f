import { Button } from 'antd'
import type { ReactNode } from 'react'
import { NO_SELECTION, type Selection } from './selection'

/** "Tick all matching" (while only some are ticked) and "clear", next to a selection count. */
export function SelectionLinks(props: {
  readonly selection: Selection
  readonly total: number
  readonly onChange: (next: Selection) => void
  readonly allLabel: string
  readonly clearLabel: string
  readonly showClear: boolean
}): ReactNode {
  const { selection } = props
  return (
    <>
      {selection.kind === 'ids' && props.total > selection.ids.size ? (
        <Button
          size="small"
          type="link"
          onClick={() => {
            props.onChange({ kind: 'matching', except: new Set() })
          }}
        >
          {props.allLabel}
        </Button>
      ) : null}
      {props.showClear ? (
        <Button
          size="small"
          type="link"
          onClick={() => {
            props.onChange(NO_SELECTION)
          }}
        >
          {props.clearLabel}
        </Button>
      ) : null}
    </>
  )
}
