// Helpers shared by the npm start / web launchers (plain JS: they run before anything is built).
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

export const root = process.cwd()

function newest(dir) {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

/** Builds main, preload and renderer unless the build is newer than every source file. */
export function ensureBuilt() {
  const marker = join(root, 'out/renderer/index.html')
  const sources = Math.max(
    newest(join(root, 'src')),
    statSync(join(root, 'electron.vite.config.ts')).mtimeMs
  )
  if (existsSync(marker) && statSync(marker).mtimeMs >= sources) {
    return
  }
  process.stdout.write('Building Waybill Station…\n')
  const r = spawnSync('electron-vite', ['build'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32'
  })
  if (r.status !== 0) {
    process.stderr.write('Waybill Station: the build failed (see above)\n')
    process.exit(1)
  }
}

/** Runs browser mode in this terminal until Ctrl+C. */
export function runBrowserMode(args) {
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'src/main/hosts/web/main.ts'),
      '--static',
      join(root, 'out/renderer'),
      ...args
    ],
    { stdio: 'inherit' }
  )
  process.exit(r.status ?? 0)
}
