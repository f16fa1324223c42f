import { PlusOutlined, ScanOutlined } from '@ant-design/icons'
import { Alert, App, Button, Drawer, Input, Space, Typography, type InputRef } from 'antd'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../api/context'
import { OrderDetailDrawer } from './OrderDetailDrawer'
import { OrderForm } from './OrderForm'
import { OrderTable } from './OrderTable'
import { useOrderWindow } from './use-order-window'

export function OrdersPage(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [refreshKey, setRefreshKey] = useState(0)
  const [openId, setOpenId] = useState<number | null>(null)
  const [adding, setAdding] = useState(false)
  const [scan, setScan] = useState('')
  const scanRef = useRef<InputRef>(null)
  const rows = useOrderWindow(query, refreshKey)

  // Typing searches after a short pause; Enter searches at once.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim())
    }, 250)
    return () => {
      clearTimeout(timer)
    }
  }, [search])

  useEffect(
    () =>
      client.on('orders.changed', () => {
        setRefreshKey((k) => k + 1)
      }),
    [client]
  )

  const onScan = async (raw: string) => {
    const code = raw.trim()
    setScan('')
    if (!code) {
      return
    }
    const found = await client.call('orders.scan', { code })
    if (found.orderId === null) {
      void message.warning(t('orders.scanNotFound', { code }))
    } else {
      setSearch(code)
      setQuery(code)
      setOpenId(found.orderId)
    }
    scanRef.current?.focus()
  }

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%', minHeight: 0 }}
    >
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Space wrap>
          <Input
            ref={scanRef}
            value={scan}
            onChange={(e) => {
              setScan(e.target.value)
            }}
            onPressEnter={() => void onScan(scan)}
            prefix={<ScanOutlined />}
            placeholder={t('orders.scanPlaceholder')}
            aria-label={t('orders.scanPlaceholder')}
            style={{ width: 300 }}
            autoFocus
            allowClear
          />
          <Input.Search
            value={search}
            onChange={(e) => {
              setSearch(e.target.value)
            }}
            onSearch={(value) => {
              setQuery(value.trim())
            }}
            placeholder={t('orders.searchPlaceholder')}
            aria-label={t('orders.searchPlaceholder')}
            style={{ width: 360 }}
            allowClear
          />
          <Typography.Text type="secondary" data-testid="order-total">
            {rows.totalCapped
              ? t('orders.totalCapped', { count: rows.total })
              : t('orders.total', { count: rows.total })}
          </Typography.Text>
        </Space>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setAdding(true)
          }}
        >
          {t('orders.add')}
        </Button>
      </Space>
      {rows.error ? (
        <Alert type="error" showIcon title={t('app.error', { message: rows.error })} />
      ) : null}
      <OrderTable
        window={rows}
        selectedId={openId}
        onOpen={setOpenId}
        emptyText={query ? t('orders.noMatch') : t('orders.empty')}
      />
      <OrderDetailDrawer
        orderId={openId}
        refreshKey={refreshKey}
        onClose={() => {
          setOpenId(null)
          scanRef.current?.focus()
        }}
      />
      <Drawer
        open={adding}
        title={t('form.title')}
        size={760}
        onClose={() => {
          setAdding(false)
        }}
        destroyOnHidden
      >
        <OrderForm
          onSaved={() => {
            setAdding(false)
            setRefreshKey((k) => k + 1)
          }}
          onCancel={() => {
            setAdding(false)
          }}
        />
      </Drawer>
    </div>
  )
}
