import { basename } from 'node:path'
import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import { loadImportLayout, saveImportLayout } from '../db/import-layouts-repo'
import { insertOrders, replaceOrder, type NewOrder } from '../db/orders-repo'
import { OrderAssembler, type AssembledOrder } from './assemble'
import { ItemReport } from './item-report'
import { classifyBatches, freshOrder, heldRows, orderIdColumns } from './reconcile'
import type { ImportMode } from './mapping'
import { ImportError } from './reasons'
import { openTable, type MappingSource, type OpenedTable } from './table'
import {
  IMPORT_LIMITS,
  type ColumnMapping,
  type ImportField,
  type ImportProgress,
  type OnDuplicate,
  type PresetChoice,
  type PresetName,
  type RejectedRow,
  type SheetRow
} from './types'

/** Where a sheet was read from and how its columns were understood. */
export type TableInfo = {
  readonly file: string
  readonly format: 'xlsx' | 'csv'
  /** CSV only: the text encoding used (utf8, gb18030, utf16le, utf16be). */
  readonly encoding: string | null
  readonly sheet: number
  readonly headerRow: number
  readonly headers: readonly string[]
  readonly signature: string
  readonly mapping: ColumnMapping
  readonly mappingSource: MappingSource
  readonly preset: PresetName | null
}

export type ImportInspection = TableInfo & {
  /** Required fields without a column: the UI asks the user to map them. */
  readonly missing: readonly ImportField[]
  /** The first data rows as text, for the mapping screen. */
  readonly sample: readonly (readonly string[])[]
}

export type ImportCounts = {
  /** Orders not in the shop yet. */
  readonly new: number
  /** Existing orders that will be (or were) replaced. */
  readonly updated: number
  /**
   * Existing orders left as they are: identical, or different but skipped (onDuplicate 'skip').
   * A different order that has a package is not here but in `rejected`, in both modes.
   */
  readonly unchanged: number
  /** Of `unchanged`: existing orders that differ from the file and were skipped. */
  readonly skipped: number
  /** Rejected orders, including orders held because they have a package (printed or not). */
  readonly rejected: number
}

export type ImportPreview = {
  readonly orders: TableInfo
  /** The item report of a two-file (Taobao) import. */
  readonly items: TableInfo | null
  readonly shopId: number
  readonly onDuplicate: OnDuplicate
  readonly rowsRead: number
  readonly counts: ImportCounts
  /** Every rejected row, sorted by file then row. */
  readonly rejected: readonly RejectedRow[]
  /** Orders imported with a change (a remark cut to the limit), each on its row, sorted. */
  readonly warnings: readonly RejectedRow[]
  readonly elapsedMs: number
}

/**
 * A checked import, held in the main process between preview and commit. Only `preview` is
 * meant for the UI; the orders stay here (they can be 100k).
 */
export type ImportPlan = {
  readonly preview: ImportPreview
  readonly orders: readonly AssembledOrder[]
  readonly baseRejected: readonly RejectedRow[]
  readonly baseRejectedOrders: number
}

export type ImportSource = {
  readonly file: string
  /** Taobao's item report (宝贝报表), joined to the order report by 订单编号. */
  readonly itemsFile?: string
}

export type PreviewOptions = {
  readonly preset?: PresetChoice
  /** The user's column mapping for the (orders) file; otherwise a saved or detected one is used. */
  readonly mapping?: ColumnMapping
  readonly itemsMapping?: ColumnMapping
  readonly shopId?: number
  readonly onDuplicate?: OnDuplicate
  readonly signal?: AbortSignal
  readonly onProgress?: (progress: ImportProgress) => void
}

export type CommitOptions = {
  readonly onDuplicate?: OnDuplicate
  readonly signal?: AbortSignal
  /**
   * Asked after every batch inside the transaction; true rolls the whole import back. A commit
   * worker reads its shared cancel flag here, since no abort event reaches a busy thread.
   */
  readonly cancelled?: () => boolean
  readonly onProgress?: (progress: ImportProgress) => void
}

/** What writing a plan needs of the core: a commit worker builds just this. */
export type CommitContext = Pick<CoreContext, 'db' | 'now' | 'actor' | 'station'>

export type CommitResult = {
  /** New orders inserted. */
  readonly accepted: number
  readonly updated: number
  readonly unchanged: number
  readonly rejected: readonly RejectedRow[]
  readonly orderIds: readonly number[]
}

function tableInfo(file: string, t: OpenedTable): TableInfo {
  return {
    file,
    format: t.kind.format,
    encoding: t.kind.format === 'csv' ? t.kind.encoding : null,
    sheet: t.sheet,
    headerRow: t.headerRow,
    headers: t.headers,
    signature: t.signature,
    mapping: t.mapping,
    mappingSource: t.mappingSource,
    preset: t.preset
  }
}

function savedLookup(ctx: CoreContext): (signature: string) => ColumnMapping | null {
  return (signature) => loadImportLayout(ctx.db, signature)?.mapping ?? null
}

/**
 * Reads a file's header for the mapping screen: which row is the header, which columns were
 * found for which fields (saved mapping first, then detection), what is missing, and a sample.
 * Refuses unreadable files with an {@link ImportError}; a file whose header is not recognised
 * still opens so the user can map it by hand.
 */
export async function inspectImportFile(
  ctx: CoreContext,
  file: string,
  options: {
    readonly preset?: PresetChoice
    readonly mapping?: ColumnMapping
    /** The orders file of a two-file import needs no item columns. */
    readonly role?: 'orders' | 'items' | 'orders-with-item-report'
  } = {}
): Promise<ImportInspection> {
  const mode: ImportMode = options.role ?? 'orders'
  const table = await openTable(file, {
    mode,
    preset: options.preset ?? 'auto',
    ...(options.mapping ? { mapping: options.mapping } : {}),
    savedMapping: savedLookup(ctx),
    strict: false
  })
  const sample: string[][] = []
  try {
    for await (const r of table.rows) {
      sample.push(
        r.cells.map((c) =>
          c === null
            ? ''
            : c instanceof Date
              ? c.toISOString()
              : typeof c === 'object'
                ? c.error
                : String(c)
        )
      )
      if (sample.length >= 5) {
        break
      }
    }
  } finally {
    await table.close()
  }
  return { ...tableInfo(file, table), missing: table.missing, sample }
}

/** Saves the mapping of a layout: the next file with this header row imports without clicks. */
export function saveImportMapping(
  ctx: CoreContext,
  signature: string,
  mapping: ColumnMapping
): void {
  saveImportLayout(ctx.db, signature, mapping, ctx.now())
}

export function loadImportMapping(ctx: CoreContext, signature: string): ColumnMapping | null {
  return loadImportLayout(ctx.db, signature)?.mapping ?? null
}

class Progress {
  private readonly started = performance.now()
  private last = 0
  rows = 0
  constructor(
    private readonly bytesTotal: number,
    private readonly bytesRead: () => number,
    private readonly report: ((p: ImportProgress) => void) | undefined,
    private readonly rowsTotal?: number
  ) {}

  tick(phase: ImportProgress['phase'], force = false): void {
    if (!this.report) {
      return
    }
    const now = performance.now()
    if (!force && now - this.last < 100) {
      return
    }
    this.last = now
    const seconds = (now - this.started) / 1000
    this.report({
      phase,
      rowsRead: this.rows,
      rowsPerSecond: seconds > 0 ? Math.round(this.rows / seconds) : 0,
      bytesRead: Math.min(this.bytesRead(), this.bytesTotal),
      bytesTotal: this.bytesTotal,
      ...(this.rowsTotal === undefined ? {} : { rowsTotal: this.rowsTotal })
    })
  }
}

export function cancelledError(): ImportError {
  return new ImportError(
    'CANCELLED',
    'The import was cancelled; nothing was written',
    '导入已取消，没有写入任何数据'
  )
}

function checkAbort(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw cancelledError()
  }
}

async function readAll(
  table: OpenedTable,
  progress: Progress,
  signal: AbortSignal | undefined,
  add: (row: SheetRow) => void
): Promise<void> {
  let count = 0
  try {
    for await (const r of table.rows) {
      checkAbort(signal)
      if (++count > IMPORT_LIMITS.maxRows) {
        throw new ImportError(
          'TOO_MANY_ROWS',
          `The sheet has more than ${String(IMPORT_LIMITS.maxRows)} rows; split it into smaller files`,
          `表格超过 ${String(IMPORT_LIMITS.maxRows)} 行，请拆分成多个文件`
        )
      }
      add(r)
      progress.rows++
      if ((progress.rows & 255) === 0) {
        progress.tick('reading')
      }
    }
  } finally {
    await table.close()
  }
  checkAbort(signal)
}

/**
 * Reads and checks a file (or a Taobao order report + item report) without writing anything:
 * counts of new / updated / unchanged / rejected orders and every rejected row with its row
 * number (as a spreadsheet app shows it), column header and reason. Pass the returned plan to
 * {@link commitImport}. Throws {@link ImportError} when the file cannot be read at all or the
 * import is cancelled through `signal`.
 */
export async function previewImport(
  ctx: CoreContext,
  source: ImportSource,
  options: PreviewOptions = {}
): Promise<ImportPlan> {
  const started = performance.now()
  const preset = options.preset ?? 'auto'
  const shopId = options.shopId ?? 1
  const onDuplicate = options.onDuplicate ?? 'skip'
  checkAbort(options.signal)

  let report: ItemReport | undefined
  let itemsInfo: TableInfo | null = null
  let itemsBytes = 0
  let itemsTable: OpenedTable | undefined
  if (source.itemsFile !== undefined) {
    itemsTable = await openTable(source.itemsFile, {
      mode: 'items',
      preset: preset === 'auto' || preset === 'taobao' ? 'auto' : preset,
      ...(options.itemsMapping ? { mapping: options.itemsMapping } : {}),
      savedMapping: savedLookup(ctx),
      strict: true
    })
    itemsInfo = tableInfo(source.itemsFile, itemsTable)
    itemsBytes = itemsTable.kind.bytes
  }
  let ordersTable: OpenedTable
  try {
    ordersTable = await openTable(source.file, {
      mode: itemsTable ? 'orders-with-item-report' : 'orders',
      preset,
      ...(options.mapping ? { mapping: options.mapping } : {}),
      savedMapping: savedLookup(ctx),
      strict: true
    })
  } catch (error) {
    await itemsTable?.close()
    throw error
  }
  const total = ordersTable.kind.bytes + itemsBytes
  const progress = new Progress(
    total,
    () => (itemsTable?.bytesRead() ?? 0) + ordersTable.bytesRead(),
    options.onProgress
  )
  progress.tick('reading', true)
  try {
    if (itemsTable) {
      const itemReport = new ItemReport(itemsTable.headers, itemsTable.indexes)
      report = itemReport
      await readAll(itemsTable, progress, options.signal, (r) => {
        itemReport.add(r)
      })
    }
  } catch (error) {
    await ordersTable.close()
    throw error
  }
  const itemColumns = report ? report.columnOf.bind(report) : undefined
  const assembler = new OrderAssembler({
    headers: ordersTable.headers,
    indexes: ordersTable.indexes,
    shopId,
    source: 'orders',
    itemsFromReport: report !== undefined,
    ...(itemColumns ? { itemColumns } : {})
  })
  await readAll(ordersTable, progress, options.signal, (r) => {
    assembler.add(r)
  })
  progress.tick('checking', true)
  const assembled = assembler.finish(report)
  checkAbort(options.signal)

  let fresh = 0
  let updated = 0
  let unchanged = 0
  let skipped = 0
  const held: RejectedRow[] = []
  const warnings: RejectedRow[] = []
  let heldOrders = 0
  const now = ctx.now()
  const ordersInfo = tableInfo(source.file, ordersTable)
  const idColumns = orderIdColumns(ordersInfo, itemsInfo)
  classifyBatches(ctx, assembled.orders, onDuplicate, now, (batch) => {
    for (const [order, c] of batch) {
      if (c.kind !== 'held') {
        warnings.push(...order.warnings)
      }
      switch (c.kind) {
        case 'new':
          fresh++
          break
        case 'update':
          updated++
          break
        case 'same':
          unchanged++
          break
        case 'skip':
          unchanged++
          skipped++
          break
        case 'held':
          heldOrders++
          held.push(...heldRows(order, c.hold, idColumns))
          break
      }
    }
  })
  const rejected = [...assembled.rejected, ...held].sort(byFileAndRow)
  progress.tick('done', true)
  return {
    preview: {
      orders: ordersInfo,
      items: itemsInfo,
      shopId,
      onDuplicate,
      rowsRead: progress.rows,
      counts: {
        new: fresh,
        updated,
        unchanged,
        skipped,
        rejected: assembled.rejectedOrders + heldOrders
      },
      rejected,
      warnings: warnings.sort(byFileAndRow),
      elapsedMs: Math.round(performance.now() - started)
    },
    orders: assembled.orders,
    baseRejected: assembled.rejected,
    baseRejectedOrders: assembled.rejectedOrders
  }
}

function byFileAndRow(a: RejectedRow, b: RejectedRow): number {
  return a.source === b.source ? a.row - b.row : a.source === 'orders' ? -1 : 1
}

/**
 * Writes every accepted order of a plan in ONE transaction, or nothing (invariant 6). Each
 * order is classified again inside the transaction, so an order printed or created since the
 * preview is treated as it is now. Orders with a package (printed, or holding a tracking number
 * or items) are never changed; they come back as rejected rows. Appends one audit event for the import.
 */
export function commitImport(
  ctx: CoreContext,
  plan: ImportPlan,
  options: CommitOptions = {}
): CommitResult {
  const out = writeImport(ctx, plan, options)
  announceImport(ctx, plan, out)
  return out
}

/**
 * A sheet without a temperature column says nothing about zones: its items' 常温 is only the
 * default, so they are marked for the SKU catalogue to fill (see core/skus/fill-facts.ts).
 */
function zoneSource(plan: ImportPlan): (order: NewOrder) => NewOrder {
  const stated =
    plan.preview.orders.mapping.temperatureZone !== undefined ||
    plan.preview.items?.mapping.temperatureZone !== undefined
  return stated
    ? (order) => order
    : (order) => ({ ...order, items: order.items.map((i) => ({ ...i, zoneStated: false })) })
}

/**
 * The transaction of {@link commitImport}, without telling anyone: a commit worker runs this
 * on its own connection and the host announces the result. Reports progress after every batch
 * (rows written of the plan's orders) and stops, rolling everything back, when cancelled.
 */
export function writeImport(
  ctx: CommitContext,
  plan: ImportPlan,
  options: CommitOptions = {}
): CommitResult {
  checkAbort(options.signal)
  const onDuplicate = options.onDuplicate ?? plan.preview.onDuplicate
  const progress = new Progress(0, () => 0, options.onProgress, plan.orders.length)
  progress.tick('writing', true)
  const idColumns = orderIdColumns(plan.preview.orders, plan.preview.items)
  const zones = zoneSource(plan)
  const result = ctx.db
    .transaction((): CommitResult => {
      const now = ctx.now()
      const insertedIds: number[] = []
      const updatedIds: number[] = []
      let unchanged = 0
      let heldOrders = 0
      const held: RejectedRow[] = []
      classifyBatches(ctx, plan.orders, onDuplicate, now, (batch) => {
        const fresh: NewOrder[] = []
        for (const [order, c] of batch) {
          if (c.kind === 'new') {
            fresh.push(zones(freshOrder(order, now)))
          } else if (c.kind === 'update') {
            replaceOrder(ctx.db, c.id, zones(c.order))
            updatedIds.push(c.id)
          } else if (c.kind === 'held') {
            heldOrders++
            held.push(...heldRows(order, c.hold, idColumns))
          } else {
            unchanged++
          }
        }
        // Nested in the outer transaction: a savepoint per batch, still all-or-nothing.
        insertedIds.push(...insertOrders(ctx.db, fresh))
        progress.rows += batch.length
        progress.tick('writing', true)
        // Throwing inside the transaction function is what rolls it back.
        if (options.cancelled?.() === true) {
          throw cancelledError()
        }
        checkAbort(options.signal)
      })
      const rejected = [...plan.baseRejected, ...held].sort(byFileAndRow)
      appendAudit(ctx.db, {
        at: now,
        actor: ctx.actor,
        station: ctx.station,
        action: 'orders.imported',
        entity: 'import',
        entityId: null,
        details: {
          file: basename(plan.preview.orders.file),
          itemsFile: plan.preview.items ? basename(plan.preview.items.file) : null,
          format: plan.preview.orders.format,
          preset: plan.preview.orders.preset,
          signature: plan.preview.orders.signature,
          shopId: plan.preview.shopId,
          onDuplicate,
          rowsRead: plan.preview.rowsRead,
          inserted: insertedIds.length,
          updated: updatedIds.length,
          unchanged,
          rejectedOrders: plan.baseRejectedOrders + heldOrders,
          rejectedRows: rejected.length
        }
      })
      return {
        accepted: insertedIds.length,
        updated: updatedIds.length,
        unchanged,
        rejected,
        orderIds: [...insertedIds, ...updatedIds]
      }
    })
    .immediate()
  progress.tick('done', true)
  return result
}

/** Logs a written import and tells the UI which orders changed. */
export function announceImport(
  ctx: Pick<CoreContext, 'log' | 'emit'>,
  plan: ImportPlan,
  out: CommitResult
): void {
  ctx.log.info('orders imported', {
    file: basename(plan.preview.orders.file),
    inserted: out.accepted,
    updated: out.updated,
    rejectedRows: out.rejected.length
  })
  if (out.orderIds.length > 0) {
    ctx.emit('orders.changed', { ids: [...out.orderIds] })
  }
}
