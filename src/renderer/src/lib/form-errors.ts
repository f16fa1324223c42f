import type { FormInstance } from 'antd'
import type { NamePath } from 'antd/es/form/interface'
import { AppCallError } from '../../../shared/result'
import { issueWords } from './error-words'

/**
 * Puts main's validation issues (zod issues in `details.issues`) under the form's fields, in the
 * UI's language. `fieldOf` maps an issue's path (`receiver.phone`) to the form's field name, or
 * null when the form has no such field. Returns true when every issue found its field; otherwise
 * the caller shows the error as a message too, so no issue goes unseen.
 */
export function showFieldErrors<V>(
  form: FormInstance<V>,
  error: unknown,
  fieldOf: (path: string) => NamePath<V> | null
): boolean {
  const issues = error instanceof AppCallError ? (error.details?.issues ?? []) : []
  if (issues.length === 0) {
    return false
  }
  const placed = issues.flatMap((issue) => {
    const name = fieldOf(issue.path)
    return name === null ? [] : [{ name, errors: [issueWords(issue.code)] }]
  })
  form.setFields(placed)
  return placed.length === issues.length
}
