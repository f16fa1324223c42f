/**
 * How label bytes reach a printer. One interface for raw TCP, the OS queue, a device file and the
 * preview folder, so the queue, the tests and the virtual printer do not care which it is.
 */
export type Transport = {
  readonly uri: string
  /** The link can carry a reply (status queries). */
  readonly bidirectional: boolean
  /** A completed write means the label exists (preview files), not merely that bytes left. */
  readonly writeIsDelivery: boolean
  /**
   * Sends one label's bytes. Resolves when all of them were handed to the OS / device;
   * rejects on a link error or when no progress was made for `timeoutMs` (a stalled printer).
   */
  write(bytes: Uint8Array, meta: WriteMeta): Promise<void>
  /**
   * Sends a request and collects the reply until `complete(reply)` holds. Only on bidirectional
   * transports. Rejects on timeout, leaving the link reset so a late reply cannot be mistaken for
   * the next one.
   */
  query(
    request: Uint8Array,
    complete: (reply: Buffer) => boolean,
    timeoutMs: number
  ): Promise<Buffer>
  /** Drops the connection (if any); the next call reconnects. */
  reset(): void
  close(): Promise<void>
}

export type WriteMeta = {
  /** A file-safe name for the label (preview file name, lp job title). */
  readonly name: string
  readonly timeoutMs?: number
}

export class TransportError extends Error {
  constructor(
    readonly code: 'CONNECT' | 'TIMEOUT' | 'CLOSED' | 'IO' | 'UNSUPPORTED',
    message: string
  ) {
    super(message)
  }
}

export const DEFAULT_WRITE_TIMEOUT_MS = 10_000
