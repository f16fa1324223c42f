#!/usr/bin/env node
// Launcher for the CLI. The project brings its own Node (devDependency "node") because
// better-sqlite3 13 needs Node >= 22.12 and crashes on older ones (DESIGN §9).
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const [major, minor] = process.versions.node.split('.').map(Number)
const modern = major > 22 || (major === 22 && minor >= 12)
let node = process.execPath
if (!modern) {
  const bundled = join(
    root,
    'node_modules',
    '.bin',
    process.platform === 'win32' ? 'node.cmd' : 'node'
  )
  if (!existsSync(bundled)) {
    process.stderr.write(
      `waybill-station: needs Node >= 22.12 (this is ${process.version}); run npm install first\n`
    )
    process.exit(1)
  }
  node = bundled
}
// tsx resolved from here, not from the working directory, so the CLI runs from any folder.
const tsx = import.meta.resolve('tsx')
const result = spawnSync(
  node,
  ['--import', tsx, join(root, 'src/main/cli/main.ts'), ...process.argv.slice(2)],
  {
    stdio: 'inherit',
    cwd: process.cwd(),
    env: process.env
  }
)
process.exit(result.status ?? 1)
