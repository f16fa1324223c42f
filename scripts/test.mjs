// `npm test`: every tier, in order, then one closing line "N passed, N failed, N skipped".
// Run through npm so node_modules/.bin (with the project's own Node >= 22.12) is first on PATH.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const CI = process.env.CI === 'true' || process.env.CI === '1'
const CHROMIUM = process.env.WAYBILL_CHROMIUM ?? '/usr/bin/chromium'
const results = join(process.cwd(), '.test-results')
mkdirSync(results, { recursive: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
const failedSteps = []

function run(name, command, args, env = {}) {
  process.stdout.write(`\n── ${name}: ${command} ${args.join(' ')}\n`)
  const r = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } })
  const ok = r.status === 0
  if (!ok) {
    failedSteps.push(name)
  }
  return ok
}

/** Lint, typecheck and the security scan count as one check each. */
function check(name, command, args) {
  if (run(name, command, args)) {
    totals.passed += 1
  } else {
    totals.failed += 1
  }
}

check('lint', 'eslint', ['--max-warnings', '0', '.'])
check('format', 'prettier', ['--check', '--log-level', 'warn', '.'])
check('typecheck (node)', 'tsc', ['--noEmit', '-p', 'tsconfig.node.json'])
check('typecheck (web)', 'tsc', ['--noEmit', '-p', 'tsconfig.web.json'])
check('electron security scan', 'node', ['scripts/electronegativity.mjs'])

const vitestJson = join(results, 'vitest.json')
run('unit + integration (vitest)', 'vitest', [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile=${vitestJson}`
])
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'))
  totals.passed += v.numPassedTests
  totals.failed += v.numFailedTests
  totals.skipped += v.numPendingTests + (v.numTodoTests ?? 0)
} else {
  totals.failed += 1
}

check('build', 'electron-vite', ['build'])

if (!existsSync(CHROMIUM)) {
  const line = `Chromium not found at ${CHROMIUM}: browser tests skipped (install it: sudo apt-get install chromium)`
  if (CI) {
    process.stdout.write(`${line} — under CI=true this fails the run\n`)
    totals.failed += 1
    failedSteps.push('e2e (no chromium)')
  } else {
    process.stdout.write(`${line}\n`)
    totals.skipped += 1
  }
} else {
  const pwJson = join(results, 'playwright.json')
  run('end-to-end (playwright, chromium)', 'playwright', ['test', '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson
  })
  if (existsSync(pwJson)) {
    const s = JSON.parse(readFileSync(pwJson, 'utf8')).stats
    totals.passed += s.expected + s.flaky
    totals.failed += s.unexpected
    totals.skipped += s.skipped
  } else {
    totals.failed += 1
  }
}

if (failedSteps.length > 0) {
  process.stdout.write(`\nFailed: ${failedSteps.join(', ')}\n`)
}
process.stdout.write(
  `\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`
)
process.exit(totals.failed === 0 && failedSteps.length === 0 ? 0 : 1)
