import {
  CloudSyncOutlined,
  ExceptionOutlined,
  FileDoneOutlined,
  InboxOutlined,
  PrinterOutlined,
  RollbackOutlined,
  SettingOutlined,
  UnorderedListOutlined
} from '@ant-design/icons'
import type { ComponentType, ReactNode } from 'react'
import { OrdersPage } from '../features/orders/OrdersPage'
import { PackagesPage } from '../features/packages/PackagesPage'
import { PrintPage } from '../features/print/PrintPage'
import { PrintedPage } from '../features/printed/PrintedPage'
import { SettingsPage } from '../features/settings/SettingsPage'

export type Workflow = {
  /** Also the i18n key under `nav.` */
  readonly key: string
  readonly icon: ReactNode
  /** A workflow without a page is shown disabled, never as a fake page. */
  readonly Page: ComponentType | null
}

/** DESIGN §1's workflows, in the order a packer meets them. */
export const WORKFLOWS: readonly Workflow[] = [
  { key: 'orders', icon: <UnorderedListOutlined />, Page: OrdersPage },
  { key: 'print', icon: <PrinterOutlined />, Page: PrintPage },
  { key: 'printed', icon: <FileDoneOutlined />, Page: PrintedPage },
  { key: 'packages', icon: <InboxOutlined />, Page: PackagesPage },
  { key: 'aftersales', icon: <RollbackOutlined />, Page: null },
  { key: 'exceptions', icon: <ExceptionOutlined />, Page: null },
  { key: 'sync', icon: <CloudSyncOutlined />, Page: null },
  { key: 'settings', icon: <SettingOutlined />, Page: SettingsPage }
]
