import {
  NO_SKU,
  OrderInput,
  REMARK_MAX_CHARS,
  type OrderInputParsed
} from '../../../shared/schemas/order'
import {
  resolveRegionCells,
  splitAddress,
  type AddressProblem,
  type ResolvedAddress
} from './address'
import type { ItemReport } from './item-report'
import { weightFactor } from './mapping'
import {
  cellText,
  cleanDate,
  cleanNumber,
  cleanOrderId,
  cleanOrderState,
  cleanPhone,
  cleanTemperatureZone,
  type Clean,
  type CellProblem
} from './normalize'
import { reason, schemaReason, type Reason } from './reasons'
import {
  IMPORT_LIMITS,
  ORDER_FIELDS,
  type CellValue,
  type ImportField,
  type ItemField,
  type RejectedRow,
  type SheetRow
} from './types'

/**
 * Turns data rows into orders. Rows with the same order id become one order with several
 * items (wherever they are in the file); an order with any bad row is rejected whole, and
 * every one of its rows is reported.
 */

type Source = RejectedRow['source']

/**
 * U+FFFD: what a byte sequence that is not text in the file's encoding decodes to (GBK rows
 * pasted into a UTF-8 file). Such a cell is rejected rather than imported as ����.
 */
export const UNREADABLE = '\ufffd'

export type ItemDraft = {
  readonly row: number
  readonly source: Source
  readonly title: string
  readonly sku: string
  readonly quantity: number | undefined
  readonly unitWeightG: number
  readonly warehouse: string | undefined
  readonly temperatureZone: 'ambient' | 'chilled' | 'frozen'
}

type OrderDraft = {
  readonly orderId: string
  readonly firstRow: number
  readonly rows: number[]
  /** Order-level cells, by field: the first row's, a later row filling what it left empty. */
  readonly headCells: Partial<Record<ImportField, CellValue>>
  /** The row each head cell came from: a problem with the cell is reported on that row. */
  readonly headRows: Partial<Record<ImportField, number>>
  readonly items: ItemDraft[]
  readonly issues: RejectedRow[]
  /** Non-empty status cells of the order's rows (one per item row in Kuaishou exports). */
  readonly statuses: { readonly row: number; readonly cell: CellValue }[]
}

/** The status and refund state a file gives an order. */
export type AssembledState = {
  /** Null when the rows only say a refund is open (退款中): a new order is pending, an existing one keeps its status. */
  readonly status: 'pending' | 'partially_shipped' | 'shipped' | 'closed' | null
  readonly refundState: 'none' | 'requested' | 'refunded'
}

export type AssembledOrder = {
  readonly input: OrderInputParsed
  readonly platformOrderId: string
  /** Absent when the file has no status column or its cells are empty: a new order is pending, an updated one keeps its state. */
  readonly state?: AssembledState
  /** Every sheet row of the order (order file; items file rows too in a two-file import). */
  readonly rows: readonly { readonly row: number; readonly source: Source }[]
  /** What was changed to keep the order (a remark cut to the limit), each on its row. */
  readonly warnings: readonly RejectedRow[]
}

export type AssembleResult = {
  readonly orders: AssembledOrder[]
  readonly rejected: RejectedRow[]
  /** Rejected orders; a bad row with no order id counts as one. */
  readonly rejectedOrders: number
}

const ORDER_LEVEL: readonly ImportField[] = ORDER_FIELDS.filter((f) => f !== 'orderId')
/** Order-level fields rows of one order must agree on (a different address is a different parcel). */
const MUST_AGREE: readonly ImportField[] = [
  'receiverName',
  'phone',
  'landline',
  'address',
  'province',
  'city',
  'district',
  'detail'
]

export type AssemblerOptions = {
  readonly headers: readonly string[]
  readonly indexes: Partial<Record<ImportField, number>>
  readonly shopId: number
  readonly source: Source
  /** Items come from a separate item report: item columns of this file are ignored. */
  readonly itemsFromReport: boolean
  /** Header of an item-report column, for problems found in item-report rows. */
  readonly itemColumns?: (field: ImportField) => string
}

export class OrderAssembler {
  private readonly orders = new Map<string, OrderDraft>()
  /** Rows refused before they had an order to belong to. */
  private readonly orphans: RejectedRow[] = []
  private previous: OrderDraft | undefined
  private readonly weightFactor: number
  private readonly columnOf: (field: ImportField) => string

  constructor(private readonly options: AssemblerOptions) {
    const weightIndex = options.indexes.weight
    this.weightFactor =
      weightIndex === undefined ? 1 : weightFactor(options.headers[weightIndex] ?? '')
    this.columnOf = (field) => {
      const index = options.indexes[field]
      return index === undefined ? '' : (options.headers[index] ?? '')
    }
  }

  /** Distinct orders seen so far. */
  get orderCount(): number {
    return this.orders.size
  }

  private cell(cells: readonly CellValue[], field: ImportField): CellValue | undefined {
    const index = this.options.indexes[field]
    return index === undefined ? undefined : cells[index]
  }

  private issue(row: number, column: string, r: Reason): RejectedRow {
    return {
      row,
      column,
      code: r.code,
      reason: r.reason,
      reasonZh: r.reasonZh,
      source: this.options.source
    }
  }

  private problem(
    row: number,
    field: ImportField,
    clean: Extract<Clean<unknown>, { ok: false }>
  ): RejectedRow {
    return this.issue(row, this.columnOf(field), cellReason(clean.code, clean.value))
  }

  /** Adds one data row. */
  add(sheetRow: SheetRow): void {
    const { row, cells } = sheetRow
    if (isBlank(cells)) {
      return
    }
    const rowIssues: RejectedRow[] = []
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]
      if (typeof c === 'string' && c.length > IMPORT_LIMITS.maxCellChars) {
        rowIssues.push(
          this.issue(
            row,
            this.options.headers[i] ?? '',
            reason('cell_too_long', { max: IMPORT_LIMITS.maxCellChars })
          )
        )
      } else if (typeof c === 'string' && c.includes(UNREADABLE)) {
        rowIssues.push(this.issue(row, this.options.headers[i] ?? '', reason('cell_unreadable')))
      }
    }
    if (rowIssues.length > 0) {
      // Do not parse anything else from a row carrying a huge cell.
      const id = cleanOrderId(this.cell(cells, 'orderId'))
      this.attach(id.ok && id.value !== '' && id.value.length <= 64 ? id.value : '', row, rowIssues)
      return
    }
    const id = cleanOrderId(this.cell(cells, 'orderId'))
    if (!id.ok) {
      this.orphans.push(this.problem(row, 'orderId', id))
      return
    }
    let orderId = id.value
    if (orderId === '') {
      // Merged order cells: a row with no order id and no order-level data continues the order
      // above (one order spread over rows, the order columns merged in the export).
      const continues =
        this.previous !== undefined &&
        ORDER_LEVEL.every((f) => cellText(this.cell(cells, f)).value === '')
      if (!continues || this.previous === undefined) {
        this.orphans.push(this.issue(row, this.columnOf('orderId'), reason('order_id_required')))
        return
      }
      orderId = this.previous.orderId
    }
    let draft = this.orders.get(orderId)
    if (!draft) {
      draft = {
        orderId,
        firstRow: row,
        rows: [],
        headCells: {},
        headRows: {},
        items: [],
        issues: [],
        statuses: []
      }
      this.orders.set(orderId, draft)
    }
    if (id.value !== '') {
      this.takeHeadCells(draft, row, cells)
    }
    this.previous = draft
    draft.rows.push(row)
    const status = this.cell(cells, 'status')
    if (status !== undefined && status !== null && status !== '') {
      draft.statuses.push({ row, cell: status })
    }
    if (!this.options.itemsFromReport) {
      const item = this.item(row, cells, draft.issues)
      if (item) {
        draft.items.push(item)
      }
    }
  }

  /**
   * Order-level cells of a row that names its order. The first row's cells stand; a later row
   * fills a cell the earlier rows left empty (exports that put the remark or the address on one
   * item row only), and that row is where a problem with the cell is reported. Two rows naming
   * different values for the address columns are two parcels, not one order: refused.
   */
  private takeHeadCells(draft: OrderDraft, row: number, cells: readonly CellValue[]): void {
    for (const field of ORDER_LEVEL) {
      const value = this.cell(cells, field)
      if (value === undefined || value === null || value === '') {
        continue
      }
      const heldRow = draft.headRows[field]
      if (heldRow === undefined) {
        draft.headCells[field] = value
        draft.headRows[field] = row
        continue
      }
      if (!MUST_AGREE.includes(field)) {
        continue
      }
      const text = cellText(value)
      if (text.ok && text.value !== '' && text.value !== cellText(draft.headCells[field]).value) {
        draft.issues.push(
          this.issue(
            row,
            this.columnOf(field),
            reason('rows_disagree', { order: draft.orderId, other: heldRow })
          )
        )
      }
    }
  }

  /** The row an order-level cell came from (the order's first row when it has none). */
  private rowOf(draft: OrderDraft, field: ImportField): number {
    return draft.headRows[field] ?? draft.firstRow
  }

  private attach(orderId: string, row: number, issues: RejectedRow[]): void {
    const draft = orderId === '' ? undefined : this.orders.get(orderId)
    if (draft) {
      draft.rows.push(row)
      draft.issues.push(...issues)
    } else if (orderId !== '') {
      this.orders.set(orderId, {
        orderId,
        firstRow: row,
        rows: [row],
        headCells: {},
        headRows: {},
        items: [],
        issues,
        statuses: []
      })
    } else {
      this.orphans.push(...issues)
    }
  }

  /** Reads the item columns of a row; problems go to `issues`. */
  item(row: number, cells: readonly CellValue[], issues: RejectedRow[]): ItemDraft | undefined {
    const text = (field: ItemField): string | undefined => {
      const c = cellText(this.cell(cells, field))
      if (!c.ok) {
        issues.push(this.problem(row, field, c))
        return undefined
      }
      return c.value
    }
    const title = text('title') ?? ''
    const variant = text('variant') ?? ''
    const sku = text('sku') ?? ''
    const productId = text('productId') ?? ''
    const warehouse = text('warehouse') ?? ''
    const zoneText = text('temperatureZone') ?? ''
    let quantity: number | undefined = 1
    if (this.options.indexes.quantity !== undefined) {
      const q = cleanNumber(this.cell(cells, 'quantity'))
      if (!q.ok) {
        issues.push(this.problem(row, 'quantity', q))
      }
      quantity = q.ok && q.value !== null ? q.value : undefined
    }
    let unitWeightG = 0
    const w = cleanNumber(this.cell(cells, 'weight'))
    if (!w.ok) {
      issues.push(this.problem(row, 'weight', w))
    } else if (w.value !== null) {
      unitWeightG = Math.round(w.value * this.weightFactor)
    }
    const zone = cleanTemperatureZone(zoneText)
    if (zone === undefined) {
      issues.push(
        this.issue(
          row,
          this.columnOf('temperatureZone'),
          reason('temperature_zone_invalid', { value: zoneText })
        )
      )
    }
    return {
      row,
      source: this.options.source,
      title: variant !== '' && title !== '' ? `${title}（${variant}）` : title,
      // The schema needs a SKU; exports without a merchant code fall back to the platform's
      // product id, then to "-" so the order still imports and the packer sees no SKU was given.
      sku: sku !== '' ? sku : productId !== '' ? productId : NO_SKU,
      quantity,
      unitWeightG,
      warehouse: warehouse === '' ? undefined : warehouse,
      temperatureZone: zone ?? 'ambient'
    }
  }

  /** The orders, in the order their first rows appear; `report` supplies items in a two-file import. */
  finish(report?: ItemReport): AssembleResult {
    const orders: AssembledOrder[] = []
    const rejected: RejectedRow[] = [...this.orphans]
    let rejectedOrders = this.orphans.length
    for (const draft of this.orders.values()) {
      // Built orders replace their drafts one by one, so the two never both fill memory.
      this.orders.delete(draft.orderId)
      const fromReport = report?.take(draft.orderId)
      if (report) {
        if (!fromReport || fromReport.items.length + fromReport.issues.length === 0) {
          draft.issues.push(
            this.issue(
              draft.firstRow,
              this.columnOf('orderId'),
              reason('items_missing', { order: draft.orderId })
            )
          )
        } else {
          draft.items.push(...fromReport.items)
          draft.issues.push(...fromReport.issues)
        }
      }
      const result =
        draft.issues.length === 0 ? this.build(draft, fromReport?.rows ?? []) : undefined
      if (result && !('issues' in result)) {
        orders.push(result)
        continue
      }
      const issues = result?.issues ?? draft.issues
      rejectedOrders++
      rejected.push(...withSiblings(draft, issues, fromReport?.rows ?? [], this.options.source))
    }
    if (report) {
      rejected.push(...report.orphanRows)
      rejectedOrders += report.orphanRows.length
      for (const rest of report.leftovers()) {
        rejectedOrders++
        rejected.push(
          ...rest.rows.map((row) => ({
            row,
            column: report.orderIdColumn,
            source: 'items' as const,
            ...reason('item_order_missing', { order: rest.orderId })
          }))
        )
      }
    }
    rejected.sort((a, b) =>
      a.source === b.source ? a.row - b.row : a.source === 'orders' ? -1 : 1
    )
    return { orders, rejected, rejectedOrders }
  }

  private build(
    draft: OrderDraft,
    reportRows: readonly number[]
  ): AssembledOrder | { issues: RejectedRow[] } {
    const issues: RejectedRow[] = []
    const row = draft.firstRow
    const { indexes } = this.options
    const text = (field: ImportField): string => {
      const c = cellText(draft.headCells[field])
      if (!c.ok) {
        issues.push(this.problem(this.rowOf(draft, field), field, c))
        return ''
      }
      return c.value
    }
    // Phone: the mobile column, else the landline column (Taobao has both).
    let phone = ''
    let phoneField: ImportField = indexes.phone !== undefined ? 'phone' : 'landline'
    for (const field of ['phone', 'landline'] as const) {
      if (indexes[field] === undefined) {
        continue
      }
      const p = cleanPhone(draft.headCells[field])
      if (!p.ok) {
        issues.push(this.problem(this.rowOf(draft, field), field, p))
        break
      }
      if (p.value !== '') {
        phone = p.value
        phoneField = field
        break
      }
    }
    const address = this.address(draft, issues)
    const createdAt = this.date(draft, 'createdAt', issues)
    const paidAt = this.date(draft, 'paidAt', issues)
    const shipBy = this.date(draft, 'shipBy', issues)
    const remarkText = text('remark')
    const joined = [remarkText, text('buyerMessage')]
      .filter((s) => s !== '')
      .join('；')
      .trim()
    const receiverName = text('receiverName')
    const state = this.state(draft, issues)
    if (issues.length > 0) {
      return { issues }
    }
    // A long remark does not cost the order its parcel: it is cut to the limit, with a warning.
    const warnings: RejectedRow[] = []
    const remark = cutRemark(joined)
    if (remark !== joined) {
      const field: ImportField = remarkText !== '' ? 'remark' : 'buyerMessage'
      warnings.push(
        this.issue(
          this.rowOf(draft, field),
          this.columnOf(field),
          reason('remark_truncated', { max: REMARK_MAX_CHARS, length: joined.length })
        )
      )
    }
    const candidate = {
      shopId: this.options.shopId,
      platformOrderId: draft.orderId,
      receiver: {
        name: receiverName,
        phone,
        province: address?.province ?? '',
        city: address?.city ?? '',
        district: address?.district ?? '',
        detail: address?.detail ?? ''
      },
      items: draft.items.map((i) => ({
        sku: i.sku,
        title: i.title,
        quantity: i.quantity,
        unitWeightG: i.unitWeightG,
        warehouse: i.warehouse,
        temperatureZone: i.temperatureZone
      })),
      remark,
      createdAt: createdAt ?? undefined,
      paidAt: paidAt ?? undefined,
      shipBy: shipBy ?? undefined
    }
    const parsed = OrderInput.safeParse(candidate)
    if (parsed.success) {
      return {
        input: parsed.data,
        platformOrderId: draft.orderId,
        ...(state ? { state } : {}),
        rows: [
          ...draft.rows.map((r) => ({ row: r, source: this.options.source })),
          ...reportRows.map((r) => ({ row: r, source: 'items' as const }))
        ],
        warnings
      }
    }
    for (const issue of parsed.error.issues) {
      const [top, second, third] = issue.path
      let field: ImportField = 'orderId'
      let at = row
      let source = this.options.source
      if (top === 'receiver') {
        field = receiverField(second, phoneField, indexes)
        at = this.rowOf(draft, field)
      } else if (top === 'items' && typeof second === 'number') {
        const item = draft.items[second]
        at = item?.row ?? row
        source = item?.source ?? source
        field = ITEM_PATH[String(third)] ?? 'title'
      } else if (top === 'items') {
        field = 'title'
      } else if (top === 'remark') {
        field = indexes.remark !== undefined ? 'remark' : 'buyerMessage'
        at = this.rowOf(draft, field)
      } else if (top === 'createdAt' || top === 'paidAt' || top === 'shipBy') {
        field = top
        at = this.rowOf(draft, field)
      }
      const column =
        source === this.options.source
          ? this.columnOf(field)
          : (this.options.itemColumns?.(field) ?? field)
      issues.push({ row: at, column, source, ...schemaReason(issue.message, column || field) })
    }
    return { issues }
  }

  /**
   * The order's state from its rows' status cells. A refund on any row covers the whole order
   * (AFTERSALES_WHOLE_ORDER); shipped and pending rows make a partially shipped order; a closed
   * row beside live ones is a partly cancelled order, which is rejected rather than guessed.
   */
  private state(draft: OrderDraft, issues: RejectedRow[]): AssembledState | undefined {
    const column = this.columnOf('status')
    const entries: {
      row: number
      status: AssembledState['status'] | null
      refundState: AssembledState['refundState']
    }[] = []
    const before = issues.length
    for (const { row, cell } of draft.statuses) {
      const text = cellText(cell)
      if (!text.ok) {
        issues.push(this.problem(row, 'status', text))
        continue
      }
      const state = cleanOrderState(text.value)
      if (state === null) {
        continue
      }
      if (state === undefined) {
        issues.push(this.issue(row, column, reason('status_unknown', { value: text.value })))
      } else if (state.kind === 'unpaid') {
        issues.push(
          this.issue(
            row,
            column,
            reason('status_unpaid', { order: draft.orderId, value: text.value })
          )
        )
      } else {
        entries.push({ row, status: state.status, refundState: state.refundState })
      }
    }
    if (entries.length === 0 || issues.length > before) {
      return undefined
    }
    const refundState = entries.some((e) => e.refundState === 'requested')
      ? 'requested'
      : entries.some((e) => e.refundState === 'refunded')
        ? 'refunded'
        : 'none'
    // A refunded row in a live order is held by the refund state, not counted as closed.
    const closedRows = entries.filter((e) => e.status === 'closed' && e.refundState === 'none')
    const live = entries.filter((e) => e.status !== null && e.status !== 'closed')
    const first = live[0]
    const closedRow = closedRows[0]
    if (first === undefined) {
      const anyStatus = entries.some((e) => e.status !== null)
      return { status: anyStatus ? 'closed' : null, refundState }
    }
    if (closedRow !== undefined) {
      const [earlier, later] = closedRow.row < first.row ? [closedRow, first] : [first, closedRow]
      issues.push(
        this.issue(
          later.row,
          column,
          reason('rows_disagree', { order: draft.orderId, other: earlier.row })
        )
      )
      return undefined
    }
    const distinct = new Set(live.map((e) => e.status))
    return {
      status: distinct.size === 1 ? (first.status ?? 'pending') : 'partially_shipped',
      refundState
    }
  }

  private date(
    draft: OrderDraft,
    field: 'createdAt' | 'paidAt' | 'shipBy',
    issues: RejectedRow[]
  ): number | null {
    if (this.options.indexes[field] === undefined) {
      return null
    }
    const d = cleanDate(draft.headCells[field])
    if (!d.ok) {
      issues.push(this.problem(this.rowOf(draft, field), field, d))
      return null
    }
    return d.value
  }

  private address(draft: OrderDraft, issues: RejectedRow[]): ResolvedAddress | undefined {
    const { indexes } = this.options
    const h = (f: ImportField) => cellText(draft.headCells[f]).value
    /** A problem of the address, on the row and in the column of the cell it is about. */
    const refuse = (field: ImportField, r: Reason): void => {
      issues.push(this.issue(this.rowOf(draft, field), this.columnOf(field), r))
    }
    let resolved: ResolvedAddress | AddressProblem
    let columnField: ImportField
    if (indexes.province !== undefined && indexes.city !== undefined) {
      if (h('province') === '' && h('address') !== '' && indexes.address !== undefined) {
        resolved = splitAddress(h('address'))
        columnField = 'address'
      } else {
        const detail = indexes.detail !== undefined ? h('detail') : h('address')
        resolved = resolveRegionCells(h('province'), h('city'), h('district'), detail)
        columnField = 'province'
      }
    } else {
      if (h('address') === '') {
        refuse('address', reason('address_required'))
        return undefined
      }
      resolved = splitAddress(h('address'))
      columnField = 'address'
    }
    if (!('problem' in resolved)) {
      return resolved
    }
    const separate = columnField === 'province'
    switch (resolved.problem) {
      case 'province':
        refuse(columnField, reason('address_province_unknown'))
        break
      case 'city':
        refuse(
          separate ? 'city' : columnField,
          reason('address_city_unknown', { province: resolved.province ?? '' })
        )
        break
      case 'district':
        refuse(
          separate && indexes.district !== undefined ? 'district' : columnField,
          reason('address_district_unknown', { city: resolved.city ?? resolved.province ?? '' })
        )
        break
      case 'detail':
        refuse(
          separate ? (indexes.detail !== undefined ? 'detail' : 'address') : columnField,
          reason('address_detail_missing')
        )
        break
    }
    return undefined
  }
}

/** The remark within the schema's limit: cut, never splitting a surrogate pair. */
function cutRemark(remark: string): string {
  if (remark.length <= REMARK_MAX_CHARS) {
    return remark
  }
  let cut = remark.slice(0, REMARK_MAX_CHARS)
  if (/[\uD800-\uDBFF]$/.test(cut)) {
    cut = cut.slice(0, -1)
  }
  return cut.trimEnd()
}

const ITEM_PATH: Readonly<Record<string, ItemField>> = {
  sku: 'sku',
  title: 'title',
  quantity: 'quantity',
  unitWeightG: 'weight',
  warehouse: 'warehouse',
  temperatureZone: 'temperatureZone'
}

function receiverField(
  key: PropertyKey | undefined,
  phoneField: ImportField,
  indexes: Partial<Record<ImportField, number>>
): ImportField {
  const separate = indexes.province !== undefined && indexes.city !== undefined
  switch (key) {
    case 'name':
      return 'receiverName'
    case 'phone':
      return phoneField
    case 'province':
    case 'city':
    case 'district':
      return separate ? (indexes[key] !== undefined ? key : 'province') : 'address'
    case 'detail':
      return separate && indexes.detail !== undefined ? 'detail' : 'address'
    default:
      return 'receiverName'
  }
}

export function cellReason(code: CellProblem, value: string): Reason {
  return reason(code, { value })
}

export function isBlank(cells: readonly CellValue[]): boolean {
  for (const c of cells) {
    if (c !== null && !(typeof c === 'string' && c.trim() === '')) {
      return false
    }
  }
  return true
}

/** Every row of a rejected order is reported: its own problem, or the row that sank the order. */
function withSiblings(
  draft: OrderDraft,
  issues: readonly RejectedRow[],
  reportRows: readonly number[],
  source: Source
): RejectedRow[] {
  const first = issues[0]
  const out = [...issues]
  if (!first) {
    return out
  }
  const flagged = new Set(issues.map((i) => `${i.source}:${String(i.row)}`))
  const sibling = (row: number, at: Source): RejectedRow => ({
    row,
    column: '',
    source: at,
    ...reason(
      first.source === 'items' && at !== 'items' ? 'order_has_bad_item_row' : 'order_has_bad_row',
      { order: draft.orderId, other: first.row }
    )
  })
  // Row numbers repeat across the two files of a Taobao import: flags are per file.
  for (const row of draft.rows) {
    if (!flagged.has(`${source}:${String(row)}`)) {
      out.push(sibling(row, source))
    }
  }
  for (const row of reportRows) {
    if (!flagged.has(`items:${String(row)}`)) {
      out.push(sibling(row, 'items'))
    }
  }
  return out
}
