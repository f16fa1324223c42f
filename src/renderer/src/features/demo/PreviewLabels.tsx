import { DownloadOutlined, FolderOpenOutlined, PictureOutlined } from '@ant-design/icons'
import { App, Button, Empty, Flex, Image, Space, Typography } from 'antd'
import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { formatStationTime } from '../../lib/station-time'
import { errorText } from '../print/use-print-target'

type Latest = MethodOutput<'previewLabels.latest'>

/**
 * Where the preview printer (预览打印机) saved its labels, and the newest of them. Electron opens
 * the folder in the file manager; a browser cannot, so it shows the path and the labels
 * themselves, each one a download.
 */
export function PreviewLabels(props: { readonly showLabels?: boolean }): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [latest, setLatest] = useState<Latest | null>(null)
  const [shown, setShown] = useState(props.showLabels === true)

  const load = useCallback(() => {
    client
      .call('previewLabels.latest', { limit: 6 })
      .then(setLatest)
      .catch((e: unknown) => {
        void message.error(t('app.error', { message: errorText(e) }))
      })
  }, [client, message, t])

  useEffect(() => {
    load()
    // New labels appear as they print.
    return client.on('orders.changed', load)
  }, [client, load])

  if (latest === null) {
    return null
  }
  if (latest.folder === null) {
    return <Typography.Text type="secondary">{t('previewLabels.noFolder')}</Typography.Text>
  }
  const open = client.openLabelsFolder
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="preview-labels">
      <Typography.Text>
        {t('previewLabels.savedIn')}{' '}
        <Typography.Text code copyable data-testid="preview-folder">
          {latest.folder}
        </Typography.Text>
      </Typography.Text>
      <Space wrap>
        {open ? (
          <Button
            icon={<FolderOpenOutlined />}
            onClick={() => {
              open().catch((e: unknown) => {
                void message.error(t('app.error', { message: errorText(e) }))
              })
            }}
          >
            {t('previewLabels.openFolder')}
          </Button>
        ) : null}
        <Button
          icon={<PictureOutlined />}
          onClick={() => {
            setShown(true)
            load()
          }}
        >
          {t('previewLabels.showLatest')}
        </Button>
      </Space>
      {shown ? (
        latest.labels.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('previewLabels.none')} />
        ) : (
          <Flex gap={12} wrap>
            {latest.labels.map((label) => (
              <Space
                key={label.name}
                orientation="vertical"
                size={2}
                align="center"
                data-testid="preview-label"
              >
                <Image
                  src={label.dataUrl}
                  alt={label.name}
                  height={180}
                  style={{ border: '1px solid #f0f0f0' }}
                />
                <Typography.Text style={{ fontSize: 12 }}>{label.name}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatStationTime(label.at)}
                </Typography.Text>
                <a href={label.dataUrl} download={label.name}>
                  <DownloadOutlined /> {t('previewLabels.download')}
                </a>
              </Space>
            ))}
          </Flex>
        )
      ) : null}
    </Space>
  )
}
