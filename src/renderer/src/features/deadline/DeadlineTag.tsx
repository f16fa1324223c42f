import { Tag, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import { DUE_SOON_MS, type OrderSummary } from '../../../../shared/schemas/order'
import { formatStationTime } from '../../lib/station-time'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/** A span in the largest two units a packer reads at a glance: 1天3小时, 5小时20分, 40分钟. */
export function spanWords(t: TFunction, ms: number): string {
  const span = Math.max(0, ms)
  if (span >= DAY) {
    return t('deadline.days', { d: Math.floor(span / DAY), h: Math.floor((span % DAY) / HOUR) })
  }
  if (span >= HOUR) {
    return t('deadline.hours', {
      h: Math.floor(span / HOUR),
      m: Math.floor((span % HOUR) / MINUTE)
    })
  }
  return t('deadline.minutes', { m: Math.ceil(span / MINUTE) })
}

/** The present, refreshed every minute, so a list left open keeps counting down. */
function useMinuteClock(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now())
    }, MINUTE)
    return () => {
      clearInterval(timer)
    }
  }, [])
  return now
}

type Props = Pick<OrderSummary, 'shipBy' | 'status' | 'trackingNumbers' | 'exempt'>

/**
 * The time left to ship (issue 12 item 3): only an order still waiting for its label counts
 * down; near the deadline it turns orange, past it red, and an exempt order says 豁免 instead.
 */
export function DeadlineTag({ shipBy, status, trackingNumbers, exempt }: Props): ReactNode {
  const { t } = useTranslation()
  const now = useMinuteClock()
  const title = t('deadline.at', { time: formatStationTime(shipBy) })
  if (status !== 'pending' || trackingNumbers.length > 0) {
    return null
  }
  const left = shipBy - now
  if (left < 0) {
    return exempt ? (
      <Tag color="blue" title={t('deadline.exemptHint')} data-testid="deadline">
        {t('deadline.exempt')}
      </Tag>
    ) : (
      <Tag color="red" title={title} data-testid="deadline">
        {t('deadline.overdue', { time: spanWords(t, -left) })}
      </Tag>
    )
  }
  if (left < DUE_SOON_MS) {
    return (
      <Tag color="orange" title={title} data-testid="deadline">
        {t('deadline.left', { time: spanWords(t, left) })}
      </Tag>
    )
  }
  return (
    <Typography.Text type="secondary" title={title} data-testid="deadline">
      {t('deadline.left', { time: spanWords(t, left) })}
    </Typography.Text>
  )
}
