/**
 * Independent barcode readers for rendered labels: ZXing (C++ via zxing-wasm, its WASM loaded
 * from node_modules, no network) for Code128 and QR, and jsQR (pure JS) as a second QR reader.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import jsQR from 'jsqr'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { type Bitmap, toPng, toRgba } from '../../src/main/core/printing/bitmap'

let prepared: Promise<unknown> | null = null

function prepare(): Promise<unknown> {
  if (!prepared) {
    const require = createRequire(import.meta.url)
    // dist/cjs/reader/index.js -> dist/reader/zxing_reader.wasm
    const entry = require.resolve('zxing-wasm/reader')
    const wasmBinary = readFileSync(join(dirname(entry), '..', '..', 'reader', 'zxing_reader.wasm'))
    prepared = Promise.resolve(
      prepareZXingModule({
        overrides: {
          wasmBinary: wasmBinary.buffer.slice(
            wasmBinary.byteOffset,
            wasmBinary.byteOffset + wasmBinary.byteLength
          )
        },
        fireImmediately: true
      })
    )
  }
  return prepared
}

export type Symbol = { readonly format: string; readonly text: string }

/** Every symbol ZXing finds in the label, read from its 1-bit PNG. */
export async function readWithZxing(bitmap: Bitmap): Promise<Symbol[]> {
  await prepare()
  const results = await readBarcodes(new Uint8Array(toPng(bitmap)), {
    formats: ['Code128', 'QRCode'],
    tryHarder: true,
    maxNumberOfSymbols: 8
  })
  return results.filter((r) => r.isValid).map((r) => ({ format: r.format, text: r.text }))
}

/** jsQR on the RGBA pixels: finds one QR code. */
export function readQrWithJsQr(bitmap: Bitmap): string | null {
  const result = jsQR(toRgba(bitmap), bitmap.width, bitmap.height, {
    inversionAttempts: 'dontInvert'
  })
  return result?.data ?? null
}
