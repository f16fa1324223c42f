// `npm start`: the Electron app where its binary is present or can be fetched; otherwise the same
// UI in browser mode, with one line saying why (DESIGN §9).
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ensureBuilt, root, runBrowserMode } from './lib.mjs'

const require = createRequire(import.meta.url)
const args = process.argv.slice(2)

/** The installed Electron binary, found without require('electron'), which would start a download. */
function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'))
  const pathFile = join(dir, 'path.txt')
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    return join(
      process.env.ELECTRON_OVERRIDE_DIST_PATH,
      existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : 'electron'
    )
  }
  if (!existsSync(pathFile)) {
    return null
  }
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8'))
  return existsSync(binary) ? binary : null
}

function fetchElectron() {
  // Honours ELECTRON_MIRROR / electron_config_cache like a normal install does.
  const r = spawnSync(process.execPath, [require.resolve('electron/install.js')], {
    stdio: 'ignore',
    timeout: 120_000
  })
  return r.status === 0
}

ensureBuilt()
let binary = electronBinary()
let why = ''
if (binary === null) {
  binary = fetchElectron() ? electronBinary() : null
  why =
    binary === null
      ? 'the Electron binary is not installed and could not be downloaded (offline?)'
      : ''
}
if (
  binary !== null &&
  process.platform === 'linux' &&
  !process.env.DISPLAY &&
  !process.env.WAYLAND_DISPLAY
) {
  why = 'there is no display (DISPLAY is not set)'
  binary = null
}
if (binary === null) {
  process.stdout.write(`Waybill Station: ${why}; starting browser mode instead.\n`)
  runBrowserMode(args)
} else {
  const r = spawnSync(binary, [root, ...args], { stdio: 'inherit' })
  process.exit(r.status ?? 0)
}
