import { Button, Descriptions, Drawer, Empty, Flex, Table, Timeline, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { regionText } from '../../../../shared/regions'
import type { OrderDetail } from '../../../../shared/schemas/order'
import { useClient } from '../../api/context'
import { AppendDialog, type AppendTarget } from '../packages/AppendDialog'
import { formatTime } from './OrderTable'
import { OrderStateTag } from './OrderStateTag'
import { PlatformDistrictTag } from './PlatformDistrictTag'
import { SplitPlanEditor } from './SplitPlanEditor'

type Props = {
  readonly orderId: number | null
  readonly refreshKey: number
  readonly onClose: () => void
}

export function OrderDetailDrawer({ orderId, refreshKey, onClose }: Props): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const [loaded, setLoaded] = useState<OrderDetail | null>(null)
  const [appendTarget, setAppendTarget] = useState<AppendTarget | null>(null)
  const [splitOpen, setSplitOpen] = useState(false)
  // An append here reads the order again (its new package), whatever the list does.
  const [appended, setAppended] = useState(0)
  // A stale order from the previous opening is never shown for a new one.
  const order = loaded !== null && loaded.id === orderId ? loaded : null
  // A package's states are enum values: show their words (an unknown one as it is, so it is seen).
  const word = (group: string) => (value: string) =>
    t(`detail.${group}.${value}`, { defaultValue: value })

  useEffect(() => {
    let live = true
    if (orderId === null) {
      return
    }
    void client.call('orders.get', { id: orderId }).then((o) => {
      if (live) {
        setLoaded(o)
      }
    })
    return () => {
      live = false
    }
  }, [client, orderId, refreshKey, appended])

  return (
    <Drawer
      open={orderId !== null}
      onClose={onClose}
      size={720}
      title={order ? t('detail.title', { id: order.platformOrderId }) : ''}
      destroyOnHidden
    >
      {order ? (
        <div data-testid="order-detail">
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('detail.shop')}>{order.shopName}</Descriptions.Item>
            <Descriptions.Item label={t('detail.status')}>
              <OrderStateTag status={order.status} refundState={order.refundState} />
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.receiver')}>
              {order.receiver.name}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.phone')}>{order.receiver.phone}</Descriptions.Item>
            <Descriptions.Item label={t('detail.address')} span={2}>
              <PlatformDistrictTag show={order.platformDistrict} />
              {`${regionText(order.receiver.province, order.receiver.city, order.receiver.district)} ${order.receiver.detail}`}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.createdAt')}>
              {formatTime(order.createdAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.paidAt')}>
              {order.paidAt ? formatTime(order.paidAt) : '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('detail.remark')} span={2}>
              {order.remark || '—'}
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('detail.items')}
          </Typography.Title>
          <Table
            size="small"
            pagination={false}
            rowKey="id"
            dataSource={order.items}
            columns={[
              { title: t('form.sku'), dataIndex: 'sku' },
              { title: t('form.itemTitle'), dataIndex: 'title' },
              { title: t('form.quantity'), dataIndex: 'quantity', align: 'right' },
              { title: t('detail.weight'), dataIndex: 'unitWeightG', align: 'right' }
            ]}
          />
          <Flex justify="space-between" align="center" style={{ marginTop: 20 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('detail.packages')}
            </Typography.Title>
            <Flex gap={8}>
              <Button
                size="small"
                onClick={() => {
                  setSplitOpen(true)
                }}
              >
                {t('splitPlan.action')}
              </Button>
              <Button
                size="small"
                onClick={() => {
                  setAppendTarget({ platformOrderId: order.platformOrderId, shopId: order.shopId })
                }}
              >
                {t('packages.append.action')}
              </Button>
            </Flex>
          </Flex>
          {order.packages.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('detail.noPackages')} />
          ) : (
            <Table
              size="small"
              pagination={false}
              rowKey="id"
              dataSource={order.packages}
              columns={[
                { title: t('detail.sequence'), dataIndex: 'sequence' },
                { title: t('detail.role'), dataIndex: 'role', render: word('roles') },
                { title: t('detail.carrier'), dataIndex: 'carrier' },
                { title: t('detail.trackingNumber'), dataIndex: 'trackingNumber' },
                {
                  title: t('detail.printState'),
                  dataIndex: 'printState',
                  render: word('printStates')
                },
                {
                  title: t('detail.shipState'),
                  dataIndex: 'shipState',
                  render: word('shipStates')
                },
                { title: t('detail.syncState'), dataIndex: 'syncState', render: word('syncStates') }
              ]}
            />
          )}
          <Typography.Title level={5} style={{ marginTop: 20 }}>
            {t('detail.history')}
          </Typography.Title>
          <Timeline
            items={order.history.map((h) => ({
              content: `${formatTime(h.at)} · ${t(`detail.action.${h.action}`, { defaultValue: h.action })} · ${t(`detail.actors.${h.actor}`, { defaultValue: h.actor })}@${h.station}`
            }))}
          />
        </div>
      ) : null}
      <SplitPlanEditor
        target={
          splitOpen && order ? { orderId: order.id, platformOrderId: order.platformOrderId } : null
        }
        onClose={() => {
          setSplitOpen(false)
        }}
        onSaved={() => {
          setAppended((n) => n + 1)
        }}
      />
      <AppendDialog
        target={appendTarget}
        onClose={() => {
          setAppendTarget(null)
        }}
        onAppended={() => {
          setAppended((n) => n + 1)
        }}
      />
    </Drawer>
  )
}
