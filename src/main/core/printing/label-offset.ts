import { bitmapFromPredicate, getPixel } from './bitmap'
import { shiftPlacements } from './encoders/native-barcodes'
import type { LabelBitmap } from './render'

/** Moves the label by the printer's offsets (dots), keeping its size: content pushed off is cut. */
export function shiftBitmap(bitmap: LabelBitmap, dx: number, dy: number): LabelBitmap {
  if (dx === 0 && dy === 0) {
    return bitmap
  }
  const shifted = bitmapFromPredicate(bitmap.width, bitmap.height, (x, y) =>
    getPixel(bitmap, x - dx, y - dy)
  )
  // The barcodes move with the picture, so native barcode modes still find them.
  return { ...shifted, barcodes: shiftPlacements(bitmap.barcodes, dx, dy) }
}
