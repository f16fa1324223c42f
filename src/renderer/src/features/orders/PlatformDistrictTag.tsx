import { Tag, Tooltip } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * 平台区县: the order's district is not in the national division data (a development zone or an
 * old district name) and is kept as the platform wrote it. Nothing when it is a listed district.
 */
export function PlatformDistrictTag(props: { readonly show: boolean }): ReactNode {
  const { t } = useTranslation()
  if (!props.show) {
    return null
  }
  return (
    <Tooltip title={t('orderList.platformDistrict.hint')}>
      <Tag color="gold" data-testid="platform-district-tag">
        {t('orderList.platformDistrict.tag')}
      </Tag>
    </Tooltip>
  )
}
