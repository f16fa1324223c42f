import { Button, Flex, Progress, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ProgressEvent, Running } from './use-import-wizard'

/** A running check or commit: how far it got, how fast, and its cancel button. */
export function ImportProgress({
  running,
  progress,
  onCancel
}: {
  readonly running: Running
  readonly progress: ProgressEvent | null
  readonly onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  return (
    <Flex vertical gap={8} data-testid="import-progress">
      <Progress
        percent={
          progress?.rowsTotal
            ? Math.round((progress.rowsRead / progress.rowsTotal) * 100)
            : progress && progress.bytesTotal > 0
              ? Math.round((progress.bytesRead / progress.bytesTotal) * 100)
              : 0
        }
        status="active"
      />
      <Flex justify="space-between" align="center">
        <Typography.Text>
          {t(
            `import.progress.${progress?.phase ?? (running.phase === 'commit' ? 'writing' : 'reading')}`,
            {
              rows: progress?.rowsRead ?? 0,
              total: progress?.rowsTotal ?? 0,
              speed: progress?.rowsPerSecond ?? 0
            }
          )}
        </Typography.Text>
        <Button danger onClick={onCancel}>
          {t('import.progress.cancel')}
        </Button>
      </Flex>
    </Flex>
  )
}
