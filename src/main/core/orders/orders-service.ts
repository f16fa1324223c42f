import {
  DUE_SOON_MS,
  UNSHIPPED_AFTER_MS,
  type OrderDetail,
  type OrderInputParsed,
  type OrderListPage,
  type OrderListQueryParsed
} from '../../../shared/schemas/order'
import { fail, ok, type Result } from '../../../shared/result'
import { regionText } from '../../../shared/regions'
import { appendAudit, auditFor } from '../db/audit-repo'
import {
  findOrderByCode,
  findOrderByPlatformId,
  getOrderRow,
  insertOrders,
  platformOrderIdsWithPrefix,
  orderItems,
  orderPackages,
  type NewOrder
} from '../db/orders-repo'
import {
  listOrders as listOrderRows,
  packageCarriers,
  type OrderListRow
} from '../db/order-list-query'
import { listShops, shopExists } from '../db/shops-repo'
import type { CoreContext } from '../context'

/** Manual orders are numbered M + local date + sequence: M20261123-0001. */
export function nextManualOrderId(ctx: CoreContext, shopId: number): string {
  const d = new Date(ctx.now())
  const day = `${String(d.getFullYear())}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`
  const prefix = `M${day}-`
  // Compared as numbers: text order puts -9999 after -10000, and hand-typed ids may not be numeric.
  const pattern = new RegExp(`^${prefix}(\\d+)$`)
  let highest = 0
  for (const id of platformOrderIdsWithPrefix(ctx.db, shopId, prefix)) {
    const match = pattern.exec(id)
    if (match?.[1] !== undefined) {
      highest = Math.max(highest, Number(match[1]))
    }
  }
  const next = highest + 1
  return `${prefix}${String(next).padStart(4, '0')}`
}

export function toNewOrder(
  input: OrderInputParsed,
  platformOrderId: string,
  now: number
): NewOrder {
  return {
    shopId: input.shopId,
    platformOrderId,
    status: 'pending',
    receiver: input.receiver,
    remark: input.remark,
    createdAt: input.createdAt ?? now,
    paidAt: input.paidAt ?? null,
    shipBy: input.shipBy ?? null,
    updatedAt: now,
    items: input.items.map((item) => ({
      sku: item.sku,
      title: item.title,
      quantity: item.quantity,
      unitWeightG: item.unitWeightG,
      warehouse: item.warehouse ?? null,
      temperatureZone: item.temperatureZone
    }))
  }
}

export function addOrder(ctx: CoreContext, input: OrderInputParsed): Result<OrderDetail> {
  const given = input.platformOrderId ?? ''
  const created = ctx.db
    .transaction((): Result<number> => {
      if (!shopExists(ctx.db, input.shopId)) {
        return fail('VALIDATION', `Shop ${String(input.shopId)} does not exist`, {
          issues: [
            { path: 'shopId', code: 'shop_unknown', message: 'is not a shop of this station' }
          ]
        })
      }
      if (given !== '' && findOrderByPlatformId(ctx.db, input.shopId, given)) {
        return fail('CONFLICT', `Order ${given} already exists in this shop`, {
          issues: [
            {
              path: 'platformOrderId',
              code: 'order_id_taken',
              message: 'already exists in this shop'
            }
          ]
        })
      }
      const platformOrderId = given !== '' ? given : nextManualOrderId(ctx, input.shopId)
      const [id] = insertOrders(ctx.db, [toNewOrder(input, platformOrderId, ctx.now())])
      if (id === undefined) {
        return fail('INTERNAL', 'The order was not written')
      }
      appendAudit(ctx.db, {
        at: ctx.now(),
        actor: ctx.actor,
        station: ctx.station,
        action: 'order.created',
        entity: 'order',
        entityId: id,
        details: { source: 'manual', platformOrderId }
      })
      return ok(id)
    })
    .immediate()
  if (!created.ok) {
    return created
  }
  ctx.log.info('order created', { orderId: created.value })
  ctx.emit('orders.changed', { ids: [created.value] })
  return getOrder(ctx, created.value)
}

export function getOrder(ctx: CoreContext, id: number): Result<OrderDetail> {
  const row = getOrderRow(ctx.db, id)
  if (!row) {
    return fail('NOT_FOUND', `Order ${String(id)} does not exist`)
  }
  return ok({
    id: row.id,
    shopId: row.shop_id,
    shopName: row.shop_name,
    platformOrderId: row.platform_order_id,
    status: row.status,
    refundState: row.refund_state,
    receiver: {
      name: row.receiver_name,
      phone: row.receiver_phone,
      province: row.province,
      city: row.city,
      district: row.district,
      detail: row.address_detail
    },
    platformDistrict: row.platform_district === 1,
    remark: row.remark,
    exemption: row.exemption,
    createdAt: row.created_at,
    paidAt: row.paid_at,
    shipBy: row.ship_by,
    shippedAt: row.shipped_at,
    items: orderItems(ctx.db, id).map((i) => ({
      id: i.id,
      lineNo: i.line_no,
      sku: i.sku,
      title: i.title,
      quantity: i.quantity,
      quantityShipped: i.quantity_shipped,
      unitWeightG: i.unit_weight_g,
      warehouse: i.warehouse,
      temperatureZone: i.temperature_zone
    })),
    packages: orderPackages(ctx.db, id).map((p) => ({
      id: p.id,
      sequence: p.sequence,
      role: p.role,
      carrier: p.carrier,
      trackingNumber: p.tracking_number,
      printState: p.print_state,
      shipState: p.ship_state,
      syncState: p.sync_state,
      createdAt: p.created_at
    })),
    history: auditFor(ctx.db, 'order', id)
  })
}

export function listOrders(ctx: CoreContext, query: OrderListQueryParsed): Result<OrderListPage> {
  const page = listOrderRows(ctx.db, {
    query: query.query,
    status: query.status,
    offset: query.offset,
    limit: query.limit,
    shopId: query.shopId,
    createdFrom: query.createdFrom,
    createdTo: query.createdTo,
    province: query.province,
    city: query.city,
    carrier: query.carrier,
    exemption: query.exemption,
    problem: query.problem,
    platformDistrict: query.platformDistrict,
    unprinted: query.unprinted,
    unshippedBefore: ctx.now() - UNSHIPPED_AFTER_MS,
    deadline: query.deadline,
    now: ctx.now(),
    dueSoonBefore: ctx.now() + DUE_SOON_MS,
    sort: query.sort,
    after: query.after?.key,
    before: query.before?.key,
    count: query.count
  })
  return ok({
    total: page.total,
    totalCapped: page.totalCapped,
    offset: query.offset,
    rows: page.rows.map(toSummary),
    first: page.first ? { sort: query.sort, key: [...page.first] } : null,
    last: page.last ? { sort: query.sort, key: [...page.last] } : null
  })
}

/** A logistics exception exempts the order from its deadline (EXEMPT_REGION_AUTO, EXEMPT_REPORT). */
function isExempt(exemption: string): boolean {
  return exemption === 'auto' || exemption === 'approved'
}

function toSummary(row: OrderListRow): OrderListPage['rows'][number] {
  return {
    id: row.id,
    shopId: row.shop_id,
    platformOrderId: row.platform_order_id,
    status: row.status,
    refundState: row.refund_state,
    receiverName: row.receiver_name,
    receiverPhone: row.receiver_phone,
    region: regionText(row.province, row.city, row.district),
    platformDistrict: row.platform_district === 1,
    itemCount: row.item_count ?? 0,
    itemSummary: row.item_summary ?? '',
    trackingNumbers: row.tracking_numbers ? row.tracking_numbers.split(',') : [],
    createdAt: row.created_at,
    paidAt: row.paid_at,
    shipBy: row.ship_by,
    exempt: isExempt(row.exemption)
  }
}

export function scanOrder(
  ctx: CoreContext,
  code: string
): Result<{ orderId: number | null; matchedBy: 'order_id' | 'tracking_number' | null }> {
  const found = findOrderByCode(ctx.db, code)
  return ok(found ?? { orderId: null, matchedBy: null })
}

export function orderFilterOptions(
  ctx: CoreContext
): Result<{ shops: ReturnType<typeof listShops>; carriers: string[] }> {
  return ok({ shops: listShops(ctx.db), carriers: packageCarriers(ctx.db) })
}
