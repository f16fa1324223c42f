import { Checkbox, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { maskPhone } from '../../../../shared/phone'
import type { OrderSummary } from '../../../../shared/schemas/order'
import { formatStationTime } from '../../lib/station-time'
import { VirtualGrid } from '../../lib/VirtualGrid'
import { DeadlineTag } from '../deadline/DeadlineTag'
import { DemoTag } from '../demo/DemoTag'
import { OrderStateTag } from './OrderStateTag'
import { PlatformDistrictTag } from './PlatformDistrictTag'
import type { OrderWindow } from './use-order-window'

/** The list's columns, their widths, in their default order. */
export const ORDER_COLUMNS = [
  { key: 'platformOrderId', width: 'minmax(150px, 180px)' },
  { key: 'receiver', width: '84px' },
  { key: 'phone', width: '108px' },
  { key: 'region', width: 'minmax(140px, 200px)' },
  { key: 'items', width: 'minmax(120px, 1fr)' },
  { key: 'status', width: '78px' },
  { key: 'shipBy', width: '104px' },
  { key: 'tracking', width: 'minmax(120px, 150px)' },
  { key: 'createdAt', width: '128px' },
  { key: 'paidAt', width: '128px' }
] as const
export type ColumnKey = (typeof ORDER_COLUMNS)[number]['key']
const COLUMN_KEYS: readonly ColumnKey[] = ORDER_COLUMNS.map((c) => c.key)

/** What the user chose in 列设置, stored under the settings key 'orders.columns'. */
export type ColumnPrefs = {
  readonly order: readonly ColumnKey[]
  readonly hidden: readonly ColumnKey[]
}
export const DEFAULT_COLUMN_PREFS: ColumnPrefs = { order: COLUMN_KEYS, hidden: [] }

/** Reads saved prefs; unknown keys are dropped and new columns appended, so old settings stay valid. */
export function parseColumnPrefs(json: string | null): ColumnPrefs {
  if (json === null) {
    return DEFAULT_COLUMN_PREFS
  }
  try {
    const value = JSON.parse(json) as { order?: unknown; hidden?: unknown }
    const known = (list: unknown): ColumnKey[] =>
      Array.isArray(list)
        ? list.filter((k): k is ColumnKey => COLUMN_KEYS.includes(k as ColumnKey))
        : []
    const order = [...new Set(known(value.order))]
    return {
      order: [...order, ...COLUMN_KEYS.filter((k) => !order.includes(k))],
      hidden: known(value.hidden)
    }
  } catch {
    return DEFAULT_COLUMN_PREFS
  }
}

/** A column's header; the paid time is this feature's own column, the others share the app's names. */
export function columnLabel(t: TFunction, key: ColumnKey): string {
  if (key === 'shipBy') {
    return t('deadline.column')
  }
  return key === 'paidAt' ? t('orderList.columns.paidAt') : t(`orders.columns.${key}`)
}

/** On the station's clock (its time zone setting), as the labels and exports tell time. */
export function formatTime(ms: number): string {
  return formatStationTime(ms)
}

type Props = {
  readonly window: OrderWindow
  readonly selectedId: number | null
  readonly onOpen: (id: number) => void
  readonly emptyText: string
  readonly columns: ColumnPrefs
  readonly isChecked: (id: number) => boolean
  /** A tick of a row's box; `range` when Shift was held (select from the last ticked row). */
  readonly onCheck: (id: number, index: number, checked: boolean, range: boolean) => void
  /** A trailing cell per row (the 追加包裹 action); its clicks do not open the row. */
  readonly rowAction?: (row: OrderSummary) => ReactNode
}

/** The order list in the app's virtualized grid: only the visible rows exist, whatever the count. */
export function OrderTable({
  window: rows,
  selectedId,
  onOpen,
  emptyText,
  columns,
  isChecked,
  onCheck,
  rowAction
}: Props): ReactNode {
  const { t } = useTranslation()
  const shown = columns.order.filter((k) => !columns.hidden.includes(k))
  const template = [
    '32px',
    ...shown.map((k) => ORDER_COLUMNS.find((c) => c.key === k)?.width ?? '120px'),
    ...(rowAction ? ['104px'] : [])
  ].join(' ')

  const header = (
    <>
      <div role="columnheader" />
      {shown.map((c) => (
        <div role="columnheader" key={c}>
          {columnLabel(t, c)}
        </div>
      ))}
      {rowAction ? <div role="columnheader" /> : null}
    </>
  )

  return (
    <VirtualGrid
      window={rows}
      template={template}
      header={header}
      emptyText={emptyText}
      scrollTestId="order-scroll"
      renderRow={(row, at) => (
        <div
          key={at.key}
          role="row"
          aria-rowindex={at.ariaRowIndex}
          aria-selected={row.id === selectedId}
          data-order-id={row.platformOrderId}
          className={`wb-grid wb-row${row.id === selectedId ? ' wb-row-selected' : ''}`}
          style={at.style}
          onClick={() => {
            onOpen(row.id)
          }}
        >
          <div
            role="gridcell"
            onClick={(e) => {
              e.stopPropagation()
              onCheck(row.id, at.index, !isChecked(row.id), e.shiftKey)
            }}
          >
            <Checkbox
              checked={isChecked(row.id)}
              aria-label={t('orderList.selection.row', { id: row.platformOrderId })}
            />
          </div>
          {shown.map((c) => (
            <Cell key={c} column={c} row={row} />
          ))}
          {rowAction ? (
            <div
              role="gridcell"
              onClick={(e) => {
                e.stopPropagation()
              }}
            >
              {rowAction(row)}
            </div>
          ) : null}
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
  readonly row: OrderSummary
}): ReactNode {
  switch (column) {
    case 'platformOrderId':
      return (
        <div role="gridcell">
          <Typography.Text strong copyable={{ text: row.platformOrderId }}>
            {row.platformOrderId}
          </Typography.Text>
          <DemoTag shopId={row.shopId} />
        </div>
      )
    case 'receiver':
      return <div role="gridcell">{row.receiverName}</div>
    case 'phone':
      return <div role="gridcell">{maskPhone(row.receiverPhone)}</div>
    case 'region':
      return (
        <div role="gridcell" title={row.region}>
          <PlatformDistrictTag show={row.platformDistrict} />
          {row.region}
        </div>
      )
    case 'items':
      return (
        <div role="gridcell" title={row.itemSummary}>
          {row.itemSummary}
        </div>
      )
    case 'status':
      return (
        <div role="gridcell">
          <OrderStateTag status={row.status} refundState={row.refundState} />
        </div>
      )
    case 'shipBy':
      return (
        <div role="gridcell">
          <DeadlineTag {...row} />
        </div>
      )
    case 'tracking':
      return <div role="gridcell">{row.trackingNumbers.join(', ')}</div>
    case 'createdAt':
      return <div role="gridcell">{formatTime(row.createdAt)}</div>
    case 'paidAt':
      return <div role="gridcell">{row.paidAt === null ? '' : formatTime(row.paidAt)}</div>
  }
}
