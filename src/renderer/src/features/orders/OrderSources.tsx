import { ImportOutlined, PlusOutlined } from '@ant-design/icons'
import { Button, Space } from 'antd'
import type { ReactNode } from 'react'

/** Where orders come from besides the list: a sheet to import, or one entered by hand. */
export function OrderSources(props: {
  readonly importLabel: string
  readonly addLabel: string
  readonly onImport: () => void
  readonly onAdd: () => void
  /** Entering by hand is the page's main action. */
  readonly addPrimary?: boolean
}): ReactNode {
  return (
    <Space>
      <Button icon={<ImportOutlined />} onClick={props.onImport}>
        {props.importLabel}
      </Button>
      <Button
        type={props.addPrimary ? 'primary' : 'default'}
        icon={<PlusOutlined />}
        onClick={props.onAdd}
      >
        {props.addLabel}
      </Button>
    </Space>
  )
}
