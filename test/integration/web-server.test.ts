import { mkdirSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest'
import { WebSocket } from 'ws'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import { CONTENT_SECURITY_POLICY } from '../../src/main/hosts/csp'
import { startWebServer, type WebServer } from '../../src/main/hosts/web/server'
import {
  countRowsOf,
  makeTempDir,
  openTestCore,
  validOrderInput,
  type TestCore
} from '../support/core-fixtures'

const TOKEN = 'test-token-6f1d2c0a9b8e7f6a5d4c3b2a'
const INDEX_HTML = '<!doctype html><title>Waybill Station</title><div id="root"></div>'
const SECRET = 'TOP-SECRET-NOT-FOR-THE-BROWSER'
const MAX_BODY = 16 * 1024

type Reply = { status: number; headers: IncomingHttpHeaders; body: string }

let t: TestCore
let temp: ReturnType<typeof makeTempDir>
let web: WebServer
let host: string

beforeAll(async () => {
  t = openTestCore({ host: 'browser' })
  temp = makeTempDir('wb-web-')
  // A secret next to the static folder, and one in a sibling whose name starts like it.
  writeFileSync(join(temp.dir, 'secret.txt'), SECRET)
  mkdirSync(join(temp.dir, 'static-private'))
  writeFileSync(join(temp.dir, 'static-private', 'secret.txt'), SECRET)
  const staticDir = join(temp.dir, 'static')
  mkdirSync(join(staticDir, 'assets'), { recursive: true })
  writeFileSync(join(staticDir, 'index.html'), INDEX_HTML)
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("app")')
  web = await startWebServer({
    core: t.core,
    staticDir,
    token: TOKEN,
    port: 0,
    maxBodyBytes: MAX_BODY
  })
  host = `127.0.0.1:${String(web.port)}`
})

afterAll(async () => {
  await web.close()
  t.dispose()
  temp.remove()
})

beforeEach(() => {
  t.core.db.exec('DELETE FROM order_items; DELETE FROM orders; DELETE FROM audit_events;')
})

/** A raw HTTP request: the path is sent exactly as given (no client-side normalization). */
function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string | Buffer
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    let settled = false
    const req = request(
      { host: '127.0.0.1', port: web.port, method, path, headers: { Host: host, ...headers } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          settled = true
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8')
          })
        })
      }
    )
    req.on('error', (error) => {
      // The server may reset an oversized upload after answering; the answer is what counts.
      if (!settled) {
        reject(error)
      }
    })
    req.end(body)
  })
}

const bearer = { Authorization: `Bearer ${TOKEN}` }
const json = { 'Content-Type': 'application/json' }

function call(method: string, payload: unknown, headers: Record<string, string> = bearer) {
  return send('POST', `/api/call/${method}`, { ...json, ...headers }, JSON.stringify(payload))
}

function ordersWritten(): number {
  return (
    countRowsOf(t.core.db, 'orders') +
    countRowsOf(t.core.db, 'order_items') +
    countRowsOf(t.core.db, 'audit_events')
  )
}

/** Opens a WebSocket to /api/events; resolves with the socket, or with the HTTP status it was refused with. */
function openEvents(
  headers: Record<string, string>,
  extra: { origin?: string; host?: string } = {}
) {
  return new Promise<{ ws: WebSocket; status: 101 } | { status: number; body: string }>(
    (resolve, reject) => {
      const ws = new WebSocket(`ws://127.0.0.1:${String(web.port)}/api/events`, {
        headers: { Host: extra.host ?? host, ...headers },
        ...(extra.origin ? { origin: extra.origin } : {})
      })
      ws.on('open', () => {
        resolve({ ws, status: 101 })
      })
      ws.on('unexpected-response', (_req, res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') })
        })
      })
      ws.on('error', (error) => {
        reject(error)
      })
    }
  )
}

describe('binding', () => {
  test('listens on 127.0.0.1 only, and its URL carries the token', () => {
    const address = web.server.address() as AddressInfo
    expect(address.address).toBe('127.0.0.1')
    expect(address.port).toBe(web.port)
    expect(web.port).toBeGreaterThan(0)
    expect(web.url).toBe(`http://127.0.0.1:${String(web.port)}/?token=${TOKEN}`)
  })
})

describe('authentication', () => {
  test.each([
    ['GET', '/'],
    ['GET', '/index.html'],
    ['GET', '/assets/app.js'],
    ['GET', '/orders'],
    ['POST', '/api/call/app.info'],
    ['POST', '/api/call/orders.add'],
    ['GET', '/index.html?token=' + TOKEN],
    ['POST', '/api/call/app.info?token=' + TOKEN]
  ])('%s %s without a token (header or cookie) is 401 with an empty body', async (method, path) => {
    const r = await send(
      method,
      path,
      json,
      method === 'POST' ? JSON.stringify(validOrderInput()) : undefined
    )
    expect(r.status).toBe(401)
    expect(r.body).toBe('')
    expect(r.headers['set-cookie']).toBeUndefined()
  })

  test('a WebSocket upgrade to /api/events without a token is refused with 401', async () => {
    const r = await openEvents({})
    expect(r.status).toBe(401)
    expect('body' in r ? r.body : 'opened').toBe('')
  })

  test.each([
    ['a wrong bearer token', { Authorization: 'Bearer wrong-token' }],
    ['a wrong token of the same length', { Authorization: `Bearer ${'x'.repeat(TOKEN.length)}` }],
    ['the token without "Bearer "', { Authorization: TOKEN }],
    [
      'a basic auth header',
      { Authorization: `Basic ${Buffer.from(`u:${TOKEN}`).toString('base64')}` }
    ],
    ['a wrong cookie', { Cookie: 'wb_token=wrong' }],
    ['the token in another cookie', { Cookie: `other=${TOKEN}` }]
  ])('%s is 401', async (_, headers) => {
    const page = await send('GET', '/', headers)
    const api = await call('app.info', {}, headers)
    expect([page.status, api.status]).toEqual([401, 401])
    expect(page.body + api.body).toBe('')
  })

  test.each([
    ['another host (DNS rebinding)', { Host: 'evil.example:PORT' }],
    ['the right host on another port', { Host: '127.0.0.1:1' }],
    ['a host without port', { Host: '127.0.0.1' }],
    ['a LAN address', { Host: '192.168.1.20:PORT' }]
  ])('a valid token with %s is 401', async (_, headers) => {
    const withPort = { Host: headers.Host.replace('PORT', String(web.port)) }
    const r = await call('app.info', {}, { ...bearer, ...withPort })
    expect(r.status).toBe(401)
    expect(r.body).toBe('')
    const page = await send('GET', '/', { ...bearer, ...withPort })
    expect(page.status).toBe(401)
  })

  test('localhost:<port> is an accepted host', async () => {
    const r = await call('app.info', {}, { ...bearer, Host: `localhost:${String(web.port)}` })
    expect(r.status).toBe(200)
  })

  test.each(['http://evil.example', 'null', 'https://HOST', `http://localhost:1`])(
    'a valid token with the cross origin %s is 401',
    async (origin) => {
      const r = await call('app.info', {}, { ...bearer, Origin: origin.replace('HOST', host) })
      expect(r.status).toBe(401)
      expect(r.body).toBe('')
    }
  )

  test('the same origin is accepted', async () => {
    const r = await call('app.info', {}, { ...bearer, Origin: `http://${host}` })
    expect(r.status).toBe(200)
  })

  test('GET /?token=T sets an HttpOnly SameSite=Strict cookie and redirects; the cookie then works', async () => {
    const r = await send('GET', `/?token=${TOKEN}`)
    expect(r.status).toBe(302)
    expect(r.headers.location).toBe('/')
    const setCookie = r.headers['set-cookie']?.[0] ?? ''
    expect(setCookie).toMatch(/^wb_token=/)
    expect(setCookie).toMatch(/;\s*HttpOnly/i)
    expect(setCookie).toMatch(/;\s*SameSite=Strict/i)
    expect(setCookie).toMatch(/;\s*Path=\//)
    const cookie = setCookie.split(';')[0] ?? ''

    const page = await send('GET', '/', { Cookie: cookie })
    expect(page.status).toBe(200)
    expect(page.body).toBe(INDEX_HTML)
    const api = await call('app.info', {}, { Cookie: `theme=dark; ${cookie}` })
    expect(api.status).toBe(200)
    expect(JSON.parse(api.body)).toMatchObject({
      ok: true,
      value: { host: 'browser', schemaVersion: MIGRATIONS.at(-1)?.version }
    })
  })

  test('GET /?token= with a wrong token or a wrong host sets no cookie', async () => {
    const wrong = await send('GET', '/?token=nope')
    expect(wrong.status).toBe(401)
    expect(wrong.headers['set-cookie']).toBeUndefined()
    const rebinding = await send('GET', `/?token=${TOKEN}`, {
      Host: `evil.example:${String(web.port)}`
    })
    expect(rebinding.status).toBe(401)
    expect(rebinding.headers['set-cookie']).toBeUndefined()
  })

  test('a Bearer token works for the API and the WebSocket', async () => {
    const api = await call('app.info', {})
    expect(api.status).toBe(200)
    expect(JSON.parse(api.body)).toMatchObject({ ok: true, value: { dataDir: t.dataDir } })
    const ws = await openEvents(bearer)
    expect(ws.status).toBe(101)
    if ('ws' in ws) {
      ws.ws.close()
    }
  })

  test('a WebSocket with a wrong token, a cross origin or a wrong host is refused', async () => {
    expect((await openEvents({ Authorization: 'Bearer nope' })).status).toBe(401)
    expect((await openEvents(bearer, { origin: 'http://evil.example' })).status).toBe(401)
    expect((await openEvents(bearer, { host: `evil.example:${String(web.port)}` })).status).toBe(
      401
    )
  })
})

describe('API payloads', () => {
  test('invalid JSON is 400 VALIDATION and writes nothing', async () => {
    const r = await send('POST', '/api/call/orders.add', { ...bearer, ...json }, '{"receiver": {')
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(ordersWritten()).toBe(0)
  })

  test.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'content-type %s is 415 and writes nothing',
    async (type) => {
      const r = await send(
        'POST',
        '/api/call/orders.add',
        { ...bearer, 'Content-Type': type },
        JSON.stringify(validOrderInput())
      )
      expect(r.status).toBe(415)
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
      expect(ordersWritten()).toBe(0)
    }
  )

  test('a missing content-type is 415', async () => {
    const r = await send('POST', '/api/call/orders.add', bearer, JSON.stringify(validOrderInput()))
    expect(r.status).toBe(415)
    expect(ordersWritten()).toBe(0)
  })

  test('an oversized body is 413 and writes nothing', async () => {
    const order = { ...validOrderInput(), remark: 'x'.repeat(MAX_BODY) }
    const r = await call('orders.add', order)
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(ordersWritten()).toBe(0)
    // The server is still fine afterwards.
    expect((await call('app.info', {})).status).toBe(200)
  })

  test('a schema-invalid order is 200 with ok:false VALIDATION and field issues, and writes nothing', async () => {
    const r = await call('orders.add', {
      ...validOrderInput(),
      receiver: { ...validOrderInput().receiver, phone: '110', district: '朝阳区' },
      items: [{ sku: 'A', title: 'B', quantity: 0, unitWeightG: 1 }]
    })
    expect(r.status).toBe(200)
    const result = JSON.parse(r.body) as {
      ok: boolean
      error: { code: string; details: { issues: { path: string; code: string }[] } }
    }
    expect(result.ok).toBe(false)
    expect(result.error.code).toBe('VALIDATION')
    expect(result.error.details.issues.map((i) => `${i.path}:${i.code}`)).toEqual(
      expect.arrayContaining(['receiver.phone:phone_invalid', 'items.0.quantity:quantity_min'])
    )
    expect(ordersWritten()).toBe(0)
  })

  test('an empty body is an empty payload, refused by the schema', async () => {
    const r = await send('POST', '/api/call/orders.add', { ...bearer, ...json })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(ordersWritten()).toBe(0)
  })

  test('an unknown method is UNKNOWN_METHOD; GET on the API is 405', async () => {
    const unknown = await call('orders.delete', { id: 1 })
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    const proto = await call('__proto__', {})
    expect(JSON.parse(proto.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    expect((await send('GET', '/api/call/app.info', bearer)).status).toBe(405)
    expect((await send('PUT', '/index.html', bearer)).status).toBe(405)
  })

  test('a valid orders.add is answered and pushed to a connected WebSocket as orders.changed', async () => {
    const opened = await openEvents(bearer)
    if (!('ws' in opened)) {
      throw new Error(`WebSocket refused: ${String(opened.status)}`)
    }
    const message = new Promise<unknown>((resolve) => {
      opened.ws.once('message', (data: Buffer) => {
        resolve(JSON.parse(data.toString('utf8')))
      })
    })
    try {
      const r = await call('orders.add', validOrderInput())
      expect(r.status).toBe(200)
      const result = JSON.parse(r.body) as { ok: boolean; value: { id: number } }
      expect(result.ok, r.body).toBe(true)
      expect(await message).toEqual({
        event: 'orders.changed',
        payload: { ids: [result.value.id] }
      })
      expect(countRowsOf(t.core.db, 'orders')).toBe(1)
      expect(r.headers['content-type']).toMatch(/^application\/json/)
      expect(r.headers['cache-control']).toBe('no-store')
    } finally {
      opened.ws.close()
    }
  })
})

describe('static files', () => {
  test('are served with the CSP and hardening headers', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', '/orders/123']) {
      const r = await send('GET', path, bearer)
      expect(r.status, path).toBe(200)
      expect(r.headers['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY)
      expect(r.headers['x-content-type-options'], path).toBe('nosniff')
      expect(r.headers['x-frame-options'], path).toBe('DENY')
    }
    expect((await send('GET', '/assets/app.js', bearer)).headers['content-type']).toMatch(
      /^text\/javascript/
    )
    expect((await send('GET', '/orders/123', bearer)).body).toBe(INDEX_HTML)
  })

  test('the CSP allows only our own scripts and no framing', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/)
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'")
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'")
  })

  test('a missing asset is 404', async () => {
    expect((await send('GET', '/assets/missing.js', bearer)).status).toBe(404)
  })

  test.each([
    '/../secret.txt',
    '/../../etc/passwd',
    '/../../../../../../etc/passwd',
    '/%2e%2e/secret.txt',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2e%2e%5csecret.txt',
    '/..%2f..%2fstatic-private%2fsecret.txt',
    '/../static-private/secret.txt',
    '//etc/passwd',
    '/%2fetc%2fpasswd',
    '/....//secret.txt',
    '/assets/%00/../../secret.txt'
  ])('%s does not escape the static folder', async (path) => {
    const r = await send('GET', path, bearer)
    expect(r.body).not.toContain(SECRET)
    expect(r.body).not.toMatch(/root:.*:0:0:/)
    expect([200, 400, 404]).toContain(r.status)
    if (r.status === 200) {
      expect(r.body).toBe(INDEX_HTML)
    }
  })

  test('a malformed escape does not leak anything and the server keeps serving', async () => {
    const r = await send('GET', '/%E0%A4%A', bearer)
    expect(r.status).not.toBe(200)
    expect(r.body).not.toContain(SECRET)
    expect((await send('GET', '/', bearer)).status).toBe(200)
  })
})
