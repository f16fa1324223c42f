/**
 * Seeded fuzzing helpers: a reproducible PRNG, hostile values (wrong types, huge strings, deep
 * nesting, prototype keys, non-finite numbers), payloads shaped from the contract's zod schemas
 * so some get past validation into the handlers, and a fingerprint of every table of a database.
 */
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { ReadableDB } from '../../src/main/core/db/connection'

export type Random = {
  /** [0, 1) */
  readonly next: () => number
  readonly int: (below: number) => number
  readonly pick: <T>(items: readonly T[]) => T
  readonly chance: (p: number) => boolean
}

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (below: number): number => Math.floor(next() * below)
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) {
        throw new Error('pick: empty list')
      }
      return items[int(items.length)] as T
    },
    chance: (p) => next() < p
  }
}

/** The seed a fuzz test uses: FUZZ_SEED when set (to replay a failure), else a fixed default. */
export function fuzzSeed(fallback: number): number {
  const given = process.env.FUZZ_SEED
  return given === undefined || given === '' ? fallback : Number(given) >>> 0
}

/** One million characters, built once. */
export const HUGE = 'A'.repeat(1_000_000)
const HUGE_CJK = '收'.repeat(1_000_000)

function nested(depth: number, asArray: boolean): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) {
    value = asArray ? [value] : { a: value }
  }
  return value
}

/** Objects whose own keys are the ones prototype pollution goes through (as JSON.parse makes them). */
export function prototypeKeyObjects(): unknown[] {
  return [
    JSON.parse('{"__proto__":{"polluted":"yes"}}') as unknown,
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}') as unknown,
    JSON.parse('{"prototype":{"polluted":"yes"},"__proto__":[1]}') as unknown,
    JSON.parse('{"__proto__":null,"id":1}') as unknown
  ]
}

/** A value that no well-typed field accepts as is, or that pushes a field to its extreme. */
export function hostileValue(random: Random): unknown {
  const choices: (() => unknown)[] = [
    () => undefined,
    () => null,
    () => random.chance(0.5),
    () => random.pick([NaN, Infinity, -Infinity, -0, -1, 0, 1.5, 1e308, -1e308, 2 ** 53 + 2]),
    () => random.pick([-(2 ** 31) - 1, 2 ** 63, Number.MAX_SAFE_INTEGER, Number.MIN_VALUE]),
    () => HUGE,
    () => HUGE_CJK,
    () => '',
    () =>
      random.pick([
        '=1+1',
        '@SUM(A1:A9)',
        '+cmd|"/c calc"!A1',
        "'; DROP TABLE orders; --",
        '\u0000\u0007\u001b[31m\r\n\t',
        '\ud800',
        '../../../../etc/passwd',
        '__proto__',
        'constructor',
        'prototype',
        '%s%n%x',
        '${process.exit()}'
      ]),
    () => [],
    () => ({}),
    () => [HUGE, HUGE],
    () => new Array<number>(100_000).fill(1),
    () => nested(random.pick([50, 2_000, 10_000]), random.chance(0.5)),
    () => random.pick(prototypeKeyObjects()),
    // What structured clone (Electron IPC) can carry besides JSON.
    () => random.pick([new Date(Number.NaN), new Date(0), 10n, new Map([['id', 1]])]),
    () => new Uint8Array(16)
  ]
  return random.pick(choices)()
}

type Def = {
  readonly type: string
  readonly shape?: Record<string, z.ZodType>
  readonly element?: z.ZodType
  readonly innerType?: z.ZodType
  readonly options?: readonly z.ZodType[]
  readonly entries?: Record<string, string | number>
  readonly values?: readonly unknown[]
  readonly valueType?: z.ZodType
}

/** zod 4 keeps each schema's definition here; reading it is how the shapes are followed. */
function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def
}

export type Leaves = {
  readonly string: (random: Random) => string
  readonly number: (random: Random) => number
}

/** Plausible leaves: short strings and small ids that match rows a test seeded. */
export const PLAUSIBLE: Leaves = {
  string: (random) =>
    random.pick(['', 'a', 'ZTO', 'SF', '76x130', 'KS8800001', '张三', '13812341234', '1', 'B1']),
  number: (random) => random.pick([1, 2, 3, 0, 10, 100])
}

/** Leaves at the edges a schema may still let through. */
export const EXTREME: Leaves = {
  string: (random) =>
    random.pick([
      HUGE,
      HUGE_CJK,
      '=1+1',
      '\u0000\u001b\r\n',
      '\ud800',
      '__proto__',
      'constructor',
      "'; DROP TABLE orders; --",
      ' '.repeat(5000),
      'ZTO'
    ]),
  number: (random) =>
    random.pick([1, 0, -1, 2 ** 31, 2 ** 53 - 1, -(2 ** 53) + 1, 1e15, 1.5, 5000, 5001])
}

/** A payload shaped like `schema` (often valid, not always: checks such as min/regex are not read). */
export function shapedSample(
  schema: z.ZodType,
  random: Random,
  leaves: Leaves,
  depth = 0
): unknown {
  const def = defOf(schema)
  if (depth > 12) {
    return undefined
  }
  const inner = (s: z.ZodType): unknown => shapedSample(s, random, leaves, depth + 1)
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        const kind = defOf(field).type
        if ((kind === 'optional' || kind === 'default') && random.chance(0.4)) {
          continue
        }
        out[key] = inner(field)
      }
      return out
    }
    case 'string':
      return leaves.string(random)
    case 'number':
      return leaves.number(random)
    case 'boolean':
      return random.chance(0.5)
    case 'enum':
      return random.pick(Object.values(def.entries ?? { a: 'a' }))
    case 'literal':
      return random.pick(def.values ?? [null])
    case 'array': {
      const n = random.int(4)
      return def.element ? Array.from({ length: n }, () => inner(def.element as z.ZodType)) : []
    }
    case 'union':
      return def.options && def.options.length > 0 ? inner(random.pick(def.options)) : null
    case 'optional':
    case 'default':
      return def.innerType ? inner(def.innerType) : undefined
    case 'nullable':
      return random.chance(0.2) || !def.innerType ? null : inner(def.innerType)
    case 'record':
      return def.valueType ? { [leaves.string(random)]: inner(def.valueType) } : {}
    default:
      return null
  }
}

type Container = Record<string, unknown> | unknown[]

function containers(value: unknown, out: Container[] = [], depth = 0): Container[] {
  if (depth > 20 || value === null || typeof value !== 'object') {
    return out
  }
  if (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype) {
    out.push(value as Container)
    for (const child of Object.values(value)) {
      containers(child, out, depth + 1)
    }
  }
  return out
}

/**
 * A hostile variant of a shaped payload: one field replaced by a hostile value, a prototype key
 * added somewhere, an array where an object was, or the whole payload replaced.
 */
export function mutate(payload: unknown, random: Random): unknown {
  const spots = containers(payload)
  const r = random.next()
  if (spots.length === 0 || r < 0.15) {
    return hostileValue(random)
  }
  const spot = random.pick(spots)
  if (r < 0.3) {
    // An own "__proto__" key, as JSON.parse produces it; plain assignment would set the prototype.
    Object.defineProperty(spot, random.pick(['__proto__', 'constructor', 'prototype']), {
      value: random.pick([{ polluted: 'yes' }, hostileValue(random)]),
      enumerable: true,
      configurable: true,
      writable: true
    })
    return payload
  }
  if (r < 0.4 && !Array.isArray(spot)) {
    return Array.isArray(payload) ? payload : [payload]
  }
  const keys = Object.keys(spot)
  if (keys.length === 0) {
    return hostileValue(random)
  }
  const key = random.pick(keys)
  ;(spot as Record<string, unknown>)[key] = hostileValue(random)
  return payload
}

/** Every table's row count and a hash of its rows: equal fingerprints mean nothing was written. */
export function fingerprint(db: ReadableDB): Record<string, string> {
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`
    )
    .all()
  const out: Record<string, string> = {}
  for (const { name } of tables) {
    const hash = createHash('sha256')
    let rows = 0
    // The name comes from sqlite_schema, never from input.
    for (const row of db.prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`).iterate()) {
      rows++
      hash.update(JSON.stringify(row, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)))
    }
    out[name] = `${String(rows)}:${hash.digest('hex').slice(0, 16)}`
  }
  out['#user_version'] = String(db.pragma('user_version', { simple: true }))
  return out
}

/**
 * Rows this connection has inserted, updated or deleted since it opened (SQLite's counter): the
 * cheap per-call check; a fingerprint settles the rare case of a write that was rolled back.
 */
export function totalChanges(db: ReadableDB): number {
  return db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0
}

/** Tells whether a call wrote anything, comparing fingerprints only when SQLite's counter moved. */
export function writeWatch(db: ReadableDB): {
  /** Call before each call whose writes are allowed to stay (re-bases the watch). */
  readonly rebase: () => void
  /** The tables that differ from the last rebase ([] when nothing was written). */
  readonly written: () => string[]
} {
  let changes = totalChanges(db)
  let print: Record<string, string> | null = null
  return {
    rebase: () => {
      const now = totalChanges(db)
      if (now !== changes || print === null) {
        changes = now
        print = fingerprint(db)
      }
    },
    written: () => {
      if (totalChanges(db) === changes) {
        return []
      }
      const now = fingerprint(db)
      const keys = new Set([...Object.keys(now), ...Object.keys(print ?? {})])
      return [...keys].filter((key) => now[key] !== print?.[key])
    }
  }
}

/** The own properties of Object.prototype (and friends), to prove no payload added any. */
export function prototypeState(): string {
  const names = (o: object): string => Object.getOwnPropertyNames(o).sort().join(',')
  return [
    names(Object.prototype),
    names(Array.prototype),
    names(Function.prototype),
    names(String.prototype)
  ].join('|')
}
