import { Button, Flex, Modal, Table, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrintedRowView } from '../../../../shared/api/manual-print'

/** A selected package ship should ask about: scan-back said 贴错了, or it was never checked. */
export type ShipFlag = {
  readonly orderId: number
  readonly platformOrderId: string
  readonly trackingNumber: string
  readonly problem: 'mislabelled' | 'unverified'
}

/** The packages to ask about before shipping: wrongly labelled first, then the unchecked ones. */
export function shipFlags(rows: readonly PrintedRowView[]): ShipFlag[] {
  const flags = rows
    .filter((r) => !r.shipped && (r.mislabelled || !r.verified))
    .map((r): ShipFlag => ({
      orderId: r.orderId,
      platformOrderId: r.platformOrderId,
      trackingNumber: r.trackingNumber,
      problem: r.mislabelled ? 'mislabelled' : 'unverified'
    }))
  return flags.sort(
    (a, b) => Number(b.problem === 'mislabelled') - Number(a.problem === 'mislabelled')
  )
}

/**
 * Ship's confirmation (issue 10.4): names every wrongly labelled and every unchecked package,
 * and lets the packer hold those orders back and ship the rest, or ship them all.
 */
export function ShipCheckDialog(props: {
  readonly flags: readonly ShipFlag[] | null
  readonly orderCount: number
  readonly onShipRest: () => void
  readonly onShipAll: () => void
  readonly onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  const flags = props.flags ?? []
  const held = new Set(flags.map((f) => f.orderId)).size
  const wrong = flags.filter((f) => f.problem === 'mislabelled').length
  return (
    <Modal
      open={props.flags !== null}
      title={t('printed.shipCheck.title')}
      width={720}
      onCancel={props.onCancel}
      footer={
        <Flex gap={8} justify="end" wrap>
          <Button onClick={props.onCancel}>{t('printed.shipCheck.cancel')}</Button>
          <Button danger={wrong > 0} onClick={props.onShipAll}>
            {t('printed.shipCheck.shipAll', { count: props.orderCount })}
          </Button>
          <Button type="primary" onClick={props.onShipRest} disabled={held >= props.orderCount}>
            {t('printed.shipCheck.shipRest', { held, count: props.orderCount - held })}
          </Button>
        </Flex>
      }
    >
      <Flex vertical gap={8} data-testid="ship-check">
        <Typography.Text>
          {t('printed.shipCheck.summary', { wrong, unverified: flags.length - wrong })}
        </Typography.Text>
        <Table
          size="small"
          rowKey="trackingNumber"
          tableLayout="auto"
          scroll={{ x: 'max-content', y: 320 }}
          pagination={false}
          dataSource={[...flags]}
          columns={[
            {
              key: 'id',
              title: t('printed.columns.platformOrderId'),
              dataIndex: 'platformOrderId'
            },
            {
              key: 'tracking',
              title: t('printed.columns.trackingNumber'),
              dataIndex: 'trackingNumber'
            },
            {
              key: 'problem',
              title: t('printed.shipCheck.problem'),
              render: (_, f) => (
                <Tag color={f.problem === 'mislabelled' ? 'red' : 'orange'}>
                  {t(`printed.shipCheck.${f.problem}`)}
                </Tag>
              )
            }
          ]}
        />
      </Flex>
    </Modal>
  )
}
