/**
 * Printer addresses as the user types them (Settings → Printers, the CLI). Pure string checks so
 * the renderer, the contract and the core agree; the core still parses the URI before it opens it.
 */

export const PRINTER_URI_EXAMPLES = [
  'tcp://192.168.1.50:9100',
  'lp://Deli_DL888D',
  'file:///dev/usb/lp0',
  'preview:labels'
] as const

export type PrinterUriKind = 'tcp' | 'lp' | 'file' | 'preview'

export type PrinterUriProblem = 'uri_invalid' | 'uri_port' | 'uri_device' | 'uri_preview_dir'

const TCP = /^tcp:\/\/(\[[0-9a-f:.]+\]|[a-z0-9][a-z0-9.-]*)(?::(\d{1,5}))?\/?$/i
const LP = /^lp:\/\/[\w.@-]+\/?$/i
const FILE = /^file:\/\/(\/\S*)$/i
/** `preview:labels` is a folder inside the data folder; `preview:///abs/dir` is anywhere. */
const PREVIEW_RELATIVE = /^preview:(?!\/)([\w.-]+(?:\/[\w.-]+)*)\/?$/i
const PREVIEW_ABSOLUTE = /^preview:\/\/(\/\S+)$/i

/** A bare IPv4 address, with or without a port, as printers' self-test pages print it. */
const BARE_IP =
  /^((?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})(?::(\d{1,5}))?$/

/**
 * The address as stored: a bare IP (`192.168.1.250`) or IP:port (`192.168.1.250:9101`) is the
 * raw TCP port of a network label printer, `tcp://IP:9100` (or that port). Anything else is
 * returned trimmed and unchanged, for printerUriProblem to judge.
 */
export function normalizePrinterUri(uri: string): string {
  const trimmed = uri.trim()
  const bare = BARE_IP.exec(trimmed)
  if (!bare) {
    return trimmed
  }
  return `tcp://${bare[1] ?? ''}:${bare[2] ?? '9100'}`
}

export function printerUriKind(uri: string): PrinterUriKind | null {
  const scheme = /^([a-z]+):/i.exec(uri)?.[1]?.toLowerCase()
  return scheme === 'tcp' || scheme === 'lp' || scheme === 'file' || scheme === 'preview'
    ? scheme
    : null
}

/** Why an address cannot be used, as a validation code; null when it is fine. */
export function printerUriProblem(uri: string): PrinterUriProblem | null {
  switch (printerUriKind(uri)) {
    case 'tcp': {
      const match = TCP.exec(uri)
      if (!match) {
        return 'uri_invalid'
      }
      const port = match[2] === undefined ? 9100 : Number(match[2])
      return port >= 1 && port <= 65_535 ? null : 'uri_port'
    }
    case 'lp':
      return LP.test(uri) ? null : 'uri_invalid'
    case 'file': {
      // Only device files: a printer address must never be a way to overwrite a user's file.
      const path = FILE.exec(uri)?.[1]
      if (path === undefined) {
        return 'uri_invalid'
      }
      return /^\/dev\/[\w./-]+$/.test(path) && !path.split('/').includes('..') ? null : 'uri_device'
    }
    case 'preview': {
      const relative = PREVIEW_RELATIVE.exec(uri)?.[1]
      if (relative !== undefined) {
        return relative.split('/').some((part) => part === '..' || part === '.')
          ? 'uri_preview_dir'
          : null
      }
      return PREVIEW_ABSOLUTE.test(uri) ? null : 'uri_preview_dir'
    }
    case null:
      return 'uri_invalid'
  }
}

/** The folder of a relative preview address (`preview:labels` → `labels`), else null. */
export function relativePreviewDir(uri: string): string | null {
  return PREVIEW_RELATIVE.exec(uri)?.[1] ?? null
}
