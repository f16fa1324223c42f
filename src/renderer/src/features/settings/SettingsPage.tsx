import { Tabs } from 'antd'
import type { ComponentType, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CarriersTab } from '../carriers/CarriersTab'
import { ShopRulesTab } from '../shops/ShopRulesTab'
import { SkusTab } from '../skus/SkusTab'
import { PrintersTab } from './PrintersTab'
import { SenderTab } from './SenderTab'
import { StationTab } from './StationTab'

export type SettingsTab = {
  /** Also the i18n key under `settings.tabs.` */
  readonly key: string
  readonly Tab: ComponentType
}

/** Settings' tabs, in order; another domain's tab (快递公司 carriers, shops) is one line here. */
export const SETTINGS_TABS: readonly SettingsTab[] = [
  { key: 'printers', Tab: PrintersTab },
  { key: 'carriers', Tab: CarriersTab },
  { key: 'skus', Tab: SkusTab },
  { key: 'shopRules', Tab: ShopRulesTab },
  { key: 'sender', Tab: SenderTab },
  { key: 'station', Tab: StationTab }
]

export function SettingsPage(): ReactNode {
  const { t } = useTranslation()
  return (
    <div style={{ overflow: 'auto', minHeight: 0, flex: 1 }}>
      <Tabs
        destroyOnHidden
        items={SETTINGS_TABS.map(({ key, Tab }) => ({
          key,
          label: t(`settings.tabs.${key}`),
          children: <Tab />
        }))}
      />
    </div>
  )
}
