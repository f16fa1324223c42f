/** Pure checks used by the Electron shell; no electron import so they are unit-tested directly. */

export const APP_SCHEME = 'app'
export const APP_HOST = 'waybill'
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** Only our own bundled pages are trusted. */
export function isTrustedUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST
  } catch {
    return false
  }
}

/** A sender may call main only from the top frame of a trusted page (VS Code's validateEvent). */
export function isTrustedSender(
  frame: { readonly url: string; readonly parent: unknown } | null
): boolean {
  return frame !== null && frame.parent === null && isTrustedUrl(frame.url)
}

/** Maps app://waybill/<path> to a file under the renderer folder, refusing anything outside it. */
export function resolveAppPath(
  url: string,
  root: string,
  join: (...parts: string[]) => string
): string | null {
  if (!isTrustedUrl(url)) {
    return null
  }
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url).pathname)
  } catch {
    return null
  }
  // A decoded backslash is a separator on Windows: refuse it rather than reason about it.
  if (pathname.includes('\\') || pathname.includes('\0')) {
    return null
  }
  const parts = pathname.split('/').filter((p) => p !== '' && p !== '.')
  if (parts.includes('..')) {
    return null
  }
  return parts.length === 0 ? join(root, 'index.html') : join(root, ...parts)
}

export type WindowState = {
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860, maximized: false }

/** Reads a saved window state, falling back to defaults for anything implausible. */
export function parseWindowState(json: string | null): WindowState {
  if (json === null) {
    return DEFAULT_WINDOW_STATE
  }
  try {
    const value = JSON.parse(json) as Partial<Record<keyof WindowState, unknown>>
    const num = (v: unknown, min: number, max: number) =>
      typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
        ? Math.round(v)
        : undefined
    const width = num(value.width, 640, 10_000) ?? DEFAULT_WINDOW_STATE.width
    const height = num(value.height, 480, 10_000) ?? DEFAULT_WINDOW_STATE.height
    const x = num(value.x, -10_000, 10_000)
    const y = num(value.y, -10_000, 10_000)
    return {
      width,
      height,
      maximized: value.maximized === true,
      ...(x !== undefined && y !== undefined ? { x, y } : {})
    }
  } catch {
    return DEFAULT_WINDOW_STATE
  }
}
