import { useVirtualizer } from '@tanstack/react-virtual'
import { Empty, Skeleton } from 'antd'
import { useEffect, useRef, type CSSProperties, type Key, type ReactNode } from 'react'

const ROW_HEIGHT = 44

/** What a virtualized list reads from its data: the row count, the rows loaded, and a way to ask for more. */
export type RowWindow<T> = {
  readonly total: number
  readonly loaded: boolean
  readonly rowAt: (index: number) => T | undefined
  readonly ensureRange: (first: number, last: number) => void
}

/** Where a loaded row goes: its React key, its 1-based aria-rowindex and its style in the body. */
export type RowPlacement = {
  readonly key: Key
  readonly index: number
  readonly ariaRowIndex: number
  readonly style: CSSProperties
}

type Props<T> = {
  readonly window: RowWindow<T>
  /** The grid's CSS grid-template-columns, shared by the header and every row. */
  readonly template: string
  /** The header's cells. */
  readonly header: ReactNode
  readonly emptyText: string
  /** The row element (role="row", class "wb-grid wb-row") with the placement's key and style. */
  readonly renderRow: (row: T, placement: RowPlacement) => ReactNode
  readonly testId?: string
  readonly scrollTestId?: string
  readonly ariaLabel?: string
}

/**
 * A virtualized grid, the one behind the order, package and SKU lists: only the visible rows
 * exist in the DOM whatever the row count, and the rows about to show are asked for as the list
 * scrolls. A row not loaded yet shows as a skeleton.
 */
export function VirtualGrid<T>({
  window: rows,
  template,
  header,
  emptyText,
  renderRow,
  testId,
  scrollTestId,
  ariaLabel
}: Props<T>): ReactNode {
  const scrollRef = useRef<HTMLDivElement>(null)
  const virtualizer = useVirtualizer({
    count: rows.total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  const { ensureRange } = rows

  useEffect(() => {
    if (rows.total > 0) {
      ensureRange(first, last)
    }
  }, [ensureRange, first, last, rows.total])

  return (
    <div
      role="grid"
      aria-rowcount={rows.total}
      aria-label={ariaLabel}
      className="wb-table"
      data-testid={testId}
    >
      <div role="row" className="wb-grid wb-grid-head" style={{ gridTemplateColumns: template }}>
        {header}
      </div>
      <div ref={scrollRef} className="wb-scroll" data-testid={scrollTestId}>
        {rows.loaded && rows.total === 0 ? (
          <Empty style={{ marginTop: 64 }} description={emptyText} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows.rowAt(item.index)
              const style: CSSProperties = {
                gridTemplateColumns: template,
                transform: `translateY(${String(item.start)}px)`,
                height: ROW_HEIGHT
              }
              return row === undefined ? (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 1}
                  className="wb-grid wb-row"
                  style={style}
                >
                  <Skeleton.Input active size="small" block style={{ gridColumn: '1 / -1' }} />
                </div>
              ) : (
                renderRow(row, {
                  key: item.key,
                  index: item.index,
                  ariaRowIndex: item.index + 1,
                  style
                })
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}
