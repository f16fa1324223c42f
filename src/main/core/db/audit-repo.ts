import type { ReadableDB, WritableDB } from './connection'

export type AuditEventInput = {
  readonly at: number
  readonly actor: string
  readonly station: string
  readonly action: string
  readonly entity: string
  readonly entityId: number | null
  readonly details?: Readonly<Record<string, unknown>>
}

type AuditRow = { at: number; actor: string; station: string; action: string; details: string }

export function appendAudit(db: WritableDB, event: AuditEventInput): void {
  auditAppender(db)(event)
}

/** appendAudit with its statement prepared once, for a batch of thousands in one transaction. */
export function auditAppender(db: WritableDB): (event: AuditEventInput) => void {
  const statement = db.prepare(
    `INSERT INTO audit_events (at, actor, station, action, entity, entity_id, details)
     VALUES (?, ?, ?, ?, ?, ?, ?)`
  )
  return (event) => {
    statement.run(
      event.at,
      event.actor,
      event.station,
      event.action,
      event.entity,
      event.entityId,
      JSON.stringify(event.details ?? {})
    )
  }
}

export function auditFor(
  db: ReadableDB,
  entity: string,
  entityId: number
): {
  at: number
  actor: string
  station: string
  action: string
  details: Record<string, unknown>
}[] {
  return db
    .prepare<[string, number], AuditRow>(
      `SELECT at, actor, station, action, details FROM audit_events
       WHERE entity = ? AND entity_id = ? ORDER BY at, id`
    )
    .all(entity, entityId)
    .map((row) => ({ ...row, details: parseDetails(row.details) }))
}

function parseDetails(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json)
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}
