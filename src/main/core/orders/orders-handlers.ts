import type { DomainHandlers } from '../api/handler-types'
import { addOrder, getOrder, listOrders, orderFilterOptions, scanOrder } from './orders-service'

export const ordersHandlers: DomainHandlers<
  'orders.add' | 'orders.list' | 'orders.get' | 'orders.scan' | 'orders.filterOptions'
> = {
  'orders.add': addOrder,
  'orders.list': listOrders,
  'orders.get': (ctx, input) => getOrder(ctx, input.id),
  'orders.scan': (ctx, input) => scanOrder(ctx, input.code),
  'orders.filterOptions': (ctx) => orderFilterOptions(ctx)
}
