import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { type Transport, TransportError, type WriteMeta } from './transport'

/**
 * The embedded default printer: each label becomes `<dir>/<name>.png`, which the UI opens.
 * Its language is `png`: the bytes it receives are the PNG itself.
 */
export function previewTransport(dir: string): Transport {
  return {
    uri: `preview://${dir}`,
    bidirectional: false,
    writeIsDelivery: true,
    async write(bytes: Uint8Array, meta: WriteMeta): Promise<void> {
      if (!/^[\w.-]+$/.test(meta.name)) {
        throw new TransportError('IO', `unsafe preview file name: ${meta.name}`)
      }
      await mkdir(dir, { recursive: true })
      await writeFile(join(dir, `${meta.name}.png`), bytes)
    },
    query: () =>
      Promise.reject(new TransportError('UNSUPPORTED', 'the preview printer has no status')),
    reset: () => undefined,
    close: () => Promise.resolve()
  }
}
