import { maskName, maskPhone } from '../../../shared/phone'
import { MUNICIPAL_PSEUDO_CITIES, regionText } from '../../../shared/regions'
import { isDemoTrackingNumber } from '../../../shared/demo-numbers'
import { NO_SKU, type Receiver } from '../../../shared/schemas/order'
import { DEFAULT_TIME_ZONE, formatDateTime } from '../../../shared/time-zone'
/** A person on a waybill: the receiver (收件人) or the sender (寄件人). */
export type LabelParty = Receiver

export type LabelItem = {
  readonly title: string
  readonly sku: string
  readonly quantity: number
}

/** Everything a waybill label shows for one package. Built by the caller from order + package. */
export type LabelData = {
  readonly carrier: { readonly code: string; readonly name: string }
  readonly trackingNumber: string
  readonly orderNo: string
  readonly receiver: LabelParty
  readonly sender: LabelParty
  readonly items: readonly LabelItem[]
  /** 1-based position of this package in its order. */
  readonly packageIndex: number
  readonly packageCount: number
  /** Epoch milliseconds. */
  readonly printedAt: number
  readonly remark?: string
  /** Carrier sorting code (大头笔 / 三段码), when the carrier supplies one. */
  readonly routeCode?: string
}

export type FieldOptions = {
  /** Privacy waybill (隐私面单): mask receiver name and phone. Default true; only an explicit false turns it off. */
  readonly maskPrivacy?: boolean
  /** How many times this label was printed before (0 = first print). Shown as 补打 when > 0. */
  readonly reprintCount?: number
  /** IANA zone for the print time. Default Asia/Shanghai, where the packer and the courier are. */
  readonly timeZone?: string
}

// One masking rule for the app: labels, lists and logs mask the same way.
export { maskName, maskPhone }

/** Groups a tracking number for reading aloud or typing: SF1234567890123 -> SF 1234 5678 9012 3. */
export function groupTrackingNumber(trackingNumber: string): string {
  const match = /^([A-Za-z]*)(\d*)(.*)$/.exec(trackingNumber)
  const prefix = match?.[1] ?? ''
  const digits = match?.[2] ?? ''
  const rest = match?.[3] ?? ''
  const groups = digits.match(/\d{1,4}/g) ?? []
  return [prefix, ...groups, rest].filter((part) => part !== '').join(' ')
}

/** The label's print time on the station's clock: the same formatter as the lists and exports. */
export function formatPrintTime(epochMs: number, timeZone = DEFAULT_TIME_ZONE): string {
  return formatDateTime(epochMs, timeZone)
}

/** 上海市 浦东新区 …: a municipality is named once, and the data's 市辖区 never prints. */
function address(party: LabelParty): string {
  return [regionText(party.province, party.city, party.district), party.detail]
    .filter((part) => part !== '')
    .join(' ')
}

/** The city as printed: empty for the data's pseudo-cities (a sender saved before the fold). */
function shownCity(city: string): string {
  return MUNICIPAL_PSEUDO_CITIES.has(city) ? '' : city
}

/** The destination line's city: 杭州市, and a municipality as couriers write it (上海 浦东新区). */
function routeCity(party: LabelParty): string {
  const city = shownCity(party.city)
  const municipal = city === party.province || (city === '' && party.province.endsWith('市'))
  return municipal ? party.province.replace(/市$/, '') : city
}

function itemsSummary(items: readonly LabelItem[]): string {
  return items
    .map(
      (item) =>
        `${item.title}${item.sku !== '' && item.sku !== NO_SKU ? `(${item.sku})` : ''}×${item.quantity}`
    )
    .join('；')
}

/**
 * The flat field map templates bind to (`{{receiver.name}}`). Masking happens here, once, so no
 * template can print a full phone number by accident.
 */
export function labelFields(data: LabelData, options: FieldOptions = {}): Record<string, string> {
  const mask = options.maskPrivacy !== false
  const receiverName = mask ? maskName(data.receiver.name) : data.receiver.name
  const receiverPhone = mask ? maskPhone(data.receiver.phone) : data.receiver.phone
  const multi = data.packageCount > 1
  const reprint = options.reprintCount ?? 0
  const quantity = data.items.reduce((sum, item) => sum + item.quantity, 0)
  return {
    'carrier.code': data.carrier.code,
    'carrier.name': data.carrier.name,
    // A preview before a carrier is chosen still shows what the header row is for.
    'carrier.title': data.carrier.name === '' ? '（未选快递）' : data.carrier.name,
    trackingNumber: data.trackingNumber,
    trackingNumberGrouped: groupTrackingNumber(data.trackingNumber),
    orderNo: data.orderNo,
    'receiver.name': receiverName,
    'receiver.phone': receiverPhone,
    'receiver.contact': `${receiverName}  ${receiverPhone}`,
    'receiver.address': address(data.receiver),
    'receiver.province': data.receiver.province,
    'receiver.city': shownCity(data.receiver.city),
    'receiver.district': data.receiver.district,
    'receiver.detail': data.receiver.detail,
    'sender.name': data.sender.name,
    'sender.phone': data.sender.phone,
    'sender.contact': `${data.sender.name}  ${data.sender.phone}`,
    'sender.address': address(data.sender),
    items: itemsSummary(data.items),
    itemQuantity: String(quantity),
    package: multi ? `${data.packageIndex} / ${data.packageCount}` : '',
    packageOrSingle: `${data.packageIndex} / ${data.packageCount}`,
    printedAt: formatPrintTime(data.printedAt, options.timeZone),
    remark: data.remark ?? '',
    routeCode: data.routeCode ?? '',
    route:
      data.routeCode ??
      [routeCity(data.receiver), data.receiver.district].filter((part) => part !== '').join(' '),
    reprint: reprint > 0 ? `补打${reprint > 1 ? String(reprint) : ''}` : '',
    privacy: mask ? '隐私面单' : '',
    demo: isDemoTrackingNumber(data.trackingNumber) ? '演示 DEMO' : ''
  }
}
