import { PrinterOutlined, ScanOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Input,
  List,
  Spin,
  Tag,
  Typography,
  type InputRef
} from 'antd'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../api/context'
import { PrintTargetForm } from './PrintTargetForm'
import { errorText, usePrintTarget } from './use-print-target'

/** The order on screen: what the next label scan is checked against. */
type Current = {
  readonly orderId: number
  readonly platformOrderId: string
  readonly trackingNumber: string | null
}

type Banner =
  | { readonly kind: 'printed' }
  | { readonly kind: 'already' }
  | { readonly kind: 'reprinted' }
  | { readonly kind: 'held'; readonly reason: string }
  | { readonly kind: 'not_found'; readonly code: string }
  | { readonly kind: 'verified'; readonly tracking: string }
  | { readonly kind: 'wrong'; readonly tracking: string; readonly other: string }
  | { readonly kind: 'voided'; readonly tracking: string }
  | { readonly kind: 'error'; readonly message: string }

type HistoryEntry = {
  readonly key: number
  readonly code: string
  readonly text: string
  readonly ok: boolean
}

/** Three short loud beeps (Web Audio); silent where audio is unavailable. */
function beep(): void {
  try {
    const audio = new AudioContext()
    for (let i = 0; i < 3; i++) {
      const osc = audio.createOscillator()
      const gain = audio.createGain()
      osc.type = 'square'
      osc.frequency.value = 880
      gain.gain.value = 0.25
      osc.connect(gain).connect(audio.destination)
      const at = audio.currentTime + i * 0.22
      osc.start(at)
      osc.stop(at + 0.15)
    }
    setTimeout(() => void audio.close(), 1000)
  } catch {
    // No audio device: the red banner is the warning.
  }
}

/**
 * 扫描打单: scan an order → its label prints at once; scan it again → reprint is offered with the
 * same number; scan the printed label → the scan-back check (green, or a loud red warning).
 */
export function ScanPrint(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const { carriers, printers, target, setTarget, remember } = usePrintTarget(null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [current, setCurrent] = useState<Current | null>(null)
  const [banner, setBanner] = useState<Banner | null>(null)
  const [history, setHistory] = useState<readonly HistoryEntry[]>([])
  const inputRef = useRef<InputRef>(null)
  const chain = useRef<Promise<void>>(Promise.resolve())
  const ready = target.carrier !== null && target.printerId !== null

  const log = useCallback((entry: Omit<HistoryEntry, 'key'>) => {
    setHistory((h) => [{ ...entry, key: Date.now() + Math.random() }, ...h].slice(0, 12))
  }, [])

  const focus = () => {
    inputRef.current?.focus()
  }

  const reprint = useCallback(async () => {
    if (current?.trackingNumber == null || target.printerId === null) {
      return
    }
    try {
      await client.call('print.reprint', {
        trackingNumber: current.trackingNumber,
        printerId: target.printerId,
        template: target.template,
        maskPrivacy: target.maskPrivacy
      })
      setBanner({ kind: 'reprinted' })
      void message.success(t('print.scan.reprinted', { tracking: current.trackingNumber }))
    } catch (e) {
      setBanner({ kind: 'error', message: errorText(e) })
    }
    inputRef.current?.focus()
  }, [client, current, target, message, t])

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' && banner?.kind === 'already') {
        e.preventDefault()
        void reprint()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
    }
  }, [banner, reprint])

  const onScan = async (raw: string) => {
    const scanned = raw.trim()
    if (scanned === '') {
      return
    }
    if (target.carrier === null || target.printerId === null) {
      setBanner({ kind: 'error', message: t('print.scan.needSetup') })
      return
    }
    setBusy(true)
    remember()
    try {
      // A printed label's barcode first: the scan-back check against the order on screen.
      if (scanned.length <= 64) {
        const verify = await client.call('printed.verify', {
          trackingNumber: scanned,
          expectedOrderId: current?.orderId ?? null
        })
        if (verify.result === 'verified' && verify.orderId !== null) {
          setCurrent({
            orderId: verify.orderId,
            platformOrderId: verify.platformOrderId ?? '',
            trackingNumber: scanned
          })
          setBanner({ kind: 'verified', tracking: scanned })
          log({
            code: scanned,
            text: t('print.scan.verified', { tracking: scanned, id: verify.platformOrderId ?? '' }),
            ok: true
          })
          return
        }
        if (verify.result === 'wrong_order') {
          const other = verify.platformOrderId ?? ''
          setBanner({ kind: 'wrong', tracking: scanned, other })
          beep()
          log({
            code: scanned,
            text: t('print.scan.wrongOrder', {
              tracking: scanned,
              other,
              id: current?.platformOrderId ?? ''
            }),
            ok: false
          })
          return
        }
        if (verify.result === 'voided') {
          setBanner({ kind: 'voided', tracking: scanned })
          beep()
          log({ code: scanned, text: t('print.scan.voided', { tracking: scanned }), ok: false })
          return
        }
      }
      const res = await client.call('print.scan', {
        code: scanned,
        carrier: target.carrier,
        template: target.template,
        printerId: target.printerId,
        maskPrivacy: target.maskPrivacy
      })
      if (res.result === 'not_found' || res.orderId === null) {
        setBanner({ kind: 'not_found', code: scanned })
        log({ code: scanned, text: t('print.scan.notFound', { code: scanned }), ok: false })
        return
      }
      setCurrent({
        orderId: res.orderId,
        platformOrderId: res.platformOrderId ?? scanned,
        trackingNumber: res.trackingNumber
      })
      if (res.result === 'printed') {
        setBanner({ kind: 'printed' })
        log({
          code: scanned,
          text: `${t('print.scan.printed')} ${res.trackingNumber ?? ''}`,
          ok: true
        })
      } else if (res.result === 'already_printed') {
        setBanner({ kind: 'already' })
        log({ code: scanned, text: t('print.scan.alreadyPrinted'), ok: true })
      } else {
        const reason = t(`print.reason.${res.reason ?? 'not_found'}`)
        setBanner({ kind: 'held', reason })
        beep()
        log({ code: scanned, text: t('print.scan.held', { reason }), ok: false })
      }
    } catch (e) {
      setBanner({ kind: 'error', message: errorText(e) })
    } finally {
      setBusy(false)
      focus()
    }
  }

  return (
    <Flex
      vertical
      gap={12}
      style={{ flex: 1, minHeight: 0, overflow: 'auto' }}
      data-testid="scan-print"
    >
      <Card size="small">
        <PrintTargetForm
          carriers={carriers}
          printers={printers}
          value={target}
          onChange={setTarget}
          layout="inline"
        />
      </Card>
      {ready ? null : <Alert type="warning" showIcon title={t('print.scan.needSetup')} />}
      <Input
        ref={inputRef}
        size="large"
        autoFocus
        value={code}
        onChange={(e) => {
          setCode(e.target.value)
        }}
        onPressEnter={() => {
          // A scanner can fire the next code before this one is answered: one at a time, in order.
          const scanned = code
          setCode('')
          chain.current = chain.current.then(() => onScan(scanned))
        }}
        prefix={<ScanOutlined style={{ fontSize: 28, color: '#1f6feb' }} />}
        suffix={busy ? <Spin size="small" /> : <span />}
        placeholder={t('print.scan.placeholder')}
        aria-label={t('print.scan.placeholder')}
        style={{ fontSize: 26, height: 64 }}
        data-testid="scan-box"
      />
      <Typography.Text type="secondary">{t('print.scan.hint')}</Typography.Text>
      <ScanBanner banner={banner} current={current} onReprint={() => void reprint()} />
      <Card size="small" title={t('print.scan.history')}>
        <List
          size="small"
          dataSource={[...history]}
          locale={{ emptyText: t('print.scan.waiting') }}
          renderItem={(item) => (
            <List.Item key={item.key}>
              <Flex gap={12}>
                <Tag color={item.ok ? 'green' : 'red'}>{item.code}</Tag>
                <span>{item.text}</span>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  )
}

function ScanBanner(props: {
  readonly banner: Banner | null
  readonly current: Current | null
  readonly onReprint: () => void
}): ReactNode {
  const { t } = useTranslation()
  const { banner, current } = props
  if (banner === null) {
    return null
  }
  const orderLine = current ? t('print.scan.order', { id: current.platformOrderId }) : ''
  const bigTracking = current?.trackingNumber ? (
    <div
      data-testid="scan-tracking"
      style={{ fontSize: 44, fontWeight: 700, letterSpacing: 2, fontFamily: 'monospace' }}
    >
      {current.trackingNumber}
    </div>
  ) : null
  switch (banner.kind) {
    case 'printed':
    case 'reprinted':
      return (
        <Alert
          type="success"
          showIcon
          icon={<PrinterOutlined />}
          data-testid="scan-result"
          title={
            <span style={{ fontSize: 20 }}>
              {banner.kind === 'printed'
                ? t('print.scan.printed')
                : t('print.scan.reprinted', { tracking: current?.trackingNumber ?? '' })}{' '}
              · {orderLine}
            </span>
          }
          description={
            <>
              <Typography.Text type="secondary">{t('print.scan.trackingNumber')}</Typography.Text>
              {bigTracking}
            </>
          }
        />
      )
    case 'already':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="scan-result"
          title={
            <span style={{ fontSize: 22, fontWeight: 600 }}>
              {t('print.scan.alreadyPrinted')} · {orderLine}
            </span>
          }
          description={
            <>
              {bigTracking}
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
        <Alert
          type="error"
          role="alert"
          showIcon
          data-testid="scan-held"
          title={
            <span style={{ fontSize: 26, fontWeight: 700 }}>
              {t('print.scan.held', { reason: banner.reason })} · {orderLine}
            </span>
          }
        />
      )
    case 'voided':
      return (
        <Alert
          type="error"
          role="alert"
          showIcon
          data-testid="scan-held"
          title={
            <span style={{ fontSize: 24 }}>
              {t('print.scan.voided', { tracking: banner.tracking })}
            </span>
          }
        />
      )
    case 'not_found':
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="scan-result"
          title={
            <span style={{ fontSize: 22 }}>{t('print.scan.notFound', { code: banner.code })}</span>
          }
        />
      )
    case 'error':
      return <Alert type="error" showIcon title={t('app.error', { message: banner.message })} />
  }
}
