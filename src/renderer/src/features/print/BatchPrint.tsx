import {
  CheckCircleOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  RedoOutlined,
  StopOutlined
} from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Progress,
  Result,
  Space,
  Steps,
  Typography
} from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { OrderSummary } from '../../../../shared/schemas/order'
import { batchOrdersOf, rememberBatchOrders } from './batch-orders'
import { BatchTable } from './BatchTable'
import { PickOrders } from './PickOrders'
import { PrintSetup } from './PrintSetup'
import { useBatchRun, type BatchControls, type BatchRun } from './use-batch-run'
import { usePrintTarget } from './use-print-target'

type Step = 'pick' | 'setup' | 'run'

/** 批量打单 in three steps, as on the platform's own tool: add orders → carrier & print → done. */
export function BatchPrint(props: { readonly onOpenPrinted?: () => void }): ReactNode {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [step, setStep] = useState<Step>('pick')
  const [orders, setOrders] = useState<readonly OrderSummary[]>([])
  const [keep, setKeep] = useState<readonly number[]>([])
  const [starting, setStarting] = useState(false)
  const shopId = orders[0]?.shopId ?? null
  const { carriers, printers, target, setTarget, remember, reload } = usePrintTarget(shopId)
  const { run, start, controls, reset, attach } = useBatchRun()

  // Leaving the page unmounts it, not the batch: main still runs it, so the view follows it again.
  useEffect(() => {
    let mounted = true
    void attach().then((found) => {
      if (mounted && found) {
        setOrders(batchOrdersOf(found))
        setStep('run')
      }
    })
    return () => {
      mounted = false
    }
  }, [attach])

  useEffect(() => {
    if (step === 'run' && run.batchId !== null) {
      rememberBatchOrders(run.batchId, orders)
    }
  }, [step, run.batchId, orders])

  const current = step === 'pick' ? 0 : step === 'setup' ? 1 : run.finished ? 2 : 1

  const print = async () => {
    setStarting(true)
    remember()
    const error = await start(
      orders.map((o) => o.id),
      target
    )
    setStarting(false)
    if (error !== null) {
      void message.error(t('app.error', { message: error }))
      return
    }
    setStep('run')
  }

  // Failed and cancelled orders both go back to step 2 to print later, with the numbers they have.
  const failedOrders = orders.filter((o) => {
    const state = run.states.get(o.id)?.state
    return state === 'failed' || state === 'voided'
  })

  return (
    <Flex vertical gap={16} style={{ flex: 1, minHeight: 0 }}>
      <Steps
        current={current}
        size="small"
        items={[
          { title: t('print.steps.pick'), content: t('print.steps.pickHint') },
          { title: t('print.steps.setup'), content: t('print.steps.setupHint') },
          { title: t('print.steps.done'), content: t('print.steps.doneHint') }
        ]}
      />
      {step === 'pick' ? (
        <PickOrders
          initialIds={keep}
          onNext={(picked) => {
            setOrders(picked)
            reload()
            setStep('setup')
          }}
        />
      ) : null}
      {step === 'setup' ? (
        <PrintSetup
          orders={orders}
          carriers={carriers}
          printers={printers}
          target={target}
          onTarget={setTarget}
          starting={starting}
          onBack={() => {
            setKeep(orders.map((o) => o.id))
            setStep('pick')
          }}
          onPrint={() => void print()}
        />
      ) : null}
      {step === 'run' ? (
        <Flex vertical gap={12} style={{ flex: 1, minHeight: 0 }}>
          {run.finished ? (
            <Done
              run={run}
              failedCount={failedOrders.length}
              onRetry={() => {
                setOrders(failedOrders)
                setKeep(failedOrders.map((o) => o.id))
                reset()
                reload()
                setStep('setup')
              }}
              onNew={() => {
                setKeep([])
                setOrders([])
                reset()
                setStep('pick')
              }}
              onOpenPrinted={props.onOpenPrinted}
            />
          ) : (
            <Running run={run} controls={controls} />
          )}
          <BatchTable orders={orders} states={run.states} height={360} />
        </Flex>
      ) : null}
    </Flex>
  )
}

function formatLeft(seconds: number, t: TFunction): string {
  const s = Math.max(0, Math.round(seconds))
  return s < 60
    ? t('print.progress.seconds', { count: s })
    : t('print.progress.minutes', { m: Math.floor(s / 60), s: s % 60 })
}

function Running({
  run,
  controls
}: {
  readonly run: BatchRun
  readonly controls: BatchControls
}): ReactNode {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [busy, setBusy] = useState(false)
  const act = async (action: () => Promise<string | null>): Promise<void> => {
    setBusy(true)
    const error = await action()
    setBusy(false)
    if (error !== null) {
      void message.error(t('app.error', { message: error }))
    }
  }
  const stopped = run.paused !== null || run.pausedByUser
  const total = run.eligible.length
  const done = run.printed + run.failed
  const left = run.rate !== null && run.rate > 0 ? (total - done) / run.rate : null
  return (
    <Card size="small" data-testid="print-progress">
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="baseline" wrap gap={12}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('print.progress.title')}{' '}
            <span data-testid="progress-count">{t('print.progress.count', { done, total })}</span>
          </Typography.Title>
          <Space size={24}>
            <Typography.Text type="secondary">
              {t('print.progress.allocated', { allocated: run.allocated, total })}
            </Typography.Text>
            {run.rate !== null ? (
              <Typography.Text>
                {t('print.progress.speed', { rate: run.rate.toFixed(1) })}
              </Typography.Text>
            ) : null}
            {left !== null ? (
              <Typography.Text>
                {t('print.progress.left', { time: formatLeft(left, t) })}
              </Typography.Text>
            ) : null}
            <Space size={8} data-testid="print-controls">
              {stopped ? (
                <Button
                  type="primary"
                  icon={<PlayCircleOutlined />}
                  loading={busy}
                  disabled={run.cancelling || run.unconfirmed !== null}
                  onClick={() => void act(controls.resume)}
                >
                  {t('print.progress.resume')}
                </Button>
              ) : (
                <Button
                  icon={<PauseCircleOutlined />}
                  loading={busy}
                  disabled={run.cancelling || run.batchId === null}
                  onClick={() => void act(controls.pause)}
                >
                  {t('print.progress.pause')}
                </Button>
              )}
              <Popconfirm
                title={t('print.progress.cancelConfirm')}
                description={t('print.progress.cancelHint')}
                okText={t('print.progress.cancelOk')}
                cancelText={t('print.progress.cancelKeep')}
                okButtonProps={{ danger: true }}
                onConfirm={() => void act(controls.cancel)}
              >
                <Button
                  danger
                  icon={<StopOutlined />}
                  disabled={run.cancelling || run.batchId === null}
                >
                  {run.cancelling ? t('print.progress.cancelling') : t('print.progress.cancel')}
                </Button>
              </Popconfirm>
            </Space>
          </Space>
        </Flex>
        <Progress
          percent={total === 0 ? 100 : Math.floor((done / total) * 100)}
          status={run.paused !== null ? 'exception' : 'active'}
          strokeWidth={14}
        />
        {run.unconfirmed !== null ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="print-unconfirmed"
            title={t('print.progress.unconfirmed', {
              tracking: run.unconfirmed.trackingNumber
            })}
            description={t('print.progress.unconfirmedHint')}
            action={
              <Space orientation="vertical" size={6}>
                <Button
                  type="primary"
                  loading={busy}
                  onClick={() => void act(() => controls.answer(true))}
                >
                  {t('print.progress.cameOut')}
                </Button>
                <Button
                  danger
                  loading={busy}
                  onClick={() => void act(() => controls.answer(false))}
                >
                  {t('print.progress.notOut')}
                </Button>
              </Space>
            }
          />
        ) : run.pausedByUser && !run.cancelling ? (
          <Alert
            type="info"
            showIcon
            role="status"
            data-testid="print-paused"
            title={t('print.progress.pausedByUser')}
            description={t('print.progress.pausedByUserHint')}
          />
        ) : run.paused !== null ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            data-testid="print-paused"
            title={t('print.progress.paused', {
              reason: run.pauseCause ? t(`queue.reason.${run.pauseCause}`) : run.paused
            })}
            description={t('print.progress.pausedHint')}
          />
        ) : null}
        {run.error !== null ? (
          <Alert type="error" showIcon title={t('print.progress.error', { message: run.error })} />
        ) : null}
      </Flex>
    </Card>
  )
}

function Done(props: {
  readonly run: BatchRun
  readonly failedCount: number
  readonly onRetry: () => void
  readonly onNew: () => void
  readonly onOpenPrinted: (() => void) | undefined
}): ReactNode {
  const { t } = useTranslation()
  const { run } = props
  return (
    <Card size="small" data-testid="print-done">
      <Result
        style={{ padding: 8 }}
        status={run.failed > 0 ? 'warning' : 'success'}
        icon={run.failed > 0 ? undefined : <CheckCircleOutlined />}
        title={t('print.done.title')}
        subTitle={
          <span data-testid="done-summary">
            {run.cancelled > 0
              ? t('print.done.summaryCancelled', {
                  printed: run.printed,
                  failed: run.failed,
                  cancelled: run.cancelled,
                  held: run.held.length
                })
              : t('print.done.summary', {
                  printed: run.printed,
                  failed: run.failed,
                  held: run.held.length
                })}
          </span>
        }
        extra={
          <Space wrap>
            {props.failedCount > 0 ? (
              <Button type="primary" danger icon={<RedoOutlined />} onClick={props.onRetry}>
                {run.cancelled > 0
                  ? t('print.done.retryRest', { count: props.failedCount })
                  : t('print.done.retry', { count: props.failedCount })}
              </Button>
            ) : null}
            <Button type={props.failedCount > 0 ? 'default' : 'primary'} onClick={props.onNew}>
              {t('print.done.newBatch')}
            </Button>
            {props.onOpenPrinted ? (
              <Button onClick={props.onOpenPrinted}>{t('print.done.toPrinted')}</Button>
            ) : null}
          </Space>
        }
      >
        {props.failedCount > 0 ? (
          <Typography.Text type="warning">{t('print.done.failedKept')}</Typography.Text>
        ) : null}
      </Result>
    </Card>
  )
}
