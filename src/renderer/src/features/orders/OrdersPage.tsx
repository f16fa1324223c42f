import { ScanOutlined } from '@ant-design/icons'
import { Alert, App, Button, Flex, Input, Space, Typography, type InputRef } from 'antd'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../api/context'
import { ListSearch } from '../../lib/ListSearch'
import { useList } from '../../lib/use-list'
import { DemoBanner } from '../demo/DemoBanner'
import { ImportWizard } from '../import/ImportWizard'
import { AppendDialog, type AppendTarget } from '../packages/AppendDialog'
import { OrderDetailDrawer } from './OrderDetailDrawer'
import { ColumnSettings, OrderFilters, type ListFilters } from './OrderFilters'
import { AddOrderDrawer } from './AddOrderDrawer'
import { DEFAULT_COLUMN_PREFS, OrderTable, parseColumnPrefs, type ColumnPrefs } from './OrderTable'
import { OrderSources } from './OrderSources'
import { SelectionLinks } from './SelectionLinks'
import { NO_SELECTION, selectionCount, type Selection } from './selection'
import { useOrderChecks } from './use-order-checks'
import { ORDER_EVENTS, useOrderWindow } from './use-order-window'

export function OrdersPage(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [openId, setOpenId] = useState<number | null>(null)
  const [adding, setAdding] = useState(false)
  const [appendTarget, setAppendTarget] = useState<AppendTarget | null>(null)
  const [importing, setImporting] = useState(false)
  const [scan, setScan] = useState('')
  const [filters, setFilters] = useState<ListFilters>({})
  const [columns, setColumns] = useState<ColumnPrefs>(DEFAULT_COLUMN_PREFS)
  const scanRef = useRef<InputRef>(null)
  // Another filter, another list: a selection made on the old one does not carry over.
  const list = useList<ListFilters, Selection>(filters, {
    empty: NO_SELECTION,
    refreshOn: ORDER_EVENTS
  })
  const { searchNow, query, selection, setSelection, refreshKey, refresh } = list
  const rows = useOrderWindow(list.view, refreshKey)

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

  const { isChecked, onCheck } = useOrderChecks(selection, setSelection, rows.rowAt)
  const selectedCount = selectionCount(selection, rows.total)

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
      searchNow(code)
      setOpenId(found.orderId)
    }
    scanRef.current?.focus()
  }

  return (
    <div
      style={{ display: 'flex', flexDirection: 'column', gap: 12, height: '100%', minHeight: 0 }}
      data-testid="orders-page"
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
          <ListSearch list={list} placeholder={t('orders.searchPlaceholder')} width={360} />
          <Typography.Text type="secondary" data-testid="order-total">
            {rows.totalCapped
              ? t('orders.totalCapped', { count: rows.total })
              : t('orders.total', { count: rows.total })}
          </Typography.Text>
        </Space>
        <OrderSources
          importLabel={t('import.open')}
          addLabel={t('orders.add')}
          onImport={() => {
            setImporting(true)
          }}
          onAdd={() => {
            setAdding(true)
          }}
          addPrimary
        />
      </Space>
      <DemoBanner />
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
          <SelectionLinks
            selection={selection}
            total={rows.total}
            onChange={setSelection}
            allLabel={
              rows.totalCapped
                ? t('orderList.selection.allCapped', { count: rows.total })
                : t('orderList.selection.all', { count: rows.total })
            }
            clearLabel={t('orderList.selection.clear')}
            showClear
          />
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
        rowAction={(row) => (
          <Button
            size="small"
            type="link"
            onClick={() => {
              setAppendTarget({ platformOrderId: row.platformOrderId, shopId: row.shopId })
            }}
          >
            {t('packages.append.action')}
          </Button>
        )}
      />
      <AppendDialog
        target={appendTarget}
        onClose={() => {
          setAppendTarget(null)
        }}
        onAppended={refresh}
      />
      <ImportWizard
        open={importing}
        onClose={() => {
          setImporting(false)
          refresh()
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
      <AddOrderDrawer
        open={adding}
        onClose={() => {
          setAdding(false)
        }}
        onSaved={() => {
          setAdding(false)
          refresh()
        }}
      />
    </div>
  )
}
