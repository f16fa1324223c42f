import { Table, Tag } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { AppendBatchRefusal } from '../../../../shared/api/append-batch'
import { refusalWords } from './refusal-words'

/**
 * Every refused row of a batch: its row and column as the sheet numbers and names them, the
 * rule's id when a platform rule refused it, and the reason in words.
 */
export function BatchRefusedTable(props: {
  readonly rows: readonly AppendBatchRefusal[]
  readonly timeZone: string
}): ReactNode {
  const { t } = useTranslation()
  const reason = (r: AppendBatchRefusal): string =>
    r.rule !== null
      ? refusalWords({ rule: r.rule, params: r.params }, props.timeZone)
      : t(`packages.batch.reasons.${r.reason}`, { ...r.params, defaultValue: r.reason })
  return (
    <Table<AppendBatchRefusal>
      size="small"
      data-testid="batch-refused"
      rowKey={(r) => `${String(r.row)}:${r.column}`}
      dataSource={[...props.rows]}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
      scroll={{ y: 360 }}
      columns={[
        { title: t('packages.batch.row'), dataIndex: 'row', width: 80, align: 'right' },
        { title: t('packages.batch.column'), dataIndex: 'column', width: 100 },
        {
          title: t('packages.batch.rule'),
          dataIndex: 'rule',
          width: 210,
          render: (rule: string | null) => (rule ? <Tag color="red">{rule}</Tag> : '—')
        },
        { title: t('packages.batch.reason'), key: 'reason', render: (_: unknown, r) => reason(r) }
      ]}
    />
  )
}
