import { Socket } from 'node:net'
import {
  DEFAULT_WRITE_TIMEOUT_MS,
  type Transport,
  TransportError,
  type WriteMeta
} from './transport'

export type TcpOptions = { readonly connectTimeoutMs?: number }

/**
 * Raw TCP (port 9100, "JetDirect"). One connection kept open across labels, so status replies
 * come back on the link that carried the job. Any error drops it; the next call reconnects.
 */
export function tcpTransport(host: string, port: number, options: TcpOptions = {}): Transport {
  const connectTimeoutMs = options.connectTimeoutMs ?? 3000
  let socket: Socket | null = null
  let connecting: Promise<Socket> | null = null
  let received: Buffer[] = []
  let onData: (() => void) | null = null
  let onBroken: ((error: Error) => void) | null = null

  const drop = (): void => {
    socket?.destroy()
    socket = null
    connecting = null
    received = []
  }

  const connect = (): Promise<Socket> => {
    if (socket && !socket.destroyed) {
      return Promise.resolve(socket)
    }
    if (connecting) {
      return connecting
    }
    connecting = new Promise<Socket>((resolve, reject) => {
      const s = new Socket()
      s.setNoDelay(true)
      const timer = setTimeout(() => {
        s.destroy()
        reject(
          new TransportError('CONNECT', `${host}:${port} did not answer in ${connectTimeoutMs} ms`)
        )
      }, connectTimeoutMs)
      s.once('connect', () => {
        clearTimeout(timer)
        socket = s
        resolve(s)
      })
      s.on('data', (chunk: Buffer) => {
        received.push(chunk)
        onData?.()
      })
      s.on('error', (error) => {
        clearTimeout(timer)
        if (socket !== s) {
          reject(new TransportError('CONNECT', `${host}:${port}: ${error.message}`))
          return
        }
        onBroken?.(error)
      })
      s.on('close', () => {
        // A link dropped on purpose (drop()) closes later, when the next call may already
        // wait on a new one: only the current link's end breaks the call in flight.
        if (socket === s) {
          socket = null
          connecting = null
          onBroken?.(new TransportError('CLOSED', `${host}:${port} closed the connection`))
        }
      })
      s.connect(port, host)
    })
    connecting.catch(() => {
      connecting = null
    })
    return connecting
  }

  return {
    uri: `tcp://${host}:${port}`,
    bidirectional: true,
    writeIsDelivery: false,
    async write(bytes: Uint8Array, meta: WriteMeta): Promise<void> {
      const s = await connect()
      const timeoutMs = meta.timeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS
      await new Promise<void>((resolve, reject) => {
        let settled = false
        const finish = (error?: Error): void => {
          if (settled) {
            return
          }
          settled = true
          clearTimeout(timer)
          onBroken = null
          if (error) {
            drop()
            reject(
              error instanceof TransportError ? error : new TransportError('IO', error.message)
            )
          } else {
            resolve()
          }
        }
        // The callback fires when the kernel took the last byte; a printer that stops reading
        // fills the socket buffers and it never fires.
        const timer = setTimeout(() => {
          finish(new TransportError('TIMEOUT', `printer stopped taking data for ${timeoutMs} ms`))
        }, timeoutMs)
        onBroken = finish
        s.write(bytes, (error) => {
          finish(error ?? undefined)
        })
      })
    },
    async query(request, complete, timeoutMs): Promise<Buffer> {
      const s = await connect()
      received = []
      return new Promise<Buffer>((resolve, reject) => {
        let settled = false
        const finish = (error: Error | null, reply?: Buffer): void => {
          if (settled) {
            return
          }
          settled = true
          clearTimeout(timer)
          onData = null
          onBroken = null
          if (error || !reply) {
            drop()
            reject(error ?? new TransportError('IO', 'no reply'))
          } else {
            received = []
            resolve(reply)
          }
        }
        const timer = setTimeout(() => {
          finish(new TransportError('TIMEOUT', `no status reply in ${timeoutMs} ms`))
        }, timeoutMs)
        onData = () => {
          const reply = Buffer.concat(received)
          if (complete(reply)) {
            finish(null, reply)
          }
        }
        onBroken = (error) => {
          finish(error instanceof TransportError ? error : new TransportError('IO', error.message))
        }
        s.write(request)
      })
    },
    reset: drop,
    close(): Promise<void> {
      const s = socket
      socket = null
      connecting = null
      if (!s || s.destroyed) {
        return Promise.resolve()
      }
      return new Promise((resolve) => {
        s.end(() => {
          s.destroy()
          resolve()
        })
      })
    }
  }
}
