import { Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PackageListRow } from '../../../../shared/api/packages-list'
import { formatStationTime } from '../../lib/station-time'
import { VirtualGrid } from '../../lib/VirtualGrid'
import type { PackagesWindow } from './use-packages-window'

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

/** The package list, in the app's virtualized grid. */
export function PackageTable({
  window: rows,
  emptyText
}: {
  readonly window: PackagesWindow
  readonly emptyText: string
}): ReactNode {
  const { t } = useTranslation()
  return (
    <VirtualGrid
      window={rows}
      template={TEMPLATE}
      ariaLabel="packages"
      scrollTestId="package-scroll"
      emptyText={emptyText}
      header={COLUMNS.map((c) => (
        <div role="columnheader" key={c.key}>
          {t(`packages.columns.${c.key}`)}
        </div>
      ))}
      renderRow={(row, at) => (
        <div
          key={at.key}
          role="row"
          aria-rowindex={at.ariaRowIndex}
          data-tracking-number={row.trackingNumber ?? undefined}
          className="wb-grid wb-row"
          style={at.style}
        >
          {COLUMNS.map((c) => (
            <Cell key={c.key} column={c.key} row={row} />
          ))}
        </div>
      )}
    />
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
