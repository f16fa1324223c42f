import { App, Button, Card, InputNumber, Space, Table, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../shared/contract'
import { SHIP_PROMISE_HOURS } from '../../../../shared/api/shop-rules'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

type Shop = MethodOutput<'shops.rules'>['shops'][number]

/** 设置 → 店铺规则: each shop's ship promise, the deadline of orders whose sheet gave none. */
export function ShopRulesTab(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [shops, setShops] = useState<readonly Shop[]>([])
  const [drafts, setDrafts] = useState<Readonly<Record<number, number>>>({})
  const [saving, setSaving] = useState<number | null>(null)

  // Bumped after a save: the effect reads the shops again.
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let live = true
    client
      .call('shops.rules', {})
      .then(({ shops: rows }) => {
        if (live) {
          setShops(rows)
        }
      })
      .catch((e: unknown) => {
        void message.error(t('shopRules.failed', { message: errorWords(e) }))
      })
    return () => {
      live = false
    }
  }, [client, message, t, version])

  const save = async (shop: Shop) => {
    const hours = drafts[shop.id] ?? shop.shipPromiseHours
    setSaving(shop.id)
    try {
      const result = await client.call('shops.setShipPromise', { shopId: shop.id, hours })
      void message.success(t('shopRules.saved', { shop: shop.name, hours, count: result.orders }))
      setDrafts(({ [shop.id]: _saved, ...rest }) => rest)
      setVersion((v) => v + 1)
    } catch (e) {
      void message.error(t('shopRules.failed', { message: errorWords(e) }))
    } finally {
      setSaving(null)
    }
  }

  return (
    <Card title={t('shopRules.title')} style={{ maxWidth: 860 }} data-testid="shop-rules">
      <Typography.Paragraph type="secondary">{t('shopRules.description')}</Typography.Paragraph>
      <Table<Shop>
        rowKey="id"
        size="middle"
        pagination={false}
        dataSource={[...shops]}
        columns={[
          { key: 'name', title: t('shopRules.shop'), dataIndex: 'name' },
          {
            key: 'platform',
            title: t('shopRules.platform'),
            render: (_, shop) => t(`shopRules.platforms.${shop.platform}`)
          },
          {
            key: 'promise',
            title: t('shopRules.promise'),
            render: (_, shop) => (
              <Space>
                <InputNumber<number>
                  aria-label={t('shopRules.promise') + ' ' + shop.name}
                  min={SHIP_PROMISE_HOURS.min}
                  max={SHIP_PROMISE_HOURS.max}
                  precision={0}
                  value={drafts[shop.id] ?? shop.shipPromiseHours}
                  suffix={t('shopRules.hours')}
                  onChange={(v) => {
                    if (v !== null) {
                      setDrafts((d) => ({ ...d, [shop.id]: v }))
                    }
                  }}
                />
                <Button
                  type="primary"
                  disabled={
                    drafts[shop.id] === undefined || drafts[shop.id] === shop.shipPromiseHours
                  }
                  loading={saving === shop.id}
                  onClick={() => void save(shop)}
                >
                  {t('shopRules.save')}
                </Button>
              </Space>
            )
          }
        ]}
      />
    </Card>
  )
}
