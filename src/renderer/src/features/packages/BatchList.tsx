import { Button, Space, Table, Tag, Typography } from 'antd'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppendBatchView } from '../../../../shared/api/append-batch'
import { useClient } from '../../api/context'
import { formatStationTime } from '../../lib/station-time'

/** The batch appends kept on the page, with their files and refused rows to download again. */
export function BatchList({ refreshKey }: { readonly refreshKey: number }): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const [batches, setBatches] = useState<AppendBatchView[]>([])

  useEffect(() => {
    let live = true
    client
      .call('packages.appendBatches', { limit: 50 })
      .then((r) => {
        if (live) {
          setBatches(r.batches)
        }
      })
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [client, refreshKey])

  const download = useCallback(
    async (batchId: number, what: 'file' | 'refused') => {
      const file =
        what === 'file'
          ? await client.call('packages.appendBatchFile', { batchId })
          : await client.call('packages.appendBatchRefusedSheet', { batchId })
      await client.download(file.fileId, file.fileName)
    },
    [client]
  )

  return (
    <div style={{ flex: 1, minHeight: 120, overflow: 'auto' }} data-testid="append-batches">
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('packages.batches.title')}
      </Typography.Title>
      <Table<AppendBatchView>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={batches}
        locale={{ emptyText: t('packages.batches.empty') }}
        columns={[
          {
            title: t('packages.batches.file'),
            dataIndex: 'fileName',
            render: (name: string, b) =>
              b.parts > 1 ? `${name} · ${t('packages.batches.part', b)}` : name
          },
          { title: t('packages.batches.rows'), dataIndex: 'rows', align: 'right' },
          { title: t('packages.batches.accepted'), dataIndex: 'accepted', align: 'right' },
          { title: t('packages.batches.refused'), dataIndex: 'refused', align: 'right' },
          {
            title: t('packages.batches.state'),
            dataIndex: 'state',
            render: (s: AppendBatchView['state']) => (
              <Tag color={s === 'committed' ? 'green' : 'default'}>
                {t(`packages.batches.states.${s}`)}
              </Tag>
            )
          },
          {
            title: t('packages.batches.createdAt'),
            dataIndex: 'createdAt',
            render: (at: number) => formatStationTime(at)
          },
          {
            key: 'files',
            render: (_: unknown, b) => (
              <Space>
                <Button size="small" onClick={() => void download(b.id, 'file')}>
                  {t('packages.batches.downloadFile')}
                </Button>
                {b.refused > 0 ? (
                  <Button size="small" onClick={() => void download(b.id, 'refused')}>
                    {t('packages.batches.downloadRefused')}
                  </Button>
                ) : null}
              </Space>
            )
          }
        ]}
      />
    </div>
  )
}
