import { DownloadOutlined, InboxOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Checkbox,
  Flex,
  Modal,
  Progress,
  Radio,
  Result,
  Select,
  Space,
  Statistic,
  Steps,
  Table,
  Tabs,
  Tag,
  Typography,
  Upload
} from 'antd'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  IMPORT_FIELD_NAMES,
  IMPORT_MAX_FILE_BYTES,
  IMPORT_MAX_ORDERS,
  ITEM_FIELD_NAMES,
  ORDER_FIELD_NAMES,
  type ColumnMappingValue,
  type ImportFieldName,
  type ImportInspectionView
} from '../../../../shared/api/import'
import type { EventPayload, MethodOutput } from '../../../../shared/contract'
import { AppCallError } from '../../../../shared/result'
import { useClient } from '../../api/context'

/** Stated limits (the contract's, which the core enforces): quoted on the first step. */
const MAX_MB = IMPORT_MAX_FILE_BYTES / (1024 * 1024)
const MAX_ROWS = IMPORT_MAX_ORDERS
const REQUIRED: ReadonlySet<ImportFieldName> = new Set([
  'orderId',
  'receiverName',
  'phone',
  'address',
  'title'
])
const ITEM_REQUIRED: ReadonlySet<ImportFieldName> = new Set(['orderId', 'title'])

/** Which file a mapping table is for: the fields it lists and which of them are required. */
type MappingRole = 'orders' | 'orders-with-item-report' | 'items'

function fieldsFor(role: MappingRole): readonly ImportFieldName[] {
  if (role === 'items') {
    return ['orderId', ...ITEM_FIELD_NAMES]
  }
  return role === 'orders' ? IMPORT_FIELD_NAMES : ORDER_FIELD_NAMES
}

function requiredFor(role: MappingRole): ReadonlySet<ImportFieldName> {
  if (role === 'items') {
    return ITEM_REQUIRED
  }
  return role === 'orders' ? REQUIRED : new Set([...REQUIRED].filter((f) => f !== 'title'))
}

type Mappings = { readonly orders?: ColumnMappingValue; readonly items?: ColumnMappingValue }

type Inspection = MethodOutput<'import.inspect'>
type Preview = MethodOutput<'import.preview'>
type Committed = MethodOutput<'import.commit'>
type ProgressEvent = EventPayload<'import.progress'>
type Chosen = { readonly fileId: string; readonly name: string }

/** What a preview is computed from: the chosen files and the mappings for them. */
type Basis = {
  readonly orders: Chosen
  readonly items: Chosen | null
  readonly inspection: Inspection
  readonly mapping: ColumnMappingValue
  readonly itemsMapping: ColumnMappingValue
}

/**
 * A file whose layout was saved with every required field mapped needs no clicks: the mapping
 * screen is skipped. With an item report, both layouts must be saved and complete.
 */
function usesSavedLayouts(inspection: Inspection, items: Chosen | null): boolean {
  const complete = (view: ImportInspectionView | null) =>
    view !== null && view.mappingSource === 'saved' && view.missing.length === 0
  return complete(inspection.orders) && (items === null || complete(inspection.items))
}

function newPlanId(): string {
  const bytes = new Uint8Array(12)
  crypto.getRandomValues(bytes)
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The one line to show for a refused call: the Chinese reason when the UI is Chinese. */
function useReason(): (error: unknown) => string {
  const { i18n } = useTranslation()
  return (error) => {
    if (error instanceof AppCallError) {
      const zh = error.details?.messageZh
      return i18n.language === 'zh-CN' && typeof zh === 'string' ? zh : error.message
    }
    return error instanceof Error ? error.message : String(error)
  }
}

type Props = {
  readonly open: boolean
  readonly onClose: () => void
  /** After the commit wrote the orders (the wizard still shows the summary). */
  readonly onCommitted?: (done: Committed) => void
}

/** 导入订单: file → mapping → preview → commit, in one modal; nothing is written before the last step. */
export function ImportWizard({ open, onClose, onCommitted }: Props): ReactNode {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const reason = useReason()
  const [step, setStep] = useState(0)
  const [ordersFile, setOrdersFile] = useState<Chosen | null>(null)
  const [itemsFile, setItemsFile] = useState<Chosen | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [inspection, setInspection] = useState<Inspection | null>(null)
  const [mapping, setMapping] = useState<ColumnMappingValue>({})
  const [itemsMapping, setItemsMapping] = useState<ColumnMappingValue>({})
  const [saveMapping, setSaveMapping] = useState(true)
  const [onDuplicate, setOnDuplicate] = useState<'skip' | 'update'>('skip')
  const [preview, setPreview] = useState<Preview | null>(null)
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  const [running, setRunning] = useState<{ planId: string; phase: 'preview' | 'commit' } | null>(
    null
  )
  const [done, setDone] = useState<Committed | null>(null)
  const planRef = useRef<string | null>(null)

  useEffect(
    () =>
      client.on('import.progress', (p) => {
        if (p.planId === planRef.current) {
          setProgress(p)
        }
      }),
    [client]
  )

  const reset = () => {
    setStep(0)
    setOrdersFile(null)
    setItemsFile(null)
    setBusy(null)
    setError(null)
    setInspection(null)
    setMapping({})
    setItemsMapping({})
    setOnDuplicate('skip')
    setPreview(null)
    setProgress(null)
    setRunning(null)
    setDone(null)
    planRef.current = null
  }

  const close = () => {
    if (running) {
      void client.call('import.cancel', { planId: running.planId }).catch(() => undefined)
    } else if (preview && !done) {
      void client.call('import.cancel', { planId: preview.planId }).catch(() => undefined)
    }
    reset()
    onClose()
  }

  const inspect = async (orders: Chosen, items: Chosen | null, explicit: Mappings = {}) => {
    setError(null)
    setBusy(orders.name)
    try {
      const result = await client.call('import.inspect', {
        fileId: orders.fileId,
        ...(items ? { itemsFileId: items.fileId } : {}),
        ...(explicit.orders ? { mapping: explicit.orders } : {}),
        ...(items && explicit.items ? { itemsMapping: explicit.items } : {})
      })
      setInspection(result)
      setMapping(result.orders.mapping)
      setItemsMapping(result.items?.mapping ?? {})
      return result
    } catch (e) {
      setError(reason(e))
      return null
    } finally {
      setBusy(null)
    }
  }

  const upload = async (file: File, role: 'orders' | 'items') => {
    setError(null)
    setBusy(file.name)
    try {
      const { fileId } = await client.upload(file)
      const chosen = { fileId, name: file.name }
      const orders = role === 'orders' ? chosen : ordersFile
      const items = role === 'items' ? chosen : itemsFile
      if (role === 'orders') {
        setOrdersFile(chosen)
      } else {
        setItemsFile(chosen)
      }
      if (!orders) {
        return
      }
      const result = await inspect(orders, items)
      if (result && usesSavedLayouts(result, items)) {
        const previewed = await runPreview(onDuplicate, {
          orders,
          items,
          inspection: result,
          mapping: result.orders.mapping,
          itemsMapping: result.items?.mapping ?? {}
        })
        if (!previewed) {
          // The reason stays on screen; the mapping is where the packer can act on it.
          setStep(1)
        }
      } else if (result && role === 'orders') {
        setStep(1)
      }
    } catch (e) {
      setError(reason(e))
    } finally {
      setBusy(null)
    }
  }

  const downloadTemplate = async () => {
    try {
      const file = await client.call('import.template', {})
      await client.download(file.fileId, file.fileName)
    } catch (e) {
      setError(reason(e))
    }
  }

  const changeField = (
    file: 'orders' | 'items',
    field: ImportFieldName,
    column: string | undefined
  ) => {
    const next: ColumnMappingValue = { ...(file === 'items' ? itemsMapping : mapping) }
    if (column === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- a mapping is a partial record by field name
      delete next[field]
    } else {
      next[field] = column
    }
    if (file === 'items') {
      setItemsMapping(next)
    } else {
      setMapping(next)
    }
    if (ordersFile) {
      // The other file keeps the mapping the user sees: explicit only once it was changed by hand.
      const both: Mappings =
        file === 'items'
          ? {
              items: next,
              ...(inspection?.orders.mappingSource === 'explicit' ? { orders: mapping } : {})
            }
          : {
              orders: next,
              ...(inspection?.items?.mappingSource === 'explicit' ? { items: itemsMapping } : {})
            }
      void inspect(ordersFile, itemsFile, both)
    }
  }

  /** Checks the data; true when the preview step is shown. */
  const runPreview = async (
    duplicate: 'skip' | 'update',
    basis: Basis | null = ordersFile && inspection
      ? { orders: ordersFile, items: itemsFile, inspection, mapping, itemsMapping }
      : null
  ): Promise<boolean> => {
    if (!basis) {
      return false
    }
    const { inspection: inspected, orders, items } = basis
    setError(null)
    const planId = newPlanId()
    planRef.current = planId
    setProgress(null)
    setRunning({ planId, phase: 'preview' })
    try {
      if (saveMapping && inspected.orders.mappingSource !== 'saved') {
        await client.call('import.saveMapping', {
          signature: inspected.orders.signature,
          mapping: basis.mapping
        })
      }
      if (saveMapping && inspected.items && inspected.items.mappingSource !== 'saved') {
        await client.call('import.saveMapping', {
          signature: inspected.items.signature,
          mapping: basis.itemsMapping
        })
      }
      if (preview) {
        void client.call('import.cancel', { planId: preview.planId }).catch(() => undefined)
      }
      const result = await client.call('import.preview', {
        planId,
        fileId: orders.fileId,
        ...(items ? { itemsFileId: items.fileId } : {}),
        ...(items && inspected.items ? { itemsMapping: basis.itemsMapping } : {}),
        mapping: basis.mapping,
        onDuplicate: duplicate
      })
      setPreview(result)
      setStep(2)
      return true
    } catch (e) {
      setError(reason(e))
      return false
    } finally {
      setRunning(null)
    }
  }

  const cancelRunning = async () => {
    if (running?.phase === 'commit') {
      // The commit rolls back and its call fails as cancelled (or it finished first): commit() settles it.
      await client.call('import.cancel', { planId: running.planId }).catch(() => undefined)
    } else if (running) {
      await client.call('import.cancel', { planId: running.planId }).catch(() => undefined)
      setRunning(null)
      setError(t('import.progress.cancelled'))
    }
  }

  const commit = async () => {
    if (!preview) {
      return
    }
    setError(null)
    setStep(3)
    planRef.current = preview.planId
    setProgress(null)
    setRunning({ planId: preview.planId, phase: 'commit' })
    try {
      const committed = await client.call('import.commit', { planId: preview.planId, onDuplicate })
      setDone(committed)
      onCommitted?.(committed)
    } catch (e) {
      const cancelled = e instanceof AppCallError && e.details?.importCode === 'CANCELLED'
      setError(cancelled ? t('import.progress.commitCancelled') : reason(e))
      setStep(2)
    } finally {
      setRunning(null)
    }
  }

  const downloadRejected = async (format: 'xlsx' | 'csv', source: 'orders' | 'items') => {
    if (!preview) {
      return
    }
    try {
      const file = await client.call('import.rejectedSheet', {
        planId: preview.planId,
        format,
        source,
        lang: i18n.language === 'en-US' ? 'en-US' : 'zh-CN'
      })
      await client.download(file.fileId, file.fileName)
    } catch (e) {
      setError(reason(e))
    }
  }

  /** A layout as the packer knows it: the export it was recognised as, else the file's name. */
  const layoutName = (view: ImportInspectionView, file: Chosen | null) =>
    view.preset ? t(`import.mapping.presets.${view.preset}`) : (file?.name ?? '')

  const progressView = running ? (
    <Flex vertical gap={8} data-testid="import-progress">
      <Progress
        percent={
          progress?.rowsTotal
            ? Math.round((progress.rowsRead / progress.rowsTotal) * 100)
            : progress && progress.bytesTotal > 0
              ? Math.round((progress.bytesRead / progress.bytesTotal) * 100)
              : 0
        }
        status="active"
      />
      <Flex justify="space-between" align="center">
        <Typography.Text>
          {t(
            `import.progress.${progress?.phase ?? (running.phase === 'commit' ? 'writing' : 'reading')}`,
            {
              rows: progress?.rowsRead ?? 0,
              total: progress?.rowsTotal ?? 0,
              speed: progress?.rowsPerSecond ?? 0
            }
          )}
        </Typography.Text>
        <Button danger onClick={() => void cancelRunning()}>
          {t('import.progress.cancel')}
        </Button>
      </Flex>
    </Flex>
  ) : null

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={980}
      onCancel={close}
      footer={null}
      mask={{ closable: false }}
      destroyOnHidden
    >
      <Steps
        current={step}
        size="small"
        style={{ marginBottom: 20 }}
        items={[
          { title: t('import.steps.file') },
          { title: t('import.steps.mapping') },
          { title: t('import.steps.preview') },
          { title: t('import.steps.commit') }
        ]}
      />
      {error ? (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('import.error', { message: error })}
          data-testid="import-error"
        />
      ) : null}
      {step === 0 ? (
        <FileStep
          busy={busy}
          locked={running !== null}
          ordersFile={ordersFile}
          itemsFile={itemsFile}
          onOrders={(f) => void upload(f, 'orders')}
          onItems={(f) => void upload(f, 'items')}
          onTemplate={() => void downloadTemplate()}
          onNext={() => {
            setStep(1)
          }}
          canNext={inspection !== null}
          progress={progressView}
        />
      ) : null}
      {step === 1 && inspection ? (
        <Flex vertical gap={12}>
          {inspection.items ? (
            <Tabs
              items={[
                {
                  key: 'orders',
                  label: t('import.mapping.ordersTab', { name: ordersFile?.name ?? '' }),
                  children: (
                    <MappingStep
                      role="orders-with-item-report"
                      inspection={inspection.orders}
                      mapping={mapping}
                      onChange={(field, column) => {
                        changeField('orders', field, column)
                      }}
                      testId="import-mapping"
                    />
                  )
                },
                {
                  key: 'items',
                  label: (
                    <span data-testid="import-items-tab">
                      {t('import.mapping.itemsFile', { name: itemsFile?.name ?? '' })}
                      {inspection.items.missing.length > 0 ? (
                        <Tag color="red" style={{ marginInlineStart: 8 }}>
                          {inspection.items.missing.length}
                        </Tag>
                      ) : null}
                    </span>
                  ),
                  children: (
                    <MappingStep
                      role="items"
                      inspection={inspection.items}
                      mapping={itemsMapping}
                      onChange={(field, column) => {
                        changeField('items', field, column)
                      }}
                      testId="import-items-mapping"
                    />
                  )
                }
              ]}
            />
          ) : (
            <MappingStep
              role="orders"
              inspection={inspection.orders}
              mapping={mapping}
              onChange={(field, column) => {
                changeField('orders', field, column)
              }}
              testId="import-mapping"
            />
          )}
          <Checkbox
            checked={saveMapping}
            onChange={(e) => {
              setSaveMapping(e.target.checked)
            }}
          >
            {t('import.mapping.save')}
          </Checkbox>
          {progressView}
          <Flex justify="space-between">
            <Button
              onClick={() => {
                setStep(0)
              }}
              disabled={running !== null}
            >
              {t('import.mapping.back')}
            </Button>
            <Button
              type="primary"
              disabled={
                inspection.orders.missing.length > 0 ||
                (inspection.items?.missing.length ?? 0) > 0 ||
                running !== null ||
                busy !== null
              }
              loading={running !== null}
              onClick={() => void runPreview(onDuplicate)}
            >
              {t('import.mapping.next')}
            </Button>
          </Flex>
        </Flex>
      ) : null}
      {step === 2 && preview ? (
        <Flex vertical gap={12}>
          {inspection && usesSavedLayouts(inspection, itemsFile) ? (
            <Alert
              type="info"
              showIcon
              data-testid="import-saved-note"
              title={t('import.preview.savedMapping', {
                layout: [
                  layoutName(inspection.orders, ordersFile),
                  ...(inspection.items ? [layoutName(inspection.items, itemsFile)] : [])
                ].join(' + ')
              })}
            />
          ) : null}
          <PreviewStep
            preview={preview}
            onDuplicate={onDuplicate}
            onDuplicateChange={(value) => {
              setOnDuplicate(value)
              void runPreview(value)
            }}
            onDownload={(format, source) => void downloadRejected(format, source)}
            disabled={running !== null}
          />
          {progressView}
          <Flex justify="space-between">
            <Button
              onClick={() => {
                setStep(1)
              }}
              disabled={running !== null}
            >
              {t('import.mapping.back')}
            </Button>
            <Button
              type="primary"
              disabled={running !== null || preview.counts.new + preview.counts.updated === 0}
              onClick={() => void commit()}
            >
              {preview.counts.new + preview.counts.updated === 0
                ? t('import.preview.commitNone')
                : t('import.preview.commit', {
                    count: preview.counts.new + preview.counts.updated
                  })}
            </Button>
          </Flex>
        </Flex>
      ) : null}
      {step === 3 ? (
        done ? (
          <Result
            status="success"
            title={t('import.done.title')}
            subTitle={
              <span data-testid="import-done">
                {t('import.done.summary', done)}
                {done.rejectedRows > 0
                  ? ` · ${t('import.done.rejected', { rows: done.rejectedRows })}`
                  : ''}
              </span>
            }
            extra={
              <Button type="primary" onClick={close}>
                {t('import.done.close')}
              </Button>
            }
          />
        ) : (
          progressView
        )
      ) : null}
    </Modal>
  )
}

function FileStep(props: {
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
      <Flex justify="space-between" align="center">
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

function MappingStep(props: {
  readonly role: MappingRole
  readonly inspection: ImportInspectionView
  readonly mapping: ColumnMappingValue
  readonly onChange: (field: ImportFieldName, column: string | undefined) => void
  readonly testId: string
}): ReactNode {
  const { t } = useTranslation()
  const { inspection } = props
  const missing = new Set(inspection.missing)
  const required = requiredFor(props.role)
  const options = inspection.headers
    .filter((h) => h.trim() !== '')
    .map((h) => ({ value: h, label: h }))
  const fieldRows = fieldsFor(props.role).map((field) => ({ key: field, field }))
  const sampleColumns = inspection.headers.map((h, i) => ({
    key: String(i),
    title: h,
    dataIndex: String(i),
    ellipsis: true,
    width: 140
  }))
  const sampleRows = inspection.sample.map((cells, r) => ({
    key: String(r),
    ...Object.fromEntries(cells.map((c, i) => [String(i), c]))
  }))
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Typography.Text>{t('import.mapping.preset')}</Typography.Text>
        {inspection.preset ? (
          <Tag color="green" data-testid="import-preset">
            {t(`import.mapping.presets.${inspection.preset}`)}
          </Tag>
        ) : (
          <Tag color="orange">{t('import.mapping.presetNone')}</Tag>
        )}
        <Typography.Text type="secondary">
          {t(`import.mapping.source.${inspection.mappingSource}`)} ·{' '}
          {t('import.mapping.headerRow', {
            row: inspection.headerRow,
            count: inspection.headers.length
          })}
          {inspection.encoding
            ? ` · ${t('import.mapping.encoding', { encoding: inspection.encoding })}`
            : ''}
        </Typography.Text>
      </Space>
      {inspection.missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.mapping.missing', {
            fields: inspection.missing.map((f) => t(`import.fields.${f}`)).join('、')
          })}
        />
      ) : null}
      <Table
        size="small"
        pagination={false}
        scroll={{ y: 260 }}
        dataSource={fieldRows}
        data-testid={props.testId}
        columns={[
          {
            key: 'field',
            title: t('import.mapping.field'),
            width: 220,
            render: (_: unknown, row: { field: ImportFieldName }) => (
              <Space>
                <Typography.Text
                  type={missing.has(row.field) ? 'danger' : undefined}
                  strong={required.has(row.field)}
                >
                  {t(`import.fields.${row.field}`)}
                </Typography.Text>
                {required.has(row.field) ? (
                  <Tag color={missing.has(row.field) ? 'red' : 'default'}>
                    {t('import.mapping.required')}
                  </Tag>
                ) : null}
              </Space>
            )
          },
          {
            key: 'column',
            title: t('import.mapping.column'),
            render: (_: unknown, row: { field: ImportFieldName }) => (
              <Select
                style={{ width: 280 }}
                allowClear
                showSearch
                status={missing.has(row.field) ? 'error' : undefined}
                placeholder={t('import.mapping.choose')}
                aria-label={t(`import.fields.${row.field}`)}
                value={props.mapping[row.field]}
                options={options}
                onChange={(value: string | undefined) => {
                  props.onChange(row.field, value)
                }}
              />
            )
          }
        ]}
      />
      <Typography.Text strong>{t('import.mapping.sample')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={sampleRows}
        columns={sampleColumns}
        data-testid={props.role === 'items' ? 'import-items-sample' : 'import-sample'}
      />
    </Flex>
  )
}

function PreviewStep(props: {
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
