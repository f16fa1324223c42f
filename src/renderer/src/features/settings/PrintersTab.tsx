import { PlusOutlined } from '@ant-design/icons'
import { App, Badge, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, Typography } from 'antd'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { PrinterStatusView, PrinterView } from '../../../../shared/api/printers'
import { useClient } from '../../api/context'
import { LabelPreview } from './LabelPreview'
import { PendingLabels } from './PendingLabels'
import { PrinterForm } from './PrinterForm'
import { usePrinterStatus } from './use-printer-status'

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
    void message.error(
      t('app.error', { message: error instanceof Error ? error.message : String(error) })
    )
  }

  const testPrint = async (printer: PrinterView) => {
    setTesting(printer.id)
    try {
      const result = await client.call('printers.test', { id: printer.id })
      const label = result.labels[0]
      if (label && !result.paused && label.state === 'confirmed') {
        void message.success(t('settings.printers.testOk', { tracking: label.trackingNumber }))
      } else if (label && !result.paused && label.state === 'sent') {
        void message.info(t('settings.printers.testSent', { tracking: label.trackingNumber }))
      } else {
        const state = result.printerState
        const reason =
          state && state !== 'ready'
            ? t(`settings.printers.status.${state}`)
            : (result.pauseReason ?? label?.error ?? label?.state ?? '')
        void message.error(t('settings.printers.testFailed', { reason }))
      }
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
      fail(error)
    }
  }

  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start', minHeight: 0 }}>
      <div style={{ flex: 1, minWidth: 0 }}>
        <PendingLabels />
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
                  const { badge, key } = light(status)
                  return (
                    <Tooltip title={status?.pauseReason ?? status?.conditions.join(', ')}>
                      <span data-testid="printer-status" data-state={status?.state ?? 'checking'}>
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
                  <Space size={4}>
                    <Typography.Text strong>{printer.name}</Typography.Text>
                    {printer.isDefault ? (
                      <Tag color="blue">{t('settings.printers.defaultTag')}</Tag>
                    ) : null}
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
