import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  InputNumber,
  Modal,
  Select,
  Space,
  Tag,
  Typography
} from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SplitPlanView } from '../../../../shared/api/split-plan'
import { CARRIERS } from '../../../../shared/carriers'
import { splitReasonWords } from '../../../../shared/split-reason-words'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'
import {
  addPackage,
  fromView,
  mergePackages,
  moveItem,
  toSave,
  type EditPackage
} from './split-plan-edit'

type Target = { readonly orderId: number; readonly platformOrderId: string }

const kg = (grams: number): string => (Math.round(grams / 100) / 10).toFixed(1)

/**
 * 拆单 on the order's detail: the planner's packages as cards, each with its items and the
 * reasons it exists; the packer moves an item (or part of its quantity) to another package or a
 * new one, merges two, adds one, and saves — or resets to the proposal. Saving stores the plan
 * the print path then prints (orders.saveSplitPlan checks every item is placed exactly).
 */
export function SplitPlanEditor(props: {
  readonly target: Target | null
  readonly onClose: () => void
  readonly onSaved?: () => void
}): ReactNode {
  const { target } = props
  return target ? (
    <SplitPlanModal
      key={target.orderId}
      target={target}
      onClose={props.onClose}
      {...(props.onSaved ? { onSaved: props.onSaved } : {})}
    />
  ) : null
}

function SplitPlanModal(props: {
  readonly target: Target
  readonly onClose: () => void
  readonly onSaved?: () => void
}): ReactNode {
  const { t, i18n } = useTranslation()
  const lang = i18n.language === 'en-US' ? 'en-US' : 'zh-CN'
  const client = useClient()
  const { message } = App.useApp()
  const { orderId, platformOrderId } = props.target
  const [carrier, setCarrier] = useState<string | undefined>(undefined)
  const [view, setView] = useState<SplitPlanView | null>(null)
  const [plan, setPlan] = useState<EditPackage[]>([])
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  /** Per card and item: how many units the next move takes (the whole line when unset). */
  const [amounts, setAmounts] = useState<Record<string, number>>({})

  useEffect(() => {
    let live = true
    client
      .call('orders.splitPlan', { orderId, ...(carrier === undefined ? {} : { carrier }) })
      .then((v) => {
        if (!live) return
        setView(v)
        setPlan(fromView(v.packages))
        setError(null)
      })
      .catch((e: unknown) => {
        if (live) setError(errorWords(e))
      })
    return () => {
      live = false
    }
  }, [client, orderId, carrier])

  const items = new Map((view?.items ?? []).map((i) => [i.orderItemId, i] as const))
  const weightOf = (p: EditPackage): number =>
    p.items.reduce((sum, i) => sum + (items.get(i.orderItemId)?.unitWeightG ?? 0) * i.quantity, 0)
  const editable = view?.editable ?? false
  const total = plan.length
  const cardName = (index: number): string => t('splitPlan.package', { n: index + 1, total })

  const save = async (): Promise<void> => {
    setSaving(true)
    try {
      const saved = await client.call('orders.saveSplitPlan', {
        orderId,
        ...(carrier === undefined ? {} : { carrier }),
        packages: toSave(plan)
      })
      setView(saved)
      setPlan(fromView(saved.packages))
      void message.success(t('splitPlan.saved', { count: saved.packages.length }))
      props.onSaved?.()
      props.onClose()
    } catch (e) {
      setError(errorWords(e))
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open
      width={920}
      title={t('splitPlan.title', { id: platformOrderId })}
      onCancel={props.onClose}
      footer={
        <Flex justify="space-between">
          <Space>
            <Button
              disabled={!editable}
              onClick={() => {
                setPlan((p) => addPackage(p))
              }}
            >
              {t('splitPlan.add')}
            </Button>
            <Button
              disabled={!editable || view === null}
              onClick={() => {
                if (view) setPlan(fromView(view.proposal))
              }}
            >
              {t('splitPlan.reset')}
            </Button>
          </Space>
          <Button
            type="primary"
            loading={saving}
            disabled={!editable || toSave(plan).length === 0}
            onClick={() => {
              void save()
            }}
          >
            {t('splitPlan.save')}
          </Button>
        </Flex>
      }
    >
      <div data-testid="split-plan">
        <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
          <Typography.Text>{t('splitPlan.carrier')}</Typography.Text>
          <Select
            style={{ width: 160 }}
            value={carrier ?? view?.carrier}
            options={CARRIERS.map((c) => ({ value: c.code, label: c.name }))}
            onChange={(value: string) => {
              setCarrier(value)
            }}
            data-testid="split-carrier"
          />
          {view ? (
            <Typography.Text type="secondary">
              {t('splitPlan.limits', {
                kg: kg(view.limits.maxWeightG),
                long: view.limits.maxLongestSideMm,
                sum: view.limits.maxSumOfSidesMm
              })}
            </Typography.Text>
          ) : null}
        </Flex>
        {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
        {view && !view.editable ? (
          <Alert type="info" showIcon title={t('splitPlan.fixed')} style={{ marginBottom: 12 }} />
        ) : null}
        {view?.saved ? (
          <Typography.Paragraph type="secondary">{t('splitPlan.savedPlan')}</Typography.Paragraph>
        ) : null}
        {view && view.items.length === 0 ? (
          <Typography.Paragraph>{t('splitPlan.noItems')}</Typography.Paragraph>
        ) : null}
        <Flex vertical gap={12}>
          {plan.map((pkg, index) => (
            <Card
              key={pkg.key}
              size="small"
              data-testid="split-package"
              title={
                <Space wrap>
                  <span>{cardName(index)}</span>
                  <Typography.Text type="secondary">
                    {t('splitPlan.weight', { kg: kg(weightOf(pkg)) })}
                  </Typography.Text>
                  {pkg.overLimit && !pkg.touched ? (
                    <Tag color="red">{t('splitPlan.overLimit')}</Tag>
                  ) : null}
                  {pkg.touched ? (
                    <Tag>{t('splitPlan.touched')}</Tag>
                  ) : (
                    pkg.reasons.map((r) => (
                      <Tag key={JSON.stringify(r)} color="blue" data-testid="split-reason">
                        {splitReasonWords(r, lang)}
                      </Tag>
                    ))
                  )}
                </Space>
              }
              extra={
                plan.length > 1 ? (
                  <Select
                    size="small"
                    style={{ width: 150 }}
                    placeholder={t('splitPlan.mergeInto')}
                    disabled={!editable}
                    value={null}
                    options={plan
                      .map((p, i) => ({ value: p.key, label: cardName(i) }))
                      .filter((o) => o.value !== pkg.key)}
                    onChange={(into: number) => {
                      setPlan((p) => mergePackages(p, pkg.key, into))
                    }}
                    data-testid="split-merge"
                  />
                ) : null
              }
            >
              {pkg.items.length === 0 ? (
                <Typography.Text type="secondary">{t('splitPlan.empty')}</Typography.Text>
              ) : null}
              {pkg.items.map((line) => {
                const item = items.get(line.orderItemId)
                const amountKey = `${String(pkg.key)}:${String(line.orderItemId)}`
                const amount = Math.min(amounts[amountKey] ?? line.quantity, line.quantity)
                return (
                  <Flex
                    key={line.orderItemId}
                    gap={8}
                    align="center"
                    justify="space-between"
                    style={{ padding: '4px 0' }}
                    data-testid="split-line"
                  >
                    <span>
                      <Typography.Text code>{item?.sku}</Typography.Text> {item?.title} ×
                      {line.quantity}
                    </span>
                    <Space>
                      {line.quantity > 1 ? (
                        <InputNumber
                          size="small"
                          min={1}
                          max={line.quantity}
                          value={amount}
                          aria-label={t('splitPlan.quantity')}
                          disabled={!editable}
                          onChange={(v) => {
                            setAmounts((a) => ({ ...a, [amountKey]: v ?? line.quantity }))
                          }}
                        />
                      ) : null}
                      <Select
                        size="small"
                        style={{ width: 150 }}
                        placeholder={t('splitPlan.moveTo')}
                        disabled={!editable}
                        value={null}
                        options={[
                          ...plan
                            .map((p, i) => ({ value: p.key, label: cardName(i) }))
                            .filter((o) => o.value !== pkg.key),
                          { value: -1, label: t('splitPlan.newPackage') }
                        ]}
                        onChange={(to: number) => {
                          setPlan((p) =>
                            moveItem(p, pkg.key, to === -1 ? null : to, line.orderItemId, amount)
                          )
                        }}
                        data-testid="split-move"
                      />
                    </Space>
                  </Flex>
                )
              })}
            </Card>
          ))}
        </Flex>
      </div>
    </Modal>
  )
}
