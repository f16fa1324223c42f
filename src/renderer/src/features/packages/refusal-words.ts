import { ruleWords } from '../../../../shared/rule-words'
import type { RuleId } from '../../../../shared/rules'
import { i18next, isLanguage } from '../../i18n'

/**
 * A platform rule's refusal in the UI's language: the words come from the rule id and its facts
 * (shared with the CLI), told on the station's clock.
 */
export function refusalWords(
  refusal: { readonly rule: RuleId; readonly params: Readonly<Record<string, string | number>> },
  timeZone: string
): string {
  const lang = isLanguage(i18next.language) ? i18next.language : 'zh-CN'
  return ruleWords(refusal.rule, { timeZone, ...refusal.params }, lang)
}
