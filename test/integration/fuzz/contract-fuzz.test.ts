/**
 * Every contract method, called through the core's dispatch as a host calls it, with random and
 * hostile payloads (issue 9 item 6). Invalid payloads must be answered with a VALIDATION error as
 * data and write nothing; payloads the schema accepts at its edges reach the handlers and must be
 * answered with a contract-shaped value or a non-internal error that wrote nothing. The process
 * stays up and Object.prototype stays clean. Seeded: FUZZ_SEED=<n> replays a failure.
 */
import { afterAll, beforeAll, expect, test } from 'vitest'
import { contract, METHOD_NAMES, type EventPayload } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import { openQueues } from '../../../src/main/core/printers/print-service'
import { callOk, openTestCore, validOrderInput, type TestCore } from '../../support/core-fixtures'
import {
  EXTREME,
  PLAUSIBLE,
  fuzzSeed,
  hostileValue,
  mutate,
  prototypeKeyObjects,
  prototypeState,
  seededRandom,
  shapedSample,
  writeWatch
} from '../../support/fuzz'

const SEED = fuzzSeed(90_601)
/** Hostile payloads per method; ~55 methods, so a few thousand calls in all. */
const INVALID_PER_METHOD = 45
const SHAPED_TRIES_PER_METHOD = 60
/** Per method: at least this many schema-valid calls, then more only within the time budget. */
const MIN_SHAPED_CALLS = 3
const SHAPED_BUDGET_MS = 1000
/** An answer never carries a hostile megabyte back to the renderer. */
const MAX_ANSWER_CHARS = 64 * 1024

let tc: TestCore
const batches = new Map<string, EventPayload<'print.batch'>>()

beforeAll(async () => {
  tc = openTestCore({ host: 'browser' })
  tc.core.subscribe((event, payload) => {
    if (event === 'print.batch') {
      const batch = payload as EventPayload<'print.batch'>
      batches.set(batch.batchId, batch)
    }
  })
  // A few real rows, so small ids in shaped payloads reach real orders.
  for (let i = 1; i <= 4; i++) {
    await callOk(tc.core, 'orders.add', validOrderInput({ platformOrderId: `FZ${String(i)}` }))
  }
})
afterAll(() => {
  tc.dispose()
})

function answerSize(result: Result<unknown>): number {
  return JSON.stringify(result, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v)).length
}

function describePayload(payload: unknown): string {
  try {
    const text = JSON.stringify(payload, (_, v: unknown) =>
      typeof v === 'bigint' ? `${String(v)}n` : v
    )
    return text.length > 300 ? `${text.slice(0, 300)}… (${String(text.length)} chars)` : text
  } catch (error) {
    return `<${error instanceof Error ? error.message : String(error)}>`
  }
}

/** Background work a successful call may start (a print batch): wait for it to stop writing. */
async function settle(): Promise<void> {
  const deadline = Date.now() + 60_000
  while ([...batches.values()].some((b) => !b.done && !b.paused)) {
    if (Date.now() > deadline) {
      throw new Error('a print batch started by the fuzzer never finished')
    }
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  for (const { queue } of openQueues(tc.core.ctx)) {
    await queue.whenIdle()
  }
}

/** Fails with the seed, method and payload (described only then: payloads can be megabytes). */
function check(
  condition: boolean,
  seed: number,
  method: string,
  payload: unknown,
  why: string
): void {
  if (!condition) {
    throw new Error(
      `seed ${String(seed)} ${method.slice(0, 40)} ${describePayload(payload)}: ${why}`
    )
  }
}

function prototypesClean(prototypes: string): boolean {
  return prototypeState() === prototypes && ({} as Record<string, unknown>).polluted === undefined
}

test('invalid and hostile payloads to every method: a VALIDATION error as data, nothing written', async () => {
  const random = seededRandom(SEED)
  const prototypes = prototypeState()
  const watch = writeWatch(tc.core.db)
  watch.rebase()
  const names: string[] = [
    ...METHOD_NAMES,
    '__proto__',
    'constructor',
    'toString',
    'orders.add\u0000',
    'x'.repeat(100_000),
    ''
  ]
  let sent = 0
  let skippedValid = 0
  for (const method of names) {
    const spec = Object.hasOwn(contract, method)
      ? (contract as Record<string, (typeof contract)[keyof typeof contract]>)[method]
      : undefined
    for (let i = 0; i < INVALID_PER_METHOD; i++) {
      const payload =
        spec === undefined || i < 12
          ? i < 4
            ? prototypeKeyObjects()[i]
            : hostileValue(random)
          : mutate(shapedSample(spec.input, random, PLAUSIBLE), random)
      if (spec?.input.safeParse(payload).success) {
        skippedValid++
        continue
      }
      const result = await tc.core.dispatch(method, payload)
      sent++
      const expected = spec ? 'VALIDATION' : 'UNKNOWN_METHOD'
      const got = result.ok ? 'ok' : `${result.error.code}: ${result.error.message.slice(0, 200)}`
      check(!result.ok && result.error.code === expected, SEED, method, payload, `answered ${got}`)
      check(answerSize(result) < MAX_ANSWER_CHARS, SEED, method, payload, 'answer too large')
      const tables = watch.written()
      check(tables.length === 0, SEED, method, payload, `wrote to ${tables.join(', ')}`)
      check(prototypesClean(prototypes), SEED, method, payload, 'a prototype was polluted')
    }
  }
  expect(sent).toBeGreaterThan(METHOD_NAMES.length * 20)
  // Still up and answering.
  expect((await tc.core.dispatch('app.info', {})).ok).toBe(true)
  process.stdout.write(
    `contract fuzz (invalid): seed ${String(SEED)}, ${String(sent)} calls, ${String(skippedValid)} valid skipped\n`
  )
}, 120_000)

test('payloads the schemas accept at their edges: a contract-shaped answer, or an error that wrote nothing', async () => {
  const seed = SEED + 1
  const random = seededRandom(seed)
  const prototypes = prototypeState()
  const watch = writeWatch(tc.core.db)
  const answered = { ok: 0, errors: 0, invalidSkipped: 0 }
  for (const method of METHOD_NAMES) {
    const spec = contract[method]
    const began = performance.now()
    let sent = 0
    for (let i = 0; i < SHAPED_TRIES_PER_METHOD; i++) {
      const payload = shapedSample(spec.input, random, random.chance(0.6) ? EXTREME : PLAUSIBLE)
      if (!spec.input.safeParse(payload).success) {
        answered.invalidSkipped++
        continue
      }
      if (sent >= MIN_SHAPED_CALLS && performance.now() - began > SHAPED_BUDGET_MS) {
        // A method whose every call renders a PDF would take minutes; the budget bounds it.
        break
      }
      sent++
      await settle()
      watch.rebase()
      const result = await tc.core.dispatch(method, payload)
      await settle()
      if (result.ok) {
        answered.ok++
        const shaped = spec.output.safeParse(result.value)
        check(
          shaped.success,
          seed,
          method,
          payload,
          `output off contract: ${shaped.error?.message ?? ''}`
        )
      } else {
        answered.errors++
        const { code, message } = result.error
        check(code !== 'INTERNAL', seed, method, payload, `INTERNAL: ${message}`)
        const tables = watch.written()
        check(tables.length === 0, seed, method, payload, `${code} but wrote ${tables.join(', ')}`)
      }
      check(answerSize(result) < MAX_ANSWER_CHARS * 16, seed, method, payload, 'answer too large')
      check(prototypesClean(prototypes), seed, method, payload, 'a prototype was polluted')
    }
  }
  expect(answered.ok + answered.errors).toBeGreaterThanOrEqual(METHOD_NAMES.length * 3)
  expect((await tc.core.dispatch('app.info', {})).ok).toBe(true)
  process.stdout.write(
    `contract fuzz (shaped): seed ${String(seed)}, ${JSON.stringify(answered)}\n`
  )
}, 120_000)
