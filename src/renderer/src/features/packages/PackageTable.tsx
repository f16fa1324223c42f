import { useVirtualizer } from '@tanstack/react-virtual'
import { Empty, Skeleton, Tag, Typography } from 'antd'
import { useEffect, useRef, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PackageListRow } from '../../../../shared/api/packages-list'
import { formatStationTime } from '../../lib/station-time'
import type { PackagesWindow } from './use-packages-window'

const ROW_HEIGHT = 44

const COLUMNS = [
  { key: 'order', width: 'minmax(150px, 180px)' },
  { key: 'package', width: '150px' },
  { key: 'carrier', width: '80px' },
  { key: 'tracking', width: 'minmax(130px, 170px)' },
  { key: 'items', width: 'minmax(120px, 1fr)' },
  { key: 'printed', width: '84px' },
  { key: 'shipped', width: '84px' },
  { key: 'synced', width: '84px' },
  { key: 'addedAt', width: '136px' }
] as const
type ColumnKey = (typeof COLUMNS)[number]['key']
const TEMPLATE = COLUMNS.map((c) => c.width).join(' ')

const ROLE_COLORS = { first: 'default', split: 'blue', appended: 'purple' } as const

/** A virtualized grid (as the Orders page's): only the visible rows exist in the DOM. */
export function PackageTable({
  window: rows,
  emptyText
}: {
  readonly window: PackagesWindow
  readonly emptyText: string
}): ReactNode {
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

  return (
    <div role="grid" aria-rowcount={rows.total} className="wb-table" aria-label="packages">
      <div role="row" className="wb-grid wb-grid-head" style={{ gridTemplateColumns: TEMPLATE }}>
        {COLUMNS.map((c) => (
          <div role="columnheader" key={c.key}>
            {t(`packages.columns.${c.key}`)}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className="wb-scroll" data-testid="package-scroll">
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
                  data-tracking-number={row?.trackingNumber ?? undefined}
                  className="wb-grid wb-row"
                  style={{
                    gridTemplateColumns: TEMPLATE,
                    transform: `translateY(${String(item.start)}px)`,
                    height: ROW_HEIGHT
                  }}
                >
                  {row ? (
                    COLUMNS.map((c) => <Cell key={c.key} column={c.key} row={row} />)
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

function Cell({
  column,
  row
}: {
  readonly column: ColumnKey
  readonly row: PackageListRow
}): ReactNode {
  const { t } = useTranslation()
  const word = (group: string, value: string): string =>
    t(`packages.${group}.${value}`, { defaultValue: value })
  switch (column) {
    case 'order':
      return (
        <div role="gridcell">
          <Typography.Text strong copyable={{ text: row.platformOrderId }}>
            {row.platformOrderId}
          </Typography.Text>
        </div>
      )
    case 'package':
      return (
        <div role="gridcell">
          {t('packages.packageOf', { n: row.sequence, total: row.packageCount })}{' '}
          <Tag color={ROLE_COLORS[row.role]}>{word('roles', row.role)}</Tag>
        </div>
      )
    case 'carrier':
      return <div role="gridcell">{row.carrier ?? '—'}</div>
    case 'tracking':
      return <div role="gridcell">{row.trackingNumber ?? '—'}</div>
    case 'items':
      return (
        <div role="gridcell" title={row.items}>
          {row.items || '—'}
        </div>
      )
    case 'printed':
      return <div role="gridcell">{word('printStates', row.printState)}</div>
    case 'shipped':
      return <div role="gridcell">{word('shipStates', row.shipState)}</div>
    case 'synced':
      return <div role="gridcell">{word('syncStates', row.syncState)}</div>
    case 'addedAt':
      return (
        <div role="gridcell">{row.role === 'appended' ? formatStationTime(row.createdAt) : ''}</div>
      )
  }
}
