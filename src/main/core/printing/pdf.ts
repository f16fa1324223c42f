import { PDFDocument } from 'pdf-lib'
import { type Bitmap, toPng } from './bitmap'
import { type Dpi, dotsPerMm } from './render'

const POINTS_PER_MM = 72 / 25.4

/**
 * One page per label, page size = label size, for "save as PDF" and office printers.
 * The 1-bit PNG is embedded as is, so the PDF shows exactly the dots the printer would get.
 */
export async function toPdf(bitmaps: readonly Bitmap[], dpi: Dpi = 203): Promise<Uint8Array> {
  const pdf = await PDFDocument.create()
  pdf.setProducer('Waybill Station')
  pdf.setCreator('Waybill Station')
  const k = dotsPerMm(dpi)
  for (const bitmap of bitmaps) {
    const width = (bitmap.width / k) * POINTS_PER_MM
    const height = (bitmap.height / k) * POINTS_PER_MM
    const image = await pdf.embedPng(toPng(bitmap))
    const page = pdf.addPage([width, height])
    page.drawImage(image, { x: 0, y: 0, width, height })
  }
  return pdf.save()
}
