import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Flex,
  Image,
  Pagination,
  Spin,
  Statistic,
  Table,
  Typography,
  theme
} from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../shared/contract'
import type { OrderSummary } from '../../../../shared/schemas/order'
import { useClient } from '../../api/context'
import { BatchTable } from './BatchTable'
import { PrintTargetForm } from './PrintTargetForm'
import { errorText, type CarrierInfo, type PrintTarget, type PrinterInfo } from './use-print-target'

type Check = MethodOutput<'print.check'>
type Preview = MethodOutput<'print.preview'>

/** How many of the batch's first labels the preview shows. */
const PREVIEW_COUNT = 3

/** Step 2: carrier, template, printer; the check (who prints, who is held out and why, pool); print. */
export function PrintSetup(props: {
  readonly orders: readonly OrderSummary[]
  readonly carriers: readonly CarrierInfo[]
  readonly printers: readonly PrinterInfo[]
  readonly target: PrintTarget
  readonly onTarget: (next: PrintTarget) => void
  readonly onBack: () => void
  readonly onPrint: (check: Check) => void
  readonly starting: boolean
}): ReactNode {
  const { t } = useTranslation()
  const { token } = theme.useToken()
  const client = useClient()
  const { orders, target } = props
  const [check, setCheck] = useState<Check | null>(null)
  const [checkError, setCheckError] = useState<string | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [previewError, setPreviewError] = useState<string | null>(null)
  const printer = props.printers.find((p) => p.id === target.printerId)
  const dpi = printer?.dpi ?? 203
  const carrierName = props.carriers.find((c) => c.code === target.carrier)?.name ?? ''

  useEffect(() => {
    if (target.carrier === null) {
      return
    }
    let live = true
    client
      .call('print.check', { orderIds: orders.map((o) => o.id), carrier: target.carrier })
      .then((value) => {
        if (live) {
          setCheck(value)
          setCheckError(null)
        }
      })
      .catch((e: unknown) => {
        if (live) {
          setCheck(null)
          setCheckError(errorText(e))
        }
      })
    return () => {
      live = false
    }
  }, [client, orders, target.carrier])

  // What prints, in print order: once checked, the held orders are out of it, so none of them is
  // #1 on the list or the first label previewed (they are listed apart, with their reasons).
  // Until a carrier is chosen nothing is checked and the list is the picked orders as they are.
  const printOrder = printable(orders, check)
  // The ids, not the array: a re-render with the same batch does not re-render the labels. With a
  // carrier chosen the preview waits for the check rather than show a held order's label first.
  const previewIds =
    target.carrier !== null && check === null
      ? ''
      : printOrder
          .slice(0, PREVIEW_COUNT)
          .map((o) => o.id)
          .join(',')
  useEffect(() => {
    if (previewIds === '') {
      return
    }
    let live = true
    client
      .call('print.preview', {
        orderIds: previewIds.split(',').map(Number),
        carrier: target.carrier,
        template: target.template,
        dpi,
        maskPrivacy: target.maskPrivacy
      })
      .then((value) => {
        if (live) {
          setPreview(value)
          setPreviewError(null)
        }
      })
      .catch((e: unknown) => {
        if (live) {
          setPreviewError(errorText(e))
        }
      })
    return () => {
      live = false
    }
  }, [client, previewIds, target.carrier, target.template, target.maskPrivacy, dpi])

  // A preview of an earlier list (before the check came back) is not shown as this one's.
  const previewed = new Set(previewIds.split(',').map(Number))
  const shownPreview =
    preview !== null && preview.labels.every((l) => previewed.has(l.orderId)) ? preview : null

  const byId = new Map(orders.map((o) => [o.id, o]))
  const poolShort = check !== null && check.needNumbers > check.available
  const ready =
    check !== null &&
    target.carrier !== null &&
    target.printerId !== null &&
    check.eligible.length > 0 &&
    !poolShort

  return (
    <Flex gap={16} style={{ flex: 1, minHeight: 0 }} data-testid="print-setup">
      <Flex vertical gap={12} style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>
        <Card size="small">
          <PrintTargetForm
            carriers={props.carriers}
            printers={props.printers}
            value={target}
            onChange={props.onTarget}
            layout="inline"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('print.setup.remember')}
          </Typography.Text>
        </Card>
        {target.carrier === null ? null : check === null && checkError === null ? (
          <Spin description={t('print.setup.checking')} />
        ) : null}
        {checkError ? (
          <Alert type="error" showIcon title={t('app.error', { message: checkError })} />
        ) : null}
        {check ? (
          <Card size="small" data-testid="print-check">
            <Flex gap={32} wrap align="center">
              <Statistic
                title={t('print.setup.willPrint', { count: check.eligible.length })}
                value={check.eligible.length}
                styles={{ content: { color: '#389e0d' } }}
              />
              <Statistic
                title={t('print.setup.heldCount', { count: check.held.length })}
                value={check.held.length}
                styles={{ content: { color: check.held.length > 0 ? '#d46b08' : undefined } }}
              />
              <Typography.Text strong data-testid="print-packages">
                {t('print.setup.ordersAndPackages', {
                  orders: check.eligible.length,
                  packages: check.packages
                })}
              </Typography.Text>
              <Typography.Text data-testid="pool-check">
                {t('print.setup.needNumbers', {
                  need: check.needNumbers,
                  carrier: carrierName,
                  available: check.available
                })}
              </Typography.Text>
            </Flex>
            {poolShort ? (
              <Alert
                style={{ marginTop: 8 }}
                type="error"
                showIcon
                data-testid="pool-short"
                title={t('print.setup.poolShort', {
                  need: check.needNumbers,
                  available: check.available
                })}
              />
            ) : null}
            {check.held.length > 0 ? (
              <div style={{ marginTop: 12 }} data-testid="held-orders">
                <Typography.Text strong>{t('print.setup.heldTitle')}</Typography.Text>
                <Table
                  size="small"
                  rowKey="orderId"
                  pagination={check.held.length > 8 ? { pageSize: 8, size: 'small' } : false}
                  dataSource={check.held}
                  columns={[
                    {
                      key: 'id',
                      title: t('print.columns.platformOrderId'),
                      dataIndex: 'platformOrderId',
                      width: 220
                    },
                    {
                      key: 'receiver',
                      title: t('print.columns.receiver'),
                      width: 120,
                      render: (_, r) => byId.get(r.orderId)?.receiverName ?? ''
                    },
                    {
                      key: 'reason',
                      title: t('print.columns.reason'),
                      render: (_, r) => (
                        <Typography.Text type="warning" strong>
                          {t(`print.reason.${r.reason}`)}
                        </Typography.Text>
                      )
                    }
                  ]}
                />
              </div>
            ) : null}
          </Card>
        ) : null}
        <Typography.Text strong>{t('print.setup.order')}</Typography.Text>
        <BatchTable orders={printOrder} height={260} />
        {/* Sticky: however many orders are held or listed above, the print button stays in view. */}
        <Flex
          gap={12}
          data-testid="print-actions"
          style={{
            position: 'sticky',
            bottom: 0,
            zIndex: 2,
            paddingBlock: 8,
            background: token.colorBgLayout
          }}
        >
          <Button size="large" icon={<ArrowLeftOutlined />} onClick={props.onBack}>
            {t('print.setup.back')}
          </Button>
          <Button
            size="large"
            type="primary"
            icon={<PrinterOutlined />}
            disabled={!ready}
            loading={props.starting}
            data-testid="start-print"
            onClick={() => {
              if (check) {
                props.onPrint(check)
              }
            }}
          >
            {check && check.eligible.length === 0
              ? t('print.setup.nothingToPrint')
              : t('print.setup.print', { count: check?.eligible.length ?? 0 })}
          </Button>
        </Flex>
      </Flex>
      <Card
        size="small"
        title={t('print.setup.preview')}
        style={{ width: 300, flex: 'none', alignSelf: 'flex-start' }}
        data-testid="print-preview"
      >
        {previewError ? (
          <Alert type="error" title={t('print.setup.previewError', { message: previewError })} />
        ) : shownPreview && previewIds !== '' ? (
          <BatchPreview preview={shownPreview} total={printOrder.length} />
        ) : check !== null && check.eligible.length === 0 ? (
          <Typography.Text type="secondary">{t('print.setup.nothingToPrint')}</Typography.Text>
        ) : (
          <Spin />
        )}
      </Card>
    </Flex>
  )
}

/** The orders the check lets print, in the picked order; all of them before a check. */
function printable(orders: readonly OrderSummary[], check: Check | null): readonly OrderSummary[] {
  if (check === null) {
    return orders
  }
  const eligible = new Set(check.eligible)
  return orders.filter((o) => eligible.has(o.id))
}

/** One label at a time (a label is taller than the column), with a pager over the first few. */
function BatchPreview(props: { readonly preview: Preview; readonly total: number }): ReactNode {
  const { t } = useTranslation()
  const { labels } = props.preview
  const [index, setIndex] = useState(0)
  const label = labels[Math.min(index, labels.length - 1)]
  if (!label) {
    return null
  }
  return (
    <Flex vertical align="center" gap={6}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('print.setup.previewFirst', { count: labels.length, total: props.total })}
      </Typography.Text>
      <Image
        src={label.dataUrl}
        alt={t('print.setup.previewOf', { order: label.platformOrderId })}
        width={260}
        style={{ border: '1px solid #d9d9d9', background: '#fff' }}
        data-testid="preview-label"
        data-order={label.platformOrderId}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label.platformOrderId} ·{' '}
        {label.allocated ? label.trackingNumber : t('print.setup.previewNotAllocated')}
      </Typography.Text>
      {labels.length > 1 ? (
        <Pagination
          simple
          size="small"
          current={Math.min(index, labels.length - 1) + 1}
          pageSize={1}
          total={labels.length}
          onChange={(page) => {
            setIndex(page - 1)
          }}
        />
      ) : null}
    </Flex>
  )
}
