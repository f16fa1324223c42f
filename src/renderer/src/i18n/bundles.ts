import { carriersBundle } from '../features/carriers/i18n'
import { carrierLimitsBundle } from '../features/carriers/limits-i18n'
import { deadlineBundle } from '../features/deadline/i18n'
import { demoBundle } from '../features/demo/i18n'
import { importBundle } from '../features/import/i18n'
import { orderListBundle } from '../features/orders/i18n'
import { splitPlanBundle } from '../features/orders/split-plan-i18n'
import { packagesBundle } from '../features/packages/i18n'
import { printBundle } from '../features/print/i18n'
import { printedBundle } from '../features/printed/i18n'
import { queueBundle } from '../features/printer-queue/i18n'
import { senderBundle } from '../features/settings/sender-i18n'
import { shopRulesBundle } from '../features/shops/i18n'
import { stationBundle } from '../features/settings/station-i18n'
import { settingsBundle } from '../features/settings/i18n'
import { skusBundle } from '../features/skus/i18n'
import { errorsBundle } from '../lib/errors-i18n'
import { enUS } from './en-US'
import { zhCN, type Messages } from './zh-CN'

/**
 * A feature's strings live beside the feature (features/<name>/i18n.ts) under its own top-level
 * key; this list merges them. en-US must have the same keys as zh-CN (checked by the type).
 */
export type Bundle<T> = { readonly zhCN: T; readonly enUS: NoInfer<T> }

const FEATURE_BUNDLES: readonly Bundle<Record<string, unknown>>[] = [
  importBundle,
  orderListBundle,
  splitPlanBundle,
  packagesBundle,
  settingsBundle,
  skusBundle,
  senderBundle,
  shopRulesBundle,
  stationBundle,
  printBundle,
  printedBundle,
  queueBundle,
  carriersBundle,
  carrierLimitsBundle,
  demoBundle,
  deadlineBundle,
  errorsBundle
]

export function mergedResources(): {
  zhCN: Messages & Record<string, unknown>
  enUS: Messages & Record<string, unknown>
} {
  let zh: Messages & Record<string, unknown> = { ...zhCN }
  let en: Messages & Record<string, unknown> = { ...enUS }
  for (const bundle of FEATURE_BUNDLES) {
    zh = { ...zh, ...bundle.zhCN }
    en = { ...en, ...bundle.enUS }
  }
  return { zhCN: zh, enUS: en }
}
