import type { RuleId } from '../../../shared/rules'

/** What the words of a refusal need (a deadline, a maximum, a count); plain data so it crosses the contract. */
export type RuleParams = Readonly<Record<string, string | number>>

/** A platform rule said no, with the facts that explain why. */
export type Refusal = { readonly rule: RuleId; readonly params: RuleParams }

/** A rule check's answer: allowed, or refused by exactly one rule (the first that applies). */
export type RuleResult = { readonly ok: true } | { readonly ok: false; readonly refusal: Refusal }

export const ALLOWED: RuleResult = Object.freeze({ ok: true as const })

export function refuse(rule: RuleId, params: RuleParams = {}): RuleResult {
  return { ok: false, refusal: { rule, params } }
}
