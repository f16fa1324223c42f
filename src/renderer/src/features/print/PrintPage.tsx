import { PrinterOutlined, ScanOutlined } from '@ant-design/icons'
import { Flex, Segmented } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { BatchPrint } from './BatchPrint'
import { ScanPrint } from './ScanPrint'

type Mode = 'batch' | 'scan'

/** 打单: batch printing in three steps, or scan-to-print at the bench. */
export function PrintPage(): ReactNode {
  const { t } = useTranslation()
  const [mode, setMode] = useState<Mode>('batch')
  return (
    <Flex vertical gap={12} style={{ flex: 1, minHeight: 0 }} data-testid="print-page">
      <Segmented<Mode>
        size="large"
        value={mode}
        onChange={setMode}
        aria-label={t('nav.print')}
        style={{ alignSelf: 'flex-start' }}
        options={[
          { value: 'batch', icon: <PrinterOutlined />, label: t('print.mode.batch') },
          { value: 'scan', icon: <ScanOutlined />, label: t('print.mode.scan') }
        ]}
      />
      {/* Both stay mounted: switching modes never loses a batch in progress. */}
      <Flex vertical style={{ flex: 1, minHeight: 0, display: mode === 'batch' ? 'flex' : 'none' }}>
        <BatchPrint />
      </Flex>
      {mode === 'scan' ? <ScanPrint /> : null}
    </Flex>
  )
}
