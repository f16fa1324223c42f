import { App, Button, Card, InputNumber, Table, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CARRIERS } from '../../../../shared/carriers'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

type Limits = MethodOutput<'carriers.limits'>['limits'][number]
type Draft = {
  readonly kg: number | null
  readonly long: number | null
  readonly sum: number | null
}

const toDraft = (l: Limits): Draft => ({
  kg: l.maxWeightG / 1000,
  long: l.maxLongestSideMm,
  sum: l.maxSumOfSidesMm
})

/**
 * Settings → 快递公司 → 包裹限制: per carrier the largest package the split plan packs (weight,
 * longest side, sum of the three sides). A row saves on its own button; the plan uses it at once.
 */
export function CarrierLimitsCard(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [rows, setRows] = useState<readonly Limits[]>([])
  const [drafts, setDrafts] = useState<Record<string, Draft>>({})
  const [saving, setSaving] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    void client.call('carriers.limits', {}).then((answer) => {
      if (!live) return
      setRows(answer.limits)
      setDrafts(Object.fromEntries(answer.limits.map((l) => [l.carrier, toDraft(l)])))
    })
    return () => {
      live = false
    }
  }, [client])

  const edit = (carrier: string, patch: Partial<Draft>): void => {
    setDrafts((d) => {
      const current = d[carrier] ?? { kg: null, long: null, sum: null }
      return { ...d, [carrier]: { ...current, ...patch } }
    })
  }

  const save = async (carrier: string): Promise<void> => {
    const draft = drafts[carrier]
    if (!draft || draft.kg === null || draft.long === null || draft.sum === null) return
    setSaving(carrier)
    try {
      const saved = await client.call('carriers.setLimits', {
        carrier,
        maxWeightG: Math.round(draft.kg * 1000),
        maxLongestSideMm: draft.long,
        maxSumOfSidesMm: draft.sum
      })
      setRows((r) => r.map((row) => (row.carrier === carrier ? saved : row)))
      edit(carrier, toDraft(saved))
      void message.success(t('carrierLimits.saved', { carrier }))
    } catch (e) {
      void message.error(errorWords(e))
    } finally {
      setSaving(null)
    }
  }

  const name = (code: string): string => CARRIERS.find((c) => c.code === code)?.name ?? code
  const changed = (l: Limits): boolean => {
    const d = drafts[l.carrier]
    const now = toDraft(l)
    return d !== undefined && (d.kg !== now.kg || d.long !== now.long || d.sum !== now.sum)
  }

  return (
    <Card size="small" title={t('carrierLimits.title')} data-testid="carrier-limits">
      <Typography.Paragraph type="secondary">{t('carrierLimits.intro')}</Typography.Paragraph>
      <Table
        size="small"
        rowKey="carrier"
        pagination={false}
        dataSource={[...rows]}
        columns={[
          { key: 'name', title: t('carrierLimits.carrier'), render: (_, l) => name(l.carrier) },
          {
            key: 'kg',
            title: t('carrierLimits.weight'),
            render: (_, l) => (
              <InputNumber<number>
                size="small"
                min={0.1}
                max={1000}
                step={0.5}
                value={drafts[l.carrier]?.kg ?? null}
                aria-label={`${l.carrier} ${t('carrierLimits.weight')}`}
                onChange={(v) => {
                  edit(l.carrier, { kg: v })
                }}
              />
            )
          },
          {
            key: 'long',
            title: t('carrierLimits.longest'),
            render: (_, l) => (
              <InputNumber<number>
                size="small"
                min={1}
                max={100_000}
                precision={0}
                value={drafts[l.carrier]?.long ?? null}
                aria-label={`${l.carrier} ${t('carrierLimits.longest')}`}
                onChange={(v) => {
                  edit(l.carrier, { long: v })
                }}
              />
            )
          },
          {
            key: 'sum',
            title: t('carrierLimits.sum'),
            render: (_, l) => (
              <InputNumber<number>
                size="small"
                min={1}
                max={300_000}
                precision={0}
                value={drafts[l.carrier]?.sum ?? null}
                aria-label={`${l.carrier} ${t('carrierLimits.sum')}`}
                onChange={(v) => {
                  edit(l.carrier, { sum: v })
                }}
              />
            )
          },
          {
            key: 'save',
            render: (_, l) => (
              <Button
                size="small"
                disabled={!changed(l)}
                loading={saving === l.carrier}
                onClick={() => {
                  void save(l.carrier)
                }}
              >
                {t('carrierLimits.save')}
              </Button>
            )
          }
        ]}
      />
    </Card>
  )
}
