import { DeleteOutlined, PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Row,
  Space,
  type FormInstance
} from 'antd'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OrderDetail, OrderInput } from '../../../../shared/schemas/order'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'
import { showFieldErrors } from '../../lib/form-errors'
import { partyRules } from '../../lib/party-fields'
import { RegionPicker } from '../../lib/RegionPicker'

type ItemValues = { sku?: string; title?: string; quantity?: number; unitWeightG?: number }
type FieldName = NonNullable<Parameters<FormInstance<FormValues>['setFields']>[0][number]['name']>

type FormValues = {
  platformOrderId?: string
  receiverName?: string
  phone?: string
  region?: string[]
  detail?: string
  items?: ItemValues[]
  remark?: string
}

/** Where a server-side issue path lands in this form. */
function fieldFor(path: string): FieldName {
  const map: Readonly<Record<string, string>> = {
    'receiver.name': 'receiverName',
    'receiver.phone': 'phone',
    'receiver.province': 'region',
    'receiver.city': 'region',
    'receiver.district': 'region',
    'receiver.detail': 'detail'
  }
  const direct = map[path]
  if (direct) {
    return [direct] as FieldName
  }
  // Contract paths such as items.0.sku mirror this form's item fields one to one.
  return path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)) as FieldName
}

type Props = { readonly onSaved: (order: OrderDetail) => void; readonly onCancel: () => void }

export function OrderForm({ onSaved, onCancel }: Props): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [form] = Form.useForm<FormValues>()
  const [saving, setSaving] = useState(false)
  const v = (code: string) => t(`validation.${code}`)
  const rules = partyRules(v)

  const submit = async (values: FormValues) => {
    const [province = '', city = '', district = ''] = values.region ?? []
    const input: OrderInput = {
      ...(values.platformOrderId ? { platformOrderId: values.platformOrderId } : {}),
      receiver: {
        name: values.receiverName ?? '',
        phone: (values.phone ?? '').replace(/\s+/g, ''),
        province,
        city,
        district,
        detail: values.detail ?? ''
      },
      items: (values.items ?? []).map((item) => ({
        sku: item.sku ?? '',
        title: item.title ?? '',
        quantity: item.quantity ?? 0,
        unitWeightG: item.unitWeightG ?? 0
      })),
      remark: values.remark ?? ''
    }
    setSaving(true)
    try {
      const order = await client.call('orders.add', input)
      void message.success(t('form.saved', { id: order.platformOrderId }))
      form.resetFields()
      onSaved(order)
    } catch (error) {
      if (!showFieldErrors(form, error, fieldFor)) {
        void message.error(t('app.error', { message: errorWords(error) }))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      name="order"
      initialValues={{ items: [{ quantity: 1, unitWeightG: 0 }] }}
      onFinish={(values) => void submit(values)}
      requiredMark
    >
      <Divider titlePlacement="start" style={{ marginTop: 0 }}>
        {t('form.receiver')}
      </Divider>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="receiverName" label={t('form.receiverName')} rules={rules.name}>
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="phone"
            label={t('form.phone')}
            extra={t('form.phoneHint')}
            rules={rules.phone}
          >
            <Input autoComplete="off" inputMode="tel" />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="region" label={t('form.region')} rules={rules.region}>
        <RegionPicker placeholder={t('form.regionPlaceholder')} />
      </Form.Item>
      <Form.Item name="detail" label={t('form.detail')} rules={rules.detail}>
        <Input placeholder={t('form.detailPlaceholder')} autoComplete="off" />
      </Form.Item>
      <Divider titlePlacement="start">{t('form.items')}</Divider>
      <Form.List
        name="items"
        rules={[
          {
            validator: (_rule, items: ItemValues[] | undefined) =>
              !items || items.length === 0
                ? Promise.reject(new Error(v('items_required')))
                : Promise.resolve()
          }
        ]}
      >
        {(fields, { add, remove }, { errors }) => (
          <>
            {fields.map((field, index) => (
              <Row gutter={8} key={field.key} align="top" data-testid={`item-row-${String(index)}`}>
                <Col span={5}>
                  <Form.Item
                    name={[field.name, 'sku']}
                    label={index === 0 ? t('form.sku') : undefined}
                    rules={[{ required: true, whitespace: true, message: v('required') }]}
                  >
                    <Input aria-label={t('form.sku')} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={9}>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={index === 0 ? t('form.itemTitle') : undefined}
                    rules={[{ required: true, whitespace: true, message: v('required') }]}
                  >
                    <Input aria-label={t('form.itemTitle')} autoComplete="off" />
                  </Form.Item>
                </Col>
                <Col span={4}>
                  <Form.Item
                    name={[field.name, 'quantity']}
                    label={index === 0 ? t('form.quantity') : undefined}
                    rules={[
                      { required: true, message: v('required') },
                      { type: 'integer', min: 1, message: v('quantity_min') }
                    ]}
                  >
                    <InputNumber
                      aria-label={t('form.quantity')}
                      min={1}
                      precision={0}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col span={5}>
                  <Form.Item
                    name={[field.name, 'unitWeightG']}
                    label={index === 0 ? t('form.unitWeight') : undefined}
                    rules={[
                      { required: true, message: v('required') },
                      { type: 'integer', min: 0, message: v('not_negative') }
                    ]}
                  >
                    <InputNumber
                      aria-label={t('form.unitWeight')}
                      min={0}
                      precision={0}
                      style={{ width: '100%' }}
                    />
                  </Form.Item>
                </Col>
                <Col span={1} style={{ paddingTop: index === 0 ? 30 : 0 }}>
                  <Button
                    type="text"
                    aria-label={t('form.removeItem')}
                    icon={<DeleteOutlined />}
                    disabled={fields.length === 1}
                    onClick={() => {
                      remove(field.name)
                    }}
                  />
                </Col>
              </Row>
            ))}
            <Form.ErrorList errors={errors} />
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => {
                add({ quantity: 1, unitWeightG: 0 })
              }}
            >
              {t('form.addItem')}
            </Button>
          </>
        )}
      </Form.List>
      <Divider />
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item
            name="platformOrderId"
            label={t('form.platformOrderId')}
            extra={t('form.platformOrderIdHint')}
            rules={[
              { pattern: /^[A-Za-z0-9_-]*$/, message: v('order_id_chars') },
              { max: 64, message: v('too_long') }
            ]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item
            name="remark"
            label={t('form.remark')}
            rules={[{ max: 500, message: v('too_long') }]}
          >
            <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        </Col>
      </Row>
      <Space>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('form.submit')}
        </Button>
        <Button onClick={onCancel}>{t('form.cancel')}</Button>
      </Space>
    </Form>
  )
}
