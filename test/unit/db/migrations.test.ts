import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import {
  DatabaseFromFutureError,
  MigrationTamperedError,
  migrate,
  migrationHash,
  openDatabase,
  schemaVersion,
  type WritableDB
} from '../../../src/main/core/db/connection'
import { MIGRATIONS, type Migration } from '../../../src/main/core/db/migrations'
import { listOrders } from '../../../src/main/core/db/order-list-query'
import { insertOrders, orderItems } from '../../../src/main/core/db/orders-repo'
import { insertPackage } from '../../../src/main/core/db/packages-repo'
import { makeTempDir, newOrderRow } from '../../support/core-fixtures'

/**
 * Shipped migrations never change (DESIGN §4). Each one's sha256 is written here once, when it
 * ships; editing a shipped migration's SQL makes this test fail. A schema change is a NEW migration
 * (with a new pin), never an edit.
 */
const SHIPPED_MIGRATION_HASHES: Readonly<Record<number, string>> = {
  10: 'e625157688a9d2d1d6d13f5c3849d8f084830ada44b19f28ab38c1b367ff4b57',
  20: 'e7de771fdfc36f13176d1a724358b04137263bdaa4070cba2419ad49c9e6aa44',
  30: '15474d88f58ec14366802f14e6d5662230c438d53a7e0389036a4ff4a3677ad9',
  40: '00e708088a8881cd295534ba7ae97befdd2d8d0567f9e5e6703e13bead17f02f',
  50: '98e407873c3a55474242e180ec2acddfe6d0469ed45d59d1586c6bbd7a14bfbd',
  60: '61afa98a13e4de355bd727b17ce11758a848c69ac3897bb453a23308859c9722',
  70: 'a20af8272b4bde1bdad9a2b5ad1186cd8f3bea92ea8ad3919b95469b98094f62',
  80: '383bb2ad3b1e521fabbeabae9379c1201d0715f22a4c1e3245d15cf5d89d296f',
  90: 'ca297db7dc5b3494a3fdc47babf39c922801040b59a1e3310f29dcea5c95acb4',
  100: '7eb8a6435cb0c1768505b466689c9ab6a82f1a6cd3a3dec660b28545c47061b9',
  110: '73ab6bfb3cf7b32d9041e0c146bdbfe05967d9df85c5fad148e01efddaad51cd'
}

const LATEST = MIGRATIONS.at(-1)?.version ?? 0
/** The versions the test-only migrations below take: right after the shipped ones. */
const NEXT = LATEST + 10

const mNext: Migration = {
  version: NEXT,
  name: 'test-add-weight-note',
  sql: `
ALTER TABLE orders ADD COLUMN weight_note TEXT NOT NULL DEFAULT 'unchecked';
CREATE TABLE parcel_photos (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  path TEXT NOT NULL
) STRICT;
INSERT INTO parcel_photos (order_id, path) SELECT id, 'photo-' || platform_order_id FROM orders;
`
}

const mBroken: Migration = {
  version: NEXT + 10,
  name: 'test-broken',
  sql: 'CREATE TABLE broken (id INTEGER PRIMARY KEY) STRICT; INSERT INTO no_such_table VALUES (1);'
}

/** Inspects a database file with a raw handle, without running any migration. */
function inspectRaw<T>(file: string, read: (db: Database.Database) => T): T {
  const raw = new Database(file)
  try {
    return read(raw)
  } finally {
    raw.close()
  }
}

function tableNames(db: Database.Database): string[] {
  return db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
    )
    .all()
    .map((r) => r.name)
}

let temp: ReturnType<typeof makeTempDir>
let file: string
const opened: WritableDB[] = []

function open(migrations?: readonly Migration[]): WritableDB {
  const db = openDatabase(file, migrations ? { migrations } : {})
  opened.push(db)
  return db
}

beforeEach(() => {
  temp = makeTempDir('wb-migrations-')
  file = join(temp.dir, 'waybill.sqlite')
})

afterEach(() => {
  for (const db of opened.splice(0)) {
    if (db.open) {
      db.close()
    }
  }
  temp.remove()
})

describe('a fresh database', () => {
  test('migrates to the latest version and records every migration with its hash', () => {
    const db = openDatabase(':memory:')
    try {
      expect(LATEST).toBeGreaterThanOrEqual(10)
      expect(schemaVersion(db)).toBe(LATEST)
      const applied = db
        .prepare<[], { version: number; name: string; sha256: string }>(
          'SELECT version, name, sha256 FROM schema_migrations ORDER BY version'
        )
        .all()
      expect(applied).toEqual(
        MIGRATIONS.map((m) => ({ version: m.version, name: m.name, sha256: migrationHash(m) }))
      )
      // The manual shop every fresh install starts with (DESIGN §4, embedded defaults).
      expect(db.prepare('SELECT id, platform FROM shops').all()).toEqual([
        { id: 1, platform: 'manual' }
      ])
    } finally {
      db.close()
    }
  })

  test('every regular table is STRICT', () => {
    const db = open()
    // Virtual tables (e.g. full-text search) and their shadow tables cannot be STRICT.
    const virtualTables = db
      .prepare<[], { name: string }>(
        `SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`
      )
      .all()
      .map((r) => r.name)
    const isShadowOfVirtual = (name: string) => virtualTables.some((v) => name.startsWith(`${v}_`))
    const regular = db
      .prepare<[], { name: string; sql: string }>(
        `SELECT name, sql FROM sqlite_schema
         WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
         ORDER BY name`
      )
      .all()
      .filter((t) => !isShadowOfVirtual(t.name))
    // The check must see the real tables, not an empty list.
    expect(regular.map((t) => t.name)).toEqual(
      expect.arrayContaining(['orders', 'order_items', 'packages', 'schema_migrations', 'settings'])
    )
    const notStrict = regular.filter((t) => !/\)\s*STRICT\s*$/i.test(t.sql)).map((t) => t.name)
    expect(notStrict).toEqual([])
    // SQLite's own view of the same thing.
    const pragmaNotStrict = db
      .prepare<[], { name: string; type: string; strict: number }>('PRAGMA table_list')
      .all()
      .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_') && t.strict !== 1)
      .filter((t) => !isShadowOfVirtual(t.name))
      .map((t) => t.name)
    expect(pragmaNotStrict).toEqual([])
  })

  test('a file database runs in WAL mode with foreign keys enforced', () => {
    const db = open()
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(() => insertOrders(db, [newOrderRow('FK-1', { shopId: 999 })])).toThrow(/FOREIGN KEY/)
  })

  test('STRICT typing refuses a value of the wrong type', () => {
    const db = open()
    expect(() =>
      db.prepare(`INSERT INTO settings (key, value) VALUES ('k', ?)`).run(Buffer.from('x'))
    ).toThrow(/cannot store BLOB value in TEXT column/)
  })

  test('reopening an up-to-date database changes nothing', () => {
    open().close()
    const db = open()
    expect(schemaVersion(db)).toBe(LATEST)
    expect(db.prepare('SELECT count(*) AS n FROM schema_migrations').get()).toEqual({
      n: MIGRATIONS.length
    })
    expect(db.prepare('SELECT count(*) AS n FROM shops').get()).toEqual({ n: 1 })
  })

  test('a read-only open of a migrated database reads and refuses writes', () => {
    open().close()
    const db = openDatabase(file, { readonly: true })
    opened.push(db)
    expect(schemaVersion(db)).toBe(LATEST)
    expect(() => db.prepare(`INSERT INTO settings (key, value) VALUES ('a', 'b')`).run()).toThrow(
      /readonly/
    )
  })
})

describe('migrations with data', () => {
  test('a new migration keeps the rows written under the previous version', () => {
    const before = open(MIGRATIONS)
    const ids = insertOrders(before, [
      newOrderRow('KS-0001', { receiver: { name: '王五' } }),
      newOrderRow('KS-0002')
    ])
    before.prepare(`INSERT INTO settings (key, value) VALUES ('ui.language', 'zh-CN')`).run()
    before.close()

    const after = open([...MIGRATIONS, mNext])
    expect(schemaVersion(after)).toBe(NEXT)
    const rows = after
      .prepare<
        [],
        { id: number; platform_order_id: string; receiver_name: string; weight_note: string }
      >('SELECT id, platform_order_id, receiver_name, weight_note FROM orders ORDER BY id')
      .all()
    expect(rows).toEqual([
      { id: ids[0], platform_order_id: 'KS-0001', receiver_name: '王五', weight_note: 'unchecked' },
      { id: ids[1], platform_order_id: 'KS-0002', receiver_name: '李四', weight_note: 'unchecked' }
    ])
    expect(orderItems(after, ids[0] ?? 0).map((i) => i.title)).toEqual(['运动袜 三双装'])
    expect(
      after.prepare('SELECT order_id, path FROM parcel_photos ORDER BY order_id').all()
    ).toEqual([
      { order_id: ids[0], path: 'photo-KS-0001' },
      { order_id: ids[1], path: 'photo-KS-0002' }
    ])
    expect(after.prepare(`SELECT value FROM settings WHERE key = 'ui.language'`).get()).toEqual({
      value: 'zh-CN'
    })
    expect(after.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([
      ...MIGRATIONS.map((m) => ({ version: m.version })),
      { version: NEXT }
    ])
    // Search over the migrated database still finds the old rows.
    const found = listOrders(after, { query: 'KS-0002', status: undefined, offset: 0, limit: 10 })
    expect(found.rows.map((r) => r.id)).toEqual([ids[1]])
  })

  test('the app that only knows the shipped migrations then refuses the newer database', () => {
    open([...MIGRATIONS, mNext]).close()
    expect(() => open(MIGRATIONS)).toThrow(DatabaseFromFutureError)
  })

  test('migrate() with a target stops there, and a later open continues', () => {
    const db = openDatabase(file, { migrations: [] })
    opened.push(db)
    migrate(db, [...MIGRATIONS, mNext], LATEST)
    expect(schemaVersion(db)).toBe(LATEST)
    expect(tableNames(db)).not.toContain('parcel_photos')
    db.close()
    expect(schemaVersion(open([...MIGRATIONS, mNext]))).toBe(NEXT)
  })
})

describe('migration 20: order-list indexes on a database with data', () => {
  const HOUR = 3_600_000
  const T = 1_760_000_000_000

  function indexNames(db: Database.Database, table: string): string[] {
    return db
      .prepare<[], { name: string }>(`PRAGMA index_list(${table})`)
      .all()
      .map((r) => r.name)
  }

  test('adds the indexes and the paid sort key to orders written under version 10', () => {
    const v10 = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version <= 10) })
    opened.push(v10)
    expect(schemaVersion(v10)).toBe(10)
    // Written with version 10's own columns: today's repo writes columns later migrations add.
    const insertV10 = v10.prepare<[string, number, number | null, number]>(
      `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone,
         province, city, district, address_detail, receiver_phone_rev, created_at, paid_at, updated_at)
       VALUES (1, ?, 'pending', '张三', '13800000000', '浙江省', '杭州市', '西湖区', '文三路 1 号',
         '00000000831', ?, ?, ?)`
    )
    const ids = [
      insertV10.run('P-1', T, T + 5 * HOUR, T),
      // No paid time: the paid sort uses its created time.
      insertV10.run('P-2', T + 3 * HOUR, null, T),
      insertV10.run('P-3', T + 2 * HOUR, T + 4 * HOUR, T)
    ].map((r) => Number(r.lastInsertRowid))
    insertPackage(v10, {
      orderId: ids[2] ?? 0,
      sequence: 1,
      role: 'first',
      carrier: 'ZTO',
      trackingNumber: 'ZT0001',
      template: null,
      createdAt: T
    })
    v10.close()
    expect(inspectRaw(file, (raw) => indexNames(raw, 'orders'))).not.toContain('orders_status')

    const db = open()
    expect(schemaVersion(db)).toBe(LATEST)
    expect(indexNames(db, 'orders')).toEqual(
      expect.arrayContaining([
        'orders_paid',
        'orders_status',
        'orders_shop',
        'orders_region',
        'orders_exemption',
        'orders_refund_requested'
      ])
    )
    expect(indexNames(db, 'packages')).toContain('packages_carrier_order')
    expect(db.prepare('SELECT platform_order_id, paid_sort FROM orders ORDER BY id').all()).toEqual(
      [
        { platform_order_id: 'P-1', paid_sort: T + 5 * HOUR },
        { platform_order_id: 'P-2', paid_sort: T + 3 * HOUR },
        { platform_order_id: 'P-3', paid_sort: T + 4 * HOUR }
      ]
    )
    // The old rows are listed in the new sorts and found by the new filters.
    const list = (extra: Partial<Parameters<typeof listOrders>[1]>) =>
      listOrders(db, { query: '', status: undefined, offset: 0, limit: 10, ...extra }).rows.map(
        (r) => r.platform_order_id
      )
    expect(list({ sort: 'paid_desc' })).toEqual(['P-1', 'P-3', 'P-2'])
    expect(list({ sort: 'order_id_desc' })).toEqual(['P-3', 'P-2', 'P-1'])
    expect(list({ carrier: 'ZTO' })).toEqual(['P-3'])
    // A write after the migration keeps the generated key in step.
    db.prepare('UPDATE orders SET paid_at = ? WHERE id = ?').run(T + 9 * HOUR, ids[1] ?? 0)
    expect(list({ sort: 'paid_desc' })).toEqual(['P-2', 'P-1', 'P-3'])

    // has_tracking: backfilled from the old packages, then kept by the triggers on packages.
    const tracked = () =>
      db
        .prepare<[], { platform_order_id: string }>(
          'SELECT platform_order_id FROM orders WHERE has_tracking = 1 ORDER BY id'
        )
        .all()
        .map((r) => r.platform_order_id)
    expect(tracked()).toEqual(['P-3'])
    const untracked = insertPackage(db, {
      orderId: ids[0] ?? 0,
      sequence: 1,
      role: 'first',
      carrier: null,
      trackingNumber: null,
      template: null,
      createdAt: T
    })
    expect(tracked()).toEqual(['P-3'])
    db.prepare(`UPDATE packages SET carrier = 'YTO', tracking_number = 'YT9' WHERE id = ?`).run(
      untracked
    )
    expect(tracked()).toEqual(['P-1', 'P-3'])
    db.prepare('UPDATE packages SET tracking_number = NULL WHERE id = ?').run(untracked)
    expect(tracked()).toEqual(['P-3'])
    db.prepare('DELETE FROM packages WHERE order_id = ?').run(ids[2] ?? 0)
    expect(tracked()).toEqual([])
    expect(
      list({ problem: 'unshipped', unshippedBefore: T + 10 * HOUR, sort: 'order_id_asc' })
    ).toEqual(['P-1', 'P-2', 'P-3'])
  })
})

describe('all pending migrations run in one transaction', () => {
  test('a failing migration on a fresh database leaves version 0 and no tables', () => {
    expect(() => open([...MIGRATIONS, mNext, mBroken])).toThrow(/no such table/)
    const state = inspectRaw(file, (raw) => ({
      version: Number(raw.pragma('user_version', { simple: true })),
      tables: tableNames(raw)
    }))
    expect(state).toEqual({ version: 0, tables: [] })
  })

  test('a failing migration on an existing database leaves it at its version, data intact', () => {
    const before = open(MIGRATIONS)
    insertOrders(before, [newOrderRow('KS-0009')])
    before.close()
    expect(() => open([...MIGRATIONS, mNext, mBroken])).toThrow(/no such table/)
    const state = inspectRaw(file, (raw) => ({
      version: Number(raw.pragma('user_version', { simple: true })),
      tables: tableNames(raw),
      orders: raw.prepare('SELECT platform_order_id FROM orders').all(),
      columns: raw
        .prepare<[], { name: string }>('PRAGMA table_info(orders)')
        .all()
        .map((c) => c.name),
      applied: raw.prepare('SELECT version FROM schema_migrations').all()
    }))
    expect(state.version).toBe(LATEST)
    expect(state.tables).not.toContain('parcel_photos')
    expect(state.tables).not.toContain('broken')
    expect(state.columns).not.toContain('weight_note')
    expect(state.orders).toEqual([{ platform_order_id: 'KS-0009' }])
    expect(state.applied).toEqual(MIGRATIONS.map((m) => ({ version: m.version })))
  })

  test('migration versions must rise in steps of 10', () => {
    const db = openDatabase(':memory:', { migrations: [] })
    try {
      expect(() => {
        migrate(db, [...MIGRATIONS, { version: 15, name: 'odd', sql: 'SELECT 1' }])
      }).toThrow(/steps of 10/)
      expect(() => {
        migrate(db, [mNext, ...MIGRATIONS])
      }).toThrow(/steps of 10/)
      expect(schemaVersion(db)).toBe(0)
    } finally {
      db.close()
    }
  })
})

describe('refused databases', () => {
  test('a database newer than the app is refused with DatabaseFromFutureError, untouched', () => {
    open().close()
    inspectRaw(file, (raw) => raw.pragma(`user_version = ${String(LATEST + 10)}`))
    let thrown: unknown
    try {
      open()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(DatabaseFromFutureError)
    expect(thrown).toMatchObject({ code: 'DB_FROM_FUTURE' })
    expect((thrown as Error).message).toContain(String(LATEST + 10))
    expect(inspectRaw(file, (raw) => raw.pragma('user_version', { simple: true }))).toBe(
      LATEST + 10
    )
  })

  test('a database whose applied migration text differs is refused with MigrationTamperedError', () => {
    open().close()
    const first = MIGRATIONS[0]
    if (!first) {
      throw new Error('no migrations')
    }
    const edited: Migration = {
      ...first,
      sql: `${first.sql}\nCREATE INDEX extra ON orders (remark);`
    }
    let thrown: unknown
    try {
      open([edited, ...MIGRATIONS.slice(1)])
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(MigrationTamperedError)
    expect(thrown).toMatchObject({ code: 'DB_MIGRATION_CHANGED' })
    expect((thrown as Error).message).toContain(String(first.version))
    // Nothing of the edited text was applied.
    expect(
      inspectRaw(file, (raw) =>
        raw.prepare(`SELECT name FROM sqlite_schema WHERE name = 'extra'`).all()
      )
    ).toEqual([])
  })
})

describe('shipped migrations are immutable', () => {
  test.each(MIGRATIONS.map((m) => [m.version, m] as const))(
    'migration %i matches its pinned sha256',
    (version, m) => {
      expect(SHIPPED_MIGRATION_HASHES[version], `migration ${version} has no pin`).toBeDefined()
      expect(migrationHash(m)).toBe(SHIPPED_MIGRATION_HASHES[version])
    }
  )

  test('every shipped migration has a pin and every pin is still shipped', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(
      Object.keys(SHIPPED_MIGRATION_HASHES).map(Number)
    )
  })

  test('the hash covers the SQL text: a one-character edit changes it', () => {
    const first = MIGRATIONS[0]
    if (!first) {
      throw new Error('no migrations')
    }
    expect(migrationHash({ ...first, sql: `${first.sql} ` })).not.toBe(migrationHash(first))
  })
})
