/**
 * Child processes for the manual-printing integration tests and bench. A child script is bundled
 * once with esbuild (tsx's own compiler) into one CommonJS file, so a restart costs a Node start
 * and the native modules, not a TypeScript compile of the source tree: the crash test restarts
 * its victim 50+ times. Packages stay external and resolve from the repository's node_modules.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { buildSync } from 'esbuild'

export const REPO_ROOT = resolve(__dirname, '..', '..')

export type Bundle = { readonly file: string; readonly remove: () => void }

export function bundleChild(entry: string): Bundle {
  const dir = mkdtempSync(join(tmpdir(), 'wb-mp-child-'))
  const file = join(dir, 'child.cjs')
  buildSync({
    entryPoints: [resolve(REPO_ROOT, entry)],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    target: 'node22',
    outfile: file,
    logLevel: 'error'
  })
  return {
    file,
    remove: () => {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}

export type Child = {
  readonly process: ChildProcess
  /** Every stdout line so far. */
  readonly lines: string[]
  readonly stderr: () => string
  /** Resolves when a line starting with `prefix` arrives (or rejects when the child exits first). */
  readonly waitFor: (prefix: string, timeoutMs?: number) => Promise<string>
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  readonly has: (prefix: string) => boolean
}

export function spawnChild(
  bundle: Bundle,
  args: readonly string[],
  env: Readonly<Record<string, string>> = {}
): Child {
  const child = spawn(process.execPath, [bundle.file, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_PATH: join(REPO_ROOT, 'node_modules'), ...env },
    stdio: ['pipe', 'pipe', 'pipe']
  })
  const lines: string[] = []
  let err = ''
  let partial = ''
  let waiters: { prefix: string; resolve: (line: string) => void }[] = []
  child.stdout.setEncoding('utf8')
  child.stdout.on('data', (chunk: string) => {
    partial += chunk
    const parts = partial.split('\n')
    partial = parts.pop() ?? ''
    for (const line of parts) {
      lines.push(line)
      waiters = waiters.filter((w) => {
        if (line.startsWith(w.prefix)) {
          w.resolve(line)
          return false
        }
        return true
      })
    }
  })
  child.stderr.setEncoding('utf8')
  child.stderr.on('data', (chunk: string) => {
    err += chunk
  })
  child.stdin.on('error', () => {
    // A killed child closes its stdin; nothing to report.
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
    (resolveExit) => {
      child.on('exit', (code, signal) => {
        resolveExit({ code, signal })
      })
    }
  )
  return {
    process: child,
    lines,
    stderr: () => err,
    has: (prefix) => lines.some((l) => l.startsWith(prefix)),
    exited,
    waitFor: (prefix, timeoutMs = 120_000) => {
      const found = lines.find((l) => l.startsWith(prefix))
      if (found !== undefined) {
        return Promise.resolve(found)
      }
      return new Promise<string>((resolveLine, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`child: no "${prefix}" in ${String(timeoutMs)} ms; stderr: ${err}`))
        }, timeoutMs)
        waiters.push({
          prefix,
          resolve: (line) => {
            clearTimeout(timer)
            resolveLine(line)
          }
        })
        void exited.then(({ code, signal }) => {
          clearTimeout(timer)
          reject(
            new Error(
              `child exited (${String(code)}, ${String(signal)}) before "${prefix}"; out: ${lines.join(' | ')}; stderr: ${err}`
            )
          )
        })
      })
    }
  }
}
