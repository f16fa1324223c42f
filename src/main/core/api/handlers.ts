import type { z } from 'zod'
import type { Contract, MethodName, MethodOutput } from '../../../shared/contract'
import { ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { schemaVersion } from '../db/connection'
import { getSetting, setSetting } from '../db/settings-repo'
import { addOrder, getOrder, listOrders, scanOrder } from '../orders/orders-service'

export type HostInfo = { readonly version: string; readonly host: 'electron' | 'browser' | 'cli' }

type Handler<M extends MethodName> = (
  ctx: CoreContext,
  input: z.output<Contract[M]['input']>
) => Result<MethodOutput<M>> | Promise<Result<MethodOutput<M>>>

export type Handlers = { readonly [M in MethodName]: Handler<M> }

/** Every contract method's implementation; a missing one is a compile error. */
export function createHandlers(host: HostInfo): Handlers {
  return {
    'app.info': (ctx) =>
      ok({
        version: host.version,
        schemaVersion: schemaVersion(ctx.db),
        dataDir: ctx.dataDir,
        host: host.host
      }),
    'settings.get': (ctx, input) => ok({ value: getSetting(ctx.db, input.key) }),
    'settings.set': (ctx, input) => {
      setSetting(ctx.db, input.key, input.value)
      return ok({ value: input.value })
    },
    'orders.add': addOrder,
    'orders.list': listOrders,
    'orders.get': (ctx, input) => getOrder(ctx, input.id),
    'orders.scan': (ctx, input) => scanOrder(ctx, input.code)
  }
}
