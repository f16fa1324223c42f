import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { openCore } from '../../core/app'
import { sourceCommitWorker } from '../../core/import/commit-worker-source'
import { resolveDataDir } from '../../core/paths'
import { readFlag } from '../args'
import { startWebServer } from './server'

/** `npm run web -- [--port P] [--data-dir D]`: serves the built renderer and the core on 127.0.0.1. */
async function main(argv: readonly string[]): Promise<void> {
  const portFlag = readFlag(argv, 'port')
  const port = portFlag === undefined ? 5317 : Number(portFlag)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got "${portFlag ?? ''}"`)
  }
  const staticDir = resolve(readFlag(argv, 'static') ?? 'out/renderer')
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    throw new Error(`The UI is not built (${staticDir}/index.html missing): run npm run build`)
  }
  const dataDir = resolveDataDir(readFlag(argv, 'data-dir'))
  const core = openCore({
    dataDir,
    host: { host: 'browser', version: process.env.npm_package_version ?? '0.1.0' },
    importCommitWorker: sourceCommitWorker()
  })
  const web = await startWebServer({
    core,
    staticDir,
    port,
    token: randomBytes(24).toString('base64url')
  })
  process.stdout.write(`Waybill Station: ${web.url}\n`)
  process.stdout.write(`Data: ${dataDir}\n`)
  const stop = () => {
    void web.close().finally(() => {
      core.close()
      process.exit(0)
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(
    `Waybill Station: ${error instanceof Error ? error.message : String(error)}\n`
  )
  process.exit(1)
})
