import { Alert, Button, Checkbox, Flex, Modal, Result, Steps, Tabs, Tag } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { FileStep } from './FileStep'
import { ImportProgress } from './ImportProgress'
import { MappingStep } from './MappingStep'
import { PreviewStep } from './PreviewStep'
import { useImportWizard, usesSavedLayouts, type Committed } from './use-import-wizard'

type Props = {
  readonly open: boolean
  readonly onClose: () => void
  /** After the commit wrote the orders (the wizard still shows the summary). */
  readonly onCommitted?: (done: Committed) => void
}

/** 导入订单: file → mapping → preview → commit, in one modal; nothing is written before the last step. */
export function ImportWizard({ open, onClose, onCommitted }: Props): ReactNode {
  const { t } = useTranslation()
  const {
    step,
    setStep,
    ordersFile,
    itemsFile,
    busy,
    error,
    inspection,
    mapping,
    itemsMapping,
    saveMapping,
    setSaveMapping,
    onDuplicate,
    setOnDuplicate,
    preview,
    progress,
    running,
    done,
    close,
    upload,
    downloadTemplate,
    changeField,
    runPreview,
    cancelRunning,
    commit,
    downloadRejected,
    layoutName
  } = useImportWizard(onClose, onCommitted)

  const progressView = running ? (
    <ImportProgress running={running} progress={progress} onCancel={() => void cancelRunning()} />
  ) : null

  return (
    <Modal
      open={open}
      title={t('import.title')}
      width={980}
      onCancel={close}
      footer={null}
      mask={{ closable: false }}
      // The dialog fits the window (860 px high on a bench laptop): its body scrolls and each
      // step's buttons stay pinned at the bottom of it.
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 120px)', overflowY: 'auto' } }}
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
          <Flex justify="space-between" className="wb-dialog-actions">
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
          <Flex justify="space-between" className="wb-dialog-actions">
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
