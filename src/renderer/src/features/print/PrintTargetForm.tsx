import { Checkbox, Flex, Form, Select, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CarrierInfo, PrintTarget, PrinterInfo, TemplateId } from './use-print-target'

const TEMPLATES: readonly TemplateId[] = ['76x130', '100x150', '100x180']

/** Carrier (with its pool balance), template, printer and privacy: the same bar for batch and scan. */
export function PrintTargetForm(props: {
  readonly carriers: readonly CarrierInfo[]
  readonly printers: readonly PrinterInfo[]
  readonly value: PrintTarget
  readonly onChange: (next: PrintTarget) => void
  readonly layout?: 'vertical' | 'inline'
  readonly disabled?: boolean
}): ReactNode {
  const { t } = useTranslation()
  const { carriers, printers, value, onChange } = props
  const inline = props.layout === 'inline'
  return (
    <Form
      layout={inline ? 'inline' : 'vertical'}
      disabled={props.disabled === true}
      style={inline ? { rowGap: 8 } : undefined}
      component="div"
    >
      <Form.Item
        label={t('print.setup.carrier')}
        required
        style={{ minWidth: 260 }}
        extra={
          carriers.find((c) => c.code === value.carrier)?.demo === true ? (
            <Typography.Text type="warning" data-testid="demo-pool-help">
              {t('print.setup.demoPoolHelp')}
            </Typography.Text>
          ) : undefined
        }
      >
        <Select<string>
          aria-label={t('print.setup.carrier')}
          placeholder={t('print.setup.carrierPlaceholder')}
          value={value.carrier ?? undefined}
          showSearch={{ optionFilterProp: 'search' }}
          onChange={(carrier) => {
            onChange({ ...value, carrier })
          }}
          options={carriers.map((c) => ({
            value: c.code,
            search: `${c.name} ${c.code}`,
            label: (
              <Flex justify="space-between" gap={8}>
                <span>
                  {c.name}
                  {c.demo ? (
                    <Tag
                      color="orange"
                      style={{ marginInlineStart: 6 }}
                      data-testid="demo-pool-tag"
                    >
                      {t('print.setup.demoPool')}
                    </Tag>
                  ) : null}
                </span>
                <Typography.Text type={c.lowBalance ? 'danger' : 'secondary'}>
                  {t('print.setup.balance', { count: c.available })}
                </Typography.Text>
              </Flex>
            )
          }))}
        />
      </Form.Item>
      <Form.Item label={t('print.setup.template')} style={{ minWidth: 180 }}>
        <Select<TemplateId>
          aria-label={t('print.setup.template')}
          value={value.template}
          onChange={(template) => {
            onChange({ ...value, template })
          }}
          options={TEMPLATES.map((id) => ({ value: id, label: t(`print.templates.${id}`) }))}
        />
      </Form.Item>
      <Form.Item
        label={t('print.setup.printer')}
        required
        style={{ minWidth: 240 }}
        help={printers.length === 0 ? t('print.setup.noPrinter') : undefined}
      >
        <Select<number>
          aria-label={t('print.setup.printer')}
          placeholder={t('print.setup.printerPlaceholder')}
          value={value.printerId ?? undefined}
          onChange={(printerId) => {
            onChange({ ...value, printerId })
          }}
          options={printers.map((p) => ({
            value: p.id,
            label: (
              <span>
                {p.name}{' '}
                {p.isDefault ? <Tag color="blue">{t('print.setup.defaultPrinter')}</Tag> : null}
              </span>
            )
          }))}
        />
      </Form.Item>
      <Form.Item>
        <Checkbox
          checked={value.maskPrivacy}
          onChange={(e) => {
            onChange({ ...value, maskPrivacy: e.target.checked })
          }}
        >
          {t('print.setup.mask')}
        </Checkbox>
      </Form.Item>
    </Form>
  )
}
