import { ImportOutlined, PlusOutlined, ScanOutlined } from '@ant-design/icons'
import { Alert, App, Button, Drawer, Flex, Input, Space, Typography, type InputRef } from 'antd'
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../api/context'
import { ImportWizard } from '../import/ImportWizard'
import { OrderDetailDrawer } from './OrderDetailDrawer'
import { ColumnSettings, OrderFilters, type ListFilters } from './OrderFilters'
import { OrderForm } from './OrderForm'
import { DEFAULT_COLUMN_PREFS, OrderTable, parseColumnPrefs, type ColumnPrefs } from './OrderTable'
import {
  NO_SELECTION,
  isSelected,
  selectionCount,
  toggleSelection,
  type Selection
} from './selection'
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
  const [importing, setImporting] = useState(false)
  const [scan, setScan] = useState('')
  const [filters, setFilters] = useState<ListFilters>({})
  const [selectionState, setSelectionState] = useState<{ key: string; sel: Selection }>({
    key: '',
    sel: NO_SELECTION
  })
  const [columns, setColumns] = useState<ColumnPrefs>(DEFAULT_COLUMN_PREFS)
  const scanRef = useRef<InputRef>(null)
  const view = useMemo(() => ({ ...filters, query }), [filters, query])
  const rows = useOrderWindow(view, refreshKey)

  // Another filter, another list: a selection made on the old one does not carry over.
  const viewKey = JSON.stringify(view)
  const selection = selectionState.key === viewKey ? selectionState.sel : NO_SELECTION
  const setSelection = useCallback(
    (next: Selection | ((current: Selection) => Selection)) => {
      setSelectionState((st) => {
        const current = st.key === viewKey ? st.sel : NO_SELECTION
        return { key: viewKey, sel: typeof next === 'function' ? next(current) : next }
      })
    },
    [viewKey]
  )

  useEffect(() => {
    client
      .call('settings.get', { key: 'orders.columns' })
      .then((r) => {
        setColumns(parseColumnPrefs(r.value))
      })
      .catch(() => undefined)
  }, [client])

  const changeColumns = (next: ColumnPrefs) => {
    setColumns(next)
    void client
      .call('settings.set', { key: 'orders.columns', value: JSON.stringify(next) })
      .catch(() => undefined)
  }

  const isChecked = useCallback((id: number) => isSelected(selection, id), [selection])
  const { rowAt } = rows
  const onCheck = useCallback(
    (id: number, index: number, checked: boolean, range: boolean) => {
      setSelection((sel) => toggleSelection(sel, { id, index, checked, range }, rowAt))
    },
    [rowAt, setSelection]
  )
  const selectedCount = selectionCount(selection, rows.total)

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
        <Space>
          <Button
            icon={<ImportOutlined />}
            onClick={() => {
              setImporting(true)
            }}
          >
            {t('import.open')}
          </Button>
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
      </Space>
      <Flex justify="space-between" align="center" gap={8}>
        <OrderFilters value={filters} onChange={setFilters} />
        <ColumnSettings value={columns} onChange={changeColumns} />
      </Flex>
      {selectedCount > 0 || selection.kind === 'matching' ? (
        <Flex align="center" gap={12} data-testid="order-selection">
          <Typography.Text strong>
            {selection.kind === 'matching' && selection.except.size === 0
              ? t('orderList.selection.allActive')
              : t('orderList.selection.count', { count: selectedCount })}
          </Typography.Text>
          {selection.kind === 'ids' && rows.total > selection.ids.size ? (
            <Button
              size="small"
              type="link"
              onClick={() => {
                setSelection({ kind: 'matching', except: new Set() })
              }}
            >
              {rows.totalCapped
                ? t('orderList.selection.allCapped', { count: rows.total })
                : t('orderList.selection.all', { count: rows.total })}
            </Button>
          ) : null}
          <Button
            size="small"
            type="link"
            onClick={() => {
              setSelection(NO_SELECTION)
            }}
          >
            {t('orderList.selection.clear')}
          </Button>
          <Typography.Text type="secondary">{t('orderList.selection.hint')}</Typography.Text>
        </Flex>
      ) : null}
      {rows.error ? (
        <Alert type="error" showIcon title={t('app.error', { message: rows.error })} />
      ) : null}
      <OrderTable
        window={rows}
        selectedId={openId}
        onOpen={setOpenId}
        emptyText={
          query || Object.keys(filters).some((k) => k !== 'sort')
            ? t('orders.noMatch')
            : t('orders.empty')
        }
        columns={columns}
        isChecked={isChecked}
        onCheck={onCheck}
      />
      <ImportWizard
        open={importing}
        onClose={() => {
          setImporting(false)
          setRefreshKey((k) => k + 1)
        }}
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
