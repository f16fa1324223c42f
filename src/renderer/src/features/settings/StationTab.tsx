import { App, Card, Form, Select, Typography } from 'antd'
import { useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_TIME_ZONE } from '../../../../shared/time-zone'
import { useClient } from '../../api/context'
import { formatStationTime, setStationTimeZone, useStationTimeZone } from '../../lib/station-time'
import { PreviewLabels } from '../demo/PreviewLabels'
import { errorText } from '../print/use-print-target'

/** Zones a Chinese shop's bench is likely in, first; the runtime's full list follows. */
const COMMON_ZONES = [
  DEFAULT_TIME_ZONE,
  'Asia/Urumqi',
  'Asia/Hong_Kong',
  'Asia/Taipei',
  'Asia/Tokyo',
  'Asia/Singapore',
  'Europe/London',
  'Europe/Berlin',
  'America/Los_Angeles',
  'UTC'
]

function zoneOptions(): string[] {
  const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
  return [...new Set([...COMMON_ZONES, ...all])]
}

/** 设置 → 工作台: the station's own settings (its time zone). */
export function StationTab(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const zone = useStationTimeZone()
  // The clock when the tab opened: enough to check a zone reads right.
  const [openedAt] = useState(() => Date.now())
  const options = useMemo(() => zoneOptions().map((z) => ({ value: z, label: z })), [])

  const change = async (next: string) => {
    try {
      await client.call('settings.set', { key: 'station.timeZone', value: next })
      setStationTimeZone(next)
      void message.success(t('station.saved', { zone: next }))
    } catch (e) {
      void message.error(t('station.failed', { message: errorText(e) }))
    }
  }

  return (
    <Card style={{ maxWidth: 720 }} data-testid="station-tab">
      <Form layout="vertical" component="div">
        <Form.Item label={t('station.timeZone')} extra={t('station.timeZoneHelp')}>
          <Select<string>
            aria-label={t('station.timeZone')}
            value={zone}
            showSearch
            options={options}
            onChange={(next) => void change(next)}
            style={{ maxWidth: 320 }}
          />
        </Form.Item>
        <Typography.Text type="secondary" data-testid="station-now">
          {t('station.now', { time: formatStationTime(openedAt) })}
        </Typography.Text>
        <Form.Item label={t('previewLabels.title')} style={{ marginTop: 24 }}>
          <PreviewLabels />
        </Form.Item>
      </Form>
    </Card>
  )
}
