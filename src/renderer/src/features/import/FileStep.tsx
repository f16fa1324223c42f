import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Button, Flex, Space, Tag, Typography, Upload } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_MAX_FILE_BYTES, IMPORT_MAX_ORDERS } from '../../../../shared/api/import'
import type { Chosen } from './use-import-wizard'

/** Stated limits (the contract's, which the core enforces): quoted on the first step. */
const MAX_MB = IMPORT_MAX_FILE_BYTES / (1024 * 1024)
const MAX_ROWS = IMPORT_MAX_ORDERS

/** Step 1: the orders file (and a Taobao item report), the template, the stated limits. */
export function FileStep(props: {
  readonly busy: string | null
  /** A preview runs (a saved layout skips the mapping screen): no other file until it ends. */
  readonly locked: boolean
  readonly ordersFile: Chosen | null
  readonly itemsFile: Chosen | null
  readonly onOrders: (file: File) => void
  readonly onItems: (file: File) => void
  readonly onTemplate: () => void
  readonly onNext: () => void
  readonly canNext: boolean
  readonly progress: ReactNode
}): ReactNode {
  const { t } = useTranslation()
  const accept = '.xlsx,.csv,.xls'
  const disabled = props.busy !== null || props.locked
  return (
    <Flex vertical gap={16}>
      <Upload.Dragger
        accept={accept}
        multiple={false}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          props.onOrders(file)
          return false
        }}
        data-testid="import-orders-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{t('import.file.orders')}</p>
        <p className="ant-upload-hint">
          {props.ordersFile ? (
            <Tag color="blue">{props.ordersFile.name}</Tag>
          ) : (
            t('import.file.ordersHint')
          )}
        </p>
      </Upload.Dragger>
      <Upload
        accept={accept}
        multiple={false}
        showUploadList={false}
        disabled={disabled}
        beforeUpload={(file) => {
          props.onItems(file)
          return false
        }}
      >
        <Button>{t('import.file.items')}</Button>
      </Upload>
      {props.itemsFile ? <Tag color="purple">{props.itemsFile.name}</Tag> : null}
      {props.busy !== null ? (
        <Typography.Text type="secondary">
          {t('import.file.uploading', { name: props.busy })}
        </Typography.Text>
      ) : null}
      {props.progress}
      <Flex justify="space-between" align="center" className="wb-dialog-actions">
        <Space>
          <Button type="link" icon={<DownloadOutlined />} onClick={props.onTemplate}>
            {t('import.file.template')}
          </Button>
          <Typography.Text type="secondary">
            {t('import.file.limit', { mb: MAX_MB, rows: MAX_ROWS.toLocaleString() })}
          </Typography.Text>
        </Space>
        <Button type="primary" disabled={!props.canNext || disabled} onClick={props.onNext}>
          {t('import.mapping.next')}
        </Button>
      </Flex>
    </Flex>
  )
}
