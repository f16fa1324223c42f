import { type NativeBarcode, spellCode128 } from './native-barcodes'

/**
 * ZPL II fields for the native barcode mode: `^BC` in mode N with the code sets spelled out
 * by invocation codes (`>:` start B, `>;` start C, `>5` to C, `>6` to B), and `^BQ` model 2
 * with manual input (one N, A or Bnnnn segment) and the renderer's mask.
 */

const ZPL_INVOCATIONS = { startB: '>:', startC: '>;', toC: '>5', toB: '>6' }

/**
 * A `^FO ^BQ` field prints lower than its origin by the current `^BY` bar height, which the
 * printer keeps between formats (Labelary and zebrash model it, ingridhq/zebrash#57; ZPLab#401
 * reports it on firmware). The encoder pins that height and moves the origin up by it.
 */
export const ZPL_QR_SINK = 10

export function zplBarcode(barcode: NativeBarcode): string {
  if (barcode.kind === 'code128') {
    const data = spellCode128(barcode.codewords, ZPL_INVOCATIONS)
    if (data === null) {
      throw new RangeError(`Code128 for "${barcode.value}" has codewords ZPL mode N is not given`)
    }
    // ^BC: normal, bar height, no interpretation line (it is in the raster), no UCC check, mode N.
    return `^FO${barcode.x},${barcode.y}^BY${barcode.module}^BCN,${barcode.height},N,N,N,N^FD${data}^FS`
  }
  const segment =
    barcode.mode === 'B'
      ? `B${String(Buffer.byteLength(barcode.value, 'latin1')).padStart(4, '0')}${barcode.value}`
      : `${barcode.mode}${barcode.value}`
  const { x, y, module, ecLevel, mask } = barcode
  return (
    `^FO${x},${y - ZPL_QR_SINK}^BY${module},2,${ZPL_QR_SINK}` +
    `^BQN,2,${module},${ecLevel},${mask}^FD${ecLevel}M,${segment}^FS`
  )
}
