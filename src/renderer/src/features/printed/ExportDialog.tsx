import { Checkbox, Flex, Form, Modal, Radio, Typography, App } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { EXPORT_COLUMN } from '../../../../shared/api/manual-print'
import type { MethodInput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { errorText } from '../print/use-print-target'

type Filter = MethodInput<'printed.export'>['filter']
type Column = (typeof EXPORT_COLUMN.options)[number]
type Preset = 'default' | 'platform-upload'

const ALL_COLUMNS: readonly Column[] = EXPORT_COLUMN.options
/** 订单号, 收货人, 手机, 地址, 商品, 快递公司, 运单号, 打印时间 (issue 5). */
export const DEFAULT_COLUMNS: readonly Column[] = [
  'platformOrderId',
  'receiverName',
  'receiverPhone',
  'address',
  'items',
  'carrier',
  'trackingNumber',
  'printedAt'
]

/** Export the selected (or filtered) printed packages: xlsx / csv, encoding, columns, preset. */
export function ExportDialog(props: {
  readonly open: boolean
  readonly filter: Filter
  readonly scopeText: string
  readonly onClose: () => void
}): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx')
  const [encoding, setEncoding] = useState<'utf8bom' | 'gbk'>('utf8bom')
  const [preset, setPreset] = useState<Preset>('default')
  const [columns, setColumns] = useState<readonly Column[]>(DEFAULT_COLUMNS)
  const [fullPhone, setFullPhone] = useState(false)
  const [busy, setBusy] = useState(false)

  const run = async () => {
    setBusy(true)
    try {
      // Columns keep the order of the list, whatever order they were ticked in.
      const ordered = ALL_COLUMNS.filter((c) => columns.includes(c))
      const file = await client.call('printed.export', {
        filter: props.filter,
        format,
        encoding,
        preset,
        fullPhone,
        ...(preset === 'default' ? { columns: ordered } : {})
      })
      await client.download(file.fileId, file.name)
      void message.success(t('printed.export.done', { rows: file.rows, name: file.name }))
      props.onClose()
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Modal
      open={props.open}
      title={`${t('printed.export.title')} ${props.scopeText}`}
      okText={t('printed.export.ok')}
      onOk={() => void run()}
      okButtonProps={{
        loading: busy,
        disabled: preset === 'default' && columns.length === 0
      }}
      onCancel={props.onClose}
      width={620}
      destroyOnHidden
    >
      <Form layout="vertical" component="div">
        <Form.Item label={t('printed.export.format')}>
          <Radio.Group
            value={format}
            onChange={(e) => {
              setFormat(e.target.value as 'xlsx' | 'csv')
            }}
            options={[
              { value: 'xlsx', label: 'Excel (.xlsx)' },
              { value: 'csv', label: 'CSV (.csv)' }
            ]}
          />
        </Form.Item>
        {format === 'csv' ? (
          <Form.Item label={t('printed.export.encoding')}>
            <Radio.Group
              value={encoding}
              onChange={(e) => {
                setEncoding(e.target.value as 'utf8bom' | 'gbk')
              }}
              options={[
                { value: 'utf8bom', label: t('printed.export.utf8bom') },
                { value: 'gbk', label: t('printed.export.gbk') }
              ]}
            />
          </Form.Item>
        ) : null}
        <Form.Item label={t('printed.export.preset')}>
          <Radio.Group
            value={preset}
            onChange={(e) => {
              setPreset(e.target.value as Preset)
            }}
          >
            <Flex vertical gap={4}>
              <Radio value="default">{t('printed.export.presetDefault')}</Radio>
              <Radio value="platform-upload">{t('printed.export.presetUpload')}</Radio>
            </Flex>
          </Radio.Group>
        </Form.Item>
        {preset === 'default' ? (
          <>
            <Form.Item label={t('printed.export.columns')}>
              <Checkbox.Group<Column>
                value={[...columns]}
                onChange={(v) => {
                  setColumns(v)
                }}
                options={ALL_COLUMNS.map((c) => ({
                  value: c,
                  label: t(`printed.export.column.${c}`)
                }))}
              />
            </Form.Item>
            <Checkbox
              checked={fullPhone}
              disabled={!columns.includes('receiverPhone') && !columns.includes('receiverName')}
              onChange={(e) => {
                setFullPhone(e.target.checked)
              }}
            >
              {t('printed.export.fullPhone')}
            </Checkbox>
          </>
        ) : (
          <Typography.Text type="secondary">{t('printed.export.presetUpload')}</Typography.Text>
        )}
      </Form>
    </Modal>
  )
}
