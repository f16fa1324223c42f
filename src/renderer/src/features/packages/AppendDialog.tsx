import { Alert, App, Button, Flex, Input, Modal, Segmented, Select, Tag, Typography } from 'antd'
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppendPreflight } from '../../../../shared/api/packages'
import { formatDateTime } from '../../../../shared/time-zone'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'
import { useStationTimeZone } from '../../lib/station-time'
import { refusalWords } from './refusal-words'

/** The pre-flight runs this long after the packer stops typing (Enter runs it at once). */
const PREFLIGHT_PAUSE_MS = 300

export type AppendTarget = { readonly platformOrderId: string; readonly shopId: number }

type Mode = 'typed' | 'take'
type Fields = { readonly carrier: string | undefined; readonly number: string }
type Checked = { readonly key: string; readonly answer: AppendPreflight }

const keyOf = (mode: Mode, f: Fields): string =>
  JSON.stringify([mode, f.carrier ?? '', mode === 'typed' ? f.number.trim() : ''])

/**
 * 追加包裹 for one order: a carrier, and a number typed or scanned (type + Enter) — or 取号并打印.
 * The core's pre-flight runs as the fields change and its refusal (rule id and words), the last
 * moment an append is possible and the count n/max are shown before confirm is enabled; confirm
 * is enabled only for the answer to the fields as they are now.
 */
export function AppendDialog(props: {
  readonly target: AppendTarget | null
  readonly onClose: () => void
  readonly onAppended?: () => void
}): ReactNode {
  const target = props.target
  // Mounted per order: another order starts from empty fields and no answer.
  return target ? (
    <AppendModal
      key={`${String(target.shopId)}:${target.platformOrderId}`}
      target={target}
      onClose={props.onClose}
      {...(props.onAppended ? { onAppended: props.onAppended } : {})}
    />
  ) : null
}

function AppendModal(props: {
  readonly target: AppendTarget
  readonly onClose: () => void
  readonly onAppended?: () => void
}): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const timeZone = useStationTimeZone()
  const [mode, setMode] = useState<Mode>('typed')
  const [fields, setFields] = useState<Fields>({ carrier: undefined, number: '' })
  const [printerId, setPrinterId] = useState<number | undefined>(undefined)
  const [carriers, setCarriers] = useState<{ code: string; name: string }[]>([])
  const [printers, setPrinters] = useState<{ id: number; name: string; isDefault: boolean }[]>([])
  const [checked, setChecked] = useState<Checked | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const latest = useRef(0)
  const target = props.target
  const currentKey = keyOf(mode, fields)

  useEffect(() => {
    client
      .call('carriers.list', {})
      .then((r) => {
        setCarriers(r.carriers.map((c) => ({ code: c.code, name: c.name })))
      })
      .catch(() => undefined)
    client
      .call('printers.list', {})
      .then((r) => {
        setPrinters(r.printers.map((p) => ({ id: p.id, name: p.name, isDefault: p.isDefault })))
        // The station's default printer unless the packer picks another.
        setPrinterId((chosen) => chosen ?? r.printers.find((p) => p.isDefault)?.id)
      })
      .catch(() => undefined)
  }, [client])

  /** Asks the core about the fields as given; an answer to older fields is dropped. */
  const preflight = useCallback(
    async (m: Mode, f: Fields): Promise<Checked | null> => {
      const ticket = ++latest.current
      const number = f.number.trim()
      try {
        const answer = await client.call('packages.preflightAppend', {
          orderId: target.platformOrderId,
          shopId: target.shopId,
          ...(f.carrier !== undefined ? { carrier: f.carrier } : {}),
          ...(m === 'typed' && number !== '' ? { trackingNumber: number } : {})
        })
        const result = { key: keyOf(m, f), answer }
        if (ticket === latest.current) {
          setChecked(result)
          setError(null)
        }
        return result
      } catch (e) {
        if (ticket === latest.current) {
          setError(errorWords(e))
        }
        return null
      }
    },
    [client, target]
  )

  useEffect(() => {
    const timer = setTimeout(() => {
      void preflight(mode, fields)
    }, PREFLIGHT_PAUSE_MS)
    return () => {
      clearTimeout(timer)
    }
  }, [fields, mode, preflight, target])

  const answer = checked?.key === currentKey ? checked.answer : null
  const needsNumber = mode === 'typed' && fields.number.trim() === ''
  const ready =
    answer !== null &&
    fields.carrier !== undefined &&
    !needsNumber &&
    (mode === 'typed' || printerId !== undefined) &&
    (answer.canAppend || answer.alreadyAppended !== null)

  const confirm = async (a: AppendPreflight | null) => {
    const carrier = fields.carrier
    if (carrier === undefined || a === null) {
      return
    }
    if (!(a.canAppend || a.alreadyAppended !== null)) {
      return
    }
    setBusy(true)
    try {
      const ref = { orderId: target.platformOrderId, shopId: target.shopId, carrier }
      const done =
        mode === 'typed' || printerId === undefined
          ? await client.call('packages.append', { ...ref, trackingNumber: fields.number.trim() })
          : await client.call('packages.appendTakeNumber', { ...ref, printerId })
      if (done.duplicate) {
        void message.info(t('packages.append.duplicate', { sequence: done.sequence }))
      } else {
        void message.success(
          t('packages.append.done', {
            carrier: done.carrier,
            number: done.trackingNumber,
            sequence: done.sequence
          })
        )
      }
      props.onAppended?.()
      // Ready for the next parcel of the same order: the number box empties, the carrier stays.
      setFields((f) => ({ ...f, number: '' }))
      setChecked(null)
    } catch (e) {
      setError(errorWords(e))
    } finally {
      setBusy(false)
    }
  }

  /** Enter (a scanner ends with it): check now, and append when the answer allows it. */
  const onEnter = async () => {
    if (busy || needsNumber) {
      return
    }
    const now = answer !== null ? { key: currentKey, answer } : await preflight(mode, fields)
    if (now?.key === currentKey) {
      await confirm(now.answer)
    }
  }

  return (
    <Modal
      open
      onCancel={props.onClose}
      title={t('packages.append.title', { id: target.platformOrderId })}
      destroyOnHidden
      footer={
        <Button
          type="primary"
          disabled={!ready || busy}
          loading={busy}
          onClick={() => void confirm(answer)}
          data-testid="append-confirm"
        >
          {mode === 'typed' ? t('packages.append.confirm') : t('packages.append.confirmTake')}
        </Button>
      }
    >
      <Flex vertical gap={12} data-testid="append-dialog">
        <Segmented<Mode>
          value={mode}
          onChange={setMode}
          options={[
            { value: 'typed', label: t('packages.append.typed') },
            { value: 'take', label: t('packages.append.take') }
          ]}
        />
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('packages.append.carrier')}
          aria-label={t('packages.append.carrier')}
          value={fields.carrier}
          onChange={(carrier: string) => {
            setFields((f) => ({ ...f, carrier }))
          }}
          options={carriers.map((c) => ({ value: c.code, label: `${c.name} (${c.code})` }))}
        />
        {mode === 'typed' ? (
          <Input
            autoFocus
            placeholder={t('packages.append.numberPlaceholder')}
            aria-label={t('packages.append.number')}
            value={fields.number}
            onChange={(e) => {
              const number = e.target.value
              setFields((f) => ({ ...f, number }))
            }}
            onPressEnter={() => void onEnter()}
          />
        ) : (
          <Select
            placeholder={t('packages.append.printer')}
            aria-label={t('packages.append.printer')}
            value={printerId}
            onChange={(id: number | undefined) => {
              setPrinterId(id)
            }}
            options={printers.map((p) => ({
              value: p.id,
              label: p.isDefault ? `${p.name} · ${t('packages.append.defaultPrinter')}` : p.name
            }))}
          />
        )}
        <PreflightView answer={answer} timeZone={timeZone} checking={answer === null} />
        {error ? <Alert type="error" showIcon title={error} /> : null}
      </Flex>
    </Modal>
  )
}

function PreflightView(props: {
  readonly answer: AppendPreflight | null
  readonly timeZone: string
  readonly checking: boolean
}): ReactNode {
  const { t } = useTranslation()
  const a = props.answer
  if (a === null) {
    return props.checking ? (
      <Typography.Text type="secondary">{t('packages.append.checking')}</Typography.Text>
    ) : null
  }
  if (a.order === null) {
    return <Alert type="error" showIcon title={t('packages.append.unknownOrder')} />
  }
  return (
    <Flex vertical gap={8} data-testid="append-preflight">
      <Flex gap={16} wrap>
        <Typography.Text data-testid="append-deadline">
          {a.deadlineMs === null
            ? t('packages.append.noDeadline')
            : t('packages.append.deadline', {
                at: formatDateTime(a.deadlineMs, props.timeZone, true)
              })}
        </Typography.Text>
        <Typography.Text data-testid="append-count">
          {t('packages.append.count', { count: a.appendedCount, max: a.appendMax })}
        </Typography.Text>
      </Flex>
      {a.refusal ? (
        <Alert
          type="error"
          showIcon
          data-testid="append-refusal"
          title={
            <span>
              <Tag color="red">{a.refusal.rule}</Tag>
              {refusalWords(a.refusal, props.timeZone)}
            </span>
          }
        />
      ) : null}
      {a.numberProblem ? (
        <Alert
          type="error"
          showIcon
          data-testid="append-number-problem"
          title={
            a.numberProblem === 'first_shipment_number' ? (
              <span>
                <Tag color="red">FIRST_SHIPMENT_COUNTS</Tag>
                {t('packages.append.numberProblems.first_shipment_number')}
              </span>
            ) : (
              t(`packages.append.numberProblems.${a.numberProblem}`)
            )
          }
        />
      ) : null}
      {a.alreadyAppended !== null ? (
        <Alert type="info" showIcon title={t('packages.append.alreadyAppended')} />
      ) : null}
      {a.canAppend && a.alreadyAppended === null ? (
        <Alert type="success" showIcon title={t('packages.append.ok')} />
      ) : null}
    </Flex>
  )
}
