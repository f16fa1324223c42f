import { writeFile } from 'node:fs/promises'
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument } from 'pdf-lib'
import { findCarrier } from '../../../shared/carriers'
import { maskPhone } from '../../../shared/phone'
import type { ReadableDB } from '../db/connection'
import { printedPages, type PrintedFilter, type PrintedRow } from '../db/printed-repo'
import { FONT_FAMILY, loadLabelFont } from '../printing'

/** A4 at 150 dpi: sharp enough for an office printer, small enough for hundreds of pages. */
const DPI = 150
const PX_PER_MM = DPI / 25.4
const PAGE_W = Math.round(210 * PX_PER_MM)
const PAGE_H = Math.round(297 * PX_PER_MM)
const MARGIN = Math.round(12 * PX_PER_MM)
const ROW_H = 64
const ROWS_PER_PAGE = Math.floor((PAGE_H - 2 * MARGIN - 130) / ROW_H)
const COLUMNS = [
  { title: '序号', width: 70 },
  { title: '订单号', width: 250 },
  { title: '收货人 / 电话', width: 210 },
  { title: '商品', width: 380 },
  { title: '快递 / 运单号', width: PAGE_W - 2 * MARGIN - 70 - 250 - 210 - 380 }
] as const

function fit(
  ctx: ReturnType<ReturnType<typeof createCanvas>['getContext']>,
  text: string,
  width: number
): string {
  if (ctx.measureText(text).width <= width) {
    return text
  }
  let cut = text
  while (cut.length > 0 && ctx.measureText(`${cut}…`).width > width) {
    cut = cut.slice(0, -1)
  }
  return `${cut}…`
}

function drawPage(
  rows: readonly PrintedRow[],
  first: number,
  pageNo: number,
  pages: number,
  title: string
): Buffer {
  const canvas = createCanvas(PAGE_W, PAGE_H)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, PAGE_W, PAGE_H)
  ctx.fillStyle = '#000'
  ctx.font = `44px ${FONT_FAMILY}`
  ctx.fillText(title, MARGIN, MARGIN + 40)
  ctx.font = `22px ${FONT_FAMILY}`
  ctx.fillText(`第 ${String(pageNo)} / ${String(pages)} 页`, PAGE_W - MARGIN - 160, MARGIN + 40)
  let y = MARGIN + 90
  ctx.lineWidth = 2
  ctx.font = `24px ${FONT_FAMILY}`
  let x = MARGIN
  for (const c of COLUMNS) {
    ctx.fillText(c.title, x + 8, y + 28)
    x += c.width
  }
  ctx.strokeRect(MARGIN, y, PAGE_W - 2 * MARGIN, 40)
  y += 40
  ctx.font = `21px ${FONT_FAMILY}`
  rows.forEach((row, i) => {
    const cells = [
      [String(first + i + 1)],
      [row.platform_order_id],
      [row.receiver_name, maskPhone(row.receiver_phone)],
      [row.items ?? '', `${row.province}${row.city}${row.district}`],
      [findCarrier(row.carrier)?.name ?? row.carrier, row.tracking_number]
    ]
    let cx = MARGIN
    cells.forEach((lines, ci) => {
      const width = COLUMNS[ci]?.width ?? 100
      lines.forEach((line, li) => {
        ctx.fillText(fit(ctx, line, width - 16), cx + 8, y + 26 + li * 28)
      })
      cx += width
    })
    ctx.beginPath()
    ctx.moveTo(MARGIN, y + ROW_H)
    ctx.lineTo(PAGE_W - MARGIN, y + ROW_H)
    ctx.lineWidth = 1
    ctx.stroke()
    y += ROW_H
  })
  return canvas.toBuffer('image/png')
}

/** The printed-order sheet (发货单) for the packer's clipboard, as a printable A4 PDF. */
export async function writePackingSheet(
  db: ReadableDB,
  filter: PrintedFilter,
  outFile: string,
  title = '发货单'
): Promise<{ rows: number; pages: number }> {
  loadLabelFont()
  const all: PrintedRow[] = []
  for (const page of printedPages(db, filter)) {
    all.push(...page)
  }
  const pages = Math.max(1, Math.ceil(all.length / ROWS_PER_PAGE))
  const pdf = await PDFDocument.create()
  pdf.setProducer('Waybill Station')
  for (let p = 0; p < pages; p += 1) {
    const slice = all.slice(p * ROWS_PER_PAGE, (p + 1) * ROWS_PER_PAGE)
    const png = await pdf.embedPng(drawPage(slice, p * ROWS_PER_PAGE, p + 1, pages, title))
    const page = pdf.addPage([595.28, 841.89])
    page.drawImage(png, { x: 0, y: 0, width: 595.28, height: 841.89 })
  }
  await writeFile(outFile, await pdf.save())
  return { rows: all.length, pages }
}
