import { useVirtualizer } from '@tanstack/react-virtual'
import { Empty, Skeleton, Tag, Typography } from 'antd'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { maskPhone } from '../../../../shared/phone'
import type { OrderWindow } from './use-order-window'

const ROW_HEIGHT = 44
const COLUMNS = '190px 110px 130px 220px minmax(200px, 1fr) 100px 170px 150px'

const STATUS_COLORS: Readonly<Record<string, string>> = {
  pending: 'gold',
  partially_shipped: 'blue',
  shipped: 'green',
  closed: 'default'
}

export function formatTime(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${String(d.getFullYear())}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

type Props = {
  readonly window: OrderWindow
  readonly selectedId: number | null
  readonly onOpen: (id: number) => void
  readonly emptyText: string
}

/** A virtualized grid: only the visible rows exist in the DOM, whatever the order count. */
export function OrderTable({ window: rows, selectedId, onOpen, emptyText }: Props): ReactNode {
  const { t } = useTranslation()
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

  const header = (
    <div role="row" className="wb-grid wb-grid-head" style={{ gridTemplateColumns: COLUMNS }}>
      {(
        [
          'platformOrderId',
          'receiver',
          'phone',
          'region',
          'items',
          'status',
          'tracking',
          'createdAt'
        ] as const
      ).map((c) => (
        <div role="columnheader" key={c}>
          {t(`orders.columns.${c}`)}
        </div>
      ))}
    </div>
  )

  return (
    <div role="grid" aria-rowcount={rows.total} className="wb-table">
      {header}
      <div ref={scrollRef} className="wb-scroll" data-testid="order-scroll">
        {rows.loaded && rows.total === 0 ? (
          <Empty style={{ marginTop: 64 }} description={emptyText} />
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const row = rows.rowAt(item.index)
              return (
                <div
                  key={item.key}
                  role="row"
                  aria-rowindex={item.index + 1}
                  aria-selected={row !== undefined && row.id === selectedId}
                  data-order-id={row?.platformOrderId}
                  className={`wb-grid wb-row${row !== undefined && row.id === selectedId ? ' wb-row-selected' : ''}`}
                  style={{
                    gridTemplateColumns: COLUMNS,
                    transform: `translateY(${String(item.start)}px)`,
                    height: ROW_HEIGHT
                  }}
                  onClick={() => {
                    if (row) {
                      onOpen(row.id)
                    }
                  }}
                >
                  {row ? (
                    <>
                      <div role="gridcell">
                        <Typography.Text strong copyable={{ text: row.platformOrderId }}>
                          {row.platformOrderId}
                        </Typography.Text>
                      </div>
                      <div role="gridcell">{row.receiverName}</div>
                      <div role="gridcell">{maskPhone(row.receiverPhone)}</div>
                      <div role="gridcell" title={row.region}>
                        {row.region}
                      </div>
                      <div role="gridcell" title={row.itemSummary}>
                        {row.itemSummary}
                      </div>
                      <div role="gridcell">
                        <Tag color={STATUS_COLORS[row.status]}>
                          {t(`orders.status.${row.status}`)}
                        </Tag>
                      </div>
                      <div role="gridcell">{row.trackingNumbers.join(', ')}</div>
                      <div role="gridcell">{formatTime(row.createdAt)}</div>
                    </>
                  ) : (
                    <Skeleton.Input active size="small" block style={{ gridColumn: '1 / -1' }} />
                  )}
                </div>
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}
