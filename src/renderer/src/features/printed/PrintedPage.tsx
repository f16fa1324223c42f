import {
  ExportOutlined,
  FilePdfOutlined,
  PrinterOutlined,
  SendOutlined,
  StopOutlined
} from '@ant-design/icons'
import { App, Button, Checkbox, Flex, Modal, Select, Space, Table, Tag, Typography } from 'antd'
import { useEffect, useState, type HTMLAttributes, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodInput, MethodOutput } from '../../../../shared/contract'
import type { PrintedRowView } from '../../../../shared/api/manual-print'
import { useClient } from '../../api/context'
import { ListSearch } from '../../lib/ListSearch'
import { useList } from '../../lib/use-list'
import { formatTime } from '../orders/OrderTable'
import { errorText, usePrintTarget } from '../print/use-print-target'
import { ExportDialog } from './ExportDialog'
import { ShipCheckDialog, shipFlags, type ShipFlag } from './ShipCheck'

type Filter = MethodInput<'printed.list'>['filter']
type ShipOutcome = MethodOutput<'ship.orders'>['outcomes'][number]
const PAGE_SIZE = 50
const NO_PACKAGES: ReadonlyMap<number, PrintedRowView> = new Map()
const PRINTED_EVENTS = ['orders.changed'] as const

/** 已打印: every printed package; filters, selection, reprint, void, ship, export, packing sheet. */
export function PrintedPage(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message, modal } = App.useApp()
  const { carriers, printers, target } = usePrintTarget(null)
  const [carrier, setCarrier] = useState<string | undefined>()
  const [shipped, setShipped] = useState<boolean | undefined>()
  const [verified, setVerified] = useState<boolean | undefined>()
  const [includeVoided, setIncludeVoided] = useState(false)
  const [page, setPage] = useState(1)
  const [rows, setRows] = useState<readonly PrintedRowView[]>([])
  const [total, setTotal] = useState(0)
  /** Which request the rows on screen answer; a different one pending = loading. */
  const [shownKey, setShownKey] = useState('')
  const [exporting, setExporting] = useState(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [shipOutcomes, setShipOutcomes] = useState<readonly ShipOutcome[] | null>(null)
  /** Wrongly labelled and unchecked packages ship asks about first (null: not asking). */
  const [shipCheck, setShipCheck] = useState<readonly ShipFlag[] | null>(null)

  const askShip = () => {
    const flags = shipFlags([...selected.values()])
    if (flags.length === 0) {
      void ship()
    } else {
      setShipCheck(flags)
    }
  }

  /** Selected packages, kept across pages and filters (with the order each belongs to, for ship). */
  const list = useList<Omit<Filter, 'query'>, ReadonlyMap<number, PrintedRowView>>(
    {
      includeVoided,
      ...(carrier !== undefined ? { carrier } : {}),
      ...(shipped !== undefined ? { shipped } : {}),
      ...(verified !== undefined ? { verified } : {})
    },
    { empty: NO_PACKAGES, refreshOn: PRINTED_EVENTS, keepAcrossViews: true }
  )
  const { refreshKey, refresh, view: filter, selection: selected, setSelection: setSelected } = list
  /** What an action covers: the selection if any, else everything the filter matches. */
  const scope: Filter = selected.size > 0 ? { ...filter, packageIds: [...selected.keys()] } : filter

  const [shownFilter, setShownFilter] = useState(filter)
  if (shownFilter !== filter) {
    setShownFilter(filter)
    setPage(1)
  }

  const requestKey = JSON.stringify([filter, page, refreshKey])
  const loading = shownKey !== requestKey
  useEffect(() => {
    let live = true
    client
      .call('printed.list', { filter, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE })
      .then((value) => {
        if (live) {
          setRows(value.rows)
          setTotal(value.total)
          setShownKey(requestKey)
        }
      })
      .catch((e: unknown) => {
        if (live) {
          setShownKey(requestKey)
          void message.error(t('app.error', { message: errorText(e) }))
        }
      })
    return () => {
      live = false
    }
  }, [client, filter, page, requestKey, message, t])

  const reprint = async (row: PrintedRowView, confirmed = false) => {
    if (target.printerId === null) {
      void message.error(t('printed.actions.noPrinter'))
      return
    }
    if (row.shipped && !confirmed) {
      // A shipped order's label is reprinted only as a deliberate, confirmed act (issue 10.2).
      modal.confirm({
        title: t('printed.actions.reprintShippedTitle', { tracking: row.trackingNumber }),
        content: t('printed.actions.reprintShippedBody'),
        okText: t('printed.actions.reprintShippedOk'),
        onOk: () => reprint(row, true)
      })
      return
    }
    try {
      await client.call('print.reprint', {
        trackingNumber: row.trackingNumber,
        carrier: row.carrier,
        printerId: target.printerId,
        template: target.template,
        maskPrivacy: target.maskPrivacy,
        shipped: row.shipped
      })
      void message.success(t('printed.actions.reprinted', { tracking: row.trackingNumber }))
      setTimeout(refresh, 800)
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    }
  }

  const voidRow = (row: PrintedRowView) => {
    modal.confirm({
      title: t('printed.actions.voidTitle', { tracking: row.trackingNumber }),
      content: t('printed.actions.voidBody'),
      okText: t('printed.actions.voidOk'),
      okButtonProps: { danger: true },
      onOk: async () => {
        try {
          await client.call('printed.void', {
            trackingNumber: row.trackingNumber,
            carrier: row.carrier
          })
          void message.success(t('printed.actions.voided', { tracking: row.trackingNumber }))
          setSelected((s) => {
            const next = new Map(s)
            next.delete(row.packageId)
            return next
          })
          refresh()
        } catch (e) {
          void message.error(t('app.error', { message: errorText(e) }))
        }
      }
    })
  }

  /** The selected orders, less those the packer held back at ship's confirmation. */
  const ship = async (holdBack: ReadonlySet<number> = new Set()) => {
    setShipCheck(null)
    const orderIds = [...new Set([...selected.values()].map((r) => r.orderId))].filter(
      (id) => !holdBack.has(id)
    )
    if (orderIds.length === 0) {
      return
    }
    setBusy('ship')
    try {
      const { outcomes } = await client.call('ship.orders', { orderIds })
      setShipOutcomes(outcomes)
      refresh()
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    } finally {
      setBusy(null)
    }
  }

  const packingSheet = async (kind: 'packing' | 'picking') => {
    setBusy(kind)
    try {
      const sheet = await client.call('printed.packingSheet', {
        filter: scope,
        kind,
        maskPrivacy: target.maskPrivacy
      })
      await client.download(sheet.fileId, sheet.name)
      void message.success(
        t(
          kind === 'picking'
            ? 'printed.actions.pickingListDone'
            : 'printed.actions.packingSheetDone',
          {
            rows: sheet.rows,
            pages: sheet.pages
          }
        )
      )
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    } finally {
      setBusy(null)
    }
  }

  const carrierName = (code: string) => carriers.find((c) => c.code === code)?.name ?? code
  const scopeText =
    selected.size > 0
      ? t('printed.scopeSelected', { count: selected.size })
      : t('printed.scopeFiltered', { count: total })

  return (
    <Flex vertical gap={12} style={{ flex: 1, minHeight: 0 }} data-testid="printed-page">
      <Flex wrap gap={8} align="center">
        <ListSearch list={list} placeholder={t('printed.search')} width={320} />
        <Select<string>
          allowClear
          style={{ width: 140 }}
          placeholder={t('printed.filters.carrier')}
          aria-label={t('printed.filters.carrier')}
          value={carrier}
          onChange={setCarrier}
          options={carriers.map((c) => ({ value: c.code, label: c.name }))}
        />
        <Select<string>
          allowClear
          style={{ width: 120 }}
          placeholder={t('printed.filters.shipped')}
          aria-label={t('printed.filters.shipped')}
          value={shipped === undefined ? undefined : String(shipped)}
          onChange={(v: string | undefined) => {
            setShipped(v === undefined ? undefined : v === 'true')
          }}
          options={[
            { value: 'true', label: t('printed.filters.shippedYes') },
            { value: 'false', label: t('printed.filters.shippedNo') }
          ]}
        />
        <Select<string>
          allowClear
          style={{ width: 120 }}
          placeholder={t('printed.filters.verified')}
          aria-label={t('printed.filters.verified')}
          value={verified === undefined ? undefined : String(verified)}
          onChange={(v: string | undefined) => {
            setVerified(v === undefined ? undefined : v === 'true')
          }}
          options={[
            { value: 'true', label: t('printed.filters.verifiedYes') },
            { value: 'false', label: t('printed.filters.verifiedNo') }
          ]}
        />
        <Checkbox
          checked={includeVoided}
          onChange={(e) => {
            setIncludeVoided(e.target.checked)
          }}
        >
          {t('printed.filters.includeVoided')}
        </Checkbox>
        <Typography.Text type="secondary" data-testid="printed-total">
          {t('printed.total', { count: total })}
        </Typography.Text>
      </Flex>
      <Flex wrap gap={8} align="center">
        <Button
          type="primary"
          icon={<SendOutlined />}
          disabled={selected.size === 0}
          loading={busy === 'ship'}
          onClick={askShip}
        >
          {t('printed.actions.shipSelected', { count: selected.size })}
        </Button>
        <Button
          icon={<ExportOutlined />}
          disabled={total === 0 && selected.size === 0}
          onClick={() => {
            setExporting(true)
          }}
        >
          {t('printed.actions.export')} {scopeText}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          disabled={total === 0 && selected.size === 0}
          loading={busy === 'packing'}
          onClick={() => void packingSheet('packing')}
        >
          {t('printed.actions.packingSheet')} {scopeText}
        </Button>
        <Button
          icon={<FilePdfOutlined />}
          disabled={total === 0 && selected.size === 0}
          loading={busy === 'picking'}
          onClick={() => void packingSheet('picking')}
        >
          {t('printed.actions.pickingList')} {scopeText}
        </Button>
        {selected.size > 0 ? (
          <>
            <Typography.Text strong>
              {t('printed.selected', { count: selected.size })}
            </Typography.Text>
            <Button
              type="link"
              size="small"
              onClick={() => {
                setSelected(new Map())
              }}
            >
              {t('printed.clearSelection')}
            </Button>
          </>
        ) : null}
      </Flex>
      <Table<PrintedRowView>
        size="small"
        rowKey="packageId"
        data-testid="printed-table"
        loading={loading}
        dataSource={[...rows]}
        locale={{ emptyText: t('printed.empty') }}
        scroll={{ y: 'calc(100vh - 330px)', x: 1160 }}
        onRow={(row) => ({ 'data-tracking': row.trackingNumber }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total,
          showSizeChanger: false,
          onChange: setPage
        }}
        rowSelection={{
          selectedRowKeys: [...selected.keys()],
          getCheckboxProps: (row) => ({
            disabled: row.printState === 'voided',
            'aria-label': row.trackingNumber
          }),
          onSelect: (row, checked) => {
            setSelected((s) => {
              const next = new Map(s)
              if (checked) {
                next.set(row.packageId, row)
              } else {
                next.delete(row.packageId)
              }
              return next
            })
          },
          onSelectAll: (checked, _rows, changed) => {
            setSelected((s) => {
              const next = new Map(s)
              for (const row of changed) {
                if (checked) {
                  next.set(row.packageId, row)
                } else {
                  next.delete(row.packageId)
                }
              }
              return next
            })
          }
        }}
        columns={[
          {
            key: 'order',
            title: t('printed.columns.platformOrderId'),
            dataIndex: 'platformOrderId',
            width: 150,
            fixed: 'left',
            render: (id: string, row) =>
              row.packageCount > 1 ? (
                <>
                  {id}
                  <div data-testid="package-of">
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('printed.packageOf', { index: row.packageIndex, count: row.packageCount })}
                    </Typography.Text>
                  </div>
                </>
              ) : (
                id
              )
          },
          {
            key: 'receiver',
            title: t('printed.columns.receiver'),
            width: 60,
            dataIndex: 'receiverName'
          },
          {
            key: 'phone',
            title: t('printed.columns.phone'),
            width: 110,
            dataIndex: 'receiverPhone'
          },
          {
            key: 'carrier',
            title: t('printed.columns.carrier'),
            width: 88,
            render: (_, r) => r.carrierName || carrierName(r.carrier)
          },
          {
            key: 'tracking',
            title: t('printed.columns.trackingNumber'),
            width: 150,
            render: (_, r) => (
              <Space size={4}>
                <Typography.Text
                  copyable={{ text: r.trackingNumber }}
                  delete={r.printState === 'voided'}
                  strong
                >
                  {r.trackingNumber}
                </Typography.Text>
                {r.printState === 'voided' ? <Tag>{t('printed.state.voided')}</Tag> : null}
              </Space>
            )
          },
          {
            key: 'printedAt',
            title: t('printed.columns.printedAt'),
            width: 128,
            render: (_, r) => (r.printedAt === null ? '' : formatTime(r.printedAt))
          },
          {
            key: 'count',
            title: t('printed.columns.printCount'),
            width: 78,
            align: 'center',
            dataIndex: 'printCount'
          },
          {
            key: 'verified',
            title: t('printed.columns.verified'),
            width: 76,
            render: (_, r) =>
              r.verified ? (
                <Tag color="green">{t('printed.state.verified')}</Tag>
              ) : (
                <Tag>{t('printed.state.unverified')}</Tag>
              )
          },
          {
            key: 'shipped',
            title: t('printed.columns.shipped'),
            width: 76,
            render: (_, r) => (
              <span data-testid="shipped-cell">
                {r.shipped ? (
                  <Tag color="blue">{t('printed.state.shipped')}</Tag>
                ) : (
                  <Tag>{t('printed.state.unshipped')}</Tag>
                )}
              </span>
            )
          },
          {
            key: 'sync',
            title: t('printed.columns.synced'),
            width: 76,
            render: (_, r) => t(`printed.sync.${r.syncState}`, { defaultValue: r.syncState })
          },
          {
            key: 'actions',
            title: t('printed.columns.actions'),
            width: 136,
            fixed: 'right',
            render: (_, r) =>
              r.printState === 'voided' ? null : (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<PrinterOutlined />}
                    onClick={() => void reprint(r)}
                    disabled={printers.length === 0}
                  >
                    {t('printed.actions.reprint')}
                  </Button>
                  <Button
                    type="link"
                    size="small"
                    danger
                    icon={<StopOutlined />}
                    disabled={r.shipped}
                    onClick={() => {
                      voidRow(r)
                    }}
                  >
                    {t('printed.actions.void')}
                  </Button>
                </Space>
              )
          }
        ]}
      />
      <ExportDialog
        open={exporting}
        filter={scope}
        scopeText={scopeText}
        onClose={() => {
          setExporting(false)
        }}
      />
      <ShipCheckDialog
        flags={shipCheck}
        orderCount={new Set([...selected.values()].map((r) => r.orderId)).size}
        onShipRest={() => void ship(new Set((shipCheck ?? []).map((f) => f.orderId)))}
        onShipAll={() => void ship()}
        onCancel={() => {
          setShipCheck(null)
        }}
      />
      <Modal
        open={shipOutcomes !== null}
        title={t('printed.actions.shipTitle')}
        width={760}
        onCancel={() => {
          setShipOutcomes(null)
        }}
        onOk={() => {
          setShipOutcomes(null)
          setSelected(new Map())
        }}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {shipOutcomes ? <ShipOutcomes outcomes={shipOutcomes} /> : null}
      </Modal>
    </Flex>
  )
}

function ShipOutcomes({ outcomes }: { readonly outcomes: readonly ShipOutcome[] }): ReactNode {
  const { t } = useTranslation()
  const count = (r: ShipOutcome['result']) => outcomes.filter((o) => o.result === r).length
  const colors: Record<ShipOutcome['result'], string> = {
    shipped: 'green',
    already_shipped: 'blue',
    not_printed: 'orange',
    not_found: 'red',
    refund: 'red',
    closed: 'red',
    demo: 'red'
  }
  return (
    <Flex vertical gap={8} data-testid="ship-outcomes">
      <Typography.Text strong>
        {t('printed.actions.shipSummary', {
          shipped: count('shipped'),
          already: count('already_shipped'),
          notPrinted: count('not_printed') + count('not_found'),
          refused: count('refund') + count('closed') + count('demo')
        })}
      </Typography.Text>
      <Table
        size="small"
        rowKey="orderId"
        // The reasons are long: the table scrolls inside the dialog instead of overflowing it.
        tableLayout="auto"
        scroll={{ x: 'max-content' }}
        pagination={outcomes.length > 10 ? { pageSize: 10, size: 'small' } : false}
        dataSource={[...outcomes]}
        columns={[
          { key: 'id', title: t('printed.columns.platformOrderId'), dataIndex: 'platformOrderId' },
          {
            key: 'tracking',
            title: t('printed.columns.trackingNumber'),
            render: (_, o) => o.trackingNumber ?? ''
          },
          {
            key: 'result',
            title: t('printed.columns.shipped'),
            render: (_, o) => (
              <Tag color={colors[o.result]} title={o.reason ?? undefined}>
                {t(`printed.actions.shipResult.${o.result}`)}
              </Tag>
            )
          }
        ]}
      />
    </Flex>
  )
}
