import { Tag } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderSummary } from '../../../../shared/schemas/order'

const STATUS_COLORS: Readonly<Record<OrderSummary['status'], string>> = {
  pending: 'gold',
  partially_shipped: 'blue',
  shipped: 'green',
  closed: 'default'
}

/**
 * The order's state as the packer must read it: an unshipped order under refund shows the hold
 * (退款中 / 已退款) in red, not 待发货, since it must not be printed or shipped (issue 10.3).
 */
export function OrderStateTag(props: {
  readonly status: OrderSummary['status']
  readonly refundState: OrderSummary['refundState']
}): ReactNode {
  const { t } = useTranslation()
  const { status, refundState } = props
  const status_ = t(`orders.status.${status}`)
  const held = refundState !== 'none' && (status === 'pending' || status === 'partially_shipped')
  if (held) {
    return (
      <Tag color="red" title={status_} data-testid="order-hold">
        {t(`orders.refund.${refundState}`)}
      </Tag>
    )
  }
  return <Tag color={STATUS_COLORS[status]}>{status_}</Tag>
}
