import type { CellValue } from './types'

/**
 * Cell-level clean-up of what platform exports and hand-edited sheets put in cells. Each
 * function returns a value or a problem code; none of them guesses.
 */

export type Clean<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly code: CellProblem; readonly value: string }

export type CellProblem =
  | 'cell_error'
  | 'formula_no_result'
  | 'date_invalid'
  | 'number_invalid'
  | 'order_id_number_lost'
  | 'phone_masked'

/** Marks a formula cell without a cached result (exceljs gives `{ formula }` and no `result`). */
export const NO_RESULT = '#NO_RESULT'

/**
 * The text of a cell: numbers without float noise, Excel's text-forcing wrappers removed
 * (`="123"`, a leading apostrophe, a trailing tab), surrounding spaces trimmed.
 */
export function cellText(cell: CellValue | undefined): Clean<string> {
  if (cell === null || cell === undefined) {
    return { ok: true, value: '' }
  }
  if (typeof cell === 'string') {
    return { ok: true, value: unwrapText(cell) }
  }
  if (typeof cell === 'number') {
    return { ok: true, value: numberText(cell) }
  }
  if (typeof cell === 'boolean') {
    return { ok: true, value: cell ? 'TRUE' : 'FALSE' }
  }
  if (cell instanceof Date) {
    return { ok: true, value: formatLocal(wallClock(cell)) }
  }
  return cell.error === NO_RESULT
    ? { ok: false, code: 'formula_no_result', value: '' }
    : { ok: false, code: 'cell_error', value: cell.error }
}

const EXCEL_TEXT = /^="(.*)"$/s

function unwrapText(raw: string): string {
  let s = raw.trim()
  const forced = EXCEL_TEXT.exec(s)
  if (forced?.[1] !== undefined) {
    s = forced[1].trim()
  }
  if (s.startsWith("'")) {
    s = s.slice(1).trim()
  }
  return s
}

function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) {
    // Avoids "1.3812345678e+10" for big integers.
    return n.toFixed(0)
  }
  return String(n)
}

/** Digits stored as a float by a spreadsheet: "13812345678.0", "1.3812345678E10", "1.3812345678E+10". */
const FLOAT_DIGITS = /^\d+(?:\.\d+)?(?:[eE]\+?\d+)?$/
const PLAIN_DIGITS = /^\d+$/

function floatDigits(text: string): string | undefined {
  if (PLAIN_DIGITS.test(text) || !FLOAT_DIGITS.test(text)) {
    return undefined
  }
  const n = Number(text)
  return Number.isSafeInteger(n) ? n.toFixed(0) : undefined
}

/** An order id; ids that went through a float and lost digits are refused, not repaired. */
export function cleanOrderId(cell: CellValue | undefined): Clean<string> {
  if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
    return { ok: false, code: 'order_id_number_lost', value: String(cell) }
  }
  const text = cellText(cell)
  if (!text.ok) {
    return text
  }
  const s = text.value
  if (/^\d+(?:\.\d+)?[eE]\+?\d+$/.test(s)) {
    const n = Number(s)
    return Number.isSafeInteger(n) && n < 1e15
      ? { ok: true, value: n.toFixed(0) }
      : { ok: false, code: 'order_id_number_lost', value: s }
  }
  return { ok: true, value: /^\d+\.0+$/.test(s) ? s.slice(0, s.indexOf('.')) : s }
}

const MASKED = /\*{2,}/
const MOBILE_LIKE = /^1[3-9]\d{9}$/

/**
 * A phone as the schema wants it: 11-digit mobile, or landline "0571-88886666[-ext]". Strips
 * spaces, dashes and dots in mobiles, +86 / 86 / 0086, brackets around area codes, and undoes
 * float storage. Returns what is left when it is not a phone; the schema says why.
 */
export function cleanPhone(cell: CellValue | undefined): Clean<string> {
  const text = cellText(cell)
  if (!text.ok) {
    return text
  }
  let s = text.value.normalize('NFKC')
  if (s === '') {
    return { ok: true, value: '' }
  }
  if (MASKED.test(s)) {
    return { ok: false, code: 'phone_masked', value: s }
  }
  s = floatDigits(s) ?? s
  const compact = s.replace(/[\s\-.()]/g, '')
  const national = compact.replace(/^(?:\+86|0086|86)(?=1[3-9]\d{9}$)/, '')
  if (MOBILE_LIKE.test(national)) {
    return { ok: true, value: national }
  }
  // Landline: "(0571) 8888 6666", "0571 88886666", "0571-88886666-123", "+86 571 88886666".
  const landline = s
    .replace(/^(?:\+86|0086)\s*-?\s*/, '0')
    .replace(/^[(（]\s*(0\d{2,3})\s*[)）]\s*/, '$1-')
    .replace(/^(0\d{2,3})[\s-]+/, '$1-')
    .replace(/(\d)\s+(?=\d)/g, '$1')
    .replace(/\s*(?:转|ext\.?|x)\s*(\d{1,6})$/i, '-$1')
  return { ok: true, value: landline }
}

/** Whole or decimal number; float noise from spreadsheets ("2.0") is fine. */
export function cleanNumber(cell: CellValue | undefined): Clean<number | null> {
  if (typeof cell === 'number') {
    return { ok: true, value: cell }
  }
  const text = cellText(cell)
  if (!text.ok) {
    return text
  }
  const s = text.value.replace(/,/g, '')
  if (s === '') {
    return { ok: true, value: null }
  }
  const n = Number(s)
  return Number.isFinite(n)
    ? { ok: true, value: n }
    : { ok: false, code: 'number_invalid', value: text.value }
}

/** Days between 1899-12-30 (Excel's day 0, with its 1900 leap-year bug folded in) and 1970-01-01. */
const EXCEL_EPOCH_DAYS = 25_569
const DAY_MS = 86_400_000

/**
 * A date-time as epoch ms in the local time zone. Spreadsheet dates carry no zone: they mean
 * the wall clock of the shop, which is the station's clock. Accepts Excel serials (number cells
 * or numeric text), date cells, and text like 2026-11-20 10:00:00, 2026/11/20 10:00, 2026年11月20日.
 */
export function cleanDate(cell: CellValue | undefined): Clean<number | null> {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime())
      ? { ok: false, code: 'date_invalid', value: '' }
      : { ok: true, value: wallClock(cell) }
  }
  if (typeof cell === 'number') {
    return fromSerial(cell, String(cell))
  }
  const text = cellText(cell)
  if (!text.ok) {
    return text
  }
  const s = text.value.normalize('NFKC')
  if (s === '') {
    return { ok: true, value: null }
  }
  if (/^\d+(?:\.\d+)?$/.test(s)) {
    return fromSerial(Number(s), s)
  }
  const m =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})\s*[:时]\s*(\d{1,2})(?:\s*[:分]\s*(\d{1,2})(?:\.\d+)?)?\s*秒?)?$/.exec(
      s
    )
  if (!m) {
    return { ok: false, code: 'date_invalid', value: s }
  }
  const groups: (string | undefined)[] = m.slice(1)
  const [y, mo, d, h, mi, se] = groups.map((v) => (v === undefined ? 0 : Number(v)))
  return local(y ?? 0, mo ?? 0, d ?? 0, h ?? 0, mi ?? 0, se ?? 0, s)
}

function fromSerial(serial: number, shown: string): Clean<number> {
  // 1982..2173: a wider range is a number in a date column, not a date.
  if (!(serial > 30_000 && serial < 100_000)) {
    return { ok: false, code: 'date_invalid', value: shown }
  }
  const utc = Math.round((serial - EXCEL_EPOCH_DAYS) * DAY_MS)
  return { ok: true, value: wallClock(new Date(utc)) }
}

function local(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  shown: string
): Clean<number> {
  const date = new Date(y, mo - 1, d, h, mi, s)
  const valid =
    date.getFullYear() === y &&
    date.getMonth() === mo - 1 &&
    date.getDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60
  return valid
    ? { ok: true, value: date.getTime() }
    : { ok: false, code: 'date_invalid', value: shown }
}

/** exceljs and serials give the wall clock as UTC fields; read them back as local time. */
function wallClock(d: Date): number {
  return new Date(
    d.getUTCFullYear(),
    d.getUTCMonth(),
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds()
  ).getTime()
}

function formatLocal(ms: number): string {
  const d = new Date(ms)
  const p = (n: number) => String(n).padStart(2, '0')
  return `${String(d.getFullYear())}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`
}

/** A local date-time as the rejected-rows sheet writes it. */
export function formatDateTime(ms: number): string {
  return formatLocal(ms)
}

/** 常温/冷藏/冷冻 (and English) to the schema's temperature zones. */
export function cleanTemperatureZone(
  text: string
): 'ambient' | 'chilled' | 'frozen' | null | undefined {
  const s = text.trim().toLowerCase()
  if (s === '') {
    return null
  }
  if (['常温', 'ambient', '普通'].includes(s)) {
    return 'ambient'
  }
  if (['冷藏', 'chilled', '冷链'].includes(s)) {
    return 'chilled'
  }
  if (['冷冻', 'frozen', '冻品'].includes(s)) {
    return 'frozen'
  }
  return undefined
}

/**
 * An order's state as a platform export states it. `status` null means the text says nothing
 * about shipping (退款中 / 售后中 only say a refund is open); the other rows of the order, if any,
 * do. `unpaid` orders have no state here: they are not for the packing bench yet.
 */
export type ImportedState =
  | {
      readonly kind: 'state'
      readonly status: 'pending' | 'partially_shipped' | 'shipped' | 'closed' | null
      readonly refundState: 'none' | 'requested' | 'refunded'
    }
  | { readonly kind: 'unpaid' }

const pending = { kind: 'state', status: 'pending', refundState: 'none' } as const
const partial = { kind: 'state', status: 'partially_shipped', refundState: 'none' } as const
const shipped = { kind: 'state', status: 'shipped', refundState: 'none' } as const
const closed = { kind: 'state', status: 'closed', refundState: 'none' } as const
const refunding = { kind: 'state', status: null, refundState: 'requested' } as const
const refunded = { kind: 'state', status: 'closed', refundState: 'refunded' } as const
const unpaid = { kind: 'unpaid' } as const

/**
 * Status texts of Kuaishou's and Taobao's order exports (and Taobao's API codes, which some
 * tools export), in normalised form: NFKC, lower case, no spaces or punctuation.
 */
const ORDER_STATES: ReadonlyMap<string, ImportedState> = new Map<string, ImportedState>([
  ...[
    '待发货',
    '等待发货',
    '等待卖家发货',
    '买家已付款',
    '买家已付款等待卖家发货',
    '已付款',
    '已付款待发货',
    '已支付',
    '待出库',
    '待配货',
    '备货中',
    '已成团待发货',
    'waitsellersendgoods',
    'pending'
  ].map((k) => [k, pending] as const),
  ...['部分发货', '卖家部分发货', '已部分发货', 'sellerconsignedpart', 'partiallyshipped'].map(
    (k) => [k, partial] as const
  ),
  ...[
    '已发货',
    '卖家已发货',
    '卖家已发货等待买家确认',
    '等待买家确认收货',
    '待收货',
    '已收货',
    '买家已签收',
    '已签收',
    '交易成功',
    '交易完成',
    '已完成',
    '订单完成',
    'waitbuyerconfirmgoods',
    'tradebuyersigned',
    'tradefinished',
    'shipped'
  ].map((k) => [k, shipped] as const),
  ...[
    '交易关闭',
    '已关闭',
    '订单关闭',
    '订单已关闭',
    '已取消',
    '订单取消',
    '订单已取消',
    '交易取消',
    '付款以前卖家或买家主动关闭交易',
    'tradeclosedbytaobao',
    'closed'
  ].map((k) => [k, closed] as const),
  ...[
    '退款中',
    '退款申请中',
    '申请退款',
    '申请退款中',
    '待退款',
    '退款待处理',
    '退货退款中',
    '售后中',
    '售后处理中',
    '售后待处理'
  ].map((k) => [k, refunding] as const),
  ...[
    '退款成功',
    '已退款',
    '退款完成',
    '退款关闭交易',
    '付款以后用户退款成功交易自动关闭',
    'tradeclosed'
  ].map((k) => [k, refunded] as const),
  ...['待付款', '等待买家付款', '未付款', '待支付', 'waitbuyerpay', 'tradenocreatepay'].map(
    (k) => [k, unpaid] as const
  )
])

/** The order state a status cell names; null for an empty cell, undefined for unknown text. */
export function cleanOrderState(text: string): ImportedState | null | undefined {
  const key = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-,，.。、;；:：()（）[\]【】"'“”]/g, '')
  if (key === '') {
    return null
  }
  return ORDER_STATES.get(key)
}
