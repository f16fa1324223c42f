import type { TestPrintResultView } from '../../../shared/api/printers'
import { stopReason } from '../../../shared/queue-stop-reasons'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { type PrintQueue, builtinTemplate, renderLabel } from '../printing'
import { NotAPrinterError, type PrinterStatus } from '../printing/status'
import { asksStatus, checkPrinterStatus } from '../printing/status-check'
import { testLabelData } from './label-source'
import { printerStation } from './print-service'

/**
 * The number on every test label. Not a pool's number and not a carrier's format, so a test
 * label can never pass for a waybill; the label also says 打印测试 / 测试页，不发货.
 */
export const TEST_TRACKING_NUMBER = 'TEST-000000'

const TEST_WRITE_TIMEOUT_MS = 10_000
const TEST_STATUS_TIMEOUT_MS = 2000

/**
 * One sample label straight to the printer over its link (issue 10 item 8): a test print is not
 * an order, so it records nothing and takes no number — no order, package, print record or pool
 * allocation — and never shows in 订单 or 已打印. Refused while the printer's queue has labels
 * (the link is theirs). Then the printer's status under its status policy: a printer that never
 * answered is found mute here as it would be in a batch.
 */
export async function testPrinter(
  ctx: CoreContext,
  printerId: number
): Promise<Result<TestPrintResultView>> {
  const found = printerStation(ctx, printerId)
  if (!found.ok) {
    return found
  }
  const { printer, connection, queue, policy } = found.value
  if (queue.snapshot().jobs.length > 0) {
    return fail('CONFLICT', `Printer "${printer.name}" is printing; test it when it is idle`, {
      reason: 'PRINTER_BUSY'
    })
  }
  const base = { printer: printer.name, trackingNumber: TEST_TRACKING_NUMBER }
  const failed = (
    reason: string,
    printerState: TestPrintResultView['printerState']
  ): Result<TestPrintResultView> =>
    ok({
      ...base,
      outcome: 'failed',
      cause: stopReason(reason, printerState, false) ?? 'other',
      printerState,
      reason,
      cannotReport: !asksStatus(connection, policy)
    })

  // Asked first too: a paper-out printer gets no label, and a web server at the address gets no
  // label bytes (it would answer them with an error and hang up).
  const before = await checkPrinterStatus(connection, policy, TEST_STATUS_TIMEOUT_MS)
  if (before.kind === 'status' && before.status.state !== 'ready') {
    return failed(describe(before.status), before.status.state)
  }
  if (before.kind === 'error') {
    return statusFailure(before.error)
  }
  const bitmap = renderLabel(
    builtinTemplate(printer.labelSize),
    testLabelData(TEST_TRACKING_NUMBER, ctx.now()),
    { dpi: printer.dpi }
  )
  try {
    await connection.send(connection.encode(bitmap), TEST_TRACKING_NUMBER, TEST_WRITE_TIMEOUT_MS)
  } catch (error) {
    // (A failed write drops its own link: see the transports.)
    return failed(`sending failed: ${errorText(error)}`, null)
  }
  if (connection.transport.writeIsDelivery) {
    return printedOk(queue, { ...base, outcome: 'printed', cannotReport: false })
  }
  const check = await checkPrinterStatus(connection, policy, TEST_STATUS_TIMEOUT_MS)
  switch (check.kind) {
    case 'not_asked':
    case 'mute':
      return printedOk(queue, { ...base, outcome: 'sent', cannotReport: true })
    case 'status':
      return check.status.state === 'ready'
        ? printedOk(queue, { ...base, outcome: 'printed', cannotReport: false })
        : failed(describe(check.status), check.status.state)
    case 'error':
      return statusFailure(check.error)
  }

  function statusFailure(error: unknown): Result<TestPrintResultView> {
    return error instanceof NotAPrinterError
      ? failed(error.message, 'not_a_printer')
      : failed(`printer did not answer a status query: ${errorText(error)}`, 'offline')
  }
}

/**
 * The test went through: an idle queue a fault had stopped goes again (the packer's retry),
 * unless the packer paused it or a label waits for their answer.
 */
function printedOk(
  queue: PrintQueue,
  result: Pick<TestPrintResultView, 'printer' | 'trackingNumber' | 'outcome' | 'cannotReport'>
): Result<TestPrintResultView> {
  const snap = queue.snapshot()
  if (
    snap.paused &&
    snap.jobs.length === 0 &&
    snap.unconfirmed === null &&
    snap.pauseReason !== 'paused by user'
  ) {
    queue.resume()
  }
  return ok({ ...result, cause: null, printerState: null, reason: null })
}

function describe(status: PrinterStatus): string {
  return `printer reports ${status.state}${status.conditions.length > 0 ? ` (${status.conditions.join(', ')})` : ''}`
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
