import { Drawer } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderDetail } from '../../../../shared/schemas/order'
import { OrderForm } from './OrderForm'

/** Entering one order by hand, from the Orders page or print step 1. */
export function AddOrderDrawer(props: {
  readonly open: boolean
  readonly onClose: () => void
  readonly onSaved: (order: OrderDetail) => void
}): ReactNode {
  const { t } = useTranslation()
  return (
    <Drawer
      open={props.open}
      title={t('form.title')}
      size={760}
      onClose={props.onClose}
      destroyOnHidden
    >
      <OrderForm onSaved={props.onSaved} onCancel={props.onClose} />
    </Drawer>
  )
}
