import { ArrowRightOutlined } from '@ant-design/icons'
import { Alert, Button, Checkbox, Flex, Typography } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderSummary } from '../../../../shared/schemas/order'
import type { AppClient } from '../../../../shared/contract'
import { BATCH_PRINT_MAX } from '../../../../shared/rules'
import { useClient } from '../../api/context'
import { ListSearch } from '../../lib/ListSearch'
import { useList } from '../../lib/use-list'
import { ImportWizard } from '../import/ImportWizard'
import { OrderFilters, type ListFilters } from '../orders/OrderFilters'
import { AddOrderDrawer } from '../orders/AddOrderDrawer'
import { DEFAULT_COLUMN_PREFS, OrderTable } from '../orders/OrderTable'
import { OrderSources } from '../orders/OrderSources'
import { SelectionLinks } from '../orders/SelectionLinks'
import { NO_SELECTION, selectionCount, type Selection } from '../orders/selection'
import { useOrderChecks } from '../orders/use-order-checks'
import { ORDER_EVENTS, useOrderWindow, type OrderListView } from '../orders/use-order-window'
import { errorText } from './use-print-target'

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
  // Another filter, another list: a selection made on the old one does not carry over; a
  // refresh (orders.changed while ticking) keeps every tick.
  const list = useList<ListFilters, Selection>(filters, {
    empty: NO_SELECTION,
    initial:
      props.initialIds.length > 0
        ? { kind: 'ids', ids: new Set(props.initialIds), anchor: null }
        : NO_SELECTION,
    refreshOn: ORDER_EVENTS
  })
  const { view, selection, setSelection, refresh } = list
  const [importing, setImporting] = useState(false)
  const [adding, setAdding] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // What joined belongs to the view it was told on, like the selection.
  const [joinedIn, setJoinedIn] = useState<{ viewKey: string; joined: Joined } | null>(null)
  const joined = joinedIn?.viewKey === list.viewKey ? joinedIn.joined : null
  const setJoined = (next: Joined | null) => {
    setJoinedIn(next === null ? null : { viewKey: list.viewKey, joined: next })
  }
  const rows = useOrderWindow(view, list.refreshKey)

  const { rowAt } = rows
  const { isChecked, onCheck } = useOrderChecks(selection, setSelection, rowAt)

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
        <OrderSources
          importLabel={t('print.pick.import')}
          addLabel={t('print.pick.add')}
          onImport={() => {
            setImporting(true)
          }}
          onAdd={() => {
            setAdding(true)
          }}
        />
      </Flex>
      <Flex wrap gap={8} align="center">
        <ListSearch list={list} placeholder={t('orders.searchPlaceholder')} width={300} />
        <Checkbox
          data-testid="pick-unprinted"
          checked={filters.unprinted === true}
          onChange={(e) => {
            // Off means "any", so the key goes rather than staying false.
            const next: ListFilters = { ...filters }
            delete next.unprinted
            setFilters(e.target.checked ? { ...next, unprinted: true } : next)
          }}
        >
          {t('print.pick.unprinted')}
        </Checkbox>
        <OrderFilters value={filters} onChange={setFilters} />
      </Flex>
      <Flex align="center" gap={12} wrap data-testid="print-selection">
        <Typography.Text strong>
          {selection.kind === 'matching' && selection.except.size === 0
            ? t('print.pick.allSelected', { count })
            : t('print.pick.selected', { count })}
        </Typography.Text>
        <SelectionLinks
          selection={selection}
          total={rows.total}
          onChange={setSelection}
          allLabel={t('print.pick.selectAll', { count: rows.total })}
          clearLabel={t('print.pick.clear')}
          showClear={count > 0}
        />
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
          refresh()
        }}
      />
      <AddOrderDrawer
        open={adding}
        onClose={() => {
          setAdding(false)
        }}
        onSaved={(order) => {
          setAdding(false)
          refresh()
          void join([order.id])
        }}
      />
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
