import { Alert, Flex, Select, Space, Table, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  IMPORT_FIELD_NAMES,
  ITEM_FIELD_NAMES,
  ORDER_FIELD_NAMES,
  type ColumnMappingValue,
  type ImportFieldName,
  type ImportInspectionView
} from '../../../../shared/api/import'

const REQUIRED: ReadonlySet<ImportFieldName> = new Set([
  'orderId',
  'receiverName',
  'phone',
  'address',
  'title'
])
const ITEM_REQUIRED: ReadonlySet<ImportFieldName> = new Set(['orderId', 'title'])

/** Which file a mapping table is for: the fields it lists and which of them are required. */
export type MappingRole = 'orders' | 'orders-with-item-report' | 'items'

function fieldsFor(role: MappingRole): readonly ImportFieldName[] {
  if (role === 'items') {
    return ['orderId', ...ITEM_FIELD_NAMES]
  }
  return role === 'orders' ? IMPORT_FIELD_NAMES : ORDER_FIELD_NAMES
}

function requiredFor(role: MappingRole): ReadonlySet<ImportFieldName> {
  if (role === 'items') {
    return ITEM_REQUIRED
  }
  return role === 'orders' ? REQUIRED : new Set([...REQUIRED].filter((f) => f !== 'title'))
}

/** Step 2: which column of the sheet holds which field, with the sheet's first rows beside. */
export function MappingStep(props: {
  readonly role: MappingRole
  readonly inspection: ImportInspectionView
  readonly mapping: ColumnMappingValue
  readonly onChange: (field: ImportFieldName, column: string | undefined) => void
  readonly testId: string
}): ReactNode {
  const { t } = useTranslation()
  const { inspection } = props
  const missing = new Set(inspection.missing)
  const required = requiredFor(props.role)
  const options = inspection.headers
    .filter((h) => h.trim() !== '')
    .map((h) => ({ value: h, label: h }))
  const fieldRows = fieldsFor(props.role).map((field) => ({ key: field, field }))
  const sampleColumns = inspection.headers.map((h, i) => ({
    key: String(i),
    title: h,
    dataIndex: String(i),
    ellipsis: true,
    width: 140
  }))
  const sampleRows = inspection.sample.map((cells, r) => ({
    key: String(r),
    ...Object.fromEntries(cells.map((c, i) => [String(i), c]))
  }))
  return (
    <Flex vertical gap={12}>
      <Space wrap>
        <Typography.Text>{t('import.mapping.preset')}</Typography.Text>
        {inspection.preset ? (
          <Tag color="green" data-testid="import-preset">
            {t(`import.mapping.presets.${inspection.preset}`)}
          </Tag>
        ) : (
          <Tag color="orange">{t('import.mapping.presetNone')}</Tag>
        )}
        <Typography.Text type="secondary">
          {t(`import.mapping.source.${inspection.mappingSource}`)} ·{' '}
          {t('import.mapping.headerRow', {
            row: inspection.headerRow,
            count: inspection.headers.length
          })}
          {inspection.encoding
            ? ` · ${t('import.mapping.encoding', { encoding: inspection.encoding })}`
            : ''}
        </Typography.Text>
      </Space>
      {inspection.missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('import.mapping.missing', {
            fields: inspection.missing.map((f) => t(`import.fields.${f}`)).join('、')
          })}
        />
      ) : null}
      <Table
        size="small"
        pagination={false}
        scroll={{ y: 260 }}
        dataSource={fieldRows}
        data-testid={props.testId}
        columns={[
          {
            key: 'field',
            title: t('import.mapping.field'),
            width: 220,
            render: (_: unknown, row: { field: ImportFieldName }) => (
              <Space>
                <Typography.Text
                  type={missing.has(row.field) ? 'danger' : undefined}
                  strong={required.has(row.field)}
                >
                  {t(`import.fields.${row.field}`)}
                </Typography.Text>
                {required.has(row.field) ? (
                  <Tag color={missing.has(row.field) ? 'red' : 'default'}>
                    {t('import.mapping.required')}
                  </Tag>
                ) : null}
              </Space>
            )
          },
          {
            key: 'column',
            title: t('import.mapping.column'),
            render: (_: unknown, row: { field: ImportFieldName }) => (
              <Select
                style={{ width: 280 }}
                allowClear
                showSearch
                status={missing.has(row.field) ? 'error' : undefined}
                placeholder={t('import.mapping.choose')}
                aria-label={t(`import.fields.${row.field}`)}
                value={props.mapping[row.field]}
                options={options}
                onChange={(value: string | undefined) => {
                  props.onChange(row.field, value)
                }}
              />
            )
          }
        ]}
      />
      <Typography.Text strong>{t('import.mapping.sample')}</Typography.Text>
      <Table
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={sampleRows}
        columns={sampleColumns}
        data-testid={props.role === 'items' ? 'import-items-sample' : 'import-sample'}
      />
    </Flex>
  )
}
