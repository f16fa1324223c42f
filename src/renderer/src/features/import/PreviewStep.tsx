import { DownloadOutlined } from '@ant-design/icons'
import { Button, Flex, Radio, Space, Statistic, Table, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ImportWarnings } from './ImportWarnings'
import type { Preview } from './use-import-wizard'

/** Step 3: what the commit would write, the rejected rows with reasons, duplicates' handling. */
export function PreviewStep(props: {
  readonly preview: Preview
  readonly onDuplicate: 'skip' | 'update'
  readonly onDuplicateChange: (value: 'skip' | 'update') => void
  readonly onDownload: (format: 'xlsx' | 'csv', source: 'orders' | 'items') => void
  readonly disabled: boolean
}): ReactNode {
  const { t, i18n } = useTranslation()
  const { preview } = props
  const zh = i18n.language !== 'en-US'
  return (
    <Flex vertical gap={12}>
      <Flex gap={48} data-testid="import-counts">
        <Statistic title={t('import.preview.new')} value={preview.counts.new} />
        <Statistic title={t('import.preview.updated')} value={preview.counts.updated} />
        <Statistic title={t('import.preview.unchanged')} value={preview.counts.unchanged} />
        <Statistic
          title={t('import.preview.rejected')}
          value={preview.counts.rejected}
          styles={{ content: { color: preview.counts.rejected > 0 ? '#cf1322' : undefined } }}
        />
      </Flex>
      <Typography.Text type="secondary">
        {t('import.preview.rows', {
          rows: preview.rowsRead,
          seconds: (preview.elapsedMs / 1000).toFixed(1)
        })}
        {preview.counts.skipped > 0
          ? ` · ${t('import.preview.skipped', { count: preview.counts.skipped })}`
          : ''}
      </Typography.Text>
      <Space>
        <Typography.Text>{t('import.preview.onDuplicate')}</Typography.Text>
        <Radio.Group
          value={props.onDuplicate}
          disabled={props.disabled}
          onChange={(e) => {
            props.onDuplicateChange(e.target.value as 'skip' | 'update')
          }}
          options={[
            { value: 'skip', label: t('import.preview.skip') },
            { value: 'update', label: t('import.preview.update') }
          ]}
        />
      </Space>
      <ImportWarnings preview={preview} />
      {preview.rejectedTotal > 0 ? (
        <>
          <Flex justify="space-between" align="center">
            <Typography.Text strong>{t('import.preview.rejectedTitle')}</Typography.Text>
            <Flex vertical gap={4} align="end">
              {(['orders', 'items'] as const)
                .filter((source) => preview.rejectedBySource[source] > 0)
                .map((source) => (
                  <Space key={source} data-testid={`import-download-${source}`}>
                    <Button
                      icon={<DownloadOutlined />}
                      onClick={() => {
                        props.onDownload('xlsx', source)
                      }}
                    >
                      {source === 'items'
                        ? t('import.preview.downloadItems', {
                            rows: preview.rejectedBySource.items
                          })
                        : t('import.preview.download')}
                    </Button>
                    <Button
                      onClick={() => {
                        props.onDownload('csv', source)
                      }}
                    >
                      {t('import.preview.downloadCsv')}
                    </Button>
                  </Space>
                ))}
            </Flex>
          </Flex>
          {preview.rejectedTotal > preview.rejected.length ? (
            <Typography.Text type="secondary">
              {t('import.preview.rejectedMore', {
                shown: preview.rejected.length,
                total: preview.rejectedTotal
              })}
            </Typography.Text>
          ) : null}
          <Table
            size="small"
            data-testid="import-rejected"
            pagination={{ pageSize: 8, showSizeChanger: false }}
            dataSource={preview.rejected.map((r, i) => ({ key: String(i), ...r }))}
            columns={[
              {
                key: 'row',
                title: t('import.preview.row'),
                width: 90,
                render: (_: unknown, r: Preview['rejected'][number]) =>
                  r.source === 'items' ? `${t('import.preview.itemsFile')} ${String(r.row)}` : r.row
              },
              { key: 'column', title: t('import.preview.column'), dataIndex: 'column', width: 160 },
              {
                key: 'reason',
                title: t('import.preview.reason'),
                render: (_: unknown, r: Preview['rejected'][number]) => (zh ? r.reasonZh : r.reason)
              }
            ]}
          />
        </>
      ) : null}
    </Flex>
  )
}
