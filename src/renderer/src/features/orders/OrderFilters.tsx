import { ArrowDownOutlined, ArrowUpOutlined, SettingOutlined } from '@ant-design/icons'
import { Button, Checkbox, DatePicker, Flex, Popover, Select, Space } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { REGIONS, findProvince } from '../../../../shared/regions'
import {
  DEADLINE_FILTERS,
  EXEMPTION_STATES,
  ORDER_PROBLEMS,
  ORDER_SORTS,
  ORDER_STATUSES
} from '../../../../shared/schemas/order'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import {
  DEFAULT_COLUMN_PREFS,
  ORDER_COLUMNS,
  columnLabel,
  type ColumnKey,
  type ColumnPrefs
} from './OrderTable'
import type { OrderListView } from './use-order-window'

/** Everything but the keyword: the keyword box stays where it was. */
export type ListFilters = Omit<OrderListView, 'query'>

const PROVINCES = REGIONS.map((p) => ({ value: p.name, label: p.name }))

/** The cities of a province, from the same division tree as the order form. */
function cityOptions(province: string | undefined): { value: string; label: string }[] {
  const found = province === undefined ? undefined : findProvince(province)
  return (found?.children ?? []).map((c) => ({ value: c.name, label: c.name }))
}

/**
 * The filter bar of the order list: status, shop, created range, region, carrier, exemption,
 * problems, deadline, platform district, sort.
 */
export function OrderFilters(props: {
  readonly value: ListFilters
  readonly onChange: (next: ListFilters) => void
}): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const [options, setOptions] = useState<MethodOutput<'orders.filterOptions'> | null>(null)
  // The date picker keeps its own text: a new key clears it with the other filters.
  const [pickerKey, setPickerKey] = useState(0)
  const { value, onChange } = props

  useEffect(() => {
    client
      .call('orders.filterOptions', {})
      .then(setOptions)
      .catch(() => undefined)
  }, [client])

  /** Sets one filter; undefined removes it. */
  const set = <K extends keyof ListFilters>(key: K, v: ListFilters[K] | undefined) => {
    const next: ListFilters = { ...value }
    if (v === undefined) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- filters are optional keys; absent means "any"
      delete next[key]
    } else {
      next[key] = v
    }
    onChange(next)
  }
  const active = Object.keys(value).some((k) => k !== 'sort')

  return (
    <Flex wrap gap={8} align="center" data-testid="order-filters">
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('orderList.filters.status')}
        aria-label={t('orderList.filters.status')}
        value={value.status}
        onChange={(v) => {
          set('status', v)
        }}
        options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
      />
      <Select
        allowClear
        style={{ width: 140 }}
        placeholder={t('orderList.filters.shop')}
        aria-label={t('orderList.filters.shop')}
        value={value.shopId}
        onChange={(v) => {
          set('shopId', v)
        }}
        options={(options?.shops ?? []).map((s) => ({ value: s.id, label: s.name }))}
      />
      <DatePicker.RangePicker
        key={pickerKey}
        allowEmpty={[true, true]}
        placeholder={[t('orderList.filters.createdFrom'), t('orderList.filters.createdTo')]}
        onChange={(dates) => {
          const from = dates?.[0]?.startOf('day').valueOf()
          const to = dates?.[1]?.add(1, 'day').startOf('day').valueOf()
          const next: ListFilters = { ...value }
          delete next.createdFrom
          delete next.createdTo
          onChange({
            ...next,
            ...(from !== undefined ? { createdFrom: from } : {}),
            ...(to !== undefined ? { createdTo: to } : {})
          })
        }}
      />
      <Select
        allowClear
        showSearch
        style={{ width: 130 }}
        placeholder={t('orderList.filters.province')}
        aria-label={t('orderList.filters.province')}
        value={value.province}
        onChange={(v) => {
          // Another province, another list of cities: the city chosen under the old one goes.
          const next: ListFilters = { ...value }
          delete next.province
          delete next.city
          // Cleared, the select reports undefined whatever its typing says.
          onChange(v ? { ...next, province: v } : next)
        }}
        options={PROVINCES}
      />
      <Select
        allowClear
        showSearch
        style={{ width: 130 }}
        placeholder={t('orderList.filters.city')}
        aria-label={t('orderList.filters.city')}
        disabled={value.province === undefined}
        value={value.city}
        onChange={(v) => {
          set('city', v)
        }}
        options={cityOptions(value.province)}
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('orderList.filters.carrier')}
        aria-label={t('orderList.filters.carrier')}
        value={value.carrier}
        onChange={(v) => {
          set('carrier', v)
        }}
        options={(options?.carriers ?? []).map((c) => ({ value: c, label: c }))}
      />
      <Select
        allowClear
        style={{ width: 120 }}
        placeholder={t('orderList.filters.exemption')}
        aria-label={t('orderList.filters.exemption')}
        value={value.exemption}
        onChange={(v) => {
          set('exemption', v)
        }}
        options={EXEMPTION_STATES.map((s) => ({ value: s, label: t(`orderList.exemption.${s}`) }))}
      />
      <Select
        allowClear
        style={{ width: 200 }}
        placeholder={t('orderList.filters.problem')}
        aria-label={t('orderList.filters.problem')}
        value={value.problem}
        onChange={(v) => {
          set('problem', v)
        }}
        options={ORDER_PROBLEMS.map((p) => ({ value: p, label: t(`orderList.problem.${p}`) }))}
      />
      <Select
        allowClear
        style={{ width: 150 }}
        placeholder={t('deadline.filter')}
        aria-label={t('deadline.filter')}
        value={value.deadline}
        onChange={(v) => {
          set('deadline', v)
        }}
        options={DEADLINE_FILTERS.map((d) => ({ value: d, label: t(`deadline.${d}Filter`) }))}
      />
      <Select
        allowClear
        style={{ width: 160 }}
        placeholder={t('orderList.filters.platformDistrict')}
        aria-label={t('orderList.filters.platformDistrict')}
        value={
          value.platformDistrict === undefined
            ? undefined
            : value.platformDistrict
              ? 'only'
              : 'none'
        }
        onChange={(v: 'only' | 'none' | undefined) => {
          set('platformDistrict', v === undefined ? undefined : v === 'only')
        }}
        options={(['only', 'none'] as const).map((v) => ({
          value: v,
          label: t(`orderList.platformDistrict.${v}`)
        }))}
      />
      <Select
        style={{ width: 170 }}
        aria-label={t('orderList.filters.sort')}
        value={value.sort ?? 'created_desc'}
        onChange={(v) => {
          set('sort', v)
        }}
        options={ORDER_SORTS.map((s) => ({ value: s, label: t(`orderList.sort.${s}`) }))}
      />
      {active ? (
        <Button
          type="link"
          onClick={() => {
            setPickerKey((k) => k + 1)
            onChange(value.sort ? { sort: value.sort } : {})
          }}
        >
          {t('orderList.filters.clear')}
        </Button>
      ) : null}
    </Flex>
  )
}

/** 列设置: show/hide and reorder the list's columns. */
export function ColumnSettings(props: {
  readonly value: ColumnPrefs
  readonly onChange: (next: ColumnPrefs) => void
}): ReactNode {
  const { t } = useTranslation()
  const { value, onChange } = props
  const move = (key: ColumnKey, delta: number) => {
    const order = [...value.order]
    const i = order.indexOf(key)
    const j = i + delta
    const other = order[j]
    if (i < 0 || other === undefined) {
      return
    }
    order[j] = key
    order[i] = other
    onChange({ ...value, order })
  }
  const content = (
    <Flex vertical gap={4} data-testid="column-settings">
      {value.order.map((key, i) => (
        <Flex key={key} justify="space-between" align="center" gap={12}>
          <Checkbox
            checked={!value.hidden.includes(key)}
            onChange={(e) => {
              onChange({
                ...value,
                hidden: e.target.checked
                  ? value.hidden.filter((k) => k !== key)
                  : [...value.hidden, key]
              })
            }}
          >
            {columnLabel(t, key)}
          </Checkbox>
          <Space size={0}>
            <Button
              size="small"
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={`${t('orderList.columns.up')} ${columnLabel(t, key)}`}
              disabled={i === 0}
              onClick={() => {
                move(key, -1)
              }}
            />
            <Button
              size="small"
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={`${t('orderList.columns.down')} ${columnLabel(t, key)}`}
              disabled={i === ORDER_COLUMNS.length - 1}
              onClick={() => {
                move(key, 1)
              }}
            />
          </Space>
        </Flex>
      ))}
      <Button
        size="small"
        onClick={() => {
          onChange(DEFAULT_COLUMN_PREFS)
        }}
      >
        {t('orderList.columns.reset')}
      </Button>
    </Flex>
  )
  return (
    <Popover
      trigger="click"
      placement="bottomRight"
      content={content}
      title={t('orderList.columns.title')}
    >
      <Button icon={<SettingOutlined />}>{t('orderList.columns.title')}</Button>
    </Popover>
  )
}
