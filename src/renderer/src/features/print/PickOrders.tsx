import { ArrowRightOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Drawer, Flex, Input, Space, Typography } from 'antd'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderSummary } from '../../../../shared/schemas/order'
import type { AppClient } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { ImportWizard } from '../import/ImportWizard'
import { OrderFilters, type ListFilters } from '../orders/OrderFilters'
import { OrderForm } from '../orders/OrderForm'
import { DEFAULT_COLUMN_PREFS, OrderTable } from '../orders/OrderTable'
import {
  NO_SELECTION,
  isSelected,
  selectionCount,
  toggleSelection,
  type Selection
} from '../orders/selection'
import { useOrderWindow, type OrderListView } from '../orders/use-order-window'
import { errorText } from './use-print-target'

/** BATCH_PRINT_MAX_5000 (DESIGN §2): a print batch holds at most this many orders. */
export const BATCH_PRINT_MAX = 5000
const PAGE = 500

/** The picked orders in the order the list shows them (the sort the packer chose), at most `limit`. */
async function resolveInListOrder(
  client: AppClient,
  view: OrderListView,
  selection: Selection,
  limit: number
): Promise<OrderSummary[]> {
  const out: OrderSummary[] = []
  const wanted = selection.kind === 'ids' ? selection.ids.size : Infinity
  for (let offset = 0; out.length < Math.min(wanted, limit); offset += PAGE) {
    const page = await client.call('orders.list', {
      ...view,
      offset,
      limit: PAGE,
      count: false
    })
    for (const row of page.rows) {
      const picked =
        selection.kind === 'ids' ? selection.ids.has(row.id) : !selection.except.has(row.id)
      if (picked && out.length < limit) {
        out.push(row)
      }
    }
    if (page.rows.length < PAGE) {
      break
    }
  }
  return out
}

/** The orders just imported or entered, ticked on top of what was already ticked. */
function withOrders(selection: Selection, ids: readonly number[]): Selection {
  if (selection.kind === 'matching') {
    // They are in the list, so "all matching" covers them unless the packer unticked them before.
    const except = new Set(selection.except)
    for (const id of ids) {
      except.delete(id)
    }
    return { kind: 'matching', except }
  }
  // New rows shift the list, so a Shift range from the old anchor would tick the wrong rows.
  return { kind: 'ids', ids: new Set([...selection.ids, ...ids]), anchor: null }
}

/** What the last import or manual entry added to the batch, as told to the packer. */
type Joined = {
  readonly added: number
  /** More than a batch holds were imported: only the first BATCH_PRINT_MAX joined. */
  readonly capped: boolean
  /** Not on this list (not pending, or hidden by the filters), so not added. */
  readonly notListed: number
}

/** Step 1: tick pending orders (filters, Shift ranges, "all matching"), or import / enter some first. */
export function PickOrders(props: {
  readonly initialIds: readonly number[]
  readonly onNext: (orders: readonly OrderSummary[]) => void
}): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const [filters, setFilters] = useState<ListFilters>({ status: 'pending' })
  const [search, setSearch] = useState('')
  const [query, setQuery] = useState('')
  const [refreshKey, setRefreshKey] = useState(0)
  const [selection, setSelection] = useState<Selection>(() =>
    props.initialIds.length > 0
      ? { kind: 'ids', ids: new Set(props.initialIds), anchor: null }
      : NO_SELECTION
  )
  const [importing, setImporting] = useState(false)
  const [adding, setAdding] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [joined, setJoined] = useState<Joined | null>(null)
  const view = useMemo(() => ({ ...filters, query }), [filters, query])
  const rows = useOrderWindow(view, refreshKey)
  // Another filter, another list: a selection made on the old one does not carry over.
  const [shownView, setShownView] = useState(view)
  if (view !== shownView) {
    setShownView(view)
    setSelection(NO_SELECTION)
    setJoined(null)
  }

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

  const isChecked = useCallback((id: number) => isSelected(selection, id), [selection])
  const { rowAt } = rows
  const onCheck = useCallback(
    (id: number, index: number, checked: boolean, range: boolean) => {
      setSelection((sel) => toggleSelection(sel, { id, index, checked, range }, rowAt))
    },
    [rowAt]
  )

  const count = selectionCount(selection, rows.total)
  const tooMany = count > BATCH_PRINT_MAX

  const next = async (limit: number) => {
    setBusy(true)
    setError(null)
    try {
      const picked = await resolveInListOrder(client, view, selection, limit)
      if (picked.length === 0) {
        setError(t('print.pick.nothing'))
        return
      }
      props.onNext(picked)
    } catch (e) {
      setError(t('app.error', { message: errorText(e) }))
    } finally {
      setBusy(false)
    }
  }

  /**
   * Ticks orders that were just written: only those this list shows (the batch prints what the
   * list shows, in its order), and at most one batch of them, the first in list order.
   */
  const join = async (ids: readonly number[]) => {
    if (ids.length === 0) {
      return
    }
    setBusy(true)
    setError(null)
    setJoined(null)
    try {
      const wanted: Selection = { kind: 'ids', ids: new Set(ids), anchor: null }
      const listed = await resolveInListOrder(client, view, wanted, BATCH_PRINT_MAX + 1)
      const capped = listed.length > BATCH_PRINT_MAX
      const added = listed.slice(0, BATCH_PRINT_MAX).map((row) => row.id)
      setSelection((sel) => withOrders(sel, added))
      setJoined({
        added: added.length,
        capped,
        notListed: capped ? 0 : wanted.ids.size - added.length
      })
    } catch (e) {
      setError(t('app.error', { message: errorText(e) }))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Flex vertical gap={10} style={{ flex: 1, minHeight: 0 }} data-testid="print-pick">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('print.pick.intro')}</Typography.Text>
        <Space>
          <Button
            icon={<ImportOutlined />}
            onClick={() => {
              setImporting(true)
            }}
          >
            {t('print.pick.import')}
          </Button>
          <Button
            icon={<PlusOutlined />}
            onClick={() => {
              setAdding(true)
            }}
          >
            {t('print.pick.add')}
          </Button>
        </Space>
      </Flex>
      <Flex wrap gap={8} align="center">
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
          style={{ width: 300 }}
          allowClear
        />
        <OrderFilters value={filters} onChange={setFilters} />
      </Flex>
      <Flex align="center" gap={12} wrap data-testid="print-selection">
        <Typography.Text strong>
          {selection.kind === 'matching' && selection.except.size === 0
            ? t('print.pick.allSelected', { count })
            : t('print.pick.selected', { count })}
        </Typography.Text>
        {selection.kind === 'ids' && rows.total > selection.ids.size ? (
          <Button
            size="small"
            type="link"
            onClick={() => {
              setSelection({ kind: 'matching', except: new Set() })
            }}
          >
            {t('print.pick.selectAll', { count: rows.total })}
          </Button>
        ) : null}
        {count > 0 ? (
          <Button
            size="small"
            type="link"
            onClick={() => {
              setSelection(NO_SELECTION)
            }}
          >
            {t('print.pick.clear')}
          </Button>
        ) : null}
        <span style={{ flex: 1 }} />
        <Button
          type="primary"
          size="large"
          icon={<ArrowRightOutlined />}
          iconPlacement="end"
          disabled={count === 0 || tooMany}
          loading={busy}
          onClick={() => void next(BATCH_PRINT_MAX)}
        >
          {t('print.pick.next', { count: Math.min(count, BATCH_PRINT_MAX) })}
        </Button>
      </Flex>
      {tooMany ? (
        <Alert
          type="warning"
          showIcon
          data-testid="batch-too-many"
          title={t('print.pick.tooMany', { count })}
          action={
            <Button size="small" onClick={() => void next(BATCH_PRINT_MAX)} loading={busy}>
              {t('print.pick.takeFirst')}
            </Button>
          }
        />
      ) : null}
      {joined ? (
        <Alert
          type={joined.added === 0 ? 'warning' : 'success'}
          showIcon
          closable={{
            onClose: () => {
              setJoined(null)
            }
          }}
          data-testid="print-joined"
          title={[
            t('print.pick.joined', { count: joined.added }),
            joined.capped ? t('print.pick.joinedCapped', { count: BATCH_PRINT_MAX }) : null,
            joined.notListed > 0
              ? t('print.pick.joinedNotListed', { count: joined.notListed })
              : null
          ]
            .filter((line) => line !== null)
            .join(t('print.pick.joinedSeparator'))}
        />
      ) : null}
      {error ? <Alert type="error" showIcon title={error} /> : null}
      {rows.error ? (
        <Alert type="error" showIcon title={t('app.error', { message: rows.error })} />
      ) : null}
      <OrderTable
        window={rows}
        selectedId={null}
        onOpen={(id) => {
          const index = findIndex(rows.total, rowAt, id)
          onCheck(id, index, !isChecked(id), false)
        }}
        emptyText={t('orders.noMatch')}
        columns={DEFAULT_COLUMN_PREFS}
        isChecked={isChecked}
        onCheck={onCheck}
      />
      <ImportWizard
        open={importing}
        onCommitted={(done) => void join(done.orderIds)}
        onClose={() => {
          setImporting(false)
          setRefreshKey((k) => k + 1)
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
          onSaved={(order) => {
            setAdding(false)
            setRefreshKey((k) => k + 1)
            void join([order.id])
          }}
          onCancel={() => {
            setAdding(false)
          }}
        />
      </Drawer>
    </Flex>
  )
}

function findIndex(
  total: number,
  rowAt: (index: number) => OrderSummary | undefined,
  id: number
): number {
  for (let i = 0; i < total; i++) {
    if (rowAt(i)?.id === id) {
      return i
    }
  }
  return 0
}
