import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export type WebHost = {
  readonly url: string
  readonly origin: string
  readonly dataDir: string
  /** Stops the host; `keepData` leaves the data folder for a restart on it. */
  readonly stop: (options?: { readonly keepData?: boolean }) => Promise<void>
}

/**
 * Starts browser mode exactly as `npm run web` does (a separate Node process on an ephemeral
 * port with a fresh data folder) and waits for its "Waybill Station: URL" line.
 */
export async function startWebHost(
  dataDir = mkdtempSync(join(tmpdir(), 'wb-e2e-')),
  port = 0
): Promise<WebHost> {
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src/main/hosts/web/main.ts',
      '--port',
      String(port),
      '--data-dir',
      dataDir,
      '--static',
      // A private build (WAYBILL_E2E_STATIC) lets a check run while out/ is rebuilt by another.
      process.env.WAYBILL_E2E_STATIC ?? 'out/renderer'
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] }
  )
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    let err = ''
    const timer = setTimeout(() => {
      reject(new Error(`web host did not start: ${out}${err}`))
    }, 120_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /^Waybill Station: (\S+)$/m.exec(out)
      if (match?.[1]) {
        clearTimeout(timer)
        resolve(match[1])
      }
    })
    child.stderr?.on('data', (chunk: Buffer) => {
      err += chunk.toString()
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`web host exited with ${String(code)}: ${err}`))
    })
  })
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    stop: async (options) => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      if (options?.keepData !== true) {
        rmSync(dataDir, { recursive: true, force: true })
      }
    }
  }
}
