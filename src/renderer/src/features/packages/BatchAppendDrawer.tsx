import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import { Alert, Button, Drawer, Flex, Space, Statistic, Steps, Typography, Upload } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { i18next, isLanguage } from '../../i18n'
import { errorWords } from '../../lib/error-words'
import { useStationTimeZone } from '../../lib/station-time'
import { BatchRefusedTable } from './BatchRefusedTable'
import { refusalWords } from './refusal-words'

type Preview = MethodOutput<'packages.appendBatchPreview'>
type Committed = MethodOutput<'packages.appendBatchCommit'>

/**
 * 批量追加: the template, an uploaded sheet pre-flighted row by row (nothing written), every
 * refused row with its sheet row, column, rule and reason, then one all-or-nothing commit. A
 * sheet over the batch limit is refused whole, with the offer to take it batch by batch.
 */
export function BatchAppendDrawer(props: {
  readonly open: boolean
  readonly onClose: () => void
  /** A batch was checked or committed: the list and the kept batches read again. */
  readonly onChanged: () => void
}): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const timeZone = useStationTimeZone()
  const [fileId, setFileId] = useState<string | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [committed, setCommitted] = useState<Committed | null>(null)

  const reset = () => {
    setFileId(null)
    setPreview(null)
    setCommitted(null)
    setError(null)
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

  const check = (id: string, part?: number) =>
    run(t('packages.batch.reading'), async () => {
      const result = await client.call('packages.appendBatchPreview', {
        fileId: id,
        ...(part !== undefined ? { part } : {})
      })
      setPreview(result)
      setCommitted(null)
      props.onChanged()
    })

  const choose = (file: File) =>
    run(t('packages.batch.reading'), async () => {
      reset()
      const { fileId: id } = await client.upload(file)
      setFileId(id)
      const result = await client.call('packages.appendBatchPreview', { fileId: id })
      setPreview(result)
      props.onChanged()
    })

  const template = () =>
    run(t('packages.batch.template'), async () => {
      const file = await client.call('packages.appendBatchTemplate', {})
      await client.download(file.fileId, file.fileName)
    })

  const commit = (batchId: number) =>
    run(t('packages.batch.commitHint'), async () => {
      const result = await client.call('packages.appendBatchCommit', { batchId })
      setCommitted(result)
      props.onChanged()
    })

  const refusedSheet = (batchId: number) =>
    run(t('packages.batch.downloadRefused'), async () => {
      // The reason column in the packer's language.
      const lang = isLanguage(i18next.language) ? i18next.language : 'zh-CN'
      const file = await client.call('packages.appendBatchRefusedSheet', { batchId, lang })
      await client.download(file.fileId, file.fileName)
    })

  const step = committed ? 2 : preview ? 1 : 0
  const tooBig = preview?.tooBig ?? null
  const refusedRows = committed?.refused ?? preview?.refused ?? []

  return (
    <Drawer
      open={props.open}
      onClose={() => {
        props.onClose()
        reset()
      }}
      size={900}
      title={t('packages.batch.title')}
      destroyOnHidden
    >
      <Flex vertical gap={16} data-testid="batch-append">
        <Steps
          current={step}
          items={[
            { title: t('packages.batch.steps.file') },
            { title: t('packages.batch.steps.preview') },
            { title: t('packages.batch.steps.done') }
          ]}
        />
        {error ? <Alert type="error" showIcon title={error} /> : null}
        <Flex gap={12} align="center" wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void template()}>
            {t('packages.batch.template')}
          </Button>
          <Typography.Text type="secondary">{t('packages.batch.templateHint')}</Typography.Text>
        </Flex>
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={busy !== null}
          beforeUpload={(file) => {
            void choose(file)
            return false
          }}
          data-testid="batch-append-file"
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">
            {preview
              ? `${preview.fileName} · ${t('packages.batch.again')}`
              : t('packages.batch.choose')}
          </p>
        </Upload.Dragger>
        {busy !== null ? <Typography.Text type="secondary">{busy}</Typography.Text> : null}
        {tooBig ? (
          <Alert
            type="error"
            showIcon
            data-testid="batch-too-big"
            title={`${t('packages.batch.tooBig')} · ${tooBig.rule}`}
            description={
              <Space orientation="vertical">
                <span>{refusalWords(tooBig, timeZone)}</span>
                {fileId !== null ? (
                  <Button onClick={() => void check(fileId, 1)}>
                    {t('packages.batch.takeParts', { parts: tooBig.parts })}
                  </Button>
                ) : null}
              </Space>
            }
          />
        ) : null}
        {preview && !tooBig ? (
          <Flex vertical gap={12} data-testid="batch-preview">
            <Space size={32}>
              {preview.parts > 1 ? (
                <Statistic
                  title={t('packages.batch.part', { part: preview.part, parts: preview.parts })}
                  value={preview.rows}
                />
              ) : null}
              <Statistic
                title={t('packages.batch.rows', { count: preview.rows })}
                value={preview.rows}
              />
              <Statistic
                title={t('packages.batch.accepted', { count: preview.accepted })}
                value={committed?.accepted ?? preview.accepted}
                styles={{ content: { color: '#389e0d' } }}
              />
              <Statistic
                title={t('packages.batch.refused', { count: refusedRows.length })}
                value={refusedRows.length}
                styles={{ content: refusedRows.length > 0 ? { color: '#cf1322' } : {} }}
              />
            </Space>
            {committed ? (
              <Alert
                type="success"
                showIcon
                data-testid="batch-committed"
                title={
                  committed.alreadyCommitted
                    ? t('packages.batch.alreadyCommitted')
                    : t('packages.batch.committed', { count: committed.accepted })
                }
              />
            ) : null}
            <Space wrap>
              {!committed && preview.batchId !== null ? (
                <Button
                  type="primary"
                  disabled={busy !== null || preview.accepted === 0}
                  onClick={() => {
                    if (preview.batchId !== null) {
                      void commit(preview.batchId)
                    }
                  }}
                >
                  {t('packages.batch.commit', { count: preview.accepted })}
                </Button>
              ) : null}
              {refusedRows.length > 0 && preview.batchId !== null ? (
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => {
                    if (preview.batchId !== null) {
                      void refusedSheet(preview.batchId)
                    }
                  }}
                >
                  {t('packages.batch.downloadRefused')}
                </Button>
              ) : null}
              {preview.part < preview.parts && fileId !== null ? (
                <Button onClick={() => void check(fileId, preview.part + 1)}>
                  {t('packages.batch.nextPart', { part: preview.part + 1 })}
                </Button>
              ) : null}
              {!committed ? (
                <Typography.Text type="secondary">{t('packages.batch.commitHint')}</Typography.Text>
              ) : null}
            </Space>
            {refusedRows.length > 0 ? (
              <BatchRefusedTable rows={refusedRows} timeZone={timeZone} />
            ) : null}
          </Flex>
        ) : null}
      </Flex>
    </Drawer>
  )
}
