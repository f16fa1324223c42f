import { UploadOutlined } from '@ant-design/icons'
import { Alert, Button, DatePicker, Flex, Select, Space, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  PACKAGE_ROLES,
  PACKAGE_SYNC_STATES,
  type PackageListQuery
} from '../../../../shared/api/packages-list'
import { useClient } from '../../api/context'
import { ListSearch } from '../../lib/ListSearch'
import { useList } from '../../lib/use-list'
import { BatchAppendDrawer } from './BatchAppendDrawer'
import { BatchList } from './BatchList'
import { PackageTable } from './PackageTable'
import { usePackagesWindow } from './use-packages-window'

type Filters = Pick<PackageListQuery, 'carrier' | 'role' | 'syncState' | 'addedFrom' | 'addedTo'>

/** 包裹与追加: every package of split and appended orders, and the batch appends kept. */
export function PackagesPage(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const [filters, setFilters] = useState<Filters>({})
  const [carriers, setCarriers] = useState<{ code: string; name: string }[]>([])
  const [batchOpen, setBatchOpen] = useState(false)
  const [batchesKey, setBatchesKey] = useState(0)
  const list = useList<Filters, null>(filters, { empty: null, refreshOn: ['orders.changed'] })
  const rows = usePackagesWindow(list.view, list.refreshKey)

  useEffect(() => {
    client
      .call('carriers.list', {})
      .then((r) => {
        setCarriers(r.carriers.map((c) => ({ code: c.code, name: c.name })))
      })
      .catch(() => undefined)
  }, [client])

  /** One filter set or cleared (a cleared select reports undefined). */
  const set = <K extends keyof Filters>(key: K, v: Filters[K] | undefined) => {
    const next = Object.fromEntries(Object.entries(filters).filter(([k]) => k !== key)) as Filters
    setFilters(v === undefined ? next : { ...next, [key]: v })
  }

  return (
    <Flex vertical gap={12} style={{ flex: 1, minHeight: 0 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Text type="secondary">{t('packages.intro')}</Typography.Text>
        <Button
          type="primary"
          icon={<UploadOutlined />}
          onClick={() => {
            setBatchOpen(true)
          }}
        >
          {t('packages.batchAppend')}
        </Button>
      </Flex>
      <Space wrap>
        <ListSearch list={list} placeholder={t('packages.search')} width={300} />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('packages.filters.carrier')}
          aria-label={t('packages.filters.carrier')}
          value={filters.carrier}
          onChange={(v: string | undefined) => {
            set('carrier', v)
          }}
          options={carriers.map((c) => ({ value: c.code, label: c.name }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('packages.filters.role')}
          aria-label={t('packages.filters.role')}
          value={filters.role}
          onChange={(v: Filters['role']) => {
            set('role', v)
          }}
          options={PACKAGE_ROLES.map((r) => ({ value: r, label: t(`packages.roles.${r}`) }))}
        />
        <Select
          allowClear
          style={{ width: 130 }}
          placeholder={t('packages.filters.sync')}
          aria-label={t('packages.filters.sync')}
          value={filters.syncState}
          onChange={(v: Filters['syncState']) => {
            set('syncState', v)
          }}
          options={PACKAGE_SYNC_STATES.map((s) => ({
            value: s,
            label: t(`packages.syncStates.${s}`)
          }))}
        />
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          aria-label={t('packages.filters.added')}
          onChange={(dates) => {
            const from = dates?.[0]?.startOf('day').valueOf()
            const to = dates?.[1]?.add(1, 'day').startOf('day').valueOf()
            const next: Filters = { ...filters }
            delete next.addedFrom
            delete next.addedTo
            setFilters({
              ...next,
              ...(from !== undefined ? { addedFrom: from } : {}),
              ...(to !== undefined ? { addedTo: to } : {})
            })
          }}
        />
        <Typography.Text type="secondary" data-testid="package-count">
          {rows.totalCapped
            ? t('packages.countCapped', { count: rows.total })
            : t('packages.count', { count: rows.total })}
        </Typography.Text>
      </Space>
      {rows.error ? <Alert type="error" showIcon title={rows.error} /> : null}
      <div style={{ flex: 2, minHeight: 240, display: 'flex' }}>
        <PackageTable window={rows} emptyText={t('packages.empty')} />
      </div>
      <BatchList refreshKey={batchesKey} />
      <BatchAppendDrawer
        open={batchOpen}
        onClose={() => {
          setBatchOpen(false)
        }}
        onChanged={() => {
          list.refresh()
          setBatchesKey((k) => k + 1)
        }}
      />
    </Flex>
  )
}
