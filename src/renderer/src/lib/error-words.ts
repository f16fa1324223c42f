import { AppCallError, type FieldIssue } from '../../../shared/result'
import { i18next } from '../i18n'

/** The finer reason the core names in `details`, whichever key that part of the core uses. */
function reasonOf(details: AppCallError['details']): string | null {
  for (const key of ['reason', 'code', 'importCode'] as const) {
    const value = details?.[key]
    if (typeof value === 'string') {
      return value
    }
  }
  return null
}

/** Words for one validation issue code (`validation.<code>`, or a feature's own words for it). */
export function issueWords(code: string): string {
  for (const key of [`validation.${code}`, `settings.validation.${code}`]) {
    if (i18next.exists(key)) {
      return i18next.t(key)
    }
  }
  return i18next.t('errors.codes.VALIDATION')
}

// Field paths are internal names (receiver.phone), so a message names only what is wrong; a form
// puts each issue under its own field (form-errors.ts).
function issuesWords(issues: readonly FieldIssue[]): string {
  return [...new Set(issues.slice(0, 3).map((issue) => issueWords(issue.code)))].join('；')
}

/**
 * An error in the UI's language, from its code: main's message is English for the CLI and the
 * logs, so it is shown only where the core sent the words in both languages (`messageZh`).
 * `params` fills words that need what only the caller knows (a printer's name, say).
 */
export function errorWords(error: unknown, params: Record<string, unknown> = {}): string {
  if (!(error instanceof AppCallError)) {
    // A thrown Error here is the transport's (fetch failed) or a bug: no words of ours fit better.
    return i18next.t('errors.unexpected')
  }
  const { details } = error
  const zh = details?.['messageZh']
  if (typeof zh === 'string') {
    return i18next.language === 'zh-CN' ? zh : error.message
  }
  const reason = reasonOf(details)
  if (reason === 'pool_insufficient' && typeof details?.['needed'] === 'number') {
    return i18next.t('errors.reasons.pool_insufficient_counts', { ...details, ...params })
  }
  if (reason !== null && i18next.exists(`errors.reasons.${reason}`)) {
    return i18next.t(`errors.reasons.${reason}`, { ...details, ...params })
  }
  if (details?.issues && details.issues.length > 0) {
    return issuesWords(details.issues)
  }
  return i18next.t(`errors.codes.${error.code}`)
}
