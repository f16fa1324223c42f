import { z } from 'zod'
import { isValidPhone } from '../phone'
import { regionProblem } from '../regions'

/**
 * Issue codes: each zod message below is a code, translated by the renderer (`validation.<code>`)
 * and spelled out in English by {@link VALIDATION_MESSAGES} for the CLI and logs.
 */
const text = (max: number) => z.string().trim().max(max, 'too_long')
const required = (max: number) => text(max).min(1, 'required')

/** The longest remark an order keeps; an import cuts a longer one, with a warning. */
export const REMARK_MAX_CHARS = 500

export const TEMPERATURE_ZONES = ['ambient', 'chilled', 'frozen'] as const
export const ORDER_STATUSES = ['pending', 'partially_shipped', 'shipped', 'closed'] as const
/** The buyer's refund on the platform's sheet (退款中 / 已退款): a hold on the order, shown where it is listed. */
export const REFUND_STATES = ['none', 'requested', 'refunded'] as const
export const PLATFORMS = ['kuaishou', 'taobao', 'manual'] as const

export const ReceiverInput = z
  .object({
    name: required(50),
    phone: z
      .string()
      .trim()
      .min(1, 'required')
      .refine((v) => isValidPhone(v), 'phone_invalid'),
    province: required(30),
    city: required(30),
    district: required(30),
    detail: required(200)
  })
  .superRefine((r, ctx) => {
    if (!r.province || !r.city || !r.district) {
      return
    }
    const problem = regionProblem(r.province, r.city, r.district)
    if (problem) {
      ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.code })
    }
  })

/**
 * What an item stores when its sheet gave no SKU (the schema needs one): lists show it, so the
 * packer sees none was given; a label leaves it out rather than print "(-)".
 */
export const NO_SKU = '-'

export const OrderItemInput = z.object({
  sku: required(64),
  title: required(200),
  quantity: z
    .number('number_required')
    .int('integer_required')
    .min(1, 'quantity_min')
    .max(99_999, 'too_large'),
  unitWeightG: z
    .number('number_required')
    .int('integer_required')
    .min(0, 'not_negative')
    .max(1_000_000, 'too_large'),
  warehouse: text(50).optional(),
  temperatureZone: z.enum(TEMPERATURE_ZONES).default('ambient')
})

export const OrderInput = z.object({
  shopId: z.number().int().positive().default(1),
  /** Empty for manual entry: the app numbers it (M + date + sequence). */
  platformOrderId: z
    .string()
    .trim()
    .max(64, 'too_long')
    .regex(/^[A-Za-z0-9_-]*$/, 'order_id_chars')
    .optional(),
  receiver: ReceiverInput,
  items: z.array(OrderItemInput).min(1, 'items_required').max(200, 'too_many_items'),
  remark: text(REMARK_MAX_CHARS).default(''),
  createdAt: z.number().int().positive().optional(),
  paidAt: z.number().int().positive().optional(),
  /** 最晚发货时间 from the sheet; without it the shop's promise after payment applies. */
  shipBy: z.number().int().positive().optional()
})
export type OrderInput = z.input<typeof OrderInput>
export type OrderInputParsed = z.output<typeof OrderInput>

export const Receiver = z.object({
  name: z.string(),
  phone: z.string(),
  province: z.string(),
  city: z.string(),
  district: z.string(),
  detail: z.string()
})
/** A person at an address as stored and printed: the receiver, or the sender on a label. */
export type Receiver = Readonly<z.output<typeof Receiver>>

export const OrderSummary = z.object({
  id: z.number().int(),
  shopId: z.number().int(),
  platformOrderId: z.string(),
  status: z.enum(ORDER_STATUSES),
  refundState: z.enum(REFUND_STATES),
  receiverName: z.string(),
  receiverPhone: z.string(),
  region: z.string(),
  /** The district is not in the division data: kept as the platform wrote it (平台区县). */
  platformDistrict: z.boolean(),
  itemCount: z.number().int(),
  itemSummary: z.string(),
  trackingNumbers: z.array(z.string()),
  createdAt: z.number().int(),
  paidAt: z.number().int().nullable(),
  /** 最晚发货时间: the sheet's, or payment plus the shop's promise. */
  shipBy: z.number().int(),
  /** Exempt from the deadline (a logistics exception): shown as 豁免 instead of overdue. */
  exempt: z.boolean()
})
export type OrderSummary = z.infer<typeof OrderSummary>

export const OrderItem = z.object({
  id: z.number().int(),
  lineNo: z.number().int(),
  sku: z.string(),
  title: z.string(),
  quantity: z.number().int(),
  quantityShipped: z.number().int(),
  unitWeightG: z.number().int(),
  warehouse: z.string().nullable(),
  temperatureZone: z.enum(TEMPERATURE_ZONES)
})

export const PackageView = z.object({
  id: z.number().int(),
  sequence: z.number().int(),
  role: z.enum(['first', 'split', 'appended']),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  printState: z.string(),
  shipState: z.string(),
  syncState: z.string(),
  createdAt: z.number().int()
})

export const HistoryEntry = z.object({
  at: z.number().int(),
  actor: z.string(),
  station: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown())
})

export const OrderDetail = z.object({
  id: z.number().int(),
  shopId: z.number().int(),
  shopName: z.string(),
  platformOrderId: z.string(),
  status: z.enum(ORDER_STATUSES),
  refundState: z.enum(REFUND_STATES),
  receiver: Receiver,
  /** See {@link OrderSummary}'s `platformDistrict`. */
  platformDistrict: z.boolean(),
  remark: z.string(),
  exemption: z.string(),
  createdAt: z.number().int(),
  paidAt: z.number().int().nullable(),
  shippedAt: z.number().int().nullable(),
  shipBy: z.number().int(),
  items: z.array(OrderItem),
  packages: z.array(PackageView),
  history: z.array(HistoryEntry)
})
export type OrderDetail = z.infer<typeof OrderDetail>

export const EXEMPTION_STATES = ['none', 'auto', 'reported', 'approved', 'rejected'] as const
/**
 * "Has problems", as far as the database can tell today:
 * - `unshipped`: pending, created more than {@link UNSHIPPED_AFTER_MS} ago, and no package has a
 *   tracking number yet (the platforms judge shipping time);
 * - `refund`: the buyer asked for a refund (refund_state = requested);
 * - `closed`: the trade was closed (交易关闭);
 * - `any`: one of them.
 */
export const ORDER_PROBLEMS = ['any', 'unshipped', 'refund', 'closed'] as const
/**
 * The deadline filter (orders still waiting for a label): `overdue` past its ship-by time,
 * `due_soon` within {@link DUE_SOON_MS} of it.
 */
export const DEADLINE_FILTERS = ['overdue', 'due_soon'] as const
export type DeadlineFilter = (typeof DEADLINE_FILTERS)[number]
/** "Near the deadline": this close to the ship-by time, the list marks the order. */
export const DUE_SOON_MS = 12 * 60 * 60 * 1000
export const UNSHIPPED_AFTER_MS = 48 * 60 * 60 * 1000
/**
 * The list's sorts. Each one is a total order ending in the order id, served by one index
 * (migration 0020), so a page is found by its position (OFFSET over that index) or by the key of
 * the row before it ({@link OrderCursor}) without sorting the table.
 * - created: 下单时间; paid: 付款时间 (created time for an order without one);
 * - order_id: the platform order id (then the shop);
 * - region: province, city, then oldest first — a region's backlog in shipping order.
 */
export const ORDER_SORTS = [
  'created_desc',
  'created_asc',
  'paid_desc',
  'paid_asc',
  'order_id_asc',
  'order_id_desc',
  'region_asc',
  'ship_by_asc'
] as const
export type OrderSort = (typeof ORDER_SORTS)[number]

/** The kinds of each sort's key values, in order; the last is always the row id. */
export const ORDER_SORT_KEYS: Readonly<Record<OrderSort, readonly ('number' | 'string')[]>> = {
  created_desc: ['number', 'number'],
  created_asc: ['number', 'number'],
  paid_desc: ['number', 'number'],
  paid_asc: ['number', 'number'],
  order_id_asc: ['string', 'number', 'number'],
  order_id_desc: ['string', 'number', 'number'],
  region_asc: ['string', 'string', 'number', 'number'],
  ship_by_asc: ['number', 'number']
}

/**
 * A row's position under a sort: its key values as {@link ORDER_SORT_KEYS} lists them. A page
 * names the keys of its first and last rows; the next page asks for the rows after the last one,
 * which costs one index seek however deep the list is scrolled.
 */
export const OrderCursor = z.object({
  sort: z.enum(ORDER_SORTS),
  key: z
    .array(z.union([z.string().max(100), z.number().int()]))
    .min(2)
    .max(4)
})
export type OrderCursor = z.infer<typeof OrderCursor>

/** The filters of the order list (everything but paging); also what "select all matching" keeps. */
export const OrderFilter = z
  .object({
    query: z.string().trim().max(100, 'too_long').default(''),
    status: z.enum(ORDER_STATUSES).optional(),
    shopId: z.number().int().positive().optional(),
    /** Created at or after (ms since epoch). */
    createdFrom: z.number().int().min(0).optional(),
    /** Created before (ms since epoch, exclusive). */
    createdTo: z.number().int().min(0).optional(),
    province: z.string().trim().min(1).max(30, 'too_long').optional(),
    /** A city of `province` (the region filter cascades: a city alone means nothing). */
    city: z.string().trim().min(1).max(30, 'too_long').optional(),
    carrier: z.string().trim().min(1).max(40, 'too_long').optional(),
    exemption: z.enum(EXEMPTION_STATES).optional(),
    problem: z.enum(ORDER_PROBLEMS).optional(),
    /** Only orders whose district is not in the division data (平台区县). */
    platformDistrict: z.boolean().optional(),
    /**
     * True: only orders still waiting for a label (未打印): pending, and no package has a
     * tracking number yet. False is "any", like leaving it out.
     */
    unprinted: z.boolean().optional(),
    /** Orders waiting for a label that are past (or near) their ship-by time. */
    deadline: z.enum(DEADLINE_FILTERS).optional()
  })
  .refine((f) => f.city === undefined || f.province !== undefined, {
    path: ['city'],
    message: 'city_needs_province'
  })
export type OrderFilter = z.input<typeof OrderFilter>

export const OrderListQuery = OrderFilter.safeExtend({
  sort: z.enum(ORDER_SORTS).default('created_desc'),
  /** Rows to skip: from the start of the list, or from the cursor when one is given. */
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  /** The rows after this one (the last row of the page before): a keyset page. */
  after: OrderCursor.optional(),
  /** The rows before this one (the first row of the page after), still returned in list order. */
  before: OrderCursor.optional(),
  /** False skips counting (later pages of a list whose total is already known). */
  count: z.boolean().default(true)
}).superRefine((q, ctx) => {
  if (q.after !== undefined && q.before !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['before'], message: 'cursor_conflict' })
  }
  for (const name of ['after', 'before'] as const) {
    const cursor = q[name]
    if (cursor === undefined) {
      continue
    }
    const kinds = ORDER_SORT_KEYS[q.sort]
    const fits =
      cursor.sort === q.sort &&
      cursor.key.length === kinds.length &&
      cursor.key.every((v, i) => typeof v === kinds[i])
    if (!fits) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'cursor_mismatch' })
    }
  }
})
export type OrderListQuery = z.input<typeof OrderListQuery>
export type OrderListQueryParsed = z.output<typeof OrderListQuery>

export const OrderListPage = z.object({
  /** -1 when the query asked not to count. */
  total: z.number().int(),
  /** True when `total` counts only up to a cap (search over very many matches). */
  totalCapped: z.boolean(),
  offset: z.number().int(),
  rows: z.array(OrderSummary),
  /** The cursors of the first and last row (null for an empty page), for the neighbour pages. */
  first: OrderCursor.nullable(),
  last: OrderCursor.nullable()
})
export type OrderListPage = z.infer<typeof OrderListPage>
