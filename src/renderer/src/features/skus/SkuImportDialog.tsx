import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Flex,
  Modal,
  Result,
  Select,
  Statistic,
  Steps,
  Table,
  Typography,
  Upload
} from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  SKU_FIELD_NAMES,
  type SkuFieldName,
  type SkuRejectedRowView,
  type SkuTableView
} from '../../../../shared/api/skus'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

type Preview = MethodOutput<'skus.importPreview'>
type Done = MethodOutput<'skus.importCommit'>
type Mapping = Partial<Record<SkuFieldName, string>>
type Step = 'file' | 'mapping' | 'preview' | 'done'
const STEPS: readonly Step[] = ['file', 'mapping', 'preview', 'done']

/**
 * 导入 of Settings → 商品: the order import's steps (file → columns → check with rejected rows →
 * commit → rejected sheet), over the skus.* methods. Closing before the commit writes nothing.
 */
export function SkuImportDialog(props: {
  readonly open: boolean
  readonly onClose: () => void
  readonly onImported: () => void
}): ReactNode {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const zh = i18n.language !== 'en-US'
  const [step, setStep] = useState<Step>('file')
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fileId, setFileId] = useState<string | null>(null)
  const [table, setTable] = useState<SkuTableView | null>(null)
  const [mapping, setMapping] = useState<Mapping>({})
  const [preview, setPreview] = useState<Preview | null>(null)
  const [done, setDone] = useState<Done | null>(null)

  const reset = () => {
    setStep('file')
    setBusy(null)
    setError(null)
    setFileId(null)
    setTable(null)
    setMapping({})
    setPreview(null)
    setDone(null)
  }
  const run = async (label: string, work: () => Promise<void>) => {
    setBusy(label)
    setError(null)
    try {
      await work()
    } catch (e) {
      setError(errorWords(e))
    } finally {
      setBusy(null)
    }
  }

  const upload = (file: File) =>
    run(file.name, async () => {
      const { fileId: id } = await client.upload(file)
      const inspected = await client.call('skus.importInspect', { fileId: id })
      setFileId(id)
      setTable(inspected)
      setMapping(inspected.mapping)
      setStep('mapping')
    })
  const check = () =>
    run('check', async () => {
      if (fileId === null) {
        return
      }
      setPreview(await client.call('skus.importPreview', { fileId, mapping }))
      setStep('preview')
    })
  const commit = () =>
    run('commit', async () => {
      if (!preview) {
        return
      }
      setDone(await client.call('skus.importCommit', { planId: preview.planId }))
      setStep('done')
      props.onImported()
    })
  const download = (format: 'xlsx' | 'csv') =>
    run('download', async () => {
      if (!preview) {
        return
      }
      const file = await client.call('skus.rejectedSheet', {
        planId: preview.planId,
        format,
        lang: zh ? 'zh-CN' : 'en-US'
      })
      await client.download(file.fileId, file.fileName)
    })

  const close = () => {
    reset()
    props.onClose()
  }

  const downloads = (
    <Flex gap={8} data-testid="sku-download-rejected">
      <Button
        icon={<DownloadOutlined />}
        onClick={() => {
          void download('xlsx')
        }}
      >
        {t('skus.wizard.download')}
      </Button>
      <Button
        onClick={() => {
          void download('csv')
        }}
      >
        {t('skus.wizard.downloadCsv')}
      </Button>
    </Flex>
  )

  return (
    <Modal
      open={props.open}
      title={t('skus.wizard.title')}
      width={860}
      footer={null}
      onCancel={close}
      destroyOnHidden
      mask={{ closable: false }}
    >
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={STEPS.indexOf(step)}
          items={STEPS.map((s) => ({ title: t(`skus.wizard.steps.${s}`) }))}
        />
        {error !== null ? <Alert type="error" showIcon title={error} /> : null}
        {step === 'file' ? (
          <Upload.Dragger
            accept=".xlsx,.csv"
            multiple={false}
            showUploadList={false}
            disabled={busy !== null}
            beforeUpload={(file) => {
              void upload(file)
              return false
            }}
            data-testid="sku-import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('skus.wizard.file')}</p>
            <p className="ant-upload-hint">
              {busy !== null
                ? t('skus.wizard.uploading', { name: busy })
                : t('skus.wizard.fileHint')}
            </p>
          </Upload.Dragger>
        ) : null}
        {step === 'mapping' && table ? (
          <MappingStep table={table} mapping={mapping} onChange={setMapping}>
            <Flex justify="end" gap={8}>
              <Button onClick={reset}>{t('skus.wizard.back')}</Button>
              <Button
                type="primary"
                loading={busy === 'check'}
                disabled={mapping.sku === undefined}
                onClick={() => {
                  void check()
                }}
              >
                {t('skus.wizard.check')}
              </Button>
            </Flex>
          </MappingStep>
        ) : null}
        {step === 'preview' && preview ? (
          <Flex vertical gap={12}>
            <Flex gap={48} data-testid="sku-import-counts">
              <Statistic title={t('skus.wizard.accepted')} value={preview.accepted} />
              <Statistic
                title={t('skus.wizard.rejected')}
                value={preview.rejectedRows}
                styles={{
                  content: { color: preview.rejectedRows > 0 ? '#cf1322' : undefined }
                }}
              />
            </Flex>
            <Typography.Text type="secondary">
              {t('skus.wizard.rows', {
                rows: preview.rowsRead,
                seconds: (preview.elapsedMs / 1000).toFixed(1)
              })}
            </Typography.Text>
            {preview.rejectedTotal > 0 ? (
              <Rejected preview={preview} zh={zh}>
                {downloads}
              </Rejected>
            ) : null}
            <Flex justify="end" gap={8}>
              <Button
                onClick={() => {
                  setStep('mapping')
                }}
              >
                {t('skus.wizard.back')}
              </Button>
              <Button
                type="primary"
                loading={busy === 'commit'}
                disabled={preview.accepted === 0}
                onClick={() => {
                  void commit()
                }}
              >
                {t('skus.wizard.commit', { count: preview.accepted })}
              </Button>
            </Flex>
          </Flex>
        ) : null}
        {step === 'done' && done ? (
          <Result
            status="success"
            title={t('skus.wizard.done', done)}
            subTitle={
              done.rejectedRows > 0
                ? t('skus.wizard.doneRejected', { count: done.rejectedRows })
                : undefined
            }
            extra={
              <Flex vertical align="center" gap={12}>
                {done.rejectedRows > 0 ? downloads : null}
                <Button type="primary" onClick={close}>
                  {t('skus.wizard.close')}
                </Button>
              </Flex>
            }
          />
        ) : null}
      </Flex>
    </Modal>
  )
}

function MappingStep(props: {
  readonly table: SkuTableView
  readonly mapping: Mapping
  readonly onChange: (mapping: Mapping) => void
  readonly children: ReactNode
}): ReactNode {
  const { t } = useTranslation()
  const { table, mapping } = props
  const options = [
    { value: '', label: t('skus.wizard.noColumn') },
    ...table.headers.filter((h) => h !== '').map((h) => ({ value: h, label: h }))
  ]
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">
        {table.fileName} · {t('skus.wizard.headerRow', { row: table.headerRow })}
      </Typography.Text>
      <div
        style={{ display: 'grid', gridTemplateColumns: '140px 1fr 140px 1fr', gap: 8 }}
        data-testid="sku-mapping"
      >
        {SKU_FIELD_NAMES.map((field) => (
          <MappingField
            key={field}
            field={field}
            value={mapping[field] ?? ''}
            options={options}
            onChange={(value) => {
              // Fields without a column are left out of the mapping, not mapped to ''.
              const next = Object.fromEntries(
                Object.entries({ ...mapping, [field]: value }).filter(([, v]) => v !== '')
              )
              props.onChange(next)
            }}
          />
        ))}
      </div>
      {mapping.sku === undefined ? (
        <Alert type="warning" showIcon title={t('skus.wizard.needSku')} />
      ) : null}
      {props.children}
    </Flex>
  )
}

function MappingField(props: {
  readonly field: SkuFieldName
  readonly value: string
  readonly options: readonly { value: string; label: string }[]
  readonly onChange: (value: string) => void
}): ReactNode {
  const { t } = useTranslation()
  const label = t(`skus.fields.${props.field}`)
  return (
    <>
      <Typography.Text style={{ lineHeight: '32px' }}>{label}</Typography.Text>
      <Select
        aria-label={label}
        value={props.value}
        options={[...props.options]}
        onChange={props.onChange}
      />
    </>
  )
}

function Rejected(props: {
  readonly preview: Preview
  readonly zh: boolean
  readonly children: ReactNode
}): ReactNode {
  const { t } = useTranslation()
  const { preview } = props
  return (
    <>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('skus.wizard.rejectedTitle')}</Typography.Text>
        {props.children}
      </Flex>
      {preview.rejectedTotal > preview.rejected.length ? (
        <Typography.Text type="secondary">
          {t('skus.wizard.rejectedMore', {
            shown: preview.rejected.length,
            total: preview.rejectedTotal
          })}
        </Typography.Text>
      ) : null}
      <Table
        size="small"
        data-testid="sku-import-rejected"
        pagination={{ pageSize: 8, showSizeChanger: false }}
        dataSource={preview.rejected.map((r, i) => ({ key: String(i), ...r }))}
        columns={[
          { key: 'row', title: t('skus.wizard.row'), dataIndex: 'row', width: 80 },
          { key: 'column', title: t('skus.wizard.column'), dataIndex: 'column', width: 160 },
          {
            key: 'reason',
            title: t('skus.wizard.reason'),
            render: (_: unknown, r: SkuRejectedRowView) => (props.zh ? r.reasonZh : r.reason)
          }
        ]}
      />
    </>
  )
}
