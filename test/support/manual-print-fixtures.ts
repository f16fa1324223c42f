/**
 * Shared helpers for the manual-printing (issue 5) tests and bench: orders straight through the
 * orders repo, pools through the pool service, a printer row, and the invariant queries the
 * crash and concurrency tests assert after every step.
 */
import { createHash } from 'node:crypto'
import type { CoreContext } from '../../src/main/core/context'
import type { ReadableDB, WritableDB } from '../../src/main/core/db/connection'
import { insertOrders, type NewOrder } from '../../src/main/core/db/orders-repo'
import { addPrinter, type PrinterRow } from '../../src/main/core/db/printers-repo'
import {
  insertQueuedRecords,
  markSending,
  markSent
} from '../../src/main/core/db/print-records-repo'
import type { Bitmap } from '../../src/main/core/printing/bitmap'
import { encodeLabel } from '../../src/main/core/printing/printer'
import { addPool, expandRange } from '../../src/main/core/waybills/pool-service'
import { newOrderRow } from './core-fixtures'

export { seededRandom } from './manual-print-random'

/** `count` pending orders `${prefix}00001`…, in id order; returns their local ids. */
export function seedOrders(
  db: WritableDB,
  count: number,
  prefix = 'MP',
  overrides: (i: number) => Parameters<typeof newOrderRow>[1] = () => ({}),
  from = 1
): number[] {
  const rows: NewOrder[] = []
  for (let i = from; i < from + count; i++) {
    rows.push(
      newOrderRow(`${prefix}${String(i).padStart(5, '0')}`, {
        createdAt: 1_700_000_000_000 + i * 1000,
        ...overrides(i)
      })
    )
  }
  const ids: number[] = []
  for (let start = 0; start < rows.length; start += 1000) {
    ids.push(...insertOrders(db, rows.slice(start, start + 1000)))
  }
  return ids
}

/** A ZTO range pool (14-digit numbers) of `count` numbers starting at `start`. */
export function seedPool(ctx: CoreContext, count: number, start = '73610000000001'): number {
  const numbers = expandRange(start, count)
  if (!numbers.ok) {
    throw new Error(numbers.error.message)
  }
  const added = addPool(ctx, 'ZTO', 'range', `test ${start}+${String(count)}`, numbers.value)
  if (!added.ok) {
    throw new Error(added.error.message)
  }
  return added.value.poolId
}

export function addTcpPrinter(
  db: WritableDB,
  uri: string,
  language: 'tspl' | 'escpos' | 'zpl' = 'tspl',
  name = '虚拟打印机'
): PrinterRow {
  return addPrinter(
    db,
    {
      name,
      uri,
      language,
      dpi: 203,
      labelSize: '76x130',
      darkness: 8,
      offsetXDots: 0,
      offsetYDots: 0
    },
    Date.now()
  )
}

/**
 * The bytes hash the print queue stores in print_records for a label, recomputed from the bitmap
 * the virtual printer decoded: same encoder and options as the printer row (print-service's
 * printerLink), so a label that came out maps back to exactly the record written before it left.
 */
export function labelHash(bitmap: Bitmap, printer: PrinterRow): string {
  const bytes = encodeLabel(printer.language, bitmap, {
    dpi: printer.dpi,
    tspl: { density: printer.darkness }
  })
  return createHash('sha256').update(bytes).digest('hex')
}

export type InvariantReport = {
  readonly violations: string[]
  readonly allocated: number
  readonly packagesWithNumbers: number
}

function q<T>(db: ReadableDB, sql: string): T[] {
  return db.prepare<[], T>(sql).all()
}

/**
 * Invariants 1 and 2 over the whole database: no tracking number on two packages or allocated
 * twice, allocated pool numbers == packages with numbers (same package, same number), no
 * package with two numbers, no order with two live first packages.
 */
export function numberInvariants(db: ReadableDB): InvariantReport {
  const violations: string[] = []
  for (const r of q<{ t: string; n: number }>(
    db,
    `SELECT tracking_number AS t, count(*) AS n FROM packages WHERE tracking_number IS NOT NULL
     GROUP BY tracking_number HAVING n > 1`
  )) {
    violations.push(`tracking number ${r.t} is on ${String(r.n)} packages`)
  }
  for (const r of q<{ p: number; n: number }>(
    db,
    `SELECT package_id AS p, count(*) AS n FROM waybill_numbers WHERE package_id IS NOT NULL
     GROUP BY package_id HAVING n > 1`
  )) {
    violations.push(`package ${String(r.p)} holds ${String(r.n)} pool numbers`)
  }
  for (const r of q<{ id: number; t: string; wt: string | null }>(
    db,
    `SELECT p.id, p.tracking_number AS t, w.tracking_number AS wt FROM packages p
     LEFT JOIN waybill_numbers w ON w.package_id = p.id
     WHERE p.tracking_number IS NOT NULL AND (w.tracking_number IS NULL OR w.tracking_number <> p.tracking_number)`
  )) {
    violations.push(`package ${String(r.id)} has ${r.t} but its pool number is ${String(r.wt)}`)
  }
  for (const r of q<{ p: number; t: string }>(
    db,
    `SELECT w.package_id AS p, w.tracking_number AS t FROM waybill_numbers w
     LEFT JOIN packages p ON p.id = w.package_id
     WHERE w.state <> 'available' AND (p.id IS NULL OR p.tracking_number IS NULL OR p.tracking_number <> w.tracking_number)`
  )) {
    violations.push(`pool number ${r.t} is used but package ${String(r.p)} does not carry it`)
  }
  for (const r of q<{ t: string }>(
    db,
    `SELECT tracking_number AS t FROM waybill_numbers WHERE state = 'available' AND package_id IS NOT NULL`
  )) {
    violations.push(`pool number ${r.t} is available yet has an owner`)
  }
  for (const r of q<{ o: number; n: number }>(
    db,
    `SELECT order_id AS o, count(*) AS n FROM packages WHERE role = 'first' AND print_state <> 'voided'
     GROUP BY order_id HAVING n > 1`
  )) {
    violations.push(`order ${String(r.o)} has ${String(r.n)} live first packages`)
  }
  for (const r of q<{ id: number; t: string; rt: string }>(
    db,
    `SELECT p.id, p.tracking_number AS t, r.tracking_number AS rt FROM print_records r
     JOIN packages p ON p.id = r.package_id WHERE p.tracking_number IS NOT r.tracking_number`
  )) {
    violations.push(`package ${String(r.id)} (${r.t}) has a label printed as ${r.rt}`)
  }
  const allocated =
    q<{ n: number }>(db, `SELECT count(*) AS n FROM waybill_numbers WHERE state <> 'available'`)[0]
      ?.n ?? 0
  const packagesWithNumbers =
    q<{ n: number }>(db, `SELECT count(*) AS n FROM packages WHERE tracking_number IS NOT NULL`)[0]
      ?.n ?? 0
  if (allocated !== packagesWithNumbers) {
    violations.push(
      `${String(allocated)} pool numbers used but ${String(packagesWithNumbers)} packages have numbers`
    )
  }
  return { violations, allocated, packagesWithNumbers }
}

/**
 * Takes allocated packages through the real print-record path (queued → sending → sent) without
 * a printer, for tests of what comes after printing (ship, void, export, verify).
 */
export function markPrintedViaRecords(
  db: WritableDB,
  packages: readonly { readonly packageId: number; readonly trackingNumber: string }[],
  now = 1_700_000_100_000
): void {
  const records = insertQueuedRecords(db, packages, {
    printer: 'test',
    jobId: `job-${String(now)}`,
    reprint: false,
    now
  })
  for (const record of records) {
    markSending(db, record.id, 'hash', now)
    markSent(db, record.id, now)
  }
}
