import { ReloadOutlined, StopOutlined, SwapOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography
} from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterQueueView, QueueLabelView } from '../../../../shared/api/printer-queue'
import { useClient } from '../../api/context'
import { queueErrorText } from './queue-words'

const STATE_COLORS: Readonly<Record<PrinterQueueView['state'], string>> = {
  idle: 'default',
  printing: 'processing',
  stopped: 'error'
}

/**
 * One printer's queue: what waits (package, order, tracking number, state), why it stopped in
 * words, and the packer's retry / move to another printer / cancel.
 */
export function PrinterQueuePanel(props: {
  readonly queue: PrinterQueueView
  /** Every printer's queue: the other printers are the move targets. */
  readonly all: readonly PrinterQueueView[]
  readonly onChanged: () => void
}): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const { queue } = props
  const [target, setTarget] = useState<number | null>(null)
  const [busy, setBusy] = useState<'retry' | 'move' | 'cancel' | null>(null)
  const waiting = queue.labels.length
  const others = props.all.filter((q) => q.printerId !== queue.printerId)

  const act = async (kind: 'retry' | 'move' | 'cancel', work: () => Promise<string>) => {
    setBusy(kind)
    try {
      void message.success(await work())
    } catch (error) {
      void message.error(queueErrorText(error, t))
    } finally {
      setBusy(null)
      props.onChanged()
    }
  }

  const retry = () =>
    act('retry', async () => {
      await client.call('printers.resume', { id: queue.printerId })
      return t('queue.retried', { printer: queue.printer })
    })
  const move = () => {
    const to = others.find((q) => q.printerId === target)
    if (!to) {
      return
    }
    void act('move', async () => {
      const result = await client.call('printers.queueMove', {
        from: queue.printerId,
        to: to.printerId
      })
      setTarget(null)
      return t('queue.moved', { count: result.moved, printer: to.printer })
    })
  }
  const cancel = () =>
    act('cancel', async () => {
      const result = await client.call('printers.queueCancel', { id: queue.printerId })
      return t('queue.cancelled', { count: result.voided })
    })

  return (
    <div data-testid="printer-queue" data-printer-name={queue.printer} data-state={queue.state}>
      <Card
        size="small"
        title={
          <Space size={8}>
            <span>{t('queue.title', { printer: queue.printer })}</span>
            <Tag color={STATE_COLORS[queue.state]} data-testid="queue-state">
              {queue.reason
                ? t(`queue.reasonShort.${queue.reason}`)
                : t(`queue.state.${queue.state}`)}
            </Tag>
          </Space>
        }
      >
        <Flex vertical gap={8}>
          {queue.reason ? (
            <div data-testid="queue-reason">
              <Alert
                type={queue.reason === 'paused' ? 'info' : 'error'}
                showIcon
                title={t('queue.why', { reason: t(`queue.reason.${queue.reason}`) })}
                description={
                  <span title={queue.detail ?? undefined}>
                    {queue.reason === 'unconfirmed' ? t('queue.unconfirmedLeft') : t('queue.hint')}
                  </span>
                }
              />
            </div>
          ) : null}
          {waiting > 0 || queue.state === 'stopped' ? (
            <Space wrap size={8} data-testid="queue-actions">
              <Button
                type="primary"
                icon={<ReloadOutlined />}
                loading={busy === 'retry'}
                disabled={queue.state !== 'stopped'}
                onClick={() => void retry()}
              >
                {t('queue.retry')}
              </Button>
              <Space.Compact>
                <Select<number>
                  aria-label={t('queue.moveTo')}
                  placeholder={t('queue.moveTo')}
                  style={{ minWidth: 180 }}
                  value={target ?? undefined}
                  onChange={setTarget}
                  disabled={waiting === 0}
                  options={others.map((q) => ({ value: q.printerId, label: q.printer }))}
                />
                <Button
                  icon={<SwapOutlined />}
                  loading={busy === 'move'}
                  disabled={target === null || waiting === 0}
                  onClick={move}
                >
                  {t('queue.move')}
                </Button>
              </Space.Compact>
              <Popconfirm
                title={t('queue.cancelConfirm', { count: waiting, printer: queue.printer })}
                description={t('queue.cancelHint')}
                okText={t('queue.cancelOk')}
                cancelText={t('queue.cancelKeep')}
                okButtonProps={{ danger: true }}
                onConfirm={() => void cancel()}
              >
                <Button
                  danger
                  icon={<StopOutlined />}
                  loading={busy === 'cancel'}
                  disabled={waiting === 0}
                >
                  {t('queue.cancel')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null}
          <Table<QueueLabelView>
            size="small"
            rowKey="recordId"
            pagination={false}
            dataSource={queue.labels}
            scroll={queue.labels.length > 8 ? { y: 280 } : undefined}
            locale={{ emptyText: t('queue.empty') }}
            onRow={(label) => ({ 'data-tracking': label.trackingNumber }) as object}
            columns={[
              {
                key: 'order',
                title: t('queue.columns.order'),
                render: (_v, label) => label.platformOrderId ?? `#${String(label.packageId)}`
              },
              {
                key: 'tracking',
                title: t('queue.columns.tracking'),
                render: (_v, label) => (
                  <Typography.Text code>{label.trackingNumber}</Typography.Text>
                )
              },
              {
                key: 'state',
                title: t('queue.columns.state'),
                render: (_v, label) => (
                  <span title={label.error ?? undefined} data-testid="queue-label-state">
                    {t(`queue.labelState.${label.state}`)}
                  </span>
                )
              }
            ]}
          />
        </Flex>
      </Card>
    </div>
  )
}

/** The queues that have something to show (labels waiting, or a stop), else a quiet line. */
export function PrinterQueues(props: {
  readonly queues: readonly PrinterQueueView[]
  readonly onChanged: () => void
  /** Show idle printers too (the drawer lists every printer's queue). */
  readonly showIdle?: boolean
}): ReactNode {
  const { t } = useTranslation()
  const shown = props.queues.filter((q) => props.showIdle === true || q.state !== 'idle')
  if (shown.length === 0) {
    return props.showIdle === true ? (
      <Typography.Text type="secondary">{t('queue.empty')}</Typography.Text>
    ) : null
  }
  return (
    <Flex vertical gap={12} data-testid="printer-queues">
      {shown.map((queue) => (
        <PrinterQueuePanel
          key={queue.printerId}
          queue={queue}
          all={props.queues}
          onChanged={props.onChanged}
        />
      ))}
    </Flex>
  )
}
