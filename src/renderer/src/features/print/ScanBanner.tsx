import { LoadingOutlined, PrinterOutlined } from '@ant-design/icons'
import { Alert, Button, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { LabelFate } from './use-scan-label'

/** The order on screen: what the next label scan is checked against. */
export type Current = {
  readonly orderId: number
  readonly platformOrderId: string
  readonly trackingNumber: string | null
}

export type Banner =
  /** A label this page queued (a scan's first label, or a reprint): its fate decides the colour. */
  | { readonly kind: 'label'; readonly reprint: boolean; readonly tracking: string }
  | { readonly kind: 'already' }
  /** The order has shipped: no new label; a reprint of its own is a confirmed, separate act. */
  | { readonly kind: 'shipped'; readonly tracking: string | null }
  | { readonly kind: 'held'; readonly reason: string }
  | { readonly kind: 'not_found'; readonly code: string }
  | { readonly kind: 'verified'; readonly tracking: string }
  | { readonly kind: 'wrong'; readonly tracking: string; readonly other: string }
  | { readonly kind: 'voided'; readonly tracking: string }
  | { readonly kind: 'error'; readonly message: string }

/** A scan's answer in large type, readable from the bench at arm's length. */
function ScanAlert(props: {
  readonly type: 'warning' | 'error'
  readonly testId: string
  readonly title: ReactNode
  readonly fontSize: number
  readonly fontWeight?: number
  readonly description?: ReactNode
  readonly action?: ReactNode
}): ReactNode {
  return (
    <Alert
      type={props.type}
      {...(props.type === 'error' ? { role: 'alert' } : {})}
      showIcon
      data-testid={props.testId}
      title={
        <span style={{ fontSize: props.fontSize, fontWeight: props.fontWeight }}>
          {props.title}
        </span>
      }
      description={props.description}
      action={props.action}
    />
  )
}

function BigTracking(props: { readonly tracking: string | null | undefined }): ReactNode {
  return props.tracking ? (
    <div
      data-testid="scan-tracking"
      style={{ fontSize: 44, fontWeight: 700, letterSpacing: 2, fontFamily: 'monospace' }}
    >
      {props.tracking}
    </div>
  ) : null
}

/** The label's real state: sending, waiting for the printer (why), printed, or not printed. */
function LabelBanner(props: {
  readonly banner: Extract<Banner, { kind: 'label' }>
  readonly fate: LabelFate | null
  readonly orderLine: string
  readonly onRetry: () => void
}): ReactNode {
  const { t } = useTranslation()
  const { banner, orderLine } = props
  const fate = props.fate ?? { state: 'sending' }
  const tracking = banner.tracking
  const body = (
    <>
      <Typography.Text type="secondary">{t('print.scan.trackingNumber')}</Typography.Text>
      <BigTracking tracking={tracking} />
    </>
  )
  const common = { 'data-testid': 'scan-result', 'data-state': fate.state, showIcon: true }
  switch (fate.state) {
    case 'printed':
      return (
        <Alert
          {...common}
          type="success"
          icon={<PrinterOutlined />}
          title={
            <span style={{ fontSize: 20 }}>
              {banner.reprint ? t('print.scan.reprinted', { tracking }) : t('print.scan.printed')} ·{' '}
              {orderLine}
            </span>
          }
          description={body}
        />
      )
    case 'sending':
      return (
        <Alert
          {...common}
          type="info"
          icon={<LoadingOutlined />}
          title={
            <span style={{ fontSize: 20 }}>
              {t('print.scan.sending')} · {orderLine}
            </span>
          }
          description={body}
        />
      )
    case 'waiting': {
      // The cause in words; the queue's own (English) words stay in the tooltip.
      const why = t(`print.scan.cause.${fate.cause ?? 'other'}`)
      return (
        <Alert
          {...common}
          type="warning"
          role="alert"
          title={
            <span style={{ fontSize: 22, fontWeight: 600 }} title={fate.detail}>
              {t('print.scan.waitingPrinter', { reason: why })} · {orderLine}
            </span>
          }
          description={
            <>
              {body}
              <Typography.Paragraph>{t('print.scan.waitingHint')}</Typography.Paragraph>
            </>
          }
          action={
            <Button size="large" type="primary" onClick={props.onRetry}>
              {t('print.scan.retry')}
            </Button>
          }
        />
      )
    }
    case 'failed':
      return (
        <Alert
          {...common}
          type="error"
          role="alert"
          title={
            <span style={{ fontSize: 22, fontWeight: 600 }}>
              {t('print.scan.notPrinted')} · {orderLine}
            </span>
          }
          description={body}
        />
      )
  }
}

export function ScanBanner(props: {
  readonly banner: Banner | null
  readonly current: Current | null
  readonly fate: LabelFate | null
  readonly onReprint: () => void
  readonly onReprintShipped: (tracking: string) => void
  readonly onRetry: () => void
}): ReactNode {
  const { t } = useTranslation()
  const { banner, current } = props
  if (banner === null) {
    return null
  }
  const orderLine = current ? t('print.scan.order', { id: current.platformOrderId }) : ''
  switch (banner.kind) {
    case 'label':
      return (
        <LabelBanner
          banner={banner}
          fate={props.fate}
          orderLine={orderLine}
          onRetry={props.onRetry}
        />
      )
    case 'already':
      return (
        <ScanAlert
          type="warning"
          testId="scan-result"
          fontSize={22}
          fontWeight={600}
          title={`${t('print.scan.alreadyPrinted')} · ${orderLine}`}
          description={
            <>
              <BigTracking tracking={current?.trackingNumber} />
              <Typography.Paragraph>
                {t('print.scan.alreadyPrintedHint', { tracking: current?.trackingNumber ?? '' })}
              </Typography.Paragraph>
            </>
          }
          action={
            <Button size="large" type="primary" onClick={props.onReprint}>
              {t('print.scan.reprint')}
            </Button>
          }
        />
      )
    case 'shipped': {
      const tracking = banner.tracking
      return (
        <ScanAlert
          type="error"
          testId="scan-held"
          fontSize={26}
          fontWeight={700}
          title={`${t('print.scan.shipped')} · ${orderLine}`}
          description={
            <>
              <BigTracking tracking={tracking} />
              <Typography.Paragraph>{t('print.scan.shippedHint')}</Typography.Paragraph>
            </>
          }
          action={
            tracking ? (
              <Button
                size="large"
                danger
                onClick={() => {
                  props.onReprintShipped(tracking)
                }}
              >
                {t('print.scan.shippedReprint')}
              </Button>
            ) : null
          }
        />
      )
    }
    case 'verified':
      return (
        <Alert
          type="success"
          showIcon
          data-testid="scan-verify"
          style={{ background: '#389e0d', borderColor: '#389e0d' }}
          title={
            <span style={{ fontSize: 26, fontWeight: 700, color: '#fff' }}>
              {t('print.scan.verified', {
                tracking: banner.tracking,
                id: current?.platformOrderId ?? ''
              })}
            </span>
          }
        />
      )
    case 'wrong':
      return (
        <Alert
          type="error"
          role="alert"
          data-testid="scan-wrong"
          style={{ background: '#cf1322', borderColor: '#a8071a', padding: '20px 24px' }}
          title={
            <span style={{ fontSize: 30, fontWeight: 800, color: '#fff' }}>
              {t('print.scan.wrongOrder', {
                tracking: banner.tracking,
                other: banner.other,
                id: current?.platformOrderId ?? ''
              })}
            </span>
          }
          description={
            <span style={{ fontSize: 18, color: '#fff' }}>
              {t('print.scan.wrongOrderHint', { other: banner.other })}
            </span>
          }
        />
      )
    case 'held':
      return (
        <ScanAlert
          type="error"
          testId="scan-held"
          fontSize={26}
          fontWeight={700}
          title={`${t('print.scan.held', { reason: banner.reason })} · ${orderLine}`}
        />
      )
    case 'voided':
      return (
        <ScanAlert
          type="error"
          testId="scan-held"
          fontSize={24}
          title={t('print.scan.voided', { tracking: banner.tracking })}
        />
      )
    case 'not_found':
      return (
        <ScanAlert
          type="warning"
          testId="scan-result"
          fontSize={22}
          title={t('print.scan.notFound', { code: banner.code })}
        />
      )
    case 'error':
      return <Alert type="error" showIcon title={t('app.error', { message: banner.message })} />
  }
}
