import { PlusOutlined, UploadOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography
} from 'antd'
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type HTMLAttributes,
  type ReactNode
} from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'
import { formatTime } from '../orders/OrderTable'
import { CarrierLimitsCard } from './CarrierLimitsCard'

type Carriers = MethodOutput<'carriers.list'>
type Pool = MethodOutput<'pools.list'>['pools'][number]
type Added = MethodOutput<'pools.addRange'>

type RangeValues = { carrier: string; start: string; count: number; label?: string }

const errorText = errorWords

/** Settings → 快递公司: carriers with platform codes and balance, pools, add a range / import a list. */
export function CarriersTab(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [data, setData] = useState<Carriers | null>(null)
  const [pools, setPools] = useState<readonly Pool[]>([])
  const [threshold, setThreshold] = useState<number | null>(null)
  const [busy, setBusy] = useState(false)
  const [warning, setWarning] = useState<string | null>(null)
  const [form] = Form.useForm<RangeValues>()
  const [listCarrier, setListCarrier] = useState<string | undefined>()
  const fileRef = useRef<HTMLInputElement>(null)
  const rangeCarrier = Form.useWatch('carrier', form)

  const [loadKey, setLoadKey] = useState(0)
  /** Reloads carriers (balances) and pools; resolves at once, the tables follow. */
  const load = useCallback(() => {
    setLoadKey((k) => k + 1)
    return Promise.resolve()
  }, [])

  useEffect(() => {
    let live = true
    Promise.all([client.call('carriers.list', {}), client.call('pools.list', {})])
      .then(([c, p]) => {
        if (live) {
          setData(c)
          setThreshold(c.lowBalanceThreshold)
          setPools(p.pools)
        }
      })
      .catch((e: unknown) => {
        void message.error(t('app.error', { message: errorText(e) }))
      })
    return () => {
      live = false
    }
  }, [client, message, t, loadKey])

  const carrierName = (code: string) => data?.carriers.find((c) => c.code === code)?.name ?? code
  const sampleOf = (code: string | undefined) =>
    data?.carriers.find((c) => c.code === code)?.sample ?? ''

  const report = (carrier: string, added: Added) => {
    void message.success(t('carriers.added', { count: added.added }))
    setWarning(
      added.formatWarnings > 0
        ? t('carriers.formatWarnings', {
            count: added.formatWarnings,
            carrier: carrierName(carrier),
            sample: added.sampleMismatch ?? sampleOf(carrier)
          })
        : null
    )
  }

  const addRange = async (values: RangeValues) => {
    setBusy(true)
    try {
      const added = await client.call('pools.addRange', {
        carrier: values.carrier,
        start: values.start,
        count: values.count,
        label: values.label ?? ''
      })
      report(values.carrier, added)
      form.resetFields(['start', 'count', 'label'])
      await load()
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    } finally {
      setBusy(false)
    }
  }

  const importList = async (file: File) => {
    if (listCarrier === undefined) {
      return
    }
    setBusy(true)
    try {
      const text = await file.text()
      if (text.trim() === '') {
        void message.warning(t('carriers.addList.empty'))
        return
      }
      const added = await client.call('pools.addList', {
        carrier: listCarrier,
        text,
        label: file.name.slice(0, 60)
      })
      report(listCarrier, added)
      await load()
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    } finally {
      setBusy(false)
      if (fileRef.current) {
        fileRef.current.value = ''
      }
    }
  }

  const saveThreshold = async (value: number) => {
    try {
      await client.call('settings.set', { key: 'pools.lowBalance', value: String(value) })
      void message.success(t('carriers.thresholdSaved', { count: value }))
      await load()
    } catch (e) {
      void message.error(t('app.error', { message: errorText(e) }))
    }
  }

  const carrierOptions = (data?.carriers ?? []).map((c) => ({
    value: c.code,
    label: `${c.name}（${c.code}）`
  }))

  return (
    <Flex vertical gap={16} data-testid="carriers-tab">
      <Typography.Text type="secondary">{t('carriers.intro')}</Typography.Text>
      <Card
        size="small"
        title={t('carriers.title')}
        extra={
          <Space>
            <Typography.Text>{t('carriers.threshold')}</Typography.Text>
            <InputNumber<number>
              min={0}
              max={1_000_000}
              value={threshold}
              aria-label={t('carriers.threshold')}
              onChange={setThreshold}
              onBlur={() => {
                if (threshold !== null && threshold !== data?.lowBalanceThreshold) {
                  void saveThreshold(threshold)
                }
              }}
              onPressEnter={() => {
                if (threshold !== null) {
                  void saveThreshold(threshold)
                }
              }}
              style={{ width: 110 }}
            />
          </Space>
        }
      >
        <Table
          size="small"
          rowKey="code"
          pagination={false}
          data-testid="carriers-table"
          dataSource={data?.carriers ?? []}
          onRow={(row) => ({ 'data-carrier': row.code }) as HTMLAttributes<HTMLElement>}
          columns={[
            { key: 'name', title: t('carriers.columns.name'), dataIndex: 'name' },
            { key: 'code', title: t('carriers.columns.code'), dataIndex: 'code' },
            {
              key: 'ks',
              title: t('carriers.columns.kuaishou'),
              dataIndex: 'kuaishouExpressCode'
            },
            {
              key: 'tb',
              title: t('carriers.columns.taobao'),
              render: (_, c) => c.taobaoCode ?? '—'
            },
            {
              key: 'sample',
              title: t('carriers.columns.sample'),
              render: (_, c) => <Typography.Text code>{c.sample}</Typography.Text>
            },
            {
              key: 'balance',
              title: t('carriers.columns.balance'),
              align: 'right',
              render: (_, c) => (
                <Space>
                  <Typography.Text strong data-testid="carrier-balance">
                    {c.available}
                  </Typography.Text>
                  {c.lowBalance ? (
                    <Tag color="red">{t('carriers.low')}</Tag>
                  ) : (
                    <Tag color="green">{t('carriers.ok')}</Tag>
                  )}
                </Space>
              )
            }
          ]}
        />
      </Card>
      <Flex gap={16} wrap align="stretch">
        <Card size="small" title={t('carriers.addRange.title')} style={{ flex: '1 1 480px' }}>
          <Form<RangeValues>
            form={form}
            layout="vertical"
            onFinish={(v) => void addRange(v)}
            initialValues={{ count: 1000 }}
          >
            <Flex gap={12} wrap>
              <Form.Item
                name="carrier"
                label={t('carriers.addRange.carrier')}
                rules={[{ required: true, message: t('validation.required') }]}
                style={{ width: 200 }}
              >
                <Select options={carrierOptions} aria-label={t('carriers.addRange.carrier')} />
              </Form.Item>
              <Form.Item
                name="start"
                label={t('carriers.addRange.start')}
                rules={[{ required: true, message: t('validation.required') }]}
                style={{ width: 220 }}
                extra={
                  rangeCarrier
                    ? t('carriers.addRange.startHint', { sample: sampleOf(rangeCarrier) })
                    : undefined
                }
              >
                <Input aria-label={t('carriers.addRange.start')} />
              </Form.Item>
              <Form.Item
                name="count"
                label={t('carriers.addRange.count')}
                rules={[{ required: true, message: t('validation.required') }]}
                style={{ width: 130 }}
              >
                <InputNumber<number>
                  min={1}
                  max={1_000_000}
                  style={{ width: '100%' }}
                  aria-label={t('carriers.addRange.count')}
                />
              </Form.Item>
              <Form.Item name="label" label={t('carriers.addRange.label')} style={{ width: 160 }}>
                <Input aria-label={t('carriers.addRange.label')} maxLength={60} />
              </Form.Item>
            </Flex>
            <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={busy}>
              {t('carriers.addRange.submit')}
            </Button>
          </Form>
        </Card>
        <Card size="small" title={t('carriers.addList.title')} style={{ flex: '1 1 320px' }}>
          <Flex vertical gap={12}>
            <Select
              placeholder={t('carriers.addRange.carrier')}
              aria-label={t('carriers.addList.title')}
              options={carrierOptions}
              value={listCarrier}
              onChange={setListCarrier}
              style={{ width: 220 }}
            />
            <Typography.Text type="secondary">{t('carriers.addList.hint')}</Typography.Text>
            <input
              ref={fileRef}
              type="file"
              accept=".txt,.csv,text/plain"
              style={{ display: 'none' }}
              data-testid="pool-list-file"
              onChange={(e) => {
                const file = e.target.files?.[0]
                if (file) {
                  void importList(file)
                }
              }}
            />
            <Button
              icon={<UploadOutlined />}
              disabled={listCarrier === undefined}
              loading={busy}
              onClick={() => fileRef.current?.click()}
            >
              {t('carriers.addList.choose')}
            </Button>
          </Flex>
        </Card>
      </Flex>
      {warning ? (
        <Alert
          type="warning"
          showIcon
          closable={{
            onClose: () => {
              setWarning(null)
            }
          }}
          title={warning}
        />
      ) : null}
      <Card size="small" title={t('carriers.pools')}>
        <Table
          size="small"
          rowKey="id"
          data-testid="pools-table"
          dataSource={[...pools]}
          locale={{ emptyText: t('carriers.noPools') }}
          pagination={pools.length > 10 ? { pageSize: 10 } : false}
          columns={[
            {
              key: 'carrier',
              title: t('carriers.columns.name'),
              render: (_, p) => carrierName(p.carrier)
            },
            {
              key: 'kind',
              title: t('carriers.columns.kind'),
              render: (_, p) => <Tag>{t(`carriers.kind.${p.kind}`)}</Tag>
            },
            {
              key: 'label',
              title: t('carriers.columns.pool'),
              ellipsis: true,
              render: (_, p) => (
                <>
                  {p.demo ? (
                    <Tag color="orange" title={t('carriers.demoHint')}>
                      {t('carriers.demo')}
                    </Tag>
                  ) : null}
                  {p.label}
                </>
              )
            },
            {
              key: 'total',
              title: t('carriers.columns.total'),
              dataIndex: 'total',
              align: 'right'
            },
            {
              key: 'available',
              title: t('carriers.columns.available'),
              dataIndex: 'available',
              align: 'right'
            },
            {
              key: 'allocated',
              title: t('carriers.columns.allocated'),
              dataIndex: 'allocated',
              align: 'right'
            },
            {
              key: 'voided',
              title: t('carriers.columns.voided'),
              dataIndex: 'voided',
              align: 'right'
            },
            {
              key: 'createdAt',
              title: t('carriers.columns.createdAt'),
              render: (_, p) => formatTime(p.createdAt)
            }
          ]}
        />
      </Card>
      <CarrierLimitsCard />
    </Flex>
  )
}
