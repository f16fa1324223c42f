import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { request, type IncomingHttpHeaders } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { Core } from '../../src/main/core/app'
import { createFileStore } from '../../src/main/core/files/file-store'
import { startWebServer, type WebServer } from '../../src/main/hosts/web/server'
import { countRowsOf, makeTempDir, openTestCore, type TestCore } from '../support/core-fixtures'

/** Files over the browser-mode transport: POST /api/upload, GET /api/download/<id>, and the import methods on top. */

const TOKEN = 'files-token-0a1b2c3d4e5f60718293a4b5'
const LIMIT = 64 * 1024

type Reply = { status: number; headers: IncomingHttpHeaders; body: Buffer }

let t: TestCore
let temp: ReturnType<typeof makeTempDir>
let web: WebServer
let host: string
let storeDir: string

beforeAll(async () => {
  t = openTestCore({ host: 'browser' })
  temp = makeTempDir('wb-files-')
  const staticDir = join(temp.dir, 'static')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><div id="root"></div>')
  // The same core with a small upload limit, so the 413 path is cheap to reach.
  storeDir = join(t.dataDir, 'tmp')
  // Same folder as the core's own store, so the methods (dispatched by the real core) see uploads.
  const core: Core = { ...t.core, ctx: { ...t.core.ctx, files: createFileStore(storeDir, LIMIT) } }
  web = await startWebServer({ core, staticDir, token: TOKEN, port: 0 })
  host = `127.0.0.1:${String(web.port)}`
})

afterAll(async () => {
  await web.close()
  t.dispose()
  temp.remove()
})

function send(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Buffer | Buffer[]
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
            body: Buffer.concat(chunks)
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
    if (Array.isArray(body)) {
      for (const part of body) {
        req.write(part)
      }
      req.end()
    } else {
      req.end(body)
    }
  })
}

const bearer = { Authorization: `Bearer ${TOKEN}` }
const octet = { 'Content-Type': 'application/octet-stream' }

function upload(name: string, body: Buffer, headers: Record<string, string> = bearer) {
  return send(
    'POST',
    '/api/upload',
    { ...octet, 'X-File-Name': encodeURIComponent(name), ...headers },
    body
  )
}

async function call(
  method: string,
  payload: unknown
): Promise<{
  ok: boolean
  value?: unknown
  error?: { code: string; details?: Record<string, unknown> }
}> {
  const reply = await send(
    'POST',
    `/api/call/${method}`,
    { 'Content-Type': 'application/json', ...bearer },
    Buffer.from(JSON.stringify(payload))
  )
  expect(reply.status).toBe(200)
  return JSON.parse(reply.body.toString('utf8')) as never
}

function storedEntries(): string[] {
  return existsSync(storeDir) ? readdirSync(storeDir) : []
}

describe('upload', () => {
  test('without the token: 401, nothing stored', async () => {
    const before = storedEntries().length
    const reply = await upload('a.csv', Buffer.from('x'), {})
    expect(reply.status).toBe(401)
    const wrong = await upload('a.csv', Buffer.from('x'), { Authorization: 'Bearer nope' })
    expect(wrong.status).toBe(401)
    expect(storedEntries().length).toBe(before)
  })

  test('with the token: stored under a random id, and downloads back byte for byte', async () => {
    const bytes = Buffer.from('订单号,收货人\nKS1,张三\n', 'utf8')
    const reply = await upload('订单 导出.csv', bytes)
    expect(reply.status).toBe(200)
    const { fileId, name, size } = JSON.parse(reply.body.toString('utf8')) as {
      fileId: string
      name: string
      size: number
    }
    expect(fileId).toMatch(/^[0-9a-f]{32}$/)
    expect(name).toBe('订单 导出.csv')
    expect(size).toBe(bytes.length)

    const down = await send('GET', `/api/download/${fileId}`, bearer)
    expect(down.status).toBe(200)
    expect(down.body.equals(bytes)).toBe(true)
    expect(down.headers['content-disposition']).toContain('attachment;')
    expect(down.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('订单 导出.csv')}`
    )
    expect(down.headers['x-content-type-options']).toBe('nosniff')

    const noToken = await send('GET', `/api/download/${fileId}`)
    expect(noToken.status).toBe(401)
    expect(noToken.body.length).toBe(0)
  })

  test('a name with folders stays inside the store', async () => {
    const reply = await upload('../../../waybill.sqlite', Buffer.from('not a database'))
    expect(reply.status).toBe(200)
    const { fileId, name } = JSON.parse(reply.body.toString('utf8')) as {
      fileId: string
      name: string
    }
    expect(name).toBe('waybill.sqlite')
    expect(existsSync(join(storeDir, fileId, 'waybill.sqlite'))).toBe(true)
    // The real database is untouched and still a database.
    const db = t.core.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM shops').get()
    expect(db?.n).toBeGreaterThan(0)
  })

  test('over the limit: 413 by Content-Length, and 413 while streaming, nothing left behind', async () => {
    const before = storedEntries().length
    const declared = await send('POST', '/api/upload', {
      ...octet,
      ...bearer,
      'X-File-Name': 'big.csv',
      'Content-Length': String(LIMIT + 1)
    })
    expect(declared.status).toBe(413)
    const chunk = Buffer.alloc(16 * 1024, 0x41)
    const streamed = await send(
      'POST',
      '/api/upload',
      { ...octet, ...bearer, 'X-File-Name': 'big.csv', 'Transfer-Encoding': 'chunked' },
      Array.from({ length: 6 }, () => chunk)
    )
    expect(streamed.status).toBe(413)
    expect(JSON.parse(streamed.body.toString('utf8'))).toMatchObject({
      ok: false,
      error: { details: { importCode: 'FILE_TOO_LARGE' } }
    })
    expect(storedEntries().length).toBe(before)
  })

  test('refuses other content types, a missing name and GET', async () => {
    expect(
      (
        await send(
          'POST',
          '/api/upload',
          { ...bearer, 'Content-Type': 'text/plain', 'X-File-Name': 'a' },
          Buffer.from('x')
        )
      ).status
    ).toBe(415)
    expect(
      (await send('POST', '/api/upload', { ...bearer, ...octet }, Buffer.from('x'))).status
    ).toBe(400)
    expect((await send('GET', '/api/upload', bearer)).status).toBe(405)
  })
})

describe('download', () => {
  test.each([
    '/api/download/../../waybill.sqlite',
    '/api/download/..%2F..%2Fwaybill.sqlite',
    '/api/download/%2e%2e/waybill.sqlite',
    '/api/download/0123456789abcdef0123456789abcdef',
    '/api/download/0123456789ABCDEF0123456789ABCDEF',
    '/api/download/0123456789abcdef0123456789abcdef/../x',
    '/api/download/'
  ])('%s is 404 and sends nothing from the disk', async (path) => {
    const reply = await send('GET', path, bearer)
    expect([404, 401]).toContain(reply.status)
    expect(reply.body.toString('utf8')).not.toContain('SQLite')
  })
})

describe('import over the contract', () => {
  const csv = [
    '订单号,收货人,手机,收货地址,商品名称,数量',
    'KS9000001,张三,13800001111,浙江省 杭州市 西湖区 文三路 100号,保温杯,1',
    'KS9000002,李四,12345,浙江省 杭州市 西湖区 文三路 101号,保温杯,2',
    'KS9000003,王五,13800003333,火星省 奥林匹斯市 山区 1号,水杯,1'
  ].join('\n')

  test('inspect → preview (counts, rejected rows with reasons) → rejected sheet → commit', async () => {
    const up = await upload('orders.csv', Buffer.from(csv, 'utf8'))
    const { fileId } = JSON.parse(up.body.toString('utf8')) as { fileId: string }

    const inspected = await call('import.inspect', { fileId })
    expect(inspected.ok).toBe(true)
    const view = inspected.value as {
      orders: { missing: string[]; mapping: Record<string, string> }
    }
    expect(view.orders.missing).toEqual([])
    expect(view.orders.mapping.orderId).toBe('订单号')

    const events: unknown[] = []
    const unsubscribe = t.core.subscribe((event, payload) => {
      if (event === 'import.progress') {
        events.push(payload)
      }
    })
    const preview = await call('import.preview', { fileId, planId: 'plan-test-0001' })
    unsubscribe()
    expect(preview.ok).toBe(true)
    const p = preview.value as {
      planId: string
      counts: { new: number; rejected: number }
      rejected: { row: number; column: string; reasonZh: string }[]
    }
    expect(p.planId).toBe('plan-test-0001')
    expect(p.counts).toMatchObject({ new: 1, rejected: 2 })
    expect(p.rejected.map((r) => r.row)).toEqual([3, 4])
    expect(p.rejected[0]?.column).toBe('手机')
    expect(p.rejected[0]?.reasonZh).not.toBe('')
    expect(events.length).toBeGreaterThan(0)
    expect(events.at(-1)).toMatchObject({ planId: 'plan-test-0001', phase: 'done' })
    expect(countRowsOf(t.core.db, 'orders')).toBe(0)

    const sheet = await call('import.rejectedSheet', { planId: p.planId, format: 'csv' })
    expect(sheet.ok).toBe(true)
    const sheetId = (sheet.value as { fileId: string }).fileId
    const down = await send('GET', `/api/download/${sheetId}`, bearer)
    expect(down.status).toBe(200)
    const text = down.body.toString('utf8')
    expect(text).toContain('KS9000002')
    expect(text).toContain('KS9000003')
    expect(text).not.toContain('KS9000001')

    const committed = await call('import.commit', { planId: p.planId, onDuplicate: 'skip' })
    expect(committed).toMatchObject({ ok: true, value: { accepted: 1, rejectedRows: 2 } })
    expect(countRowsOf(t.core.db, 'orders')).toBe(1)
    // A plan commits once.
    const again = await call('import.commit', { planId: p.planId, onDuplicate: 'skip' })
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('a file that is not a spreadsheet is refused with one line, in Chinese too', async () => {
    const up = await upload('x.xlsx', Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00, 0x01, 0x02]))
    const { fileId } = JSON.parse(up.body.toString('utf8')) as { fileId: string }
    const result = await call('import.inspect', { fileId })
    expect(result.ok).toBe(false)
    expect(typeof result.error?.details?.messageZh).toBe('string')
    expect(result.error?.details?.importCode).toMatch(/^FILE_/)
  })

  test('a cancelled preview leaves no plan, and bad ids are validation errors', async () => {
    expect(await call('import.cancel', { planId: 'plan-none-0001' })).toMatchObject({
      ok: true,
      value: { cancelled: false }
    })
    expect(await call('import.inspect', { fileId: '../../etc/passwd' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' }
    })
    expect(await call('import.inspect', { fileId: 'f'.repeat(32) })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' }
    })
  })

  test('the template downloads as an xlsx', async () => {
    const tpl = await call('import.template', {})
    expect(tpl.ok).toBe(true)
    const down = await send(
      'GET',
      `/api/download/${(tpl.value as { fileId: string }).fileId}`,
      bearer
    )
    expect(down.status).toBe(200)
    expect(down.headers['content-type']).toContain('spreadsheetml')
    expect(down.body.subarray(0, 2).toString('latin1')).toBe('PK')
  })
})
