import { Card, Checkbox, Empty, Segmented, Select, Space, Spin, Typography } from 'antd'
import { useEffect, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { TEMPLATE_IDS } from '../../../../shared/api/printers'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

type TemplateId = (typeof TEMPLATE_IDS)[number]
type Preview = MethodOutput<'labels.preview'>

/** Any built-in template rendered with sample data exactly as a printer would get it. */
export function LabelPreview({ initialTemplate }: { initialTemplate?: TemplateId }): ReactNode {
  const { t } = useTranslation()
  const client = useClient()
  const [templateId, setTemplateId] = useState<TemplateId>(initialTemplate ?? '76x130')
  const [dpi, setDpi] = useState<203 | 300>(203)
  const [maskPrivacy, setMaskPrivacy] = useState(true)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [error, setError] = useState<string | null>(null)
  // The request the shown image (or error) answers; a different current one means loading.
  const [answered, setAnswered] = useState('')
  const request = `${templateId}/${String(dpi)}/${String(maskPrivacy)}`
  const loading = answered !== request

  useEffect(() => {
    let live = true
    client
      .call('labels.preview', { templateId, dpi, maskPrivacy })
      .then((value) => {
        if (live) {
          setPreview(value)
          setError(null)
          setAnswered(`${templateId}/${String(dpi)}/${String(maskPrivacy)}`)
        }
      })
      .catch((e: unknown) => {
        if (live) {
          setError(errorWords(e))
          setAnswered(`${templateId}/${String(dpi)}/${String(maskPrivacy)}`)
        }
      })
    return () => {
      live = false
    }
  }, [client, templateId, dpi, maskPrivacy])

  const sizeName = t(`settings.printers.sizes.${templateId}`)
  return (
    <Card size="small" title={t('settings.preview.title')} data-testid="label-preview">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Select<TemplateId>
            aria-label={t('settings.preview.template')}
            value={templateId}
            onChange={setTemplateId}
            style={{ width: 170 }}
            options={TEMPLATE_IDS.map((id) => ({
              value: id,
              label: t(`settings.printers.sizes.${id}`)
            }))}
          />
          <Segmented<203 | 300>
            aria-label={t('settings.preview.dpi')}
            value={dpi}
            onChange={setDpi}
            options={[
              { label: '203 dpi', value: 203 },
              { label: '300 dpi', value: 300 }
            ]}
          />
        </Space>
        <Checkbox
          checked={maskPrivacy}
          onChange={(e) => {
            setMaskPrivacy(e.target.checked)
          }}
        >
          {t('settings.preview.mask')}
        </Checkbox>
        <Spin spinning={loading}>
          {error !== null ? (
            <Empty description={t('settings.preview.failed', { message: error })} />
          ) : preview ? (
            <div style={{ textAlign: 'center' }}>
              <img
                src={preview.dataUrl}
                alt={t('settings.preview.alt', { template: sizeName, dpi: preview.dpi })}
                style={{
                  width: '100%',
                  maxWidth: 320,
                  border: '1px solid #d9d9d9',
                  boxShadow: '0 1px 4px rgba(0,0,0,.12)',
                  background: '#fff'
                }}
              />
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                {t('settings.preview.size', { width: preview.width, height: preview.height })}
              </Typography.Text>
            </div>
          ) : (
            <div style={{ height: 200 }} />
          )}
        </Spin>
      </Space>
    </Card>
  )
}
