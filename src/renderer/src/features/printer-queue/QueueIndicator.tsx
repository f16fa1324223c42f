import { PrinterOutlined } from '@ant-design/icons'
import { Badge, Button, Drawer, Space, Tag } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TFunction } from 'i18next'
import type { PrinterQueueView } from '../../../../shared/api/printer-queue'
import { PrinterQueues } from './PrinterQueuePanel'
import { usePrinterQueues } from './use-printer-queues'

function badgeText(queue: PrinterQueueView, t: TFunction): string {
  const count = queue.labels.length
  if (queue.reason !== null) {
    const reason = t(`queue.reasonShort.${queue.reason}`)
    return count > 0
      ? t('queue.badgeStopped', { printer: queue.printer, count, reason })
      : t('queue.badgeFault', { printer: queue.printer, reason })
  }
  return t('queue.badge', { printer: queue.printer, count })
}

/**
 * The header's print-queue indicator, on every page: one tag per printer that has labels waiting
 * or a fault (red when stopped), and a drawer with every printer's queue and its actions.
 */
export function QueueIndicator(): ReactNode {
  const { t } = useTranslation()
  const { queues, refresh } = usePrinterQueues()
  const [open, setOpen] = useState(false)
  const busy = queues.filter((q) => q.state !== 'idle')
  const stopped = busy.some((q) => q.state === 'stopped')
  const waiting = busy.reduce((n, q) => n + q.labels.length, 0)
  return (
    <>
      <Button
        type="text"
        data-testid="queue-indicator"
        data-state={stopped ? 'stopped' : busy.length > 0 ? 'printing' : 'idle'}
        aria-label={t('queue.indicator')}
        onClick={() => {
          refresh()
          setOpen(true)
        }}
        style={{ height: 'auto', paddingBlock: 4 }}
      >
        <Space size={6}>
          <Badge count={waiting} size="small" color={stopped ? 'red' : 'blue'} showZero={false}>
            <PrinterOutlined style={{ fontSize: 18 }} />
          </Badge>
          {busy.length === 0 ? (
            <span>{t('queue.indicator')}</span>
          ) : (
            busy.map((q) => (
              <Tag
                key={q.printerId}
                color={q.state === 'stopped' ? 'error' : 'processing'}
                data-testid="queue-badge"
                data-printer-name={q.printer}
                style={{ marginInlineEnd: 0 }}
              >
                {badgeText(q, t)}
              </Tag>
            ))
          )}
        </Space>
      </Button>
      <Drawer
        title={t('queue.drawerTitle')}
        open={open}
        size={640}
        onClose={() => {
          setOpen(false)
        }}
        data-testid="queue-drawer"
      >
        <div data-testid="queue-drawer-body">
          <PrinterQueues queues={queues} onChanged={refresh} showIdle />
        </div>
      </Drawer>
    </>
  )
}
