import { Table, Tag, Typography } from 'antd'
import type { HTMLAttributes, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { maskName } from '../../../../shared/phone'
import type { OrderSummary } from '../../../../shared/schemas/order'

/** A label's state in the batch view; `held` = kept out of the batch with a reason. */
export type RowState = {
  readonly state:
    'waiting' | 'queued' | 'sending' | 'sent' | 'confirmed' | 'failed' | 'voided' | 'held'
  readonly trackingNumber?: string
  readonly reason?: string
}

const COLORS: Readonly<Record<RowState['state'], string>> = {
  waiting: 'default',
  queued: 'default',
  sending: 'processing',
  sent: 'success',
  confirmed: 'success',
  failed: 'error',
  voided: 'default',
  held: 'warning'
}

/** The batch in print order (virtualized: 5000 rows cost what 20 do), with each order's state. */
export function BatchTable(props: {
  readonly orders: readonly OrderSummary[]
  readonly states?: ReadonlyMap<number, RowState>
  readonly height?: number
}): ReactNode {
  const { t } = useTranslation()
  const { states } = props
  return (
    <Table<OrderSummary & { index: number }>
      size="small"
      virtual
      data-testid="batch-table"
      rowKey="id"
      pagination={false}
      scroll={{ y: props.height ?? 320 }}
      dataSource={props.orders.map((o, index) => ({ ...o, index }))}
      onRow={(row) => ({ 'data-order-id': row.platformOrderId }) as HTMLAttributes<HTMLElement>}
      columns={[
        { key: 'index', title: t('print.columns.index'), width: 60, render: (_, r) => r.index + 1 },
        {
          key: 'platformOrderId',
          title: t('print.columns.platformOrderId'),
          dataIndex: 'platformOrderId',
          width: 200
        },
        {
          key: 'receiver',
          title: t('print.columns.receiver'),
          width: 90,
          render: (_, r) => maskName(r.receiverName)
        },
        {
          key: 'region',
          title: t('print.columns.region'),
          dataIndex: 'region',
          width: 200,
          ellipsis: true
        },
        { key: 'items', title: t('print.columns.items'), dataIndex: 'itemSummary', ellipsis: true },
        ...(states
          ? [
              {
                key: 'state',
                title: t('print.columns.state'),
                width: 150,
                render: (_: unknown, r: OrderSummary) => {
                  const s = states.get(r.id) ?? { state: 'waiting' as const }
                  return (
                    <Tag color={COLORS[s.state]} data-testid="row-state">
                      {s.state === 'held' && s.reason
                        ? t(`print.reason.${s.reason}`)
                        : t(`print.state.${s.state}`)}
                    </Tag>
                  )
                }
              },
              {
                key: 'tracking',
                title: t('print.columns.tracking'),
                width: 170,
                render: (_: unknown, r: OrderSummary) => (
                  <Typography.Text code>{states.get(r.id)?.trackingNumber ?? ''}</Typography.Text>
                )
              }
            ]
          : [])
      ]}
    />
  )
}
