import { Alert } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { MethodOutput } from '../../../../shared/contract'

type Preview = MethodOutput<'import.preview'>

/**
 * Rows whose order imports with a change (a remark cut to its limit): the order is kept, and the
 * packer sees which row changed, in which column, and the limit.
 */
export function ImportWarnings(props: { readonly preview: Preview }): ReactNode {
  const { t, i18n } = useTranslation()
  const { warnings, warningsTotal } = props.preview
  if (warningsTotal === 0) {
    return null
  }
  const zh = i18n.language !== 'en-US'
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="import-warnings"
      title={t('import.preview.warningsTitle', { count: warningsTotal })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {warnings.slice(0, 20).map((w) => (
            <li key={`${w.source}:${String(w.row)}:${w.column}`}>
              {`${t('import.preview.warningRow', { row: w.row })} ${w.column === '' ? '' : `[${w.column}] `}${zh ? w.reasonZh : w.reason}`}
            </li>
          ))}
          {warningsTotal > 20 ? (
            <li>{t('import.preview.warningsMore', { more: warningsTotal - 20 })}</li>
          ) : null}
        </ul>
      }
    />
  )
}
