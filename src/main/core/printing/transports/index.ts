import { isAbsolute } from 'node:path'
import { deviceFileTransport } from './device-file'
import { type LpOptions, lpTransport } from './lp'
import { previewTransport } from './preview'
import { tcpTransport } from './tcp'
import type { Transport } from './transport'

export {
  type Transport,
  type WriteMeta,
  TransportError,
  DEFAULT_WRITE_TIMEOUT_MS
} from './transport'
export { tcpTransport } from './tcp'
export { lpTransport } from './lp'
export { deviceFileTransport } from './device-file'
export { previewTransport } from './preview'

export type TransportKind = 'tcp' | 'lp' | 'file' | 'preview'

export type ParsedPrinterUri =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'lp'; readonly queue: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'preview'; readonly dir: string }

/**
 * `tcp://HOST[:PORT]` (default 9100), `lp://QUEUE`, `file:///dev/usb/lp0`, `preview:///abs/dir`.
 * Throws a RangeError with the accepted forms on anything else.
 */
export function parsePrinterUri(uri: string): ParsedPrinterUri {
  const tcp = /^tcp:\/\/(\[[^\]]+\]|[^/:]+)(?::(\d{1,5}))?\/?$/i.exec(uri)
  if (tcp) {
    const port = tcp[2] === undefined ? 9100 : Number(tcp[2])
    if (port < 1 || port > 65535) {
      throw new RangeError(`Bad port in ${uri}`)
    }
    return { kind: 'tcp', host: (tcp[1] ?? '').replace(/^\[|\]$/g, ''), port }
  }
  const lp = /^lp:\/\/([\w.@-]+)\/?$/i.exec(uri)
  if (lp) {
    return { kind: 'lp', queue: lp[1] ?? '' }
  }
  const file = /^file:\/\/(\/.*)$/i.exec(uri)
  if (file) {
    return { kind: 'file', path: decodeURIComponent(file[1] ?? '') }
  }
  const preview = /^preview:\/\/(\/.*)$/i.exec(uri)
  if (preview && isAbsolute(decodeURIComponent(preview[1] ?? ''))) {
    return { kind: 'preview', dir: decodeURIComponent(preview[1] ?? '') }
  }
  throw new RangeError(
    `Unsupported printer address "${uri}". Use tcp://HOST:9100, lp://QUEUE, file:///dev/usb/lp0 or preview:///ABSOLUTE/DIR`
  )
}

export type TransportOptions = { readonly lp?: LpOptions; readonly connectTimeoutMs?: number }

export function openTransport(uri: string, options: TransportOptions = {}): Transport {
  const parsed = parsePrinterUri(uri)
  switch (parsed.kind) {
    case 'tcp':
      return tcpTransport(parsed.host, parsed.port, {
        connectTimeoutMs: options.connectTimeoutMs ?? 3000
      })
    case 'lp':
      return lpTransport(parsed.queue, options.lp)
    case 'file':
      return deviceFileTransport(parsed.path)
    case 'preview':
      return previewTransport(parsed.dir)
  }
}
