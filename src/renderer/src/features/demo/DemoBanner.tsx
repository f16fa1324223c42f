import { ExperimentOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Space, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../api/context'
import { errorText } from '../print/use-print-target'
import { PreviewLabels } from './PreviewLabels'
import { useDemo } from './use-demo'

/**
 * The Orders page's demo corner: on a station without orders it offers 载入示例订单; while the
 * demo shop exists it says so (and that exports leave it out) and offers to remove it.
 */
export function DemoBanner(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message, modal } = App.useApp()
  const { demo, refresh } = useDemo()
  const [busy, setBusy] = useState(false)

  const load = async () => {
    setBusy(true)
    try {
      const state = await client.call('demo.load', {})
      void message.success(t('demo.loaded', { count: state.orders }))
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    } finally {
      setBusy(false)
      refresh()
    }
  }

  const remove = () => {
    modal.confirm({
      title: t('demo.removeTitle'),
      content: t('demo.removeBody', { count: demo?.orders ?? 0 }),
      okText: t('demo.removeOk'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          const removed = await client.call('demo.remove', {})
          void message.success(t('demo.removed', { count: removed.orders }))
        } catch (e) {
          void message.error(t('app.error', { message: errorText(e) }))
        } finally {
          refresh()
        }
      }
    })
  }

  if (demo === null) {
    return null
  }
  if (demo.shopId !== null) {
    return (
      <Alert
        type="info"
        showIcon
        icon={<ExperimentOutlined />}
        data-testid="demo-loaded"
        title={t('demo.loadedBanner', { count: demo.orders })}
        description={<PreviewLabels />}
        action={
          <Button size="small" danger onClick={remove}>
            {t('demo.remove')}
          </Button>
        }
      />
    )
  }
  if (!demo.offer) {
    return null
  }
  return (
    <Card size="small" data-testid="demo-offer">
      <Flex align="center" justify="space-between" gap={16} wrap>
        <Space orientation="vertical" size={2}>
          <Typography.Text strong>{t('demo.offerTitle')}</Typography.Text>
          <Typography.Text type="secondary">{t('demo.offerBody')}</Typography.Text>
        </Space>
        <Button
          type="primary"
          icon={<ExperimentOutlined />}
          loading={busy}
          onClick={() => void load()}
        >
          {t('demo.load')}
        </Button>
      </Flex>
    </Card>
  )
}
