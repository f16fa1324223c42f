/**
 * Printers that never answer a status query (issue 9 item 2) and replies that are not a
 * printer's (issue 10 item 6), over real TCP to the virtual printer, with a real SQLite file.
 */
import { type AddressInfo, type Server, type Socket, createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import type { Core } from '../../../src/main/core/app'
import { openCore } from '../../../src/main/core/app'
import { printPackages } from '../../../src/main/core/printers'
import { callOk, makeTempDir } from '../../support/core-fixtures'
import { readWithZxing } from '../../support/printing-barcode-reader'
import { seedPackages } from '../../support/printing-db'
import { type VirtualPrinter, startVirtualPrinter } from '../../support/virtual-printer'

type Language = 'tspl' | 'zpl' | 'escpos'

let temp: ReturnType<typeof makeTempDir>
let core: Core
const closers: (() => Promise<void>)[] = []

beforeEach(() => {
  temp = makeTempDir('wb-mute-')
  core = openCore({
    dataDir: temp.dir,
    host: { host: 'browser', version: '0.0.0-test' },
    actor: 'tester',
    station: 'bench-1'
  })
})
afterEach(async () => {
  core.close()
  for (const close of closers.splice(0)) {
    await close()
  }
  temp.remove()
})

async function virtualPrinter(language: Language): Promise<VirtualPrinter> {
  const vp = await startVirtualPrinter({ language })
  closers.push(() => vp.close())
  return vp
}

async function addPrinter(
  uri: string,
  language: Language,
  statusMode?: 'auto' | 'off'
): Promise<number> {
  const printer = await callOk(core, 'printers.add', {
    name: `台-${language}-${String(Math.random()).slice(2, 8)}`,
    uri,
    language,
    dpi: 203,
    labelSize: '76x130',
    ...(statusMode ? { statusMode } : {})
  })
  return printer.id
}

async function printerRow(id: number): Promise<{ statusMode?: string; statusReplies?: string }> {
  const found = (await callOk(core, 'printers.list', {})).printers.find((p) => p.id === id)
  if (!found) {
    throw new Error(`printer ${String(id)} not listed`)
  }
  return found
}

async function print(printerId: number, packageIds: number[]) {
  const result = await printPackages(core.ctx, { printerId, packageIds })
  if (!result.ok) {
    throw new Error(result.error.message)
  }
  return result.value
}

/** The Code128 of every label the printer put out, decoded from the bitmaps it rebuilt. */
async function printedNumbers(vp: VirtualPrinter): Promise<string[]> {
  const numbers: string[] = []
  for (const label of vp.printed) {
    const symbols = await readWithZxing(label.bitmap)
    numbers.push(...symbols.filter((s) => s.format === 'Code128').map((s) => s.text))
  }
  return numbers
}

describe('a printer that never answers status queries (mute)', () => {
  test.each<Language>(['tspl', 'zpl', 'escpos'])(
    '%s: a batch prints every label exactly once, found mute on the first timeout',
    async (language) => {
      const vp = await virtualPrinter(language)
      vp.mute(true)
      const id = await addPrinter(vp.uri, language)
      const packages = seedPackages(core.db, 4, `ORD-${language.length}`)
      const ids = packages.map((p) => p.packageId)

      const result = await print(id, ids)
      expect(result.paused).toBe(false)
      // Counted as sent (the link took every byte), never confirmed: the printer cannot say.
      expect(result.labels.map((l) => l.state)).toEqual(['sent', 'sent', 'sent', 'sent'])
      await vp.waitForPrinted(4)
      expect(await printedNumbers(vp)).toEqual(packages.map((p) => p.data.trackingNumber))
      // One query found it mute; none after, and that is remembered for the next run.
      expect(vp.stats.statusQueries).toBe(1)
      expect(await printerRow(id)).toMatchObject({ statusMode: 'auto', statusReplies: 'mute' })

      const more = seedPackages(core.db, 2, `ORD-9${language.length}`)
      const again = await print(
        id,
        more.map((p) => p.packageId)
      )
      expect(again.labels.map((l) => l.state)).toEqual(['sent', 'sent'])
      await vp.waitForPrinted(6)
      expect(vp.printed).toHaveLength(6)
      expect(vp.stats.statusQueries).toBe(1)
      const status = await callOk(core, 'printers.status', { id })
      expect(status).toMatchObject({ canQuery: false, state: 'unknown' })
      expect(vp.stats.statusQueries).toBe(1)
    }
  )

  test('a printer that answered and then goes silent mid-batch stops the batch', async () => {
    const vp = await virtualPrinter('tspl')
    const id = await addPrinter(vp.uri, 'tspl')
    const packages = seedPackages(core.db, 5, 'ORD-51')
    vp.muteAfter(2)

    const result = await print(
      id,
      packages.map((p) => p.packageId)
    )
    expect(result.paused).toBe(true)
    expect(result.pauseReason).toMatch(/did not answer a status query/)
    // Label 2 left whole and then the printer fell silent: held for the packer's answer, and
    // nothing after it was sent.
    expect(result.labels.map((l) => l.state)).toEqual([
      'confirmed',
      'sent',
      'queued',
      'queued',
      'queued'
    ])
    expect(vp.printed).toHaveLength(2)
    expect(await printerRow(id)).toMatchObject({ statusReplies: 'answered' })
  })

  test("status 'off' never sends a status query, and says it cannot report", async () => {
    const vp = await virtualPrinter('tspl')
    const id = await addPrinter(vp.uri, 'tspl', 'off')
    expect(await printerRow(id)).toMatchObject({ statusMode: 'off' })
    const packages = seedPackages(core.db, 3, 'ORD-61')

    const result = await print(
      id,
      packages.map((p) => p.packageId)
    )
    expect(result.labels.map((l) => l.state)).toEqual(['sent', 'sent', 'sent'])
    await vp.waitForPrinted(3)
    expect(await callOk(core, 'printers.status', { id })).toMatchObject({ canQuery: false })
    expect(await callOk(core, 'printers.test', { id })).toMatchObject({
      outcome: 'sent',
      cannotReport: true
    })
    await vp.waitForPrinted(4)
    expect(vp.stats.statusQueries).toBe(0)
  })
})

/** A web server where a printer was expected: every request gets an HTTP error line, then it hangs up. */
async function httpErrorServer(): Promise<string> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => undefined)
    socket.once('data', () => {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) {
          socket.destroy()
        }
        server.close(() => {
          resolve()
        })
      })
  )
  return `tcp://127.0.0.1:${String((server.address() as AddressInfo).port)}`
}

describe('a reply that is not a printer status', () => {
  test.each<Language>(['tspl', 'zpl', 'escpos'])(
    '%s: an HTTP error line means "not a label printer at this address"',
    async (language) => {
      const id = await addPrinter(await httpErrorServer(), language)
      const status = await callOk(core, 'printers.status', { id })
      expect(status.state).toBe('not_a_printer')
      expect(status.conditions.join(' ')).toMatch(/not a label printer/)

      const test = await callOk(core, 'printers.test', { id })
      expect(test).toMatchObject({
        outcome: 'failed',
        cause: 'not_a_printer',
        printerState: 'not_a_printer'
      })

      // A batch stops at once with the same reason, before any label leaves.
      const packages = seedPackages(core.db, 2, `ORD-7${language.length}`)
      const result = await print(
        id,
        packages.map((p) => p.packageId)
      )
      expect(result.paused).toBe(true)
      expect(result.pauseReason).toMatch(/not a label printer/)
      expect(result.labels.map((l) => l.state)).toEqual(['queued', 'queued'])
    }
  )
})

describe('test print explains a refused or unanswered connection', () => {
  test('refused (nothing listens) and no response (a printer that answered, then stalled)', async () => {
    // A port that was just listening and is closed now: connections are refused.
    const vpGone = await startVirtualPrinter({ language: 'tspl' })
    const goneUri = vpGone.uri
    await vpGone.close()
    const refusedId = await addPrinter(goneUri, 'tspl')
    expect(await callOk(core, 'printers.test', { id: refusedId })).toMatchObject({
      outcome: 'failed',
      cause: 'refused'
    })

    const vp = await virtualPrinter('tspl')
    const id = await addPrinter(vp.uri, 'tspl')
    expect((await callOk(core, 'printers.test', { id })).outcome).toBe('printed')
    vp.stall(true)
    expect(await callOk(core, 'printers.test', { id })).toMatchObject({
      outcome: 'failed',
      cause: 'no_response'
    })
    vp.stall(false)
  })
})
