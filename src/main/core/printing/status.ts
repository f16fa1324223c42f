/**
 * Printer status in each language, as the queue needs it: can the next label go out?
 * Queries are only possible on bidirectional links (TCP 9100, USB device files); spoolers
 * (CUPS, Windows) do not report paper-out (printers.md §6.5).
 */

export type PrinterState = 'ready' | 'offline' | 'paper_out' | 'cover_open' | 'head_hot'

export type PrinterStatus = {
  readonly state: PrinterState
  /** Every condition the printer reported, most serious first, for the UI and the log. */
  readonly conditions: readonly string[]
  /** The raw reply, hex, for support. */
  readonly raw: string
}

/** Order of seriousness when a printer reports several faults at once. */
const PRIORITY: readonly PrinterState[] = ['cover_open', 'paper_out', 'head_hot', 'offline']

/**
 * A reply that does not have the printer language's shape (an HTTP error line from a web server,
 * a console banner): something answers at the address, but it is not a label printer. Reading
 * its bytes as status bits would invent faults (issue 10 item 6).
 */
export class NotAPrinterError extends Error {
  readonly code = 'NOT_A_PRINTER'
  constructor(readonly reply: Uint8Array) {
    super(
      `not a label printer at this address (reply ${Buffer.from(reply).subarray(0, 24).toString('hex')})`
    )
  }
}

function pick(found: ReadonlySet<PrinterState>): PrinterState {
  return PRIORITY.find((state) => found.has(state)) ?? 'ready'
}

// ---- ESC/POS: DLE EOT n, one byte per query; bits 1 and 4 are fixed 1, bits 0 and 7 fixed 0.

export const ESCPOS_STATUS_QUERIES = [1, 2, 3, 4] as const
export type EscPosStatusReplies = Readonly<Record<(typeof ESCPOS_STATUS_QUERIES)[number], number>>

export function escPosStatusQuery(n: (typeof ESCPOS_STATUS_QUERIES)[number]): Buffer {
  return Buffer.from([0x10, 0x04, n])
}

export function isEscPosStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12
}

/** One DLE EOT reply: exactly one byte with the fixed bits in place, or it is not a printer's. */
export function escPosStatusByte(reply: Uint8Array): number {
  const byte = reply[0]
  if (reply.length !== 1 || byte === undefined || !isEscPosStatusByte(byte)) {
    throw new NotAPrinterError(reply)
  }
  return byte
}

/**
 * n=1 printer: bit 3 offline. n=2 offline cause: bit 2 cover open, bit 5 stopped by paper end,
 * bit 6 error. n=3 error cause: bit 5 auto-recoverable error (head temperature), bit 3
 * unrecoverable. n=4 roll sensor: bits 5-6 paper end (bits 2-3 near end, not a fault).
 */
export function parseEscPosStatus(replies: EscPosStatusReplies): PrinterStatus {
  const found = new Set<PrinterState>()
  const conditions: string[] = []
  const note = (state: PrinterState, condition: string): void => {
    found.add(state)
    conditions.push(condition)
  }
  if (replies[1] & 0x08) {
    note('offline', 'offline')
  }
  if (replies[2] & 0x04) {
    note('cover_open', 'cover open')
  }
  if (replies[2] & 0x20 || (replies[4] & 0x60) === 0x60) {
    note('paper_out', 'paper end')
  }
  if (replies[3] & 0x20) {
    note('head_hot', 'head temperature error')
  }
  if (replies[3] & 0x08) {
    note('offline', 'unrecoverable error')
  }
  if ((replies[4] & 0x0c) === 0x0c) {
    conditions.push('paper near end')
  }
  const raw = ESCPOS_STATUS_QUERIES.map((n) => replies[n].toString(16).padStart(2, '0')).join('')
  return { state: pick(found), conditions, raw }
}

// ---- TSPL: <ESC>!? answers one byte, immediately, even mid-job.

export const TSPL_STATUS_QUERY = Buffer.from([0x1b, 0x21, 0x3f])

/** `<ESC>!?` answers exactly one byte; a longer reply (a text line) is not a TSPL printer's. */
export function tsplStatusByte(reply: Uint8Array): number {
  const byte = reply[0]
  if (reply.length !== 1 || byte === undefined) {
    throw new NotAPrinterError(reply)
  }
  return byte
}

/**
 * bit 0 head opened, 1 paper jam, 2 out of paper, 3 out of ribbon, 4 pause, 5 printing,
 * 6 cover opened, 7 environment temperature over range (TSC TSPL/TSPL2 manual, `<ESC>!?`).
 */
export function parseTsplStatus(byte: number): PrinterStatus {
  const found = new Set<PrinterState>()
  const conditions: string[] = []
  const bits: [number, PrinterState | null, string][] = [
    [0x01, 'cover_open', 'head opened'],
    [0x02, 'paper_out', 'paper jam'],
    [0x04, 'paper_out', 'out of paper'],
    [0x08, 'offline', 'out of ribbon'],
    [0x10, 'offline', 'paused'],
    [0x20, null, 'printing'],
    [0x40, 'cover_open', 'cover opened'],
    [0x80, 'head_hot', 'temperature over range']
  ]
  for (const [bit, state, condition] of bits) {
    if (byte & bit) {
      conditions.push(condition)
      if (state) {
        found.add(state)
      }
    }
  }
  return { state: pick(found), conditions, raw: byte.toString(16).padStart(2, '0') }
}

// ---- ZPL: ~HS answers three <STX>...<ETX><CR><LF> strings.

export const ZPL_STATUS_QUERY = Buffer.from('~HS\r\n', 'ascii')

/**
 * True once the reply holds the three framed strings ~HS sends, or as soon as it cannot be one
 * (it does not start with STX), so a foreign reply is rejected at once rather than timing out.
 */
export function zplStatusComplete(reply: Uint8Array): boolean {
  if (reply.length > 0 && reply[0] !== 0x02) {
    return true
  }
  let frames = 0
  for (const byte of reply) {
    if (byte === 0x03) {
      frames++
    }
  }
  return frames >= 3
}

/**
 * String 1 `aaa,b,c,dddd,eee,f,g,h,iii,j,k,l`: b paper out, c pause, k under/l over temperature.
 * String 2 `mmm,n,o,p,q,...`: o head up (open), p ribbon out. (ZPL II Programming Guide, ~HS.)
 */
export function parseZplStatus(reply: Uint8Array): PrinterStatus {
  const text = Buffer.from(reply).toString('latin1')
  const STX = String.fromCharCode(2)
  const ETX = String.fromCharCode(3)
  const frames = text
    .split(STX)
    .slice(1)
    .map((frame) => (frame.split(ETX)[0] ?? '').split(','))
  const one = frames[0] ?? []
  const two = frames[1] ?? []
  if (reply[0] !== 0x02 || one.length < 12 || two.length < 4) {
    throw new NotAPrinterError(reply)
  }
  const found = new Set<PrinterState>()
  const conditions: string[] = []
  const flag = (value: string | undefined, state: PrinterState, condition: string): void => {
    if (value?.trim() === '1') {
      found.add(state)
      conditions.push(condition)
    }
  }
  flag(one[1], 'paper_out', 'paper out')
  flag(one[2], 'offline', 'paused')
  flag(one[10], 'offline', 'under temperature')
  flag(one[11], 'head_hot', 'over temperature')
  flag(two[2], 'cover_open', 'head up')
  flag(two[3], 'offline', 'ribbon out')
  return { state: pick(found), conditions, raw: Buffer.from(reply).toString('hex') }
}
