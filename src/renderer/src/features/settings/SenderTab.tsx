import { Alert, App, Button, Card, Col, Form, Input, Row, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'
import { showFieldErrors } from '../../lib/form-errors'
import { partyRules } from '../../lib/party-fields'
import { RegionPicker } from '../../lib/RegionPicker'

type Values = { name?: string; phone?: string; region?: string[]; detail?: string }

const FIELD_OF: Readonly<Record<string, keyof Values>> = {
  'sender.name': 'name',
  'sender.phone': 'phone',
  'sender.province': 'region',
  'sender.city': 'region',
  'sender.district': 'region',
  'sender.detail': 'detail'
}

/** Settings → 寄件人: the return address every label prints in its sender block. */
export function SenderTab(): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [loaded, setLoaded] = useState(false)
  const [isSet, setIsSet] = useState(false)
  const [saving, setSaving] = useState(false)
  const v = (code: string) => t(`validation.${code}`)
  const rules = partyRules(v)

  useEffect(() => {
    let live = true
    void client.call('sender.get', {}).then(({ sender }) => {
      if (!live) {
        return
      }
      if (sender) {
        form.setFieldsValue({
          name: sender.name,
          phone: sender.phone,
          region: [sender.province, sender.city, sender.district],
          detail: sender.detail
        })
      }
      setIsSet(sender !== null)
      setLoaded(true)
    })
    return () => {
      live = false
    }
  }, [client, form])

  const save = async (values: Values) => {
    const [province = '', city = '', district = ''] = values.region ?? []
    setSaving(true)
    try {
      await client.call('sender.set', {
        sender: {
          name: values.name ?? '',
          phone: (values.phone ?? '').replace(/\s+/g, ''),
          province,
          city,
          district,
          detail: values.detail ?? ''
        }
      })
      setIsSet(true)
      void message.success(t('sender.saved'))
    } catch (error) {
      if (!showFieldErrors(form, error, (path) => FIELD_OF[path] ?? null)) {
        void message.error(t('sender.failed', { message: errorWords(error) }))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Card title={t('sender.title')} style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">{t('sender.description')}</Typography.Paragraph>
      {loaded && !isSet ? (
        <Alert type="info" showIcon title={t('sender.notSet')} style={{ marginBottom: 16 }} />
      ) : null}
      <Form<Values> form={form} layout="vertical" onFinish={(values) => void save(values)}>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('sender.name')} rules={rules.name}>
              <Input autoComplete="off" />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="phone" label={t('sender.phone')} rules={rules.phone}>
              <Input autoComplete="off" inputMode="tel" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="region" label={t('sender.region')} rules={rules.region}>
          <RegionPicker />
        </Form.Item>
        <Form.Item name="detail" label={t('sender.detail')} rules={rules.detail}>
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={saving}>
          {t('sender.save')}
        </Button>
      </Form>
    </Card>
  )
}
