import { ok } from '../../../shared/result'
import { schemaVersion } from '../db/connection'
import { getSetting, setSetting } from '../db/settings-repo'
import { demoHandlers } from '../demo/demo-handlers'
import { importHandlers } from '../import/import-handlers'
import { ordersHandlers } from '../orders/orders-handlers'
import { packagesListHandlers } from '../packages/packages-list-handlers'
import { splitPlanHandlers } from '../packages/split-plan-handlers'
import { appendBatchHandlers } from '../packages/append-batch-handlers'
import { queueSink } from '../manual-print/label-sink'
import { createManualPrintHandlers } from '../manual-print/manual-print-handlers'
import { createPackagesHandlers } from '../packages/packages-handlers'
import { printersHandlers } from '../printers/printers-handlers'
import { printerQueueHandlers } from '../printers/printer-queue-handlers'
import { configuredSender, saveSender } from '../printers/sender'
import { waybillsHandlers } from '../waybills/waybills-handlers'
import { skusHandlers } from '../skus/sku-handlers'
import { shopRulesHandlers } from '../shops/shop-rules-handlers'
import type { DomainHandlers, Handlers, HostInfo } from './handler-types'

export type { HostInfo, Handlers } from './handler-types'

function appHandlers(
  host: HostInfo
): DomainHandlers<'app.info' | 'settings.get' | 'settings.set' | 'sender.get' | 'sender.set'> {
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
    'sender.get': (ctx) => ok({ sender: configuredSender(ctx.db) }),
    'sender.set': (ctx, input) => ok({ sender: saveSender(ctx.db, input.sender) })
  }
}

/** Every contract method's implementation, merged from one table per domain; a missing one is a compile error. */
export function createHandlers(host: HostInfo): Handlers {
  return {
    ...appHandlers(host),
    ...skusHandlers,
    ...ordersHandlers,
    ...packagesListHandlers,
    ...splitPlanHandlers,
    ...printersHandlers,
    ...printerQueueHandlers,
    ...waybillsHandlers,
    ...createManualPrintHandlers(queueSink),
    ...createPackagesHandlers(queueSink),
    ...importHandlers,
    ...demoHandlers,
    ...shopRulesHandlers,
    ...appendBatchHandlers
  }
}
