import { AutoComplete, App, Col, Form, Input, InputNumber, Modal, Radio, Row, Select } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import {
  LABEL_SIZES,
  NATIVE_MODES,
  PRINTER_LANGUAGES,
  STATUS_MODES,
  type PrinterView
} from '../../../../shared/api/printers'
import {
  PRINTER_URI_EXAMPLES,
  normalizePrinterUri,
  printerUriKind,
  printerUriProblem
} from '../../../../shared/printer-uri'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'
import { showFieldErrors } from '../../lib/form-errors'

type Values = {
  name?: string
  uri?: string
  language?: PrinterView['language']
  dpi?: 203 | 300
  labelSize?: PrinterView['labelSize']
  darkness?: number | null
  offsetXDots?: number | null
  offsetYDots?: number | null
  nativeMode?: (typeof NATIVE_MODES)[number]
  statusMode?: (typeof STATUS_MODES)[number]
}

const FIELDS = [
  'name',
  'uri',
  'language',
  'dpi',
  'labelSize',
  'darkness',
  'offsetXDots',
  'offsetYDots',
  'nativeMode',
  'statusMode'
]

type Props = {
  /** null = add a printer. */
  readonly printer: PrinterView | null
  readonly open: boolean
  readonly onSaved: (printer: PrinterView) => void
  readonly onClose: () => void
}

/** Add or edit a printer; every field is checked as it is typed and again by main. */
export function PrinterForm({ printer, open, onSaved, onClose }: Props): ReactNode {
  const { t, i18n } = useTranslation()
  const client = useClient()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const [saving, setSaving] = useState(false)
  const v = (code: string): string => {
    const key = i18n.exists(`settings.validation.${code}`)
      ? `settings.validation.${code}`
      : `validation.${code}`
    return t(key)
  }

  useEffect(() => {
    if (open) {
      form.resetFields()
      form.setFieldsValue(
        printer
          ? {
              ...printer,
              nativeMode: printer.nativeMode ?? 'off',
              statusMode: printer.statusMode ?? 'auto'
            }
          : {
              name: '',
              uri: '',
              language: 'tspl',
              dpi: 203,
              labelSize: '76x130',
              darkness: 8,
              offsetXDots: 0,
              offsetYDots: 0,
              nativeMode: 'off',
              statusMode: 'auto'
            }
      )
    }
  }, [open, printer, form])

  const submit = async (values: Values) => {
    const fields = {
      name: values.name ?? '',
      uri: (values.uri ?? '').trim(),
      language: values.language ?? 'tspl',
      dpi: values.dpi ?? 203,
      labelSize: values.labelSize ?? '76x130',
      darkness: values.darkness ?? 8,
      offsetXDots: values.offsetXDots ?? 0,
      offsetYDots: values.offsetYDots ?? 0,
      nativeMode: values.nativeMode ?? 'off',
      statusMode: values.statusMode ?? 'auto'
    }
    setSaving(true)
    try {
      const saved = printer
        ? await client.call('printers.update', { id: printer.id, ...fields })
        : await client.call('printers.add', fields)
      void message.success(t('settings.printers.saved', { name: saved.name }))
      onSaved(saved)
    } catch (error) {
      const fieldOf = (path: string) => (FIELDS.includes(path) ? (path as keyof Values) : null)
      if (!showFieldErrors(form, error, fieldOf)) {
        void message.error(t('app.error', { message: errorWords(error) }))
      }
    } finally {
      setSaving(false)
    }
  }

  return (
    <Modal
      open={open}
      title={printer ? t('settings.printers.edit') : t('settings.printers.add')}
      okText={t('settings.printers.form.save')}
      cancelText={t('settings.printers.form.cancel')}
      confirmLoading={saving}
      onOk={() => {
        form.submit()
      }}
      onCancel={onClose}
      destroyOnHidden
      width={620}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="printer"
        onFinish={(values) => void submit(values)}
        onValuesChange={(changed: Values) => {
          // The preview folder speaks PNG; a real printer never does.
          if (changed.uri !== undefined) {
            const preview = printerUriKind(changed.uri.trim()) === 'preview'
            const language = form.getFieldValue('language') as Values['language']
            if (preview && language !== 'png') {
              form.setFieldValue('language', 'png')
            } else if (!preview && language === 'png') {
              form.setFieldValue('language', 'tspl')
            }
          }
        }}
      >
        <Form.Item
          name="name"
          label={t('settings.printers.form.name')}
          rules={[
            { required: true, whitespace: true, message: v('required') },
            { max: 40, message: v('too_long') }
          ]}
        >
          <Input placeholder={t('settings.printers.form.namePlaceholder')} maxLength={40} />
        </Form.Item>
        <Form.Item
          name="uri"
          label={t('settings.printers.form.uri')}
          extra={t('settings.printers.form.uriHelp')}
          validateDebounce={300}
          rules={[
            { required: true, whitespace: true, message: v('required') },
            {
              validator: (_rule, value: string | undefined) => {
                // A bare IP (or IP:port) is the printer's raw TCP port; main stores it so.
                const problem = value ? printerUriProblem(normalizePrinterUri(value)) : null
                return problem ? Promise.reject(new Error(v(problem))) : Promise.resolve()
              }
            }
          ]}
        >
          <AutoComplete
            options={PRINTER_URI_EXAMPLES.map((example) => ({ value: example }))}
            showSearch={{
              filterOption: (input, option) =>
                option !== undefined &&
                option.value.startsWith(input.trim()) &&
                option.value !== input
            }}
            placeholder="tcp://192.168.1.50:9100"
          />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="language"
              label={t('settings.printers.form.language')}
              dependencies={['uri']}
              rules={[
                { required: true, message: v('required') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: string | undefined) => {
                    const uri = String(getFieldValue('uri') ?? '').trim()
                    const preview = printerUriKind(uri) === 'preview'
                    if (uri && preview && value !== 'png') {
                      return Promise.reject(new Error(v('language_preview_png')))
                    }
                    if (uri && !preview && value === 'png') {
                      return Promise.reject(new Error(v('language_png_preview')))
                    }
                    return Promise.resolve()
                  }
                })
              ]}
            >
              <Select
                options={PRINTER_LANGUAGES.map((language) => ({
                  value: language,
                  label: t(`settings.printers.languages.${language}`)
                }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="dpi" label={t('settings.printers.form.dpi')}>
              <Radio.Group
                optionType="button"
                options={[
                  { label: '203 dpi', value: 203 },
                  { label: '300 dpi', value: 300 }
                ]}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="labelSize" label={t('settings.printers.form.labelSize')}>
              <Select
                options={LABEL_SIZES.map((size) => ({
                  value: size,
                  label: t(`settings.printers.sizes.${size}`)
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="darkness"
              label={t('settings.printers.form.darkness')}
              rules={[{ type: 'integer', min: 0, max: 15, message: v('darkness_range') }]}
            >
              <InputNumber min={0} max={15} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="offsetXDots"
              label={t('settings.printers.form.offsetX')}
              rules={[{ type: 'integer', min: -400, max: 400, message: v('offset_range') }]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="offsetYDots"
              label={t('settings.printers.form.offsetY')}
              tooltip={t('settings.printers.form.offsetHelp')}
              rules={[{ type: 'integer', min: -400, max: 400, message: v('offset_range') }]}
            >
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item noStyle dependencies={['language']}>
          {({ getFieldValue }) =>
            getFieldValue('language') === 'tspl' || getFieldValue('language') === 'zpl' ? (
              <Form.Item
                name="nativeMode"
                label={t('settings.printers.form.nativeMode')}
                tooltip={t('settings.printers.form.nativeModeHelp')}
              >
                <Radio.Group
                  optionType="button"
                  options={NATIVE_MODES.map((mode) => ({
                    value: mode,
                    label: t(`settings.printers.nativeModes.${mode}`)
                  }))}
                />
              </Form.Item>
            ) : null
          }
        </Form.Item>
        <Form.Item noStyle dependencies={['uri']}>
          {({ getFieldValue }) =>
            printerUriKind(normalizePrinterUri(String(getFieldValue('uri') ?? ''))) ===
            'preview' ? null : (
              <Form.Item
                name="statusMode"
                label={t('settings.printers.form.statusMode')}
                extra={t('settings.printers.form.statusModeHelp')}
              >
                <Radio.Group
                  optionType="button"
                  options={STATUS_MODES.map((mode) => ({
                    value: mode,
                    label: t(`settings.printers.statusModes.${mode}`)
                  }))}
                />
              </Form.Item>
            )
          }
        </Form.Item>
      </Form>
    </Modal>
  )
}
