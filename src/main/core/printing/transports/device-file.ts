import { open } from 'node:fs/promises'
import {
  DEFAULT_WRITE_TIMEOUT_MS,
  type Transport,
  TransportError,
  type WriteMeta
} from './transport'

/**
 * A device file such as /dev/usb/lp0 (or any path, appended to). Opened per label so a printer
 * unplugged between labels is seen at the next one. Status is not read back: usblp's read side
 * is model-specific. A write the kernel never completes cannot be cancelled, only timed out.
 */
export function deviceFileTransport(path: string): Transport {
  return {
    uri: `file://${path}`,
    bidirectional: false,
    writeIsDelivery: false,
    async write(bytes: Uint8Array, meta: WriteMeta): Promise<void> {
      const timeoutMs = meta.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(new TransportError('TIMEOUT', `${path} took no data for ${timeoutMs} ms`))
        }, timeoutMs)
      })
      const work = (async () => {
        const handle = await open(path, 'a')
        try {
          await handle.write(bytes)
        } finally {
          await handle.close()
        }
      })()
      try {
        await Promise.race([work, timeout])
      } catch (error) {
        if (error instanceof TransportError) {
          throw error
        }
        throw new TransportError(
          'IO',
          `${path}: ${error instanceof Error ? error.message : String(error)}`
        )
      } finally {
        clearTimeout(timer)
      }
    },
    query: () =>
      Promise.reject(new TransportError('UNSUPPORTED', 'device files are written one-way')),
    reset: () => undefined,
    close: () => Promise.resolve()
  }
}
