import { Button, Input, InputNumber, Popconfirm, Select, Space } from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { SkuView } from '../../../../shared/api/skus'
import { VirtualGrid } from '../../lib/VirtualGrid'
import type { SkuWindow } from './use-sku-window'

const TEMPLATE =
  'minmax(120px, 180px) minmax(140px, 1fr) 100px minmax(210px, 240px) 120px 100px 150px'
const ZONES = ['ambient', 'chilled', 'frozen'] as const

export type SkuEdit = Omit<SkuView, 'updatedAt'>

type Props = {
  readonly window: SkuWindow
  readonly emptyText: string
  readonly onSave: (edit: SkuEdit) => Promise<boolean>
  readonly onDelete: (sku: string) => void
}

/** The catalogue as a virtualized grid (only the visible rows exist), each row editable in place. */
export function SkuTable({ window: rows, emptyText, onSave, onDelete }: Props): ReactNode {
  const { t } = useTranslation()
  const [editing, setEditing] = useState<SkuEdit | null>(null)
  const heads = ['sku', 'title', 'weight', 'size', 'warehouse', 'zone', 'actions'] as const
  return (
    <VirtualGrid
      window={rows}
      template={TEMPLATE}
      testId="sku-table"
      emptyText={emptyText}
      header={heads.map((h) => (
        <div role="columnheader" key={h}>
          {t(`skus.columns.${h}`)}
        </div>
      ))}
      renderRow={(row, at) => {
        const edit = editing?.sku === row.sku ? editing : null
        return (
          <div
            key={at.key}
            role="row"
            aria-rowindex={at.ariaRowIndex}
            data-sku={row.sku}
            className="wb-grid wb-row"
            style={at.style}
          >
            {edit ? (
              <EditCells
                edit={edit}
                onChange={setEditing}
                onSave={() => {
                  void onSave(edit).then((saved) => {
                    if (saved) {
                      setEditing(null)
                    }
                  })
                }}
                onCancel={() => {
                  setEditing(null)
                }}
              />
            ) : (
              <ViewCells
                row={row}
                onEdit={() => {
                  setEditing({ ...row })
                }}
                onDelete={() => {
                  onDelete(row.sku)
                }}
              />
            )}
          </div>
        )
      }}
    />
  )
}

function size(r: SkuView): string {
  const sides = [r.lengthMm, r.widthMm, r.heightMm]
  return sides.every((s) => s === null)
    ? ''
    : sides.map((s) => (s === null ? '?' : String(s))).join(' × ')
}

function ViewCells(props: {
  readonly row: SkuView
  readonly onEdit: () => void
  readonly onDelete: () => void
}): ReactNode {
  const { t } = useTranslation()
  const { row } = props
  return (
    <>
      <div role="gridcell" title={row.sku}>
        {row.sku}
      </div>
      <div role="gridcell" title={row.title}>
        {row.title}
      </div>
      <div role="gridcell">{row.weightG ?? ''}</div>
      <div role="gridcell">{size(row)}</div>
      <div role="gridcell" data-testid="sku-warehouse">
        {row.warehouse ?? ''}
      </div>
      <div role="gridcell">{t(`skus.zone.${row.temperatureZone ?? 'none'}`)}</div>
      <div role="gridcell">
        <Space size={0}>
          <Button type="link" size="small" onClick={props.onEdit}>
            {t('skus.edit')}
          </Button>
          <Popconfirm
            title={t('skus.deleteConfirm', { sku: row.sku })}
            onConfirm={props.onDelete}
            okText={t('skus.delete')}
            cancelText={t('skus.cancel')}
          >
            <Button type="link" size="small" danger>
              {t('skus.delete')}
            </Button>
          </Popconfirm>
        </Space>
      </div>
    </>
  )
}

function EditCells(props: {
  readonly edit: SkuEdit
  readonly onChange: (edit: SkuEdit) => void
  readonly onSave: () => void
  readonly onCancel: () => void
}): ReactNode {
  const { t } = useTranslation()
  const { edit, onChange } = props
  const side = (key: 'lengthMm' | 'widthMm' | 'heightMm', label: string) => (
    <InputNumber
      size="small"
      min={0}
      max={10_000}
      precision={0}
      controls={false}
      style={{ width: 62 }}
      aria-label={label}
      placeholder={label}
      value={edit[key]}
      onChange={(v) => {
        onChange({ ...edit, [key]: v })
      }}
    />
  )
  return (
    <>
      <div role="gridcell">{edit.sku}</div>
      <div role="gridcell">
        <Input
          size="small"
          aria-label={t('skus.fields.title')}
          value={edit.title}
          maxLength={300}
          onChange={(e) => {
            onChange({ ...edit, title: e.target.value })
          }}
        />
      </div>
      <div role="gridcell">
        <InputNumber
          size="small"
          min={0}
          max={1_000_000}
          precision={0}
          controls={false}
          style={{ width: '100%' }}
          aria-label={t('skus.fields.weight')}
          value={edit.weightG}
          onChange={(v) => {
            onChange({ ...edit, weightG: v })
          }}
        />
      </div>
      <div role="gridcell">
        <Space size={4}>
          {side('lengthMm', t('skus.fields.length'))}
          {side('widthMm', t('skus.fields.width'))}
          {side('heightMm', t('skus.fields.height'))}
        </Space>
      </div>
      <div role="gridcell">
        <Input
          size="small"
          aria-label={t('skus.fields.warehouse')}
          value={edit.warehouse ?? ''}
          maxLength={50}
          onChange={(e) => {
            onChange({ ...edit, warehouse: e.target.value === '' ? null : e.target.value })
          }}
        />
      </div>
      <div role="gridcell">
        <Select
          size="small"
          style={{ width: '100%' }}
          aria-label={t('skus.fields.temperatureZone')}
          allowClear
          value={edit.temperatureZone ?? undefined}
          options={ZONES.map((z) => ({ value: z, label: t(`skus.zone.${z}`) }))}
          onChange={(v: (typeof ZONES)[number] | undefined) => {
            onChange({ ...edit, temperatureZone: v ?? null })
          }}
        />
      </div>
      <div role="gridcell">
        <Space size={0}>
          <Button type="link" size="small" onClick={props.onSave}>
            {t('skus.save')}
          </Button>
          <Button type="link" size="small" onClick={props.onCancel}>
            {t('skus.cancel')}
          </Button>
        </Space>
      </div>
    </>
  )
}
