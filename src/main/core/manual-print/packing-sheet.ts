import { writeFile } from 'node:fs/promises'
import { createCanvas } from '@napi-rs/canvas'
import { PDFDocument } from 'pdf-lib'
import { findCarrier } from '../../../shared/carriers'
import { maskName, maskPhone } from '../../../shared/phone'
import { regionText } from '../../../shared/regions'
import type { ReadableDB } from '../db/connection'
import {
  pickingLines,
  printedPages,
  type PickingLine,
  type PrintedFilter,
  type PrintedRow
} from '../db/printed-repo'
import { FONT_FAMILY, loadLabelFont } from '../printing'

/** A4 at 150 dpi: sharp enough for an office printer, small enough for hundreds of pages. */
const DPI = 150
const PX_PER_MM = DPI / 25.4
const PAGE_W = Math.round(210 * PX_PER_MM)
const PAGE_H = Math.round(297 * PX_PER_MM)
const MARGIN = Math.round(12 * PX_PER_MM)
const INNER_W = PAGE_W - 2 * MARGIN
/** Title, page number and the header row above the first line of a page. */
const HEAD_H = 130
/** Room for the totals line under the last row of the last page. */
const FOOT_H = 60

export type SheetColumn = { readonly title: string; readonly width: number }

/**
 * What a sheet prints, before any pixel: its columns, and per page the rows, each row a list of
 * cells, each cell one or more lines. Tests read this to check what a page holds; the PDF is
 * a picture of it.
 */
export type SheetLayout = {
  readonly title: string
  readonly columns: readonly SheetColumn[]
  readonly rowHeight: number
  readonly pages: readonly (readonly (readonly (readonly string[])[])[])[]
  /** Printed under the last row of the last page. */
  readonly footer: string
}

function paginate<T>(items: readonly T[], perPage: number): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += perPage) {
    pages.push(items.slice(i, i + perPage))
  }
  return pages.length === 0 ? [[]] : pages
}

function rowsPerPage(rowHeight: number): number {
  return Math.floor((PAGE_H - 2 * MARGIN - HEAD_H - FOOT_H) / rowHeight)
}

const PACKING_COLUMNS: readonly SheetColumn[] = [
  { title: '序号', width: 70 },
  { title: '订单号', width: 250 },
  { title: '收货人 / 电话', width: 210 },
  { title: '商品', width: 380 },
  { title: '快递 / 运单号', width: INNER_W - 70 - 250 - 210 - 380 }
]

export type PackingSheetOptions = {
  readonly title?: string
  /** The labels' privacy setting: name and phone masked (张*, 138****1234) unless false. */
  readonly maskPrivacy?: boolean
}

/** 发货单: one row per printed package, in print order, for the packer's clipboard. */
export function packingSheetLayout(
  rows: readonly PrintedRow[],
  options: PackingSheetOptions = {}
): SheetLayout {
  const mask = options.maskPrivacy !== false
  const rowHeight = 64
  const cells = rows.map((row, i) => [
    [String(i + 1)],
    // A split order's packages each get a row, saying which of its packages this is.
    row.package_count > 1
      ? [row.platform_order_id, `包裹 ${String(row.package_index)}/${String(row.package_count)}`]
      : [row.platform_order_id],
    [
      mask ? maskName(row.receiver_name) : row.receiver_name,
      mask ? maskPhone(row.receiver_phone) : row.receiver_phone
    ],
    [row.items ?? '', regionText(row.province, row.city, row.district, '')],
    [findCarrier(row.carrier)?.name ?? row.carrier, row.tracking_number]
  ])
  return {
    title: options.title ?? '发货单',
    columns: PACKING_COLUMNS,
    rowHeight,
    pages: paginate(cells, rowsPerPage(rowHeight)),
    footer: `共 ${String(rows.length)} 个包裹`
  }
}

const PICKING_COLUMNS: readonly SheetColumn[] = [
  { title: '序号', width: 70 },
  { title: 'SKU', width: 250 },
  { title: '商品', width: INNER_W - 70 - 250 - 150 - 150 },
  { title: '数量', width: 150 },
  { title: '订单数', width: 150 }
]

/**
 * 拣货单: the shelves' view of the same packages, one row per SKU (sorted, so the picker walks
 * the aisle in order) with the total quantity across orders and how many orders want it.
 */
export function pickingListLayout(lines: readonly PickingLine[], orders: number): SheetLayout {
  const rowHeight = 44
  const cells = lines.map((line, i) => [
    [String(i + 1)],
    [line.sku],
    [line.title],
    [String(line.quantity)],
    [String(line.order_count)]
  ])
  const pieces = lines.reduce((sum, l) => sum + l.quantity, 0)
  return {
    title: '拣货单',
    columns: PICKING_COLUMNS,
    rowHeight,
    pages: paginate(cells, rowsPerPage(rowHeight)),
    footer: `共 ${String(lines.length)} 种商品，${String(pieces)} 件，${String(orders)} 个订单`
  }
}

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

function drawPage(layout: SheetLayout, pageIndex: number): Buffer {
  const rows = layout.pages[pageIndex] ?? []
  const canvas = createCanvas(PAGE_W, PAGE_H)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = '#fff'
  ctx.fillRect(0, 0, PAGE_W, PAGE_H)
  ctx.fillStyle = '#000'
  ctx.font = `44px ${FONT_FAMILY}`
  ctx.fillText(layout.title, MARGIN, MARGIN + 40)
  ctx.font = `22px ${FONT_FAMILY}`
  ctx.fillText(
    `第 ${String(pageIndex + 1)} / ${String(layout.pages.length)} 页`,
    PAGE_W - MARGIN - 160,
    MARGIN + 40
  )
  let y = MARGIN + 90
  ctx.lineWidth = 2
  ctx.font = `24px ${FONT_FAMILY}`
  let x = MARGIN
  for (const c of layout.columns) {
    ctx.fillText(c.title, x + 8, y + 28)
    x += c.width
  }
  ctx.strokeRect(MARGIN, y, INNER_W, 40)
  y += 40
  ctx.font = `21px ${FONT_FAMILY}`
  for (const cells of rows) {
    let cx = MARGIN
    cells.forEach((lines, ci) => {
      const width = layout.columns[ci]?.width ?? 100
      lines.forEach((line, li) => {
        ctx.fillText(fit(ctx, line, width - 16), cx + 8, y + 26 + li * 28)
      })
      cx += width
    })
    ctx.beginPath()
    ctx.moveTo(MARGIN, y + layout.rowHeight)
    ctx.lineTo(PAGE_W - MARGIN, y + layout.rowHeight)
    ctx.lineWidth = 1
    ctx.stroke()
    y += layout.rowHeight
  }
  if (pageIndex === layout.pages.length - 1) {
    ctx.font = `24px ${FONT_FAMILY}`
    ctx.fillText(layout.footer, MARGIN + 8, y + 40)
  }
  return canvas.toBuffer('image/png')
}

/** Each page as an A4 image: the sheet prints the same on any office printer, CJK included. */
async function writeSheetPdf(layout: SheetLayout, outFile: string): Promise<number> {
  loadLabelFont()
  const pdf = await PDFDocument.create()
  pdf.setProducer('Waybill Station')
  pdf.setTitle(layout.title)
  for (let p = 0; p < layout.pages.length; p += 1) {
    const png = await pdf.embedPng(drawPage(layout, p))
    const page = pdf.addPage([595.28, 841.89])
    page.drawImage(png, { x: 0, y: 0, width: 595.28, height: 841.89 })
  }
  await writeFile(outFile, await pdf.save())
  return layout.pages.length
}

function allPrinted(db: ReadableDB, filter: PrintedFilter): PrintedRow[] {
  const all: PrintedRow[] = []
  for (const page of printedPages(db, filter)) {
    all.push(...page)
  }
  return all
}

/** The printed-order sheet (发货单) for the packer's clipboard, as a printable A4 PDF. */
export async function writePackingSheet(
  db: ReadableDB,
  filter: PrintedFilter,
  outFile: string,
  options: PackingSheetOptions = {}
): Promise<{ rows: number; pages: number }> {
  const rows = allPrinted(db, filter)
  const pages = await writeSheetPdf(packingSheetLayout(rows, options), outFile)
  return { rows: rows.length, pages }
}

/**
 * The picking list (拣货单) of the same selection, as a printable A4 PDF; `rows` counts SKUs.
 * Voided labels are never picked, whatever the list on screen shows.
 */
export async function writePickingList(
  db: ReadableDB,
  filter: PrintedFilter,
  outFile: string
): Promise<{ rows: number; pages: number; orders: number }> {
  const live: PrintedFilter = { ...filter, includeVoided: false }
  const lines = pickingLines(db, live)
  const orders = new Set(allPrinted(db, live).map((r) => r.order_id)).size
  const pages = await writeSheetPdf(pickingListLayout(lines, orders), outFile)
  return { rows: lines.length, pages, orders }
}
