import type { PrinterConnection } from './printer'
import type { PrinterStatus } from './status'
import { TransportError } from './transports'

/**
 * Whether the station asks a printer for its status (issue 9 item 2). `auto`: ask, unless the
 * printer turned out to be mute; `off`: never ask (labels count as sent once the link took them).
 */
export type StatusMode = 'auto' | 'off'

/**
 * What the station learned about a printer's replies, kept per printer across runs:
 * `answered` once any status query got an answer; `mute` when the first query of a printer that
 * never answered timed out (a print server, network adapter or USB bridge that passes bytes one
 * way). Only a printer that never answered can be mute: one that answered and then goes silent
 * is faulty (switched off mid-batch, a jammed head), and that stops printing.
 */
export type StatusReplies = 'unknown' | 'answered' | 'mute'

/**
 * One per printer, shared by its queue, its status light and its test print, so what one of
 * them learns the others go by.
 */
export type StatusPolicy = {
  readonly mode: StatusMode
  /** Updated in place by checkPrinterStatus. */
  replies: StatusReplies
  /** Told when `replies` changes, so the caller can persist it. */
  readonly onLearned?: (replies: StatusReplies) => void
}

export type StatusCheck =
  | { readonly kind: 'status'; readonly status: PrinterStatus }
  /** Not asked: a one-way link, status `off`, or a printer known to be mute. */
  | { readonly kind: 'not_asked' }
  /** This query found the printer mute: it timed out and the printer never answered before. */
  | { readonly kind: 'mute' }
  /** No usable answer from a printer expected to give one (or not a printer at all). */
  | { readonly kind: 'error'; readonly error: unknown }

/** Records what was learned (persisted through onLearned when it changed). */
export function learnReplies(policy: StatusPolicy, replies: StatusReplies): void {
  if (replies !== policy.replies) {
    policy.replies = replies
    policy.onLearned?.(replies)
  }
}

/** Whether a status query will be sent at all. */
export function asksStatus(printer: PrinterConnection, policy: StatusPolicy): boolean {
  return printer.canQueryStatus && policy.mode === 'auto' && policy.replies !== 'mute'
}

/**
 * Asks the printer's status under the policy, updating what the policy knows. Only
 * a timeout counts towards mute: a refused or broken connection means the printer is not there,
 * and a foreign reply means something else is (NotAPrinterError), both errors as before.
 */
export async function checkPrinterStatus(
  printer: PrinterConnection,
  policy: StatusPolicy,
  timeoutMs: number
): Promise<StatusCheck> {
  if (!asksStatus(printer, policy)) {
    return { kind: 'not_asked' }
  }
  const learn = (replies: StatusReplies): void => {
    learnReplies(policy, replies)
  }
  try {
    const status = await printer.status(timeoutMs)
    learn('answered')
    return { kind: 'status', status }
  } catch (error) {
    if (
      policy.replies === 'unknown' &&
      error instanceof TransportError &&
      error.code === 'TIMEOUT'
    ) {
      learn('mute')
      return { kind: 'mute' }
    }
    return { kind: 'error', error }
  }
}
