import { cellReason, isBlank, OrderAssembler, UNREADABLE, type ItemDraft } from './assemble'
import { cleanOrderId } from './normalize'
import { reason } from './reasons'
import { IMPORT_LIMITS, type ImportField, type RejectedRow, type SheetRow } from './types'

/** Items of a separate item report (Taobao's 宝贝报表), keyed by order id. */
export class ItemReport {
  private readonly byOrder = new Map<
    string,
    { rows: number[]; items: ItemDraft[]; issues: RejectedRow[] }
  >()
  private readonly orphans: RejectedRow[] = []
  private readonly parser: OrderAssembler

  constructor(
    private readonly headers: readonly string[],
    private readonly indexes: Partial<Record<ImportField, number>>
  ) {
    this.parser = new OrderAssembler({
      headers,
      indexes,
      shopId: 1,
      source: 'items',
      itemsFromReport: false
    })
  }

  get orderIdColumn(): string {
    const index = this.indexes.orderId
    return index === undefined ? '' : (this.headers[index] ?? '')
  }

  columnOf(field: ImportField): string {
    const index = this.indexes[field]
    return index === undefined ? '' : (this.headers[index] ?? '')
  }

  add(sheetRow: SheetRow): void {
    const { row, cells } = sheetRow
    if (isBlank(cells)) {
      return
    }
    const index = this.indexes.orderId
    const id = cleanOrderId(index === undefined ? undefined : cells[index])
    if (!id.ok || id.value === '') {
      const r = id.ok ? reason('order_id_required') : cellReason(id.code, id.value)
      this.orphans.push({ row, column: this.orderIdColumn, source: 'items', ...r })
      return
    }
    let entry = this.byOrder.get(id.value)
    if (!entry) {
      entry = { rows: [], items: [], issues: [] }
      this.byOrder.set(id.value, entry)
    }
    entry.rows.push(row)
    const tooLong = cells.findIndex(
      (c) => typeof c === 'string' && c.length > IMPORT_LIMITS.maxCellChars
    )
    if (tooLong >= 0) {
      entry.issues.push({
        row,
        column: this.headers[tooLong] ?? '',
        source: 'items',
        ...reason('cell_too_long', { max: IMPORT_LIMITS.maxCellChars })
      })
      return
    }
    const unreadable = cells.findIndex((c) => typeof c === 'string' && c.includes(UNREADABLE))
    if (unreadable >= 0) {
      entry.issues.push({
        row,
        column: this.headers[unreadable] ?? '',
        source: 'items',
        ...reason('cell_unreadable')
      })
      return
    }
    const item = this.parser.item(row, cells, entry.issues)
    if (item) {
      entry.items.push(item)
    }
  }

  take(orderId: string): { rows: number[]; items: ItemDraft[]; issues: RejectedRow[] } | undefined {
    const entry = this.byOrder.get(orderId)
    this.byOrder.delete(orderId)
    return entry
  }

  leftovers(): { orderId: string; rows: number[] }[] {
    return [...this.byOrder.entries()].map(([orderId, e]) => ({ orderId, rows: e.rows }))
  }

  get orphanRows(): readonly RejectedRow[] {
    return this.orphans
  }
}
