/**
 * Why a printer's queue stopped, as a code the UI puts in words (连接被拒绝 / 无响应 / 缺纸 / 开盖 …).
 * `refused`: nothing listens at the address (printer off, wrong port); `no_response`: no answer
 * in time; `unreachable`: no route to the address; `connection_lost`: the link broke mid-label;
 * then the printer's own faults; `not_a_printer`: something answered, but not with a label
 * printer's status reply (a web server's HTTP error line); `unconfirmed`: a label went out whole before a fault and the
 * packer must say whether it came out; `paused`: the packer's Pause.
 */
export const QUEUE_STOP_REASONS = [
  'refused',
  'no_response',
  'unreachable',
  'connection_lost',
  'offline',
  'paper_out',
  'cover_open',
  'head_hot',
  'not_a_printer',
  'unconfirmed',
  'paused',
  'other'
] as const
export type QueueStopReason = (typeof QUEUE_STOP_REASONS)[number]

const PRINTER_FAULTS: readonly QueueStopReason[] = ['paper_out', 'cover_open', 'head_hot']

/**
 * The code for a queue's pause: the printer's reported fault first, then the link error's own
 * words (Node's errno names and the transports' messages), so the packer reads a cause, not a trace.
 */
export function stopReason(
  pauseReason: string | null,
  printerState: string | null,
  unconfirmed: boolean
): QueueStopReason | null {
  if (pauseReason === null) {
    return null
  }
  if (pauseReason === 'paused by user') {
    return 'paused'
  }
  const fault = PRINTER_FAULTS.find((code) => code === printerState)
  if (fault) {
    return fault
  }
  const text = pauseReason
  // Before the link words: the reply came, it just was not a label printer's (issue 10 item 6).
  if (printerState === 'not_a_printer' || /not a label printer/i.test(text)) {
    return 'not_a_printer'
  }
  if (/ECONNREFUSED|refused/i.test(text)) {
    return 'refused'
  }
  if (/EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|unreachable/i.test(text)) {
    return 'unreachable'
  }
  if (/ECONNRESET|EPIPE|closed the connection|socket hang up|destroyed/i.test(text)) {
    return 'connection_lost'
  }
  if (
    /TIMEOUT|ETIMEDOUT|did not answer|no status reply|no answer|stopped taking data/i.test(text)
  ) {
    return 'no_response'
  }
  if (unconfirmed) {
    return 'unconfirmed'
  }
  return printerState === 'offline' ? 'offline' : 'other'
}

/**
 * The void reason of a label moved to another printer (`moved to <printer>`): the label event
 * says `voided` on the old printer, and a batch view keeps following the package instead of
 * counting it cancelled.
 */
export const MOVED_PREFIX = 'moved to '
