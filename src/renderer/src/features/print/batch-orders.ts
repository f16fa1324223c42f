import type { OrderSummary } from '../../../../shared/schemas/order'
import type { CurrentBatch } from './use-batch-run'

/**
 * The rows of the batch last started from this window, kept outside the page so they come back
 * with it. After a reload they are gone: the rows are rebuilt from what main kept of the batch.
 */
let last: { readonly batchId: string; readonly orders: readonly OrderSummary[] } | null = null

export function rememberBatchOrders(batchId: string, orders: readonly OrderSummary[]): void {
  last = { batchId, orders }
}

export function batchOrdersOf(batch: CurrentBatch): readonly OrderSummary[] {
  if (last?.batchId === batch.batchId) {
    return last.orders
  }
  return batch.orders.map((o) => ({
    id: o.orderId,
    shopId: 0,
    platformOrderId: o.platformOrderId,
    status: 'pending',
    refundState: 'none',
    receiverName: o.receiverName,
    receiverPhone: '',
    region: o.region,
    platformDistrict: false,
    itemCount: 0,
    itemSummary: '',
    trackingNumbers: [],
    createdAt: 0,
    paidAt: null,
    // The batch view shows no deadline; these only fill the row's shape.
    shipBy: 0,
    exempt: false
  }))
}
