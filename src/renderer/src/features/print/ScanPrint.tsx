import { AudioMutedOutlined, ScanOutlined } from '@ant-design/icons'
import { Alert, App, Card, Flex, Input, List, Spin, Tag, Typography, type InputRef } from 'antd'
import i18next, { type TFunction } from 'i18next'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { PrintTargetForm } from './PrintTargetForm'
import { ScanBanner, type Banner, type Current } from './ScanBanner'
import { useScanHistory, type HistoryEntry } from './scan-history'
import { useScanCapture } from './use-scan-capture'
import { useScanLabel } from './use-scan-label'
import { errorText, usePrintTarget, type PrintTarget } from './use-print-target'

type ScanResult = MethodOutput<'print.scan'>

/** A history line in the language on screen (a held order's reason is itself a key). */
function historyText(t: TFunction, item: HistoryEntry): string {
  const values = item.values ?? {}
  if (item.text === 'print.scan.heldReason') {
    return t('print.scan.held', { reason: t(values.reason ?? 'print.reason.not_found') })
  }
  return t(item.text, values)
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
 * 扫描打单: scan an order → its label prints at once, and the panel follows it until the printer
 * answers (green only once it is printed); scan it again → reprint is offered with the same
 * number; scan the printed label → the scan-back check (green, or a loud red warning).
 */
export function ScanPrint(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message, modal } = App.useApp()
  const { carriers, printers, target, setTarget, remember, reload } = usePrintTarget(null)
  const [code, setCode] = useState('')
  const [busy, setBusy] = useState(false)
  const [current, setCurrent] = useState<Current | null>(null)
  const [banner, setBanner] = useState<Banner | null>(null)
  const { history, log } = useScanHistory()
  const { fate, watch } = useScanLabel()
  const inputRef = useRef<InputRef>(null)
  const boxRef = useRef<HTMLInputElement | null>(null)
  const chain = useRef<Promise<void>>(Promise.resolve())
  const ready = target.carrier !== null && target.printerId !== null

  const focus = useCallback(() => {
    inputRef.current?.focus()
  }, [])

  useEffect(() => {
    boxRef.current = inputRef.current?.input ?? null
    focus()
    // After the language switch the box listens again (the switch took the focus).
    const onLanguage = () => {
      setTimeout(focus, 0)
    }
    i18next.on('languageChanged', onLanguage)
    return () => {
      i18next.off('languageChanged', onLanguage)
    }
  }, [focus])

  const chooseTarget = (next: PrintTarget) => {
    setTarget(next)
    // The choice is made: the next keystrokes are a scanner's, not a search in the select.
    setTimeout(focus, 0)
  }

  const reprint = useCallback(
    async (tracking: string, shipped: boolean) => {
      if (target.printerId === null) {
        return
      }
      try {
        const job = await client.call('print.reprint', {
          trackingNumber: tracking,
          ...(target.carrier === null ? {} : { carrier: target.carrier }),
          printerId: target.printerId,
          template: target.template,
          maskPrivacy: target.maskPrivacy,
          shipped
        })
        watch({ printerId: target.printerId, jobId: job.jobId, packageId: null })
        setBanner({ kind: 'label', reprint: true, tracking })
        log({ code: tracking, text: 'print.scan.reprintQueued', values: { tracking }, ok: true })
      } catch (e) {
        setBanner({ kind: 'error', message: errorText(e) })
      }
      focus()
    },
    [client, target, watch, log, focus]
  )

  const reprintShipped = useCallback(
    (tracking: string) => {
      modal.confirm({
        title: t('print.scan.shippedReprintTitle', { tracking }),
        content: t('print.scan.shippedReprintBody'),
        okText: t('print.scan.shippedReprintOk'),
        okButtonProps: { danger: true },
        afterClose: focus,
        onOk: () => reprint(tracking, true)
      })
    },
    [modal, t, reprint, focus]
  )

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'F2' && banner?.kind === 'already' && current?.trackingNumber) {
        e.preventDefault()
        void reprint(current.trackingNumber, false)
      }
    }
    window.addEventListener('keydown', onKey)
    return () => {
      window.removeEventListener('keydown', onKey)
    }
  }, [banner, current, reprint])

  const onPrinted = (res: ScanResult, scanned: string) => {
    if (res.jobId !== null && target.printerId !== null) {
      watch({ printerId: target.printerId, jobId: res.jobId, packageId: res.packageId })
    }
    setBanner({ kind: 'label', reprint: false, tracking: res.trackingNumber ?? '' })
    log({
      code: scanned,
      text: 'print.scan.queued',
      values: { tracking: res.trackingNumber ?? '' },
      ok: true
    })
    // A number was drawn: the pool's count on the carrier picker goes down by one.
    reload()
  }

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
          expectedOrderId: current?.orderId ?? null,
          // A number two carriers share is the one of the carrier chosen here.
          preferCarrier: target.carrier
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
            text: 'print.scan.verified',
            values: { tracking: scanned, id: verify.platformOrderId ?? '' },
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
            text: 'print.scan.wrongOrder',
            values: { tracking: scanned, other, id: current?.platformOrderId ?? '' },
            ok: false
          })
          return
        }
        if (verify.result === 'voided') {
          setBanner({ kind: 'voided', tracking: scanned })
          beep()
          log({
            code: scanned,
            text: 'print.scan.voided',
            values: { tracking: scanned },
            ok: false
          })
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
        log({ code: scanned, text: 'print.scan.notFound', values: { code: scanned }, ok: false })
        return
      }
      watch(null)
      setCurrent({
        orderId: res.orderId,
        platformOrderId: res.platformOrderId ?? scanned,
        trackingNumber: res.trackingNumber
      })
      if (res.result === 'printed') {
        onPrinted(res, scanned)
      } else if (res.result === 'already_printed') {
        setBanner({ kind: 'already' })
        log({ code: scanned, text: 'print.scan.alreadyPrinted', ok: true })
      } else if (res.reason === 'shipped') {
        setBanner({ kind: 'shipped', tracking: res.trackingNumber })
        beep()
        log({ code: scanned, text: 'print.scan.shipped', ok: false })
      } else {
        const reason = `print.reason.${res.reason ?? 'not_found'}`
        setBanner({ kind: 'held', reason: t(reason) })
        beep()
        log({ code: scanned, text: 'print.scan.heldReason', values: { reason }, ok: false })
      }
    } catch (e) {
      setBanner({ kind: 'error', message: errorText(e) })
    } finally {
      setBusy(false)
      focus()
    }
  }

  const enqueue = (scanned: string) => {
    // A scanner can fire the next code before this one is answered: one at a time, in order.
    chain.current = chain.current.then(() => onScan(scanned))
  }
  const { listening } = useScanCapture(boxRef, enqueue)

  const retry = async () => {
    if (target.printerId === null) {
      return
    }
    try {
      await client.call('printers.resume', { id: target.printerId })
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    }
    focus()
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
          onChange={chooseTarget}
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
          const scanned = code
          setCode('')
          enqueue(scanned)
        }}
        prefix={<ScanOutlined style={{ fontSize: 28, color: listening ? '#1f6feb' : '#bfbfbf' }} />}
        suffix={busy ? <Spin size="small" /> : <span />}
        placeholder={t('print.scan.placeholder')}
        aria-label={t('print.scan.placeholder')}
        style={{ fontSize: 26, height: 64 }}
        data-testid="scan-box"
      />
      {listening ? (
        <Typography.Text type="secondary" data-testid="scan-listening">
          {t('print.scan.hint')}
        </Typography.Text>
      ) : (
        <Alert
          type="warning"
          showIcon
          icon={<AudioMutedOutlined />}
          data-testid="scan-not-listening"
          title={
            <Typography.Link onClick={focus} style={{ fontSize: 16 }}>
              {t('print.scan.notListening')}
            </Typography.Link>
          }
        />
      )}
      <ScanBanner
        banner={banner}
        current={current}
        fate={fate}
        onReprint={() => {
          if (current?.trackingNumber) {
            void reprint(current.trackingNumber, false)
          }
        }}
        onReprintShipped={reprintShipped}
        onRetry={() => void retry()}
      />
      <Card size="small" title={t('print.scan.history')}>
        <List
          size="small"
          dataSource={[...history]}
          locale={{ emptyText: t('print.scan.waiting') }}
          data-testid="scan-history"
          renderItem={(item) => (
            <List.Item key={item.key}>
              <Flex gap={12}>
                <Tag color={item.ok ? 'green' : 'red'}>{item.code}</Tag>
                <span>{historyText(t, item)}</span>
              </Flex>
            </List.Item>
          )}
        />
      </Card>
    </Flex>
  )
}
