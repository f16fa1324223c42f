import { expect, test } from 'vitest'
import {
  NotAPrinterError,
  escPosStatusByte,
  tsplStatusByte
} from '../../../src/main/core/printing/status'
import { PrinterInput } from '../../../src/shared/api/printers'
import { normalizePrinterUri, printerUriProblem } from '../../../src/shared/printer-uri'

test.each([
  ['192.168.1.250', 'tcp://192.168.1.250:9100'],
  ['192.168.1.250:9101', 'tcp://192.168.1.250:9101'],
  ['  10.0.0.7  ', 'tcp://10.0.0.7:9100'],
  ['0.0.0.0:1', 'tcp://0.0.0.0:1'],
  ['tcp://192.168.1.250', 'tcp://192.168.1.250'],
  ['lp://Deli_DL888D', 'lp://Deli_DL888D'],
  ['printer.local', 'printer.local'],
  ['256.1.1.1', '256.1.1.1'],
  ['192.168.1', '192.168.1'],
  ['192.168.1.250:', '192.168.1.250:']
])('a typed address %j is stored as %j', (typed, stored) => {
  expect(normalizePrinterUri(typed)).toBe(stored)
})

test('the contract accepts a bare IP or IP:port as the printer raw TCP port', () => {
  const base = { name: '网口', language: 'tspl', dpi: 203, labelSize: '76x130' } as const
  expect(PrinterInput.parse({ ...base, uri: '192.168.1.250' }).uri).toBe('tcp://192.168.1.250:9100')
  expect(PrinterInput.parse({ ...base, uri: '192.168.1.250:9101' }).uri).toBe(
    'tcp://192.168.1.250:9101'
  )
  // A port out of range is still refused for what it is.
  const bad = PrinterInput.safeParse({ ...base, uri: '192.168.1.250:99999' })
  expect(bad.success ? null : bad.error.issues.map((i) => i.message)).toEqual(['uri_port'])
  expect(printerUriProblem('192.168.1')).toBe('uri_invalid')
})

test('a status reply is trusted only in its language shape', () => {
  expect(escPosStatusByte(Buffer.from([0x12]))).toBe(0x12)
  expect(escPosStatusByte(Buffer.from([0x1e]))).toBe(0x1e)
  const http = Buffer.from('HTTP/1.1 400 Bad Request\r\n', 'latin1')
  expect(() => escPosStatusByte(http)).toThrow(NotAPrinterError)
  // 'H' alone has the wrong fixed bits for DLE EOT.
  expect(() => escPosStatusByte(Buffer.from('H'))).toThrow(NotAPrinterError)
  expect(tsplStatusByte(Buffer.from([0x04]))).toBe(0x04)
  expect(() => tsplStatusByte(http)).toThrow(/not a label printer at this address/)
  expect(() => tsplStatusByte(Buffer.alloc(0))).toThrow(NotAPrinterError)
})
