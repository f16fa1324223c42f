import { access, constants } from 'node:fs/promises'
import type { PrinterStatusView } from '../../../shared/api/printers'
import { relativePreviewDir } from '../../../shared/printer-uri'
import { ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import type { PrinterRow } from '../db/printers-repo'
import { parsePrinterUri } from '../printing'
import { NotAPrinterError } from '../printing/status'
import { asksStatus, learnReplies } from '../printing/status-check'
import { printerStation } from './print-service'

/**
 * The status light of Settings → 打印机: asks an idle printer how it is, on the same serialized
 * link its queue prints through, and guesses for links that cannot answer.
 */

const STATUS_TIMEOUT_MS = 1500

export async function printerStatus(
  ctx: CoreContext,
  printerId: number
): Promise<Result<PrinterStatusView>> {
  const found = printerStation(ctx, printerId)
  if (!found.ok) {
    return found
  }
  const st = found.value
  const snap = st.queue.snapshot()
  const asks = asksStatus(st.connection, st.policy)
  const base = {
    id: printerId,
    canQuery: asks,
    paused: snap.paused,
    pauseReason: snap.pauseReason,
    checkedAt: ctx.now()
  }
  if (!snap.paused && snap.jobs.length > 0) {
    // Mid-job the queue asks between labels; a second query would only slow it down.
    return ok({ ...base, state: snap.printerState ?? 'ready', conditions: [], busy: true })
  }
  if (!asks) {
    // One-way links, and printers that never answer or whose status is off: a best guess.
    return ok({ ...base, state: await oneWayState(st.printer), conditions: [], busy: false })
  }
  try {
    const status = await withTimeout(
      st.connection.status(STATUS_TIMEOUT_MS),
      STATUS_TIMEOUT_MS + 1500
    )
    // An answer is an answer, whoever asked: from now on this printer's silence is a fault.
    // Silence here teaches nothing (the light is not a print; printing decides about mute).
    learnReplies(st.policy, 'answered')
    return ok({ ...base, state: status.state, conditions: [...status.conditions], busy: false })
  } catch (error) {
    // (The link was already dropped inside the serialized call; see serialized().)
    const state = error instanceof NotAPrinterError ? 'not_a_printer' : 'offline'
    return ok({ ...base, state, conditions: [errorText(error)], busy: false })
  }
}

/** Links that cannot answer: the preview folder is ready if writable; a device file if present. */
async function oneWayState(printer: PrinterRow): Promise<PrinterStatusView['state']> {
  const kind = parseKind(printer.uri)
  if (kind === 'preview') {
    return 'ready'
  }
  if (kind === 'file') {
    try {
      const parsed = parsePrinterUri(printer.uri)
      await access(parsed.kind === 'file' ? parsed.path : '', constants.W_OK)
      return 'ready'
    } catch {
      return 'offline'
    }
  }
  return 'unknown'
}

function parseKind(uri: string): string | null {
  if (relativePreviewDir(uri) !== null) {
    return 'preview'
  }
  try {
    return parsePrinterUri(uri).kind
  } catch {
    return null
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolveValue, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`no answer in ${String(ms)} ms`))
    }, ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolveValue(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      }
    )
  })
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
