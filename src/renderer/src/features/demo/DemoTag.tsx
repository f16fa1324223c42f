import { Tag } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useDemo } from './use-demo'

/** 示例 beside a row of the demo shop, so a demo order is never mistaken for a real one. */
export function DemoTag({ shopId }: { readonly shopId: number }): ReactNode {
  const { t } = useTranslation()
  const { demo } = useDemo()
  if (demo?.shopId !== shopId) {
    return null
  }
  return (
    <Tag color="purple" data-testid="demo-tag" style={{ marginInlineStart: 4 }}>
      {t('demo.tag')}
    </Tag>
  )
}
