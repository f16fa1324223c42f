import { randomBytes } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

/**
 * Proves the layering lint of DESIGN §4: the core and the contract never import electron, the
 * contract and the renderer never import node:*, the renderer never imports main. Probe files are
 * written where the rules apply (type-aware lint needs them on disk under a tsconfig include),
 * linted with ESLint's Node API, and deleted again.
 */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const TAG = randomBytes(4).toString('hex')

type Probe = { readonly path: string; readonly source: string }

const probes = {
  coreElectron: {
    path: `src/main/core/__lint_probe_${TAG}__.ts`,
    source: `import { app } from 'electron'\n\nexport const probe = (): string => app.getName()\n`
  },
  coreElectronSubpath: {
    path: `src/main/core/__lint_probe_sub_${TAG}__.ts`,
    source: `import { ipcMain } from 'electron/main'\n\nexport const probe = (): unknown => ipcMain\n`
  },
  sharedNode: {
    path: `src/shared/__lint_probe_${TAG}__.ts`,
    source: `import { readFileSync } from 'node:fs'\n\nexport const probe = (file: string): string => readFileSync(file, 'utf8')\n`
  },
  sharedMain: {
    path: `src/shared/__lint_probe_main_${TAG}__.ts`,
    source: `import { DATABASE_FILE } from '../main/core/app'\n\nexport const probe = (): string => DATABASE_FILE\n`
  },
  rendererMain: {
    path: `src/renderer/src/__lint_probe_${TAG}__.ts`,
    source: `import { DATABASE_FILE } from '../../main/core/app'\n\nexport const probe = (): string => DATABASE_FILE\n`
  },
  rendererNode: {
    path: `src/renderer/src/__lint_probe_node_${TAG}__.ts`,
    source: `import { join } from 'node:path'\n\nexport const probe = (): string => join('a', 'b')\n`
  },
  coreClean: {
    path: `src/main/core/__lint_probe_clean_${TAG}__.ts`,
    source: `import { join } from 'node:path'\nimport { ok, type Result } from '../../shared/result'\n\nexport const probe = (): Result<string> => ok(join('a', 'b'))\n`
  }
} satisfies Record<string, Probe>

type ProbeName = keyof typeof probes

const results = new Map<ProbeName, ESLint.LintResult>()
let appResult: ESLint.LintResult | undefined

function restrictedImports(name: ProbeName): string[] {
  const result = results.get(name)
  if (!result) {
    throw new Error(`${name} was not linted`)
  }
  return result.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' && m.severity === 2)
    .map((m) => m.message)
}

beforeAll(async () => {
  const entries = Object.entries(probes) as [ProbeName, Probe][]
  try {
    for (const [, probe] of entries) {
      writeFileSync(join(ROOT, probe.path), probe.source, { flag: 'wx' })
    }
    const eslint = new ESLint({ cwd: ROOT })
    const linted = await eslint.lintFiles([
      ...entries.map(([, p]) => p.path),
      'src/main/core/app.ts'
    ])
    for (const result of linted) {
      const rel = relative(ROOT, result.filePath).split('\\').join('/')
      const entry = entries.find(([, p]) => p.path === rel)
      if (entry) {
        results.set(entry[0], result)
      } else if (rel === 'src/main/core/app.ts') {
        appResult = result
      }
    }
  } finally {
    for (const [, probe] of entries) {
      rmSync(join(ROOT, probe.path), { force: true })
    }
  }
}, 120_000)

afterAll(() => {
  for (const probe of Object.values(probes)) {
    rmSync(join(ROOT, probe.path), { force: true })
  }
})

describe('layering lint (DESIGN §4)', () => {
  test('the core may not import electron', () => {
    expect(restrictedImports('coreElectron')).toEqual([
      expect.stringContaining('electron') as string
    ])
  })

  test('the core may not import an electron subpath', () => {
    expect(restrictedImports('coreElectronSubpath')).toHaveLength(1)
  })

  test('the contract (src/shared) may not import node:*', () => {
    expect(restrictedImports('sharedNode')).toEqual([expect.stringContaining('node:') as string])
  })

  test('the contract may not import the main process', () => {
    expect(restrictedImports('sharedMain')).toHaveLength(1)
  })

  test('the renderer may not import the main process', () => {
    expect(restrictedImports('rendererMain')).toEqual([
      expect.stringContaining('renderer imports only src/shared') as string
    ])
  })

  test('the renderer may not import node:*', () => {
    expect(restrictedImports('rendererNode')).toHaveLength(1)
  })

  test('a clean core file (node:* and the contract only) has no layering error', () => {
    const clean = results.get('coreClean')
    expect(clean?.filePath).toContain('__lint_probe_clean_')
    expect(restrictedImports('coreClean')).toEqual([])
    // The probe was really linted with type information: no parse or config failure.
    expect(clean?.messages.filter((m) => m.fatal === true)).toEqual([])
    // And so does the real core entry point.
    expect(appResult?.filePath).toContain('app.ts')
    expect(appResult?.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([])
  })
})
