import { expect, test } from 'vitest'
import { createBitmap, fillRect, getPixel } from '../../../src/main/core/printing/bitmap'
import { encodeEscPos, escPosRaster } from '../../../src/main/core/printing/encoders/escpos'
import { encodeTspl } from '../../../src/main/core/printing/encoders/tspl'
import { encodeZpl, zplGraphicData } from '../../../src/main/core/printing/encoders/zpl'
import { parsePrinterUri } from '../../../src/main/core/printing/transports'
import {
  parseEscPosStatus,
  parseTsplStatus,
  NotAPrinterError,
  parseZplStatus,
  zplStatusComplete
} from '../../../src/main/core/printing/status'
import {
  decodeZplGraphic,
  escPosDecoder,
  tsplDecoder,
  zplDecoder
} from '../../support/printing-decoders'

/** A 13-dot-wide bitmap (odd width: padding bits matter) with a pattern in it. */
function pattern(height = 600): ReturnType<typeof createBitmap> {
  const bitmap = createBitmap(13, height)
  for (let y = 0; y < height; y++) {
    fillRect(bitmap, (y * 7) % 13, y, 1 + (y % 4), 1)
  }
  fillRect(bitmap, 0, 100, 13, 50) // solid rows: runs and repeats for ZPL
  return bitmap
}

test('ESC/POS: GS v 0 in bands of at most 256 rows, then node-thermal-printer cut', () => {
  const bitmap = pattern()
  const raster = escPosRaster(bitmap)
  // 600 rows -> 256 + 256 + 88
  expect(raster.length).toBe(3 * 8 + bitmap.data.length)
  expect([...raster.subarray(0, 8)]).toEqual([0x1d, 0x76, 0x30, 0x00, 2, 0, 0, 1])
  const job = encodeEscPos(bitmap)
  expect([...job.subarray(0, 2)]).toEqual([0x1b, 0x40])
  expect([...job.subarray(-5)]).toEqual([0x1d, 0x56, 0x00, 0x1b, 0x40])
  const events = escPosDecoder().feed(job)
  expect(events.map((e) => e.type)).toEqual(['label'])
  const label = events[0]
  expect(
    label?.type === 'label' && Buffer.from(label.bitmap.data).equals(Buffer.from(bitmap.data))
  ).toBe(true)
})

test('TSPL: header, inverted BITMAP (0 = black), PRINT', () => {
  const bitmap = pattern()
  const job = encodeTspl(bitmap, { dotsPerMm: 8 })
  const text = job.toString('latin1')
  expect(
    text.startsWith(
      'SIZE 1.6 mm,75 mm\r\nGAP 2 mm,0 mm\r\nDIRECTION 1\r\nCLS\r\nBITMAP 0,0,2,600,0,'
    )
  ).toBe(true)
  expect(text.endsWith('\r\nPRINT 1,1\r\n')).toBe(true)
  const start = text.indexOf('BITMAP 0,0,2,600,0,') + 'BITMAP 0,0,2,600,0,'.length
  expect(job[start]).toBe(~(bitmap.data[0] ?? 0) & 0xff)
  // Padding bits (13..15) are 1 = white after inversion.
  expect((job[start + 1] ?? 0) & 0x07).toBe(0x07)
  const events = tsplDecoder(8).feed(job)
  const label = events.find((e) => e.type === 'label')
  expect(label?.type === 'label' ? label.bitmap.width : 0).toBe(13)
  for (let y = 0; y < 600; y += 37) {
    for (let x = 0; x < 13; x++) {
      expect(label?.type === 'label' && getPixel(label.bitmap, x, y)).toBe(getPixel(bitmap, x, y))
    }
  }
})

test('ZPL: ^GFA compressed and plain hex carry the same bytes; the label decodes back', () => {
  const bitmap = pattern()
  const plain = zplGraphicData(bitmap, false)
  const packed = zplGraphicData(bitmap, true)
  expect(packed.length).toBeLessThan(plain.length)
  expect(packed).toContain(':') // repeated solid rows
  const total = bitmap.data.length
  expect(Buffer.from(decodeZplGraphic(packed, total, 2)).equals(Buffer.from(bitmap.data))).toBe(
    true
  )
  expect(Buffer.from(decodeZplGraphic(plain, total, 2)).equals(Buffer.from(bitmap.data))).toBe(true)
  const job = encodeZpl(bitmap).toString('ascii')
  expect(job).toMatch(/^\^XA\n\^PW13\n\^LL600\n\^LH0,0\n\^FO0,0\^GFA,1200,1200,2,/)
  expect(job.endsWith('^XZ\n')).toBe(true)
  const label = zplDecoder()
    .feed(Buffer.from(job))
    .find((e) => e.type === 'label')
  expect(
    label?.type === 'label' && Buffer.from(label.bitmap.data).equals(Buffer.from(bitmap.data))
  ).toBe(true)
})

test('ZPL repeat counts: 20, 400 and longer runs', () => {
  const bitmap = createBitmap(8 * 300, 1)
  fillRect(bitmap, 0, 0, 8 * 250, 1)
  const data = zplGraphicData(bitmap, true)
  // 500 F = z (400) F + k (5 x 20) F, then `,` fills the 100 zero digits (ZPL II guide, ^GF).
  expect(data).toBe('zFkF,')
  expect(Buffer.from(decodeZplGraphic(data, 300, 300)).equals(Buffer.from(bitmap.data))).toBe(true)
  const odd = createBitmap(8 * 20, 1)
  fillRect(odd, 0, 0, 4 * 21, 1) // 21 F then zeros: g (20) + G (1)
  expect(zplGraphicData(odd, true)).toBe('gGF,')
})

test('status bytes map to the queue states', () => {
  expect(parseTsplStatus(0x00).state).toBe('ready')
  expect(parseTsplStatus(0x20).state).toBe('ready') // printing
  expect(parseTsplStatus(0x04).state).toBe('paper_out')
  expect(parseTsplStatus(0x41).state).toBe('cover_open')
  expect(parseTsplStatus(0x80).state).toBe('head_hot')
  expect(parseEscPosStatus({ 1: 0x16, 2: 0x12, 3: 0x12, 4: 0x12 }).state).toBe('ready')
  expect(parseEscPosStatus({ 1: 0x1e, 2: 0x32, 3: 0x12, 4: 0x72 }).state).toBe('paper_out')
  expect(parseEscPosStatus({ 1: 0x1e, 2: 0x16, 3: 0x12, 4: 0x12 }).state).toBe('cover_open')
  expect(parseEscPosStatus({ 1: 0x1e, 2: 0x12, 3: 0x32, 4: 0x12 }).state).toBe('head_hot')
  expect(parseEscPosStatus({ 1: 0x16, 2: 0x12, 3: 0x12, 4: 0x1e }).conditions).toEqual([
    'paper near end'
  ])
  const hs = (one: string, two: string): Buffer =>
    Buffer.from(`\x02${one}\x03\r\n\x02${two}\x03\r\n\x021234,0\x03\r\n`, 'latin1')
  const ok = hs('030,0,0,1245,000,0,0,0,000,0,0,0', '001,0,0,0,0,2,4,0,00000000,1,000')
  expect(zplStatusComplete(ok)).toBe(true)
  expect(zplStatusComplete(ok.subarray(0, 40))).toBe(false)
  expect(parseZplStatus(ok).state).toBe('ready')
  expect(
    parseZplStatus(hs('030,1,0,1245,000,0,0,0,000,0,0,0', '001,0,0,0,0,2,4,0,00000000,1,000')).state
  ).toBe('paper_out')
  expect(
    parseZplStatus(hs('030,0,0,1245,000,0,0,0,000,0,0,0', '001,0,1,0,0,2,4,0,00000000,1,000')).state
  ).toBe('cover_open')
  expect(
    parseZplStatus(hs('030,0,0,1245,000,0,0,0,000,0,0,1', '001,0,0,0,0,2,4,0,00000000,1,000')).state
  ).toBe('head_hot')
  // Not a ~HS reply at all (issue 10 item 6): not a printer, not a fault to decode.
  expect(() => parseZplStatus(Buffer.from('garbage'))).toThrow(NotAPrinterError)
  expect(zplStatusComplete(Buffer.from('HTTP/1.1 400'))).toBe(true)
})

test('printer URIs', () => {
  expect(parsePrinterUri('tcp://127.0.0.1:9100')).toEqual({
    kind: 'tcp',
    host: '127.0.0.1',
    port: 9100
  })
  expect(parsePrinterUri('tcp://printer.local')).toEqual({
    kind: 'tcp',
    host: 'printer.local',
    port: 9100
  })
  expect(parsePrinterUri('lp://waybill-raw')).toEqual({ kind: 'lp', queue: 'waybill-raw' })
  expect(parsePrinterUri('file:///dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' })
  expect(parsePrinterUri('preview:///tmp/labels')).toEqual({ kind: 'preview', dir: '/tmp/labels' })
  expect(() => parsePrinterUri('http://x')).toThrow(/Unsupported printer address/)
  expect(() => parsePrinterUri('preview://relative')).toThrow()
})
