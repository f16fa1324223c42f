import type { OrderStatus } from '../../../shared/domain'
import type { CoreContext } from '../context'
import {
  existingOrderIds,
  findOrderByPlatformId,
  getOrderRow,
  importHold,
  orderItems,
  orderStates,
  type ImportHold,
  type NewOrder,
  type OrderRow
} from '../db/orders-repo'
import { toNewOrder } from '../orders/orders-service'
import type { AssembledOrder } from './assemble'
import type { TableInfo } from './import-service'
import { reason } from './reasons'
import type { OnDuplicate, RejectedRow } from './types'

/*
 * Reconciling an import with the database: whether each order of the file is new, the same as
 * stored, an update, or held by a package, and the rejected rows a held order reports.
 */

export type IdColumns = Readonly<Record<RejectedRow['source'], string>>

/** The order-id column of each file, as its header reads: held orders are reported there. */
export function orderIdColumns(orders: TableInfo, items: TableInfo | null): IdColumns {
  const column = (t: TableInfo | null) => {
    const mapped = t?.mapping.orderId
    return mapped === undefined ? '' : (t?.headers.find((h) => h.trim() === mapped) ?? mapped)
  }
  return { orders: column(orders), items: column(items) }
}

const PRINT_STATE_TEXT: Readonly<Record<string, readonly [en: string, zh: string]>> = {
  none: ['not printed', '未打印'],
  queued: ['queued for printing', '排队打印中'],
  printing: ['printing', '打印中'],
  printed: ['printed', '已打印'],
  failed: ['print failed', '打印失败'],
  voided: ['voided', '已作废']
}

/** Every row of an order an import must not change, with the package that holds it. */
export function heldRows(
  order: AssembledOrder,
  hold: ImportHold,
  columns: IdColumns
): RejectedRow[] {
  const [state, stateZh] = PRINT_STATE_TEXT[hold.printState] ?? [hold.printState, hold.printState]
  const r = hold.printed
    ? reason('printed_package', { order: order.platformOrderId })
    : hold.trackingNumber !== null
      ? reason('package_allocated', {
          order: order.platformOrderId,
          tracking: hold.trackingNumber,
          state,
          stateZh
        })
      : reason('package_exists', { order: order.platformOrderId, state, stateZh })
  return order.rows.map(({ row, source }) => ({ row, source, column: columns[source], ...r }))
}

export type Classification =
  | { readonly kind: 'new' }
  | { readonly kind: 'update'; readonly id: number; readonly order: NewOrder }
  | { readonly kind: 'held'; readonly id: number; readonly hold: ImportHold }
  | { readonly kind: 'same' | 'skip'; readonly id: number }

const CLASSIFY_BATCH = 500

/**
 * Classifies orders against the database in batches (one existence query per batch) and hands
 * each batch to `visit`, so neither the checks nor the writes hold 100k extra objects at once.
 */
export function classifyBatches(
  ctx: Pick<CoreContext, 'db'>,
  orders: readonly AssembledOrder[],
  onDuplicate: OnDuplicate,
  now: number,
  visit: (batch: readonly (readonly [AssembledOrder, Classification])[]) => void
): void {
  for (let i = 0; i < orders.length; i += CLASSIFY_BATCH) {
    const slice = orders.slice(i, i + CLASSIFY_BATCH)
    const shopId = slice[0]?.input.shopId ?? 1
    const existing = existingOrderIds(
      ctx.db,
      shopId,
      slice.map((o) => o.platformOrderId)
    )
    visit(
      slice.map((order) => {
        const id =
          order.input.shopId === shopId
            ? existing.get(order.platformOrderId)
            : findOrderByPlatformId(ctx.db, order.input.shopId, order.platformOrderId)?.id
        return [
          order,
          id === undefined ? { kind: 'new' } : classifyExisting(ctx, order, id, onDuplicate, now)
        ] as const
      })
    )
  }
}

/** A new order as the file gives it: pending unless the file states its status. */
export function freshOrder(order: AssembledOrder, now: number): NewOrder {
  const base = toNewOrder(order.input, order.platformOrderId, now)
  return order.state
    ? { ...base, status: order.state.status ?? 'pending', refundState: order.state.refundState }
    : base
}

const PROGRESSION: Readonly<Partial<Record<OrderStatus, number>>> = {
  pending: 0,
  partially_shipped: 1,
  shipped: 2
}

/**
 * The status an import gives an existing order: the file's, except that it never moves an order
 * back along pending → partially shipped → shipped. The app's own shipping moves orders forward
 * before the shop's next export does, so an older "待发货" is not news.
 */
function importedStatus(
  file: OrderStatus | undefined,
  current: OrderStatus | undefined
): OrderStatus {
  if (file === undefined || current === undefined) {
    return file ?? current ?? 'pending'
  }
  const from = PROGRESSION[current]
  const to = PROGRESSION[file]
  return from !== undefined && to !== undefined && to < from ? current : file
}

/**
 * How an existing order (same shop + platform order id) is treated. An order that differs from
 * the file and has a package (printed, or holding a tracking number or items) is held in both
 * modes, so the user learns their change was not applied instead of seeing it "skipped".
 */
function classifyExisting(
  ctx: Pick<CoreContext, 'db'>,
  order: AssembledOrder,
  id: number,
  onDuplicate: OnDuplicate,
  now: number
): Classification {
  const row = getOrderRow(ctx.db, id)
  const states = orderStates(ctx.db, id)
  // Without a creation time in the file, an update keeps the order's own; without a status
  // column, its status and refund state.
  const next = toNewOrder(
    order.input,
    order.platformOrderId,
    order.input.createdAt ?? row?.created_at ?? now
  )
  const withNow: NewOrder = {
    ...next,
    status: importedStatus(order.state?.status ?? undefined, states?.status),
    refundState: order.state?.refundState ?? states?.refundState ?? 'none',
    updatedAt: now
  }
  if (row && states && isSame(ctx, row, states, withNow)) {
    return { kind: 'same', id }
  }
  const hold = importHold(ctx.db, id)
  if (hold) {
    return { kind: 'held', id, hold }
  }
  if (onDuplicate === 'skip') {
    return { kind: 'skip', id }
  }
  return { kind: 'update', id, order: withNow }
}

function isSame(
  ctx: Pick<CoreContext, 'db'>,
  row: OrderRow,
  states: { readonly status: string; readonly refundState: string },
  order: NewOrder
): boolean {
  const r = order.receiver
  if (
    states.status !== order.status ||
    states.refundState !== (order.refundState ?? 'none') ||
    row.receiver_name !== r.name ||
    row.receiver_phone !== r.phone ||
    row.province !== r.province ||
    row.city !== r.city ||
    row.district !== r.district ||
    row.address_detail !== r.detail ||
    row.remark !== order.remark ||
    row.created_at !== order.createdAt ||
    row.paid_at !== order.paidAt ||
    (row.ship_by_imported === 1 ? row.ship_by : null) !== (order.shipBy ?? null)
  ) {
    return false
  }
  const items = orderItems(ctx.db, row.id)
  return (
    items.length === order.items.length &&
    items.every((it, i) => {
      const o = order.items[i]
      return (
        o !== undefined &&
        it.sku === o.sku &&
        it.title === o.title &&
        it.quantity === o.quantity &&
        it.unit_weight_g === o.unitWeightG &&
        it.warehouse === o.warehouse &&
        it.temperature_zone === o.temperatureZone
      )
    })
  )
}
