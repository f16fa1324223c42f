import { crc32, deflateSync } from 'node:zlib'

/**
 * A 1-bit label image as printers take it: rows packed MSB first, 1 = black, each row padded to
 * a whole byte (padding bits are 0 = white). `data.length === bytesPerRow * height`.
 */
export type Bitmap = {
  readonly width: number
  readonly height: number
  readonly bytesPerRow: number
  readonly data: Uint8Array
}

export function createBitmap(width: number, height: number): Bitmap {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new RangeError(`Bitmap size must be positive integers, got ${width}x${height}`)
  }
  const bytesPerRow = Math.ceil(width / 8)
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) }
}

export function getPixel(bitmap: Bitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) {
    return false
  }
  return ((bitmap.data[y * bitmap.bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0
}

/** Sets (black = true) or clears a rectangle, clipped to the bitmap; works a byte at a time. */
export function fillRect(
  bitmap: Bitmap,
  x: number,
  y: number,
  w: number,
  h: number,
  black = true
): void {
  const x0 = Math.max(0, Math.round(x))
  const y0 = Math.max(0, Math.round(y))
  const x1 = Math.min(bitmap.width, Math.round(x + w))
  const y1 = Math.min(bitmap.height, Math.round(y + h))
  if (x1 <= x0 || y1 <= y0) {
    return
  }
  const { data, bytesPerRow } = bitmap
  const firstByte = x0 >> 3
  const lastByte = (x1 - 1) >> 3
  const firstMask = 0xff >> (x0 & 7)
  const lastMask = (0xff00 >> (((x1 - 1) & 7) + 1)) & 0xff
  for (let row = y0; row < y1; row++) {
    const base = row * bytesPerRow
    if (firstByte === lastByte) {
      paint(data, base + firstByte, firstMask & lastMask, black)
      continue
    }
    paint(data, base + firstByte, firstMask, black)
    if (black) {
      data.fill(0xff, base + firstByte + 1, base + lastByte)
    } else {
      data.fill(0, base + firstByte + 1, base + lastByte)
    }
    paint(data, base + lastByte, lastMask, black)
  }
}

function paint(data: Uint8Array, index: number, mask: number, black: boolean): void {
  const current = data[index] ?? 0
  data[index] = black ? current | mask : current & ~mask & 0xff
}

/**
 * ORs (black) or clears (white) the 1 bits of `mask` into `target` with its top-left at (x, y).
 * Byte-wise with shifts, so a glyph costs a few hundred operations rather than one per pixel.
 */
export function blit(target: Bitmap, mask: Bitmap, x: number, y: number, black = true): void {
  const shift = x & 7
  const tBpr = target.bytesPerRow
  const tData = target.data
  const mData = mask.data
  const mBpr = mask.bytesPerRow
  for (let my = 0; my < mask.height; my++) {
    const ty = y + my
    if (ty < 0 || ty >= target.height) {
      continue
    }
    const tBase = ty * tBpr
    const mBase = my * mBpr
    for (let mb = 0; mb < mBpr; mb++) {
      const bits = mData[mBase + mb] ?? 0
      if (bits === 0) {
        continue
      }
      const px = x + mb * 8
      if (px >= target.width || px + 8 <= 0) {
        continue
      }
      const col = px >> 3
      const hi = bits >> shift
      const lo = (bits << (8 - shift)) & 0xff
      if (col >= 0 && col < tBpr) {
        applyBits(tData, tBase + col, hi, black)
      }
      if (shift !== 0 && col + 1 >= 0 && col + 1 < tBpr) {
        applyBits(tData, tBase + col + 1, lo, black)
      }
    }
  }
}

function applyBits(data: Uint8Array, index: number, bits: number, black: boolean): void {
  const current = data[index] ?? 0
  data[index] = black ? current | bits : current & ~bits & 0xff
}

/**
 * Whitens the padding bits at the end of each row, which blits may have touched; the encoders
 * and decoders assume them white. Called once per label, not per blit.
 */
export function clearPadding(bitmap: Bitmap): void {
  const rest = bitmap.width & 7
  if (rest === 0) {
    return
  }
  const keep = (0xff00 >> rest) & 0xff
  const last = bitmap.bytesPerRow - 1
  for (let row = 0; row < bitmap.height; row++) {
    const i = row * bitmap.bytesPerRow + last
    bitmap.data[i] = (bitmap.data[i] ?? 0) & keep
  }
}

/** Builds a bitmap from an 8-bit-per-pixel predicate source (used for images and glyphs). */
export function bitmapFromPredicate(
  width: number,
  height: number,
  isBlack: (x: number, y: number) => boolean
): Bitmap {
  const bitmap = createBitmap(width, height)
  for (let y = 0; y < height; y++) {
    const base = y * bitmap.bytesPerRow
    for (let x = 0; x < width; x++) {
      if (isBlack(x, y)) {
        const i = base + (x >> 3)
        bitmap.data[i] = (bitmap.data[i] ?? 0) | (0x80 >> (x & 7))
      }
    }
  }
  return bitmap
}

export function bitmapsEqual(a: Bitmap, b: Bitmap): boolean {
  if (a.width !== b.width || a.height !== b.height || a.bytesPerRow !== b.bytesPerRow) {
    return false
  }
  return Buffer.from(a.data.buffer, a.data.byteOffset, a.data.byteLength).equals(
    Buffer.from(b.data.buffer, b.data.byteOffset, b.data.byteLength)
  )
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

/**
 * Encodes the bitmap as a 1-bit grayscale PNG. Written by hand because pngjs only writes 8/16-bit
 * samples: a 1-bit file is ~8x smaller and needs no per-pixel conversion.
 */
export function toPng(bitmap: Bitmap): Buffer {
  const { width, height, bytesPerRow, data } = bitmap
  // PNG grayscale has 1 = white, so every byte is inverted; each row gets filter byte 0.
  const raw = Buffer.alloc((bytesPerRow + 1) * height)
  for (let y = 0; y < height; y++) {
    const out = y * (bytesPerRow + 1)
    const src = y * bytesPerRow
    for (let i = 0; i < bytesPerRow; i++) {
      raw[out + 1 + i] = ~(data[src + i] ?? 0) & 0xff
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 1 // bit depth
  header[9] = 0 // grayscale
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(raw, { level: 6 })),
    pngChunk('IEND', Buffer.alloc(0))
  ])
}

function pngChunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(body.length, 0)
  head.write(type, 4, 'ascii')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body, crc32(head.subarray(4))), 0)
  return Buffer.concat([head, body, crc])
}

/** RGBA pixels (white background, black ink), e.g. for barcode readers that take ImageData. */
export function toRgba(bitmap: Bitmap): Uint8ClampedArray {
  const out = new Uint8ClampedArray(bitmap.width * bitmap.height * 4)
  for (let y = 0; y < bitmap.height; y++) {
    for (let x = 0; x < bitmap.width; x++) {
      const v = getPixel(bitmap, x, y) ? 0 : 255
      const i = (y * bitmap.width + x) * 4
      out[i] = v
      out[i + 1] = v
      out[i + 2] = v
      out[i + 3] = 255
    }
  }
  return out
}
