import { Alert, App, Button, List, Space, Typography } from 'antd'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

type Pending = MethodOutput<'printing.pending'>['labels'][number]

/**
 * Labels a crash left half-sent (DESIGN invariant 4): each one is shown until the packer says
 * whether it came out. Renders nothing when there are none, so it can be mounted anywhere (the
 * Settings printers tab, and globally above every page).
 */
export function PendingLabels(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [labels, setLabels] = useState<Pending[]>([])
  const [busy, setBusy] = useState<number | null>(null)

  const load = useCallback(() => {
    client
      .call('printing.pending', {})
      .then((value) => {
        setLabels(value.labels)
      })
      // The banner is advisory; the next change event or mount asks again.
      .catch(() => undefined)
  }, [client])

  useEffect(() => {
    load()
    return client.on('printing.pendingChanged', load)
  }, [client, load])

  const answer = async (label: Pending, printed: boolean) => {
    setBusy(label.recordId)
    try {
      await client.call('printing.confirm', { recordId: label.recordId, printed })
      void message.success(t('settings.pending.done', { tracking: label.trackingNumber }))
      load()
    } catch (error) {
      void message.error(t('app.error', { message: errorWords(error) }))
    } finally {
      setBusy(null)
    }
  }

  if (labels.length === 0) {
    return null
  }
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="pending-labels"
      style={{ marginBottom: 12 }}
      title={t('settings.pending.title', { count: labels.length })}
      description={
        <>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
            {t('settings.pending.description')}
          </Typography.Paragraph>
          <List
            size="small"
            dataSource={labels}
            rowKey="recordId"
            renderItem={(label) => (
              <List.Item
                actions={[
                  <Button
                    key="printed"
                    size="small"
                    type="primary"
                    loading={busy === label.recordId}
                    onClick={() => void answer(label, true)}
                  >
                    {t('settings.pending.printed')}
                  </Button>,
                  <Button
                    key="not"
                    size="small"
                    disabled={busy === label.recordId}
                    onClick={() => void answer(label, false)}
                  >
                    {t('settings.pending.notPrinted')}
                  </Button>
                ]}
              >
                <Space size="large">
                  <Typography.Text strong copyable>
                    {label.trackingNumber}
                  </Typography.Text>
                  <span>{t('settings.pending.order', { order: label.platformOrderId })}</span>
                  <Typography.Text type="secondary">
                    {t('settings.pending.printer', { printer: label.printer })}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </>
      }
    />
  )
}
