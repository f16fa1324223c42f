import { spawn } from 'node:child_process'
import {
  DEFAULT_WRITE_TIMEOUT_MS,
  type Transport,
  TransportError,
  type WriteMeta
} from './transport'

export type LpOptions = {
  /** The `lp` executable; tests point it at a stand-in. Default `lp` (CUPS). */
  readonly command?: string
}

/**
 * The OS print queue in raw mode: one `lp -d QUEUE -o raw` job per label, bytes on stdin.
 * One-way: CUPS reports a queue idle even when the printer is off (printers.md §5.2), so no status.
 */
export function lpTransport(queue: string, options: LpOptions = {}): Transport {
  const command = options.command ?? 'lp'
  const unsupported = (): Promise<Buffer> =>
    Promise.reject(
      new TransportError('UNSUPPORTED', 'an OS print queue cannot report printer status')
    )
  return {
    uri: `lp://${queue}`,
    bidirectional: false,
    writeIsDelivery: false,
    write(bytes: Uint8Array, meta: WriteMeta): Promise<void> {
      const timeoutMs = meta.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS
      return new Promise((resolve, reject) => {
        const child = spawn(command, ['-d', queue, '-o', 'raw', '-t', meta.name], {
          stdio: ['pipe', 'ignore', 'pipe']
        })
        let stderr = ''
        child.stderr.setEncoding('utf8')
        child.stderr.on('data', (text: string) => {
          stderr += text
        })
        const timer = setTimeout(() => {
          child.kill()
          reject(new TransportError('TIMEOUT', `${command} did not finish in ${timeoutMs} ms`))
        }, timeoutMs)
        child.on('error', (error) => {
          clearTimeout(timer)
          reject(new TransportError('IO', `${command}: ${error.message}`))
        })
        child.on('close', (code) => {
          clearTimeout(timer)
          if (code === 0) {
            resolve()
          } else {
            reject(
              new TransportError('IO', `${command} exited with ${String(code)}: ${stderr.trim()}`)
            )
          }
        })
        child.stdin.on('error', () => {
          // Reported through 'close' with lp's own message.
        })
        child.stdin.end(bytes)
      })
    },
    query: unsupported,
    reset: () => undefined,
    close: () => Promise.resolve()
  }
}
