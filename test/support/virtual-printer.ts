/**
 * A label printer on 127.0.0.1 for tests and demos: a real TCP listener that takes ESC/POS,
 * TSPL or ZPL, turns each complete label back into a 1-bit bitmap, answers status queries in
 * the language, and can be told to stall, drop the connection mid-job, run out of paper, or go
 * mute (a one-way print server or USB bridge: bytes pass, status queries are never answered).
 * A label counts as printed only when it arrived whole (cut / PRINT / ^XZ) with no fault set.
 */
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net'
import type { Bitmap } from '../../src/main/core/printing/bitmap'
import type { PrinterState } from '../../src/main/core/printing/status'
import {
  type NativeSymbol,
  type StreamDecoder,
  escPosDecoder,
  tsplDecoder,
  zplDecoder
} from './printing-decoders'

export type VirtualLanguage = 'escpos' | 'tspl' | 'zpl'

export type PrintedLabel = {
  readonly bitmap: Bitmap
  readonly bytes: number
  readonly connection: number
  /** Symbols the printer drew from native barcode commands (TSPL BARCODE/QRCODE, ZPL ^BC/^BQ). */
  readonly symbols: readonly NativeSymbol[]
}

export type VirtualPrinterOptions = {
  readonly language: VirtualLanguage
  /** Default 203. */
  readonly dpi?: 203 | 300
  /** Default 0: an ephemeral port. */
  readonly port?: number
}

export type VirtualPrinter = {
  readonly port: number
  readonly uri: string
  readonly language: VirtualLanguage
  /** Labels that came out, in order. */
  readonly printed: PrintedLabel[]
  /** Labels that arrived while a fault was set (not printed). */
  readonly rejected: PrintedLabel[]
  /** Bytes that were not a known command (should stay empty). */
  readonly unknown: { readonly connection: number; readonly byte: number }[]
  readonly stats: { connections: number; statusQueries: number; bytes: number }
  /** A fault the printer reports and that stops printing; null = ready. */
  setFault(fault: Exclude<PrinterState, 'ready'> | null): void
  /** Prints this many more labels; the roll ends during the next one, which does not come out. */
  paperOutAfter(labels: number): void
  /**
   * Prints this many more labels, then sets `fault` on the next one: `took` prints it and
   * faults afterwards (head hot, cover opened, paper ran out as it was torn off); `refused`
   * faults before it comes out (it is lost, as with {@link paperOutAfter}).
   */
  faultAfter(labels: number, fault: Exclude<PrinterState, 'ready'>, mode: 'took' | 'refused'): void
  /**
   * Mute: labels still print, status queries are read (and counted) but never answered, as
   * behind a one-way print server, network adapter or USB bridge.
   */
  mute(on: boolean): void
  /** Prints this many more labels, then goes mute (a printer that answered, then went silent). */
  muteAfter(labels: number): void
  /** Stops processing (bytes are held, status goes unanswered) until stall(false); a connection closed meanwhile loses what it held. */
  stall(on: boolean): void
  /**
   * Answers each status query this many ms late, as a real printer busy feeding a label does
   * (about 1 s per 76×130 label); 0 (the default) answers at once.
   */
  pace(ms: number): void
  /** Resets the connection after this many more bytes; the label cut off is lost. */
  dropAfterBytes(bytes: number): void
  /**
   * Switches the printer off once it has printed this many labels in total: the status query
   * after the last of them goes unanswered, its links are cut and its address refuses
   * connections from then on, as a printer whose power went off right after a label came out
   * (the host cannot tell whether that label printed, so it asks the packer).
   */
  switchOffAfter(labels: number): void
  /** True once switched off. */
  readonly isOff: () => boolean
  /** Connections currently open (a host that gave up has closed its link). */
  openLinks(): number
  /** Resolves once `count` labels in total were printed. */
  waitForPrinted(count: number, timeoutMs?: number): Promise<void>
  close(): Promise<void>
}

export async function startVirtualPrinter(options: VirtualPrinterOptions): Promise<VirtualPrinter> {
  const dpmm = (options.dpi ?? 203) === 203 ? 8 : 300 / 25.4
  const printed: PrintedLabel[] = []
  const rejected: PrintedLabel[] = []
  const unknown: { connection: number; byte: number }[] = []
  const stats = { connections: 0, statusQueries: 0, bytes: 0 }
  let fault: Exclude<PrinterState, 'ready'> | null = null
  let faultIn: {
    labels: number
    fault: Exclude<PrinterState, 'ready'>
    mode: 'took' | 'refused'
  } | null = null
  let stalled = false
  let muted = false
  let muteIn: number | null = null
  let paceMs = 0
  let dropIn: number | null = null
  let offAfter: number | null = null
  let off = false
  let waiters: { count: number; resolve: () => void }[] = []

  const newDecoder = (): StreamDecoder => {
    switch (options.language) {
      case 'escpos':
        return escPosDecoder()
      case 'tspl':
        return tsplDecoder(dpmm)
      case 'zpl':
        return zplDecoder()
    }
  }

  const statusReply = (n: number | undefined): Buffer => {
    switch (options.language) {
      case 'escpos': {
        // Fixed bits 1 and 4 set; see status.ts for the meaning of each query's bits.
        let byte = 0x12
        if (n === 1 && fault !== null) {
          byte |= 0x08
        } else if (n === 2) {
          byte |= fault === 'cover_open' ? 0x04 : 0
          byte |= fault === 'paper_out' ? 0x20 : 0
        } else if (n === 3) {
          byte |= fault === 'head_hot' ? 0x20 : 0
        } else if (n === 4) {
          byte |= fault === 'paper_out' ? 0x60 : 0
        }
        return Buffer.from([byte])
      }
      case 'tspl': {
        const bits = { paper_out: 0x04, cover_open: 0x01, head_hot: 0x80, offline: 0x10 } as const
        return Buffer.from([fault === null ? 0 : bits[fault]])
      }
      case 'zpl': {
        const flag = (on: boolean): string => (on ? '1' : '0')
        const one = `030,${flag(fault === 'paper_out')},${flag(fault === 'offline')},1245,000,0,0,0,000,0,0,${flag(fault === 'head_hot')}`
        const two = `001,0,${flag(fault === 'cover_open')},0,0,2,4,0,00000000,1,000`
        return Buffer.from(`\x02${one}\x03\r\n\x02${two}\x03\r\n\x021234,0\x03\r\n`, 'latin1')
      }
    }
  }

  const settleWaiters = (): void => {
    waiters = waiters.filter((waiter) => {
      if (printed.length >= waiter.count) {
        waiter.resolve()
        return false
      }
      return true
    })
  }

  type Link = { readonly socket: Socket; held: Buffer[]; process: (chunk: Buffer) => void }
  const links = new Set<Link>()

  const switchOff = (): void => {
    off = true
    offAfter = null
    // Closing the listener makes every later connect fail with ECONNREFUSED.
    server.close()
    for (const link of links) {
      link.socket.destroy()
    }
  }
  /** At a status query: the power goes, unanswered, once the label count was reached. */
  const switchesOff = (): boolean => {
    if (offAfter !== null && printed.length >= offAfter) {
      switchOff()
      return true
    }
    return false
  }

  const server: Server = createServer((socket) => {
    const connection = ++stats.connections
    const decoder = newDecoder()
    let labelBytes = 0
    const process = (incoming: Buffer): void => {
      let chunk = incoming
      let drop = false
      if (dropIn !== null) {
        if (chunk.length >= dropIn) {
          chunk = chunk.subarray(0, dropIn)
          drop = true
          dropIn = null
        } else {
          dropIn -= chunk.length
        }
      }
      stats.bytes += chunk.length
      labelBytes += chunk.length
      for (const event of decoder.feed(chunk)) {
        if (event.type === 'status-query') {
          stats.statusQueries++
          if (switchesOff()) {
            return
          }
          if (muted) {
            continue
          }
          const reply = statusReply(event.n)
          if (paceMs > 0) {
            setTimeout(() => {
              if (!socket.destroyed) {
                socket.write(reply)
              }
            }, paceMs)
          } else {
            socket.write(reply)
          }
        } else if (event.type === 'unknown') {
          unknown.push({ connection, byte: event.byte })
        } else {
          const label = {
            bitmap: event.bitmap,
            bytes: labelBytes,
            connection,
            symbols: event.symbols ?? []
          }
          labelBytes = 0
          if (faultIn !== null && faultIn.labels-- <= 0) {
            fault = faultIn.fault
            const took = faultIn.mode === 'took'
            faultIn = null
            if (took) {
              // It came out; the fault is what the next status query sees.
              printed.push(label)
              continue
            }
          }
          if (fault !== null) {
            rejected.push(label)
            continue
          }
          printed.push(label)
          if (muteIn !== null && --muteIn <= 0) {
            muted = true
            muteIn = null
          }
        }
      }
      settleWaiters()
      if (drop) {
        socket.resetAndDestroy()
      }
    }
    const link: Link = { socket, held: [], process }
    links.add(link)
    // A stalled printer keeps taking bytes into its buffer but does nothing with them; when
    // the host gives up and disconnects, what it held is lost (it is power-cycled to recover).
    socket.on('close', () => links.delete(link))
    socket.on('error', () => {
      // Client resets are part of the scenarios; nothing to report.
    })
    socket.on('data', (chunk: Buffer) => {
      if (stalled) {
        link.held.push(chunk)
        return
      }
      process(chunk)
    })
  })

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port

  return {
    port,
    uri: `tcp://127.0.0.1:${port}`,
    language: options.language,
    printed,
    rejected,
    unknown,
    stats,
    setFault(next): void {
      fault = next
    },
    openLinks: () => links.size,
    paperOutAfter(labels): void {
      // The roll ends while the label after these is printing: it does not come out.
      faultIn = { labels, fault: 'paper_out', mode: 'refused' }
    },
    faultAfter(labels, next, mode): void {
      faultIn = { labels, fault: next, mode }
    },
    stall(on): void {
      stalled = on
      if (!on) {
        for (const link of links) {
          const held = link.held
          link.held = []
          for (const chunk of held) {
            link.process(chunk)
          }
        }
      }
    },
    mute(on): void {
      muted = on
      muteIn = null
    },
    muteAfter(labels): void {
      muteIn = labels
    },
    pace(ms): void {
      paceMs = ms
    },
    dropAfterBytes(bytes): void {
      dropIn = bytes
    },
    switchOffAfter(labels): void {
      offAfter = labels
    },
    isOff: () => off,
    waitForPrinted(count, timeoutMs = 120_000): Promise<void> {
      if (printed.length >= count) {
        return Promise.resolve()
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(
            new Error(`virtual printer: ${printed.length} of ${count} labels after ${timeoutMs} ms`)
          )
        }, timeoutMs)
        waiters.push({
          count,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          }
        })
      })
    },
    close(): Promise<void> {
      for (const link of links) {
        link.socket.destroy()
      }
      if (off) {
        return Promise.resolve()
      }
      return new Promise((resolve) => {
        server.close(() => {
          resolve()
        })
      })
    }
  }
}
