import { PlusOutlined } from '@ant-design/icons'
import { App, Badge, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterStatusView, PrinterView } from '../../../../shared/api/printers'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'
import { LabelPreview } from './LabelPreview'
import { PendingLabels } from './PendingLabels'
import { PrinterForm } from './PrinterForm'
import { usePrinterStatus } from './use-printer-status'
import { PrinterQueues } from '../printer-queue/PrinterQueuePanel'
import { queueErrorText } from '../printer-queue/queue-words'
import { usePrinterQueues } from '../printer-queue/use-printer-queues'

type BadgeStatus = 'success' | 'error' | 'warning' | 'processing' | 'default'

function light(status: PrinterStatusView | undefined): { badge: BadgeStatus; key: string } {
  if (!status) {
    return { badge: 'default', key: 'checking' }
  }
  if (status.busy) {
    return { badge: 'processing', key: 'busy' }
  }
  switch (status.state) {
    case 'ready':
      return status.paused
        ? { badge: 'warning', key: 'paused' }
        : { badge: 'success', key: 'ready' }
    case 'offline':
      return { badge: 'error', key: 'offline' }
    case 'unknown':
      return { badge: 'default', key: 'unknown' }
    default:
      return { badge: 'warning', key: status.state }
  }
}

/**
 * A printer that cannot report paper-out (issue 9 item 2): found mute, or its status queries are
 * off. The packer must know the app will not stop for paper out there; scan-back is the check.
 */
function CannotReport({ printer }: { readonly printer: PrinterView }): ReactNode {
  const { t } = useTranslation()
  const off = printer.statusMode === 'off'
  if (printer.kind === 'preview' || (!off && printer.statusReplies !== 'mute')) {
    return null
  }
  return (
    <Tooltip
      title={t(off ? 'settings.printers.cannotReportOff' : 'settings.printers.cannotReportMute')}
    >
      <Tag color="orange" data-testid="printer-cannot-report">
        {t('settings.printers.cannotReport')}
      </Tag>
    </Tooltip>
  )
}

/** Settings → 打印机: the station's printers, their status lights, test print, and a label preview. */
export function PrintersTab(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [printers, setPrinters] = useState<PrinterView[]>([])
  const [loading, setLoading] = useState(true)
  const [editing, setEditing] = useState<PrinterView | null>(null)
  const [formOpen, setFormOpen] = useState(false)
  const [testing, setTesting] = useState<number | null>(null)
  const statuses = usePrinterStatus(
    client,
    printers.map((p) => p.id)
  )
  // The queue is the live truth while labels wait: its stop reason beats the last status poll.
  const { queues, refresh: refreshQueues } = usePrinterQueues()
  const queueOf = (id: number) => queues.find((q) => q.printerId === id)

  const load = useCallback(async () => {
    try {
      setPrinters((await client.call('printers.list', {})).printers)
    } finally {
      setLoading(false)
    }
  }, [client])

  useEffect(() => {
    void load()
  }, [load])

  const fail = (error: unknown) => {
    void message.error(t('app.error', { message: errorWords(error) }))
  }

  const testPrint = async (printer: PrinterView) => {
    setTesting(printer.id)
    try {
      const result = await client.call('printers.test', { id: printer.id })
      const tracking = result.trackingNumber
      if (result.outcome === 'printed') {
        void message.success(t('settings.printers.testOk', { tracking }))
      } else if (result.outcome === 'sent') {
        void message.info(
          t(result.cannotReport ? 'settings.printers.testSentMute' : 'settings.printers.testSent', {
            tracking
          }),
          result.cannotReport ? 10 : 3
        )
      } else {
        // The cause in the UI's words (连接被拒绝 / 无响应 / 缺纸 …), never main's English.
        const reason = t(`queue.reason.${result.cause ?? 'other'}`)
        void message.error(t('settings.printers.testFailed', { reason }), 8)
      }
      // What the test learned (a mute printer) shows in the list at once.
      await load()
    } catch (error) {
      fail(error)
    } finally {
      setTesting(null)
    }
  }

  const setDefault = async (printer: PrinterView) => {
    try {
      await client.call('printers.setDefault', { id: printer.id })
      void message.success(t('settings.printers.setDefaultDone', { name: printer.name }))
      await load()
    } catch (error) {
      fail(error)
    }
  }

  const remove = async (printer: PrinterView) => {
    try {
      await client.call('printers.remove', { id: printer.id })
      void message.success(t('settings.printers.removed', { name: printer.name }))
      await load()
    } catch (error) {
      // A printer with waiting labels: say so in words; its queue (above the list) moves or cancels them.
      void message.error(queueErrorText(error, t, printer.name), 8)
      refreshQueues()
    }
  }

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', minHeight: 0 }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <PendingLabels />
        <div style={{ marginBottom: 16 }} data-testid="printers-tab-queues">
          <PrinterQueues queues={queues} onChanged={refreshQueues} />
        </div>
        <Card
          size="small"
          title={t('settings.printers.title')}
          extra={
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => {
                setEditing(null)
                setFormOpen(true)
              }}
            >
              {t('settings.printers.add')}
            </Button>
          }
        >
          <Table<PrinterView>
            rowKey="id"
            size="middle"
            loading={loading}
            dataSource={printers}
            pagination={false}
            locale={{ emptyText: t('settings.printers.empty') }}
            onRow={(printer) => ({ 'data-printer-name': printer.name }) as object}
            columns={[
              {
                key: 'status',
                title: t('settings.printers.columns.status'),
                width: 96,
                render: (_v, printer) => {
                  const status = statuses.get(printer.id)
                  const queue = queueOf(printer.id)
                  const { badge, key } = light(status)
                  if (queue?.state === 'stopped' && queue.reason !== null) {
                    return (
                      <Tooltip title={queue.detail}>
                        <span
                          data-testid="printer-status"
                          data-state={queue.printerState ?? 'offline'}
                          data-queue={queue.state}
                        >
                          <Badge
                            status={queue.reason === 'paused' ? 'warning' : 'error'}
                            text={t(`queue.reasonShort.${queue.reason}`)}
                          />
                        </span>
                      </Tooltip>
                    )
                  }
                  return (
                    <Tooltip title={status?.pauseReason ?? status?.conditions.join(', ')}>
                      <span
                        data-testid="printer-status"
                        data-state={status?.state ?? 'checking'}
                        data-queue={queue?.state ?? 'idle'}
                      >
                        <Badge status={badge} text={t(`settings.printers.status.${key}`)} />
                      </span>
                    </Tooltip>
                  )
                }
              },
              {
                key: 'name',
                title: t('settings.printers.columns.name'),
                width: 170,
                render: (_v, printer) => (
                  // wrap: a long note (English) goes under the name instead of squeezing it.
                  <Space size={4} wrap>
                    <Typography.Text strong>{printer.name}</Typography.Text>
                    {printer.isDefault ? (
                      <Tag color="blue">{t('settings.printers.defaultTag')}</Tag>
                    ) : null}
                    <CannotReport printer={printer} />
                  </Space>
                )
              },
              {
                key: 'uri',
                title: t('settings.printers.columns.address'),
                ellipsis: true,
                render: (_v, printer) =>
                  printer.previewDir ? (
                    <Tooltip
                      title={t('settings.printers.previewFolder', { dir: printer.previewDir })}
                    >
                      <Typography.Text code>{printer.uri}</Typography.Text>
                    </Tooltip>
                  ) : (
                    <Typography.Text code>{printer.uri}</Typography.Text>
                  )
              },
              {
                key: 'spec',
                title: t('settings.printers.columns.spec'),
                width: 190,
                render: (_v, printer) => (
                  <Space orientation="vertical" size={0}>
                    <span>
                      {t(`settings.printers.languages.${printer.language}`)} ·{' '}
                      {`${String(printer.dpi)} dpi`}
                    </span>
                    <Typography.Text type="secondary">
                      {t(`settings.printers.sizes.${printer.labelSize}`)}
                    </Typography.Text>
                  </Space>
                )
              },
              {
                key: 'actions',
                title: t('settings.printers.columns.actions'),
                width: 200,
                render: (_v, printer) => (
                  <Space size={0} wrap>
                    <Button
                      type="link"
                      loading={testing === printer.id}
                      onClick={() => void testPrint(printer)}
                    >
                      {t('settings.printers.test')}
                    </Button>
                    <Button
                      type="link"
                      onClick={() => {
                        setEditing(printer)
                        setFormOpen(true)
                      }}
                    >
                      {t('settings.printers.editShort')}
                    </Button>
                    {printer.isDefault ? null : (
                      <Button type="link" onClick={() => void setDefault(printer)}>
                        {t('settings.printers.setDefault')}
                      </Button>
                    )}
                    <Popconfirm
                      title={t('settings.printers.removeConfirm', { name: printer.name })}
                      onConfirm={() => void remove(printer)}
                      disabled={printers.length <= 1}
                    >
                      <Button type="link" danger disabled={printers.length <= 1}>
                        {t('settings.printers.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                )
              }
            ]}
          />
        </Card>
      </div>
      <div style={{ width: 360, flex: 'none' }}>
        <LabelPreview initialTemplate={printers.find((p) => p.isDefault)?.labelSize} />
      </div>
      <PrinterForm
        open={formOpen}
        printer={editing}
        onClose={() => {
          setFormOpen(false)
        }}
        onSaved={() => {
          setFormOpen(false)
          void load()
        }}
      />
    </div>
  )
}
