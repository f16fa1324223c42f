import { createHash } from 'node:crypto'
import {
  IMPORT_FIELDS,
  ITEM_FIELDS,
  type ColumnMapping,
  type ImportField,
  type PresetChoice,
  type PresetName
} from './types'

/**
 * Column mapping: which header fills which field. Headers are compared after normalising
 * width (NFKC: full-width brackets and letters), spaces (Taobao's headers carry trailing
 * spaces), required-markers (`*`) and case; a second pass ignores bracketed units
 * ("重量(kg)" matches "重量").
 */

/** Generic synonyms per field, best first, in normalised form. */
const SYNONYMS: Readonly<Record<ImportField, readonly string[]>> = {
  orderId: [
    '订单号',
    '订单编号',
    '主订单编号',
    '主订单号',
    '订单id',
    '平台订单号',
    '外部订单号',
    '原始单号',
    '交易单号',
    'orderid',
    'orderno',
    'order_id',
    'order_no'
  ],
  receiverName: [
    '收货人',
    '收货人姓名',
    '收件人',
    '收件人姓名',
    '收货人名称',
    '收货姓名',
    '联系人',
    '姓名',
    'consignee',
    'receiver',
    'receivername'
  ],
  phone: [
    '手机',
    '手机号',
    '手机号码',
    '联系手机',
    '收货人手机',
    '收货人手机号',
    '收货人手机号码',
    '收件人手机',
    '收件人手机号',
    '收货人电话',
    '收件人电话',
    '收货人联系电话',
    '收货人联系方式',
    '收件人联系方式',
    '联系方式',
    '联系电话',
    '电话',
    'mobile',
    'phone'
  ],
  landline: ['联系电话', '固定电话', '座机', '电话', 'tel', 'telephone'],
  address: [
    '收货地址',
    '收件地址',
    '收货人地址',
    '收件人地址',
    '完整地址',
    '详细收货地址',
    '收货人详细地址',
    '地址',
    'address'
  ],
  province: ['省', '省份', '收货省份', '收货人省份', '收件省份', '所在省', '省/直辖市', 'province'],
  city: ['市', '城市', '收货城市', '收货人城市', '收件城市', '所在市', 'city'],
  district: [
    '区',
    '区县',
    '区/县',
    '县区',
    '县/区',
    '收货区县',
    '收货人区县',
    '收件区县',
    '所在区',
    'district'
  ],
  detail: ['详细地址', '街道地址', '收货详细地址', '地址详情', '门牌地址', 'street'],
  remark: ['备注', '卖家备注', '订单备注', '商家备注', '客服备注', 'remark'],
  buyerMessage: ['买家留言', '买家备注', '用户留言', '客户留言', '留言'],
  createdAt: [
    '下单时间',
    '订单创建时间',
    '创建时间',
    '订单时间',
    '成交时间',
    '订购时间',
    'createdat'
  ],
  paidAt: ['付款时间', '支付时间', '订单付款时间', '订单支付时间', '买家付款时间', 'paidat'],
  shipBy: [
    '最晚发货时间',
    '承诺发货时间',
    '最迟发货时间',
    '发货截止时间',
    '应发货时间',
    '预计发货时间',
    'shipby'
  ],
  status: ['订单状态', '交易状态', '订单当前状态', '状态', 'orderstatus', 'status'],
  title: [
    '商品名称',
    '宝贝标题',
    '商品标题',
    '宝贝名称',
    '标题',
    '商品',
    '品名',
    '货品名称',
    '产品名称',
    '商品名',
    'title',
    'product'
  ],
  variant: [
    '规格',
    '商品规格',
    '商品属性',
    '销售属性',
    'sku属性',
    '颜色分类',
    '规格名称',
    '套餐信息',
    'variant'
  ],
  sku: [
    'sku',
    'sku编码',
    '商家编码',
    '商品编码',
    '商家sku编码',
    'sku商家编码',
    '规格编码',
    '货号',
    '外部系统编号',
    '商品货号'
  ],
  productId: ['商品id', '宝贝id', '商品编号'],
  quantity: [
    '数量',
    '购买数量',
    '商品数量',
    '宝贝总数量',
    '宝贝数量',
    '成交数量',
    '件数',
    '购买件数',
    'qty',
    'quantity'
  ],
  weight: ['单件重量', '重量', '商品重量', '单品重量', 'weight'],
  warehouse: ['仓库', '发货仓', '发货仓库', 'warehouse'],
  temperatureZone: ['温层', '温区', '温度要求', '储存条件']
}

type Preset = {
  readonly headers: Partial<Record<ImportField, readonly string[]>>
  /** Headers that tell this export apart; auto-detection counts them. */
  readonly distinctive: readonly string[]
}

/**
 * Presets put a platform's own header names first. Header names follow the platforms'
 * merchant-backend exports as documented by sellers; unknown variants still fall through to
 * the generic synonyms.
 */
export const PRESETS: Readonly<Record<PresetName, Preset>> = {
  kuaishou: {
    headers: {
      orderId: ['订单号', '订单编号'],
      receiverName: ['收货人姓名', '收货人'],
      phone: ['收货人电话', '收货人手机号', '收货人手机'],
      address: ['收货地址'],
      province: ['省', '省份'],
      city: ['市'],
      district: ['区', '区县'],
      detail: ['详细地址'],
      title: ['商品名称'],
      variant: ['商品规格', '规格'],
      sku: ['sku编码', '商家编码', 'sku商家编码'],
      productId: ['商品id'],
      quantity: ['商品数量', '成交数量', '购买数量'],
      buyerMessage: ['买家留言'],
      remark: ['商家备注', '卖家备注'],
      createdAt: ['订单创建时间', '下单时间'],
      paidAt: ['订单支付时间', '支付时间'],
      status: ['订单状态']
    },
    distinctive: [
      '订单号',
      '收货人电话',
      '商品规格',
      '商家备注',
      '订单支付时间',
      'sku编码',
      '商品数量',
      '商品id',
      '快递单号'
    ]
  },
  taobao: {
    headers: {
      orderId: ['订单编号'],
      receiverName: ['收货人姓名'],
      phone: ['联系手机'],
      landline: ['联系电话'],
      address: ['收货地址'],
      title: ['宝贝标题'],
      quantity: ['宝贝总数量'],
      buyerMessage: ['买家留言'],
      remark: ['订单备注'],
      createdAt: ['订单创建时间'],
      paidAt: ['订单付款时间'],
      status: ['订单状态']
    },
    distinctive: [
      '订单编号',
      '买家会员名',
      '宝贝标题',
      '宝贝总数量',
      '联系手机',
      '订单付款时间',
      '宝贝种类',
      '买家实际支付金额'
    ]
  },
  'taobao-items': {
    headers: {
      orderId: ['订单编号'],
      title: ['标题'],
      quantity: ['购买数量'],
      sku: ['商家编码'],
      // The item-level outer code stands in when the SKU has no merchant code.
      productId: ['外部系统编号'],
      variant: ['商品属性', '套餐信息']
    },
    distinctive: ['订单编号', '标题', '价格', '购买数量', '外部系统编号', '商品属性', '套餐信息']
  },
  template: {
    headers: {
      orderId: ['订单号'],
      receiverName: ['收货人'],
      phone: ['手机'],
      province: ['省'],
      city: ['市'],
      district: ['区'],
      detail: ['详细地址'],
      title: ['商品名称'],
      variant: ['规格'],
      sku: ['sku'],
      quantity: ['数量'],
      weight: ['单件重量(克)'],
      warehouse: ['仓库'],
      temperatureZone: ['温层'],
      remark: ['备注'],
      buyerMessage: ['买家留言'],
      createdAt: ['下单时间'],
      paidAt: ['付款时间']
    },
    distinctive: ['订单号', '收货人', '手机', '省', '市', '区', '详细地址', '单件重量(克)', '温层']
  }
}

/** Width, spaces, required marks, case: "收货地址 " = "收货地址", "ＳＫＵ*" = "sku". */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s\u200b\ufeff*:]/g, '')
    .toLowerCase()
}

function withoutUnits(normalized: string): string {
  return normalized.replace(/\([^)]*\)|\[[^\]]*\]/g, '')
}

/** Header text as stored in a mapping: the cell's text without surrounding spaces. */
export function headerText(cell: unknown): string {
  if (typeof cell === 'string') {
    return cell.trim()
  }
  if (typeof cell === 'number' || typeof cell === 'boolean') {
    return String(cell)
  }
  return ''
}

/** The layout signature: a hash of the header row, so a saved mapping finds its layout again. */
export function layoutSignature(headers: readonly string[]): string {
  const cells = headers.map(normalizeHeader)
  while (cells.length > 0 && cells.at(-1) === '') {
    cells.pop()
  }
  return createHash('sha256').update(cells.join('\u001f')).digest('hex').slice(0, 16)
}

export type ImportMode = 'orders' | 'orders-with-item-report' | 'items'

export type DetectedMapping = {
  readonly mapping: ColumnMapping
  readonly preset: PresetName | null
  /** Required fields no column was found for; empty when the mapping can be used. */
  readonly missing: readonly ImportField[]
}

/** How many cells of a row look like a known header: the header row is the best-scoring row. */
export function headerScore(cells: readonly string[]): number {
  let score = 0
  for (const cell of cells) {
    const n = normalizeHeader(cell)
    if (n !== '' && (KNOWN.has(n) || KNOWN.has(withoutUnits(n)))) {
      score++
    }
  }
  return score
}

const KNOWN = new Set<string>([
  ...Object.values(SYNONYMS).flat(),
  ...Object.values(PRESETS).flatMap((p) => [...Object.values(p.headers).flat(), ...p.distinctive])
])

export function pickPreset(headers: readonly string[], mode: ImportMode): PresetName | null {
  const present = new Set(headers.map(normalizeHeader))
  const candidates: readonly PresetName[] =
    mode === 'items' ? ['taobao-items'] : ['template', 'kuaishou', 'taobao']
  let best: PresetName | null = null
  let bestHits = 2
  for (const name of candidates) {
    const hits = PRESETS[name].distinctive.filter((h) => present.has(h)).length
    if (hits > bestHits) {
      best = name
      bestHits = hits
    }
  }
  return best
}

/** Finds a column for each field: the preset's names first, then the generic synonyms. */
export function detectMapping(
  headers: readonly string[],
  choice: PresetChoice,
  mode: ImportMode
): DetectedMapping {
  const preset = choice === 'auto' ? pickPreset(headers, mode) : choice
  const normalized = headers.map(normalizeHeader)
  const bare = normalized.map(withoutUnits)
  const used = new Set<number>()
  const mapping: ColumnMapping = {}
  for (const field of fieldsFor(mode)) {
    const candidates = [
      ...(preset ? (PRESETS[preset].headers[field] ?? []) : []),
      ...SYNONYMS[field]
    ]
    const index = findColumn(candidates, normalized, used) ?? findColumn(candidates, bare, used)
    if (index !== undefined) {
      used.add(index)
      mapping[field] = headers[index] ?? ''
    }
  }
  const fixed = settleAddressFields(mapping)
  return { mapping: fixed, preset, missing: missingFields(fixed, mode) }
}

function fieldsFor(mode: ImportMode): readonly ImportField[] {
  if (mode === 'items') {
    return ['orderId', ...ITEM_FIELDS]
  }
  if (mode === 'orders-with-item-report') {
    return IMPORT_FIELDS.filter((f) => !(ITEM_FIELDS as readonly string[]).includes(f))
  }
  return IMPORT_FIELDS
}

function findColumn(
  candidates: readonly string[],
  columns: readonly string[],
  used: ReadonlySet<number>
): number | undefined {
  for (const candidate of candidates) {
    const index = columns.findIndex((c, i) => c === candidate && !used.has(i))
    if (index >= 0) {
      return index
    }
  }
  return undefined
}

/** Without province/city/district columns, a "详细地址" column is the one-cell address. */
function settleAddressFields(mapping: ColumnMapping): ColumnMapping {
  const hasRegionColumns = mapping.province !== undefined && mapping.city !== undefined
  if (!hasRegionColumns && mapping.address === undefined && mapping.detail !== undefined) {
    const { detail, ...rest } = mapping
    return { ...rest, address: detail }
  }
  return mapping
}

/** Required fields a mapping lacks for the given mode. */
export function missingFields(mapping: ColumnMapping, mode: ImportMode): ImportField[] {
  const missing: ImportField[] = []
  const need = (field: ImportField) => {
    if (mapping[field] === undefined) {
      missing.push(field)
    }
  }
  need('orderId')
  if (mode === 'items') {
    need('title')
    return missing
  }
  need('receiverName')
  if (mapping.phone === undefined && mapping.landline === undefined) {
    missing.push('phone')
  }
  const regionColumns = mapping.province !== undefined && mapping.city !== undefined
  if (!regionColumns && mapping.address === undefined) {
    missing.push('address')
  }
  if (regionColumns && mapping.detail === undefined && mapping.address === undefined) {
    missing.push('detail')
  }
  if (mode === 'orders') {
    need('title')
  }
  return missing
}

/** Grams per unit of a weight column, read from its header: kilograms unless it says grams. */
export function weightFactor(header: string): number {
  const n = normalizeHeader(header)
  if (/kg|千克|公斤/.test(n)) {
    return 1000
  }
  if (/克|\(g\)|^g$|grams?/.test(n)) {
    return 1
  }
  // Express and platform sheets quote weight in kilograms when they give no unit.
  return 1000
}

/** Column indexes of a mapping in a header row; undefined for a mapped header that is absent. */
export function resolveMapping(
  mapping: ColumnMapping,
  headers: readonly string[]
): { indexes: Partial<Record<ImportField, number>>; absent: string[] } {
  const indexes: Partial<Record<ImportField, number>> = {}
  const absent: string[] = []
  const trimmed = headers.map((h) => h.trim())
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field]
    if (header === undefined) {
      continue
    }
    const index = trimmed.indexOf(header.trim())
    if (index < 0) {
      absent.push(header)
    } else {
      indexes[field] = index
    }
  }
  return { indexes, absent }
}
