import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import type { AppendBatchRefusal } from '../../../shared/api/append-batch'
import type { RuleId } from '../../../shared/rules'
import type { RuleLang } from '../../../shared/rule-words'
import { appendAudit } from '../db/audit-repo'
import {
  loadAppendFacts,
  getAppendBatch,
  insertAppendBatch,
  markAppendBatchCommitted,
  type AppendBatchContent
} from '../db/append-batches-repo'
import type { ReadableDB } from '../db/connection'
import { platformLimits, strictestLimits } from '../db/platform-limits-repo'
import type { CoreContext } from '../context'
import { checkAppendBatchSize } from '../rules/append-rules'
import type { PlatformLimits } from '../rules/limits'
import { readAppendSheet, type AppendColumns, type AppendSheetRow } from './append-batch-read'
import {
  normalizeNumber,
  preflightAppendRows,
  type AppendFacts,
  type AppendPreflightResult
} from './append-batch-preflight'
import { appendedPackageWriter } from './append-batch-commit'
import { writeRefusedSheet } from './append-batch-sheets'

/** A sheet over the batch limit: refused whole by APPEND_BATCH_MAX_5000, or taken in parts. */
export type TooBig = {
  readonly rule: RuleId
  readonly params: Readonly<Record<string, string | number>>
  readonly rows: number
  readonly max: number
  readonly parts: number
}

export type AppendBatchPreview = {
  readonly batchId: number | null
  readonly fileName: string
  readonly rows: number
  readonly accepted: number
  readonly refused: readonly AppendBatchRefusal[]
  readonly tooBig: TooBig | null
  readonly part: number
  readonly parts: number
}

export type AppendBatchCommit = {
  readonly batchId: number
  readonly accepted: number
  readonly refused: readonly AppendBatchRefusal[]
  readonly alreadyCommitted: boolean
  readonly packageIds: readonly number[]
  /** The orders that got packages, for lists that show package counts. */
  readonly orderIds: readonly number[]
}

/** What a batch keeps of its sheet: enough to re-check, commit and write the refused sheet. */
type StoredLayout = { readonly header: readonly string[]; readonly columns: AppendColumns }

/** A part of a sheet taken in several batches was asked for that the sheet does not have. */
export class AppendBatchPartError extends Error {}

/**
 * The database side of the pre-flight for these rows: the orders and numbers they name, loaded
 * in a few set queries, and each platform's limits read once.
 */
export function appendFacts(
  db: ReadableDB,
  layout: StoredLayout,
  rows: readonly AppendSheetRow[]
): AppendFacts {
  const cell = (r: AppendSheetRow, i: number) => (r.cells[i] ?? '').trim()
  const lookup = loadAppendFacts(
    db,
    rows.map((r) => cell(r, layout.columns.order)).filter((id) => id !== ''),
    rows.map((r) => normalizeNumber(cell(r, layout.columns.number))).filter((n) => n !== '')
  )
  const limits = new Map<string, PlatformLimits>()
  return {
    ...lookup,
    limitsFor: (platform) => {
      let l = limits.get(platform)
      if (!l) {
        l = platformLimits(db, platform)
        limits.set(platform, l)
      }
      return l
    }
  }
}

/** Pre-flights parsed rows against the database now (the bench measures this alone). */
export function preflightBatch(
  db: ReadableDB,
  layout: StoredLayout,
  rows: readonly AppendSheetRow[],
  now: number
): AppendPreflightResult {
  return preflightAppendRows(
    rows,
    layout.header,
    layout.columns,
    appendFacts(db, layout, rows),
    now
  )
}

/**
 * Reads an uploaded sheet, pre-flights every row and keeps the batch (file, rows, refusals) as
 * 'previewed'. Nothing else is written. A sheet over the limit is refused whole unless `part`
 * asks for one slice of it (rows (part-1)·max+1 … part·max of the data, sheet row numbers kept).
 */
export async function previewAppendBatch(
  ctx: CoreContext,
  file: { readonly path: string; readonly name: string },
  options: {
    readonly part?: number
    /** False for a dry run: check only, keep no batch (batchId null). */
    readonly keep?: boolean
  } = {}
): Promise<AppendBatchPreview> {
  const sheet = await readAppendSheet(file.path)
  const max = strictestLimits(ctx.db).appendBatchMax
  const total = sheet.rows.length
  const parts = Math.max(1, Math.ceil(total / max))
  const size = checkAppendBatchSize(total, { ...strictestLimits(ctx.db), appendBatchMax: max })
  if (!size.ok && options.part === undefined) {
    return {
      batchId: null,
      fileName: file.name,
      rows: total,
      accepted: 0,
      refused: [],
      tooBig: { rule: size.refusal.rule, params: size.refusal.params, rows: total, max, parts },
      part: 0,
      parts
    }
  }
  const part = options.part ?? 1
  if (part > parts) {
    throw new AppendBatchPartError(
      `The sheet has ${String(parts)} part(s) of at most ${String(max)} rows; there is no part ${String(part)}`
    )
  }
  const rows = sheet.rows.slice((part - 1) * max, part * max)
  const layout: StoredLayout = { header: sheet.header, columns: sheet.columns }
  const result = preflightBatch(ctx.db, layout, rows, ctx.now())
  if (options.keep === false) {
    return {
      batchId: null,
      fileName: file.name,
      rows: rows.length,
      accepted: result.accepted.length,
      refused: result.refused,
      tooBig: null,
      part,
      parts
    }
  }
  const source = await readFile(file.path)
  const batchId = insertAppendBatch(ctx.db, {
    fileName: file.name,
    fileHash: createHash('sha256').update(source).digest('hex'),
    source,
    part,
    parts,
    header: JSON.stringify(layout),
    data: JSON.stringify(rows),
    refusals: JSON.stringify(result.refused),
    rows: rows.length,
    accepted: result.accepted.length,
    refused: result.refused.length,
    createdAt: ctx.now(),
    actor: ctx.actor
  })
  return {
    batchId,
    fileName: file.name,
    rows: rows.length,
    accepted: result.accepted.length,
    refused: result.refused,
    tooBig: null,
    part,
    parts
  }
}

function layoutOf(batch: AppendBatchContent): StoredLayout {
  return JSON.parse(batch.header) as StoredLayout
}

function rowsOf(batch: AppendBatchContent): AppendSheetRow[] {
  return JSON.parse(batch.data) as AppendSheetRow[]
}

/**
 * Commits a previewed batch: every row is checked again inside one IMMEDIATE transaction (the
 * database may have changed since the preview), then every accepted row is written in that same
 * transaction, or none is (invariant 6). A second commit of the same batch writes nothing and
 * says so. Null when there is no such batch.
 */
export function commitAppendBatch(ctx: CoreContext, batchId: number): AppendBatchCommit | null {
  const outcome = ctx.db
    .transaction((): AppendBatchCommit | null => {
      const batch = getAppendBatch(ctx.db, batchId)
      if (!batch) {
        return null
      }
      if (batch.state === 'committed') {
        return {
          batchId,
          accepted: batch.accepted,
          refused: JSON.parse(batch.refusals) as AppendBatchRefusal[],
          alreadyCommitted: true,
          packageIds: [],
          orderIds: []
        }
      }
      const now = ctx.now()
      const checked = preflightBatch(ctx.db, layoutOf(batch), rowsOf(batch), now)
      const write = appendedPackageWriter({
        db: ctx.db,
        now,
        actor: ctx.actor,
        station: ctx.station
      })
      const packageIds = checked.accepted.map(write)
      markAppendBatchCommitted(ctx.db, batchId, {
        accepted: checked.accepted.length,
        refused: checked.refused.length,
        refusals: JSON.stringify(checked.refused),
        at: now
      })
      appendAudit(ctx.db, {
        at: now,
        actor: ctx.actor,
        station: ctx.station,
        action: 'append_batch.committed',
        entity: 'append_batch',
        entityId: batchId,
        details: {
          fileName: batch.fileName,
          accepted: checked.accepted.length,
          refused: checked.refused.length
        }
      })
      return {
        batchId,
        accepted: checked.accepted.length,
        refused: checked.refused,
        alreadyCommitted: false,
        packageIds,
        orderIds: [...new Set(checked.accepted.map((row) => row.order.id))]
      }
    })
    .immediate()
  if (outcome && outcome.orderIds.length > 0) {
    ctx.emit('orders.changed', { ids: [...outcome.orderIds] })
  }
  return outcome
}

/** Writes the batch's refused rows (as of its last check) to `outFile`; null when there is no such batch. */
export async function writeBatchRefusedSheet(
  db: ReadableDB,
  batchId: number,
  outFile: string,
  lang: RuleLang
): Promise<{ rows: number } | null> {
  const batch = getAppendBatch(db, batchId)
  if (!batch) {
    return null
  }
  const refused = JSON.parse(batch.refusals) as AppendBatchRefusal[]
  const rows = await writeRefusedSheet(
    layoutOf(batch).header,
    rowsOf(batch),
    refused,
    outFile,
    lang
  )
  return { rows }
}
