import type { AppendBatchRefusal } from '../../../shared/api/append-batch'
import { resolveCarrier } from '../../../shared/carrier-aliases'
import type { AppendOrderFacts, NumberUse } from '../db/append-batches-repo'
import { checkAppend, checkNotFirstShipmentNumber } from '../rules/append-rules'
import type { PlatformLimits } from '../rules/limits'
import type { AppendColumns, AppendSheetRow } from './append-batch-read'

/** A row that passed every check: what the commit writes. */
export type AcceptedAppendRow = {
  readonly row: number
  readonly order: AppendOrderFacts
  readonly carrier: string
  readonly trackingNumber: string
  readonly remark: string
}

export type AppendPreflightResult = {
  readonly accepted: readonly AcceptedAppendRow[]
  readonly refused: readonly AppendBatchRefusal[]
}

/** Where the pre-flight reads the database: one order or number at a time, by index. */
export type AppendFacts = {
  readonly orders: (platformOrderId: string) => readonly AppendOrderFacts[]
  readonly numberUses: (trackingNumber: string) => readonly NumberUse[]
  readonly limitsFor: (platform: string) => PlatformLimits
}

/** Tracking numbers are compared as a scanner would read them: no spaces, upper case. */
export function normalizeNumber(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase()
}

/**
 * Checks every row of a batch in sheet order. A row's count of appends includes the rows above
 * it accepted for the same order (APPEND_MAX_20), and a number seen on an earlier row refuses the
 * later one. The platform rules themselves are A1's pure functions in core/rules; this only
 * gathers their facts and the sheet-level reasons (empty cells, unknown carrier, numbers).
 */
export function preflightAppendRows(
  rows: readonly AppendSheetRow[],
  header: readonly string[],
  columns: AppendColumns,
  facts: AppendFacts,
  now: number
): AppendPreflightResult {
  const accepted: AcceptedAppendRow[] = []
  const refused: AppendBatchRefusal[] = []
  const firstRowOfNumber = new Map<string, number>()
  const extraByOrder = new Map<number, number>()
  const name = (index: number): string => header[index] ?? ''
  const orderColumn = name(columns.order)
  const carrierColumn = name(columns.carrier)
  const numberColumn = name(columns.number)

  for (const r of rows) {
    const cell = (i: number | null): string => (i === null ? '' : (r.cells[i] ?? '').trim())
    const refuse = (
      column: string,
      reason: AppendBatchRefusal['reason'],
      params: AppendBatchRefusal['params'] = {},
      rule: AppendBatchRefusal['rule'] = null
    ): void => {
      refused.push({ row: r.row, column, rule, reason, params })
    }
    const orderId = cell(columns.order)
    const carrierText = cell(columns.carrier)
    const number = normalizeNumber(cell(columns.number))
    if (orderId === '') {
      refuse(orderColumn, 'order_missing')
      continue
    }
    if (carrierText === '') {
      refuse(carrierColumn, 'carrier_missing')
      continue
    }
    if (number === '') {
      refuse(numberColumn, 'number_missing')
      continue
    }
    const carrier = resolveCarrier(carrierText)
    if (!carrier) {
      refuse(carrierColumn, 'unknown_carrier', { carrier: carrierText })
      continue
    }
    if (!carrier.pattern.test(number)) {
      refuse(numberColumn, 'number_pattern', {
        number,
        carrier: carrier.code,
        carrierName: carrier.name,
        sample: carrier.sample
      })
      continue
    }
    const firstRow = firstRowOfNumber.get(number)
    if (firstRow !== undefined) {
      refuse(numberColumn, 'number_twice_in_sheet', { number, firstRow })
      continue
    }
    firstRowOfNumber.set(number, r.row)
    const found = facts.orders(orderId)
    const order = found[0]
    if (!order) {
      refuse(orderColumn, 'unknown_order', { orderId })
      continue
    }
    if (found.length > 1) {
      refuse(orderColumn, 'ambiguous_order', { orderId, shops: found.length })
      continue
    }
    const uses = facts.numberUses(number)
    const first = checkNotFirstShipmentNumber(number, order.firstNumbers.map(normalizeNumber))
    if (!first.ok) {
      refuse(
        numberColumn,
        'first_shipment_number',
        { ...first.refusal.params, number },
        first.refusal.rule
      )
      continue
    }
    if (uses.some((u) => u.orderId === order.id && u.role === 'appended')) {
      refuse(numberColumn, 'number_already_appended', { number, orderId })
      continue
    }
    const other = uses[0]
    if (other) {
      refuse(numberColumn, 'number_on_other_package', {
        number,
        otherOrderId: other.platformOrderId
      })
      continue
    }
    const extra = extraByOrder.get(order.id) ?? 0
    const verdict = checkAppend(order, facts.limitsFor(order.platform), now, extra)
    if (!verdict.ok) {
      refuse(orderColumn, 'rule', verdict.refusal.params, verdict.refusal.rule)
      continue
    }
    extraByOrder.set(order.id, extra + 1)
    accepted.push({
      row: r.row,
      order,
      carrier: carrier.code,
      trackingNumber: number,
      remark: cell(columns.remark)
    })
  }
  return { accepted, refused }
}
