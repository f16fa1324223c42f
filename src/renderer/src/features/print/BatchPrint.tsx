import { CheckCircleOutlined, RedoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Flex, Progress, Result, Space, Steps, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { OrderSummary } from '../../../../shared/schemas/order'
import { BatchTable } from './BatchTable'
import { PickOrders } from './PickOrders'
import { PrintSetup } from './PrintSetup'
import { useClient } from '../../api/context'
import { useBatchRun, type BatchRun } from './use-batch-run'
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
  const { run, start, reset } = useBatchRun()

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

  const failedOrders = orders.filter((o) => run.states.get(o.id)?.state === 'failed')

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
            <Running run={run} printerId={target.printerId} />
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
  printerId
}: {
  readonly run: BatchRun
  readonly printerId: number | null
}): ReactNode {
  const client = useClient()
  const { t } = useTranslation()
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
          </Space>
        </Flex>
        <Progress
          percent={total === 0 ? 100 : Math.floor((done / total) * 100)}
          status={run.paused !== null ? 'exception' : 'active'}
          strokeWidth={14}
        />
        {run.paused !== null ? (
          <Alert
            type="warning"
            showIcon
            role="alert"
            title={t('print.progress.paused', { reason: run.paused })}
            description={t('print.progress.pausedHint')}
            action={
              printerId === null ? null : (
                <Button
                  type="primary"
                  onClick={() => void client.call('printers.resume', { id: printerId })}
                >
                  {t('print.progress.resume')}
                </Button>
              )
            }
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
            {t('print.done.summary', {
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
                {t('print.done.retry', { count: props.failedCount })}
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
