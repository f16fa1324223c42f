import { timingSafeEqual } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { WebSocketServer, type WebSocket } from 'ws'
import type { Core } from '../../core/app'
import { FILE_ID_PATTERN, FileTooLargeError, type FileStore } from '../../core/files/file-store'
import { fail } from '../../../shared/result'
import { CONTENT_SECURITY_POLICY } from '../csp'

/** Browser mode (DESIGN §4): the same UI on 127.0.0.1 only, every request authenticated by a per-run token. */
export type WebServerOptions = {
  readonly core: Core
  readonly staticDir: string
  readonly token: string
  readonly port?: number
  readonly maxBodyBytes?: number
}

export type WebServer = {
  readonly server: Server
  readonly port: number
  /** The URL to open: it carries the token once, the server then keeps it in an HttpOnly cookie. */
  readonly url: string
  readonly close: () => Promise<void>
}

const COOKIE = 'wb_token'
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const maxBody = options.maxBodyBytes ?? 8 * 1024 * 1024
  const tokenBytes = Buffer.from(options.token)
  let port = 0

  const authorized = (req: IncomingMessage): boolean => {
    const host = req.headers.host ?? ''
    if (host !== `127.0.0.1:${String(port)}` && host !== `localhost:${String(port)}`) {
      return false
    }
    const origin = req.headers.origin
    if (origin !== undefined && origin !== `http://${host}`) {
      return false
    }
    const presented = bearer(req) ?? cookie(req, COOKIE)
    return presented !== undefined && safeEqual(Buffer.from(presented), tokenBytes)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.core.ctx.log.error('web request failed', { error: String(error) })
      if (!res.headersSent) {
        res.writeHead(500).end()
      }
    })
  })

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const queryToken = url.searchParams.get('token')
    if (req.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!safeEqual(Buffer.from(queryToken), tokenBytes) || !hostOk(req, port)) {
        res.writeHead(401).end()
        return
      }
      res.writeHead(302, {
        'Set-Cookie': `${COOKIE}=${options.token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
        'Cache-Control': 'no-store'
      })
      res.end()
      return
    }
    if (!authorized(req)) {
      res.writeHead(401).end()
      return
    }
    if (url.pathname.startsWith('/api/call/')) {
      await handleCall(req, res, url.pathname.slice('/api/call/'.length))
      return
    }
    if (url.pathname === '/api/upload') {
      await handleUpload(req, res, options.core.ctx.files)
      return
    }
    if (url.pathname.startsWith('/api/download/')) {
      await handleDownload(
        req,
        res,
        options.core.ctx.files,
        url.pathname.slice('/api/download/'.length)
      )
      return
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end()
      return
    }
    await serveStatic(res, options.staticDir, url.pathname)
  }

  const handleCall = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    if (req.method !== 'POST') {
      res.writeHead(405).end()
      return
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, fail('VALIDATION', 'Send the payload as application/json'))
      return
    }
    const body = await readBody(req, maxBody)
    if (body === null) {
      sendJson(res, 413, fail('VALIDATION', `Payload larger than ${String(maxBody)} bytes`))
      return
    }
    let payload: unknown
    try {
      payload = body.length === 0 ? {} : JSON.parse(body.toString('utf8'))
    } catch {
      sendJson(res, 400, fail('VALIDATION', 'The payload is not valid JSON'))
      return
    }
    const result = await options.core.dispatch(method, payload)
    sendJson(res, 200, result)
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 })
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname !== '/api/events' || !authorized(req)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      wss.emit('connection', ws, req)
    })
  })
  const unsubscribe = options.core.subscribe((event, payload) => {
    const message = JSON.stringify({ event, payload })
    for (const client of wss.clients) {
      sendIfOpen(client, message)
    }
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      resolve()
    })
  })
  port = (server.address() as AddressInfo).port
  return {
    server,
    port,
    url: `http://127.0.0.1:${String(port)}/?token=${options.token}`,
    close: async () => {
      unsubscribe()
      for (const client of wss.clients) {
        client.terminate()
      }
      wss.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) =>
        server.close(() => {
          resolve()
        })
      )
    }
  }
}

/**
 * `POST /api/upload`: the body (application/octet-stream) is streamed into the file store under
 * the name in `X-File-Name` (URI-encoded); answers `{ fileId, name, size }`, 413 above the limit.
 */
async function handleUpload(req: IncomingMessage, res: ServerResponse, files: FileStore) {
  if (req.method !== 'POST') {
    res.writeHead(405).end()
    return
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream')) {
    sendJson(res, 415, fail('VALIDATION', 'Send the file as application/octet-stream'))
    return
  }
  const rawName = req.headers['x-file-name']
  let name: string
  try {
    name = typeof rawName === 'string' ? decodeURIComponent(rawName) : ''
  } catch {
    name = ''
  }
  if (name.trim() === '' || name.length > 1000) {
    sendJson(res, 400, fail('VALIDATION', 'Name the file in the X-File-Name header'))
    return
  }
  const tooLarge = () => {
    res.setHeader('Connection', 'close')
    sendJson(
      res,
      413,
      fail('VALIDATION', `The file is larger than ${String(files.maxBytes)} bytes`, {
        importCode: 'FILE_TOO_LARGE',
        limit: files.maxBytes
      })
    )
    // Read and drop the rest of the body, so the client gets the answer (destroying the socket
    // with unread data would reset it); a sender that goes on for long is cut off.
    req.resume()
    res.once('finish', () => {
      setTimeout(() => {
        req.destroy()
      }, 5_000).unref()
    })
  }
  const declared = Number(req.headers['content-length'] ?? NaN)
  if (Number.isFinite(declared) && declared > files.maxBytes) {
    tooLarge()
    return
  }
  try {
    // An iterator without `return`: a refusal mid-stream must not destroy the request (and its
    // socket) before the 413 is sent.
    const reader = req[Symbol.asyncIterator]()
    const body: AsyncIterable<Uint8Array> = {
      [Symbol.asyncIterator]: () => ({
        next: () => reader.next() as Promise<IteratorResult<Uint8Array>>
      })
    }
    const stored = await files.put(name, body)
    sendJson(res, 200, { fileId: stored.fileId, name: stored.name, size: stored.size })
  } catch (error) {
    if (error instanceof FileTooLargeError) {
      tooLarge()
      return
    }
    throw error
  }
}

const DOWNLOAD_TYPES: Readonly<Record<string, string>> = {
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8'
}

/** `GET /api/download/<fileId>`: a stored file as an attachment; anything but a known id is 404. */
async function handleDownload(
  req: IncomingMessage,
  res: ServerResponse,
  files: FileStore,
  fileId: string
) {
  if (req.method !== 'GET') {
    res.writeHead(405).end()
    return
  }
  const file = FILE_ID_PATTERN.test(fileId) ? await files.get(fileId) : null
  if (!file) {
    res.writeHead(404).end()
    return
  }
  const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  res.writeHead(200, {
    'Content-Type': DOWNLOAD_TYPES[extname(file.name).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(file.size),
    'Content-Disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  await pipeline(createReadStream(file.path), res)
}

function hostOk(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? ''
  return host === `127.0.0.1:${String(port)}` || host === `localhost:${String(port)}`
}

function sendIfOpen(client: WebSocket, message: string): void {
  if (client.readyState === client.OPEN) {
    client.send(message)
  }
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  return header?.startsWith('Bearer ') ? header.slice(7) : undefined
}

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) {
      return rest.join('=')
    }
  }
  return undefined
}

function safeEqual(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b)
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  res.end(body)
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    const buffer = chunk as Buffer
    size += buffer.length
    if (size > limit) {
      return null
    }
    chunks.push(buffer)
  }
  return Buffer.concat(chunks)
}

async function serveStatic(res: ServerResponse, root: string, pathname: string): Promise<void> {
  let decoded: string
  try {
    decoded = decodeURIComponent(pathname)
  } catch {
    res.writeHead(400).end()
    return
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  let file = join(root, relative)
  if (!file.startsWith(root + sep) && file !== root) {
    res.writeHead(404).end()
    return
  }
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) {
    // A single-page app: unknown paths get the shell, assets that don't exist get 404.
    if (extname(relative) !== '') {
      res.writeHead(404).end()
      return
    }
    file = join(root, 'index.html')
  }
  const body = await readFile(file)
  res.writeHead(200, {
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': extname(file) === '.html' ? 'no-store' : 'max-age=3600'
  })
  res.end(body)
}
