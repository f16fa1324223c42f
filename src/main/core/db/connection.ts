import { createHash } from 'node:crypto'
import Database from 'better-sqlite3'
import { MIGRATIONS, type Migration } from './migrations'

/** A handle that may only read. Write functions take {@link WritableDB}. */
export type ReadableDB = Database.Database & { readonly __readable_db: never }
export type WritableDB = ReadableDB & { readonly __writable_db: never }

export class DatabaseFromFutureError extends Error {
  readonly code = 'DB_FROM_FUTURE'
}
export class MigrationTamperedError extends Error {
  readonly code = 'DB_MIGRATION_CHANGED'
}

export function migrationHash(m: Migration): string {
  return createHash('sha256').update(m.sql).digest('hex')
}

export type OpenOptions = {
  readonly migrations?: readonly Migration[]
  readonly readonly?: boolean
}

/** Opens (creating if needed) the app database: WAL, foreign keys, migrated to the latest version. */
export function openDatabase(file: string, options: OpenOptions = {}): WritableDB {
  const raw = new Database(file, { readonly: options.readonly ?? false })
  // Branding: the one place a raw handle becomes a typed one.
  const db = raw as WritableDB
  try {
    if (file !== ':memory:') {
      db.pragma('journal_mode = WAL')
      // Checkpoint every ~40 MB of WAL instead of 4 MB: bulk imports write far fewer pages twice.
      db.pragma('wal_autocheckpoint = 10000')
      db.pragma('journal_size_limit = 67108864')
    }
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    // 64 MiB of page cache: index pages of a 1M-order table stay hot for inserts and searches.
    db.pragma('cache_size = -65536')
    db.pragma('temp_store = MEMORY')
    migrate(db, options.migrations ?? MIGRATIONS)
  } catch (error) {
    db.close()
    throw error
  }
  return db
}

export function schemaVersion(db: ReadableDB): number {
  return Number(db.pragma('user_version', { simple: true }))
}

/**
 * Runs every pending migration in one transaction. Refuses a database written by a newer app,
 * and one whose applied migrations were written by a different text of the same version.
 */
export function migrate(db: WritableDB, migrations: readonly Migration[], target?: number): void {
  assertMonotonic(migrations)
  const latest = migrations.at(-1)?.version ?? 0
  const goal = target ?? latest
  const run = db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at INTEGER NOT NULL
    ) STRICT`)
    const current = schemaVersion(db)
    if (current > latest) {
      throw new DatabaseFromFutureError(
        `This database is at schema version ${current}, newer than this app understands (${latest}). Update the app.`
      )
    }
    const applied = db
      .prepare<[], { version: number; sha256: string }>(
        'SELECT version, sha256 FROM schema_migrations'
      )
      .all()
    const byVersion = new Map(migrations.map((m) => [m.version, m]))
    for (const row of applied) {
      const known = byVersion.get(row.version)
      if (known && migrationHash(known) !== row.sha256) {
        throw new MigrationTamperedError(
          `Migration ${row.version} (${known.name}) differs from the one applied to this database.`
        )
      }
    }
    const record = db.prepare(
      'INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)'
    )
    for (const m of migrations) {
      if (m.version <= current || m.version > goal) {
        continue
      }
      db.exec(m.sql)
      record.run(m.version, m.name, migrationHash(m), Date.now())
      db.pragma(`user_version = ${String(m.version)}`)
    }
  })
  run.immediate()
}

function assertMonotonic(migrations: readonly Migration[]): void {
  let previous = 0
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous || m.version % 10 !== 0) {
      throw new Error(`Migration versions must rise in steps of 10: ${m.version} after ${previous}`)
    }
    previous = m.version
  }
}
