import type { TFunction } from 'i18next'
import { AppCallError } from '../../../../shared/result'
import { errorWords } from '../../lib/error-words'

/**
 * Words for the queue's refusals, in the UI's language (a package already waiting to print, a
 * printer that still has labels); anything else in words from its code (lib/error-words).
 */
export function queueErrorText(error: unknown, t: TFunction, name = ''): string {
  if (error instanceof AppCallError) {
    const reason = error.details?.['reason']
    if (reason === 'ALREADY_QUEUED') {
      return t('queue.errors.ALREADY_QUEUED')
    }
    if (reason === 'PRINTER_HAS_JOBS') {
      const waiting = error.details?.['waiting']
      return t('queue.errors.PRINTER_HAS_JOBS', {
        name,
        count: typeof waiting === 'number' ? waiting : 0
      })
    }
  }
  return errorWords(error)
}
