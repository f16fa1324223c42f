import type { LabelElement, LabelTemplate, TextElement } from './template'

/**
 * The built-in express waybills, laid out like the Cainiao standard 电子面单 a packer and a
 * courier know: carrier and print time, the sorting code (大头笔), the tracking barcode, the
 * 收 and 寄 blocks, goods, then order/package/sign-off with a QR of the tracking number.
 */

const STROKE = 0.3

function hline(y: number, x1: number, x2: number): LabelElement {
  return { kind: 'line', x1, y1: y, x2, y2: y, stroke: STROKE }
}

function vline(x: number, y1: number, y2: number): LabelElement {
  return { kind: 'line', x1: x, y1, x2: x, y2, stroke: STROKE }
}

function text(
  x: number,
  y: number,
  w: number,
  h: number,
  value: string,
  size: number,
  extra: Partial<Omit<TextElement, 'kind' | 'x' | 'y' | 'w' | 'h' | 'text' | 'size'>> = {}
): TextElement {
  return { kind: 'text', x, y, w, h, text: value, size, ...extra }
}

function badge(x: number, y: number, side: number, label: string): TextElement {
  return text(x, y, side, side, label, side * 0.72, {
    bold: true,
    inverse: true,
    align: 'center',
    valign: 'middle'
  })
}

type Sections = {
  readonly width: number
  readonly header: number
  readonly route: number
  readonly barcode: number
  readonly receiver: number
  readonly sender: number
  readonly goods: number
  /** Footer height; 0 when the goods row carries the QR (二联 upper part). */
  readonly footer: number
  /** Font scale relative to the 76 mm layout. */
  readonly scale: number
}

/** The dispatch part (派件联) shared by every size; returns its elements and its bottom edge. */
function dispatchPart(s: Sections): { elements: LabelElement[]; bottom: number } {
  const w = s.width
  const m = 1.5
  const inner = w - 2 * m
  const f = s.scale
  const e: LabelElement[] = []
  let y = 0

  // Header: carrier, print time, package n / N and the reprint mark.
  const tagH = s.header - 3.2 * f - 1
  const tagY = y + 1.2 + 2.6 * f
  const packageX = w - m - 0.5 - 17 * f
  // Wide enough for 补打12 with a clear margin inside its border (the mark must read at a glance).
  const reprintW = 15 * f
  const reprintX = packageX - 1.5 * f - reprintW
  e.push(
    text(m + 0.5, y + 1, reprintX - m - 1.5, s.header - 2, '{{carrier.title}}', 5.6 * f, {
      bold: true,
      valign: 'middle',
      maxLines: 1,
      minSize: 4 * f
    })
  )
  e.push(
    text(w * 0.5, y + 1, w * 0.5 - m - 0.5, 2.6 * f, '{{printedAt}}', 2.3 * f, {
      align: 'right',
      maxLines: 1
    })
  )
  e.push(
    text(packageX, tagY, 17 * f, tagH, '{{package}}', tagH * 0.7, {
      when: ['package'],
      inverse: true,
      bold: true,
      align: 'center',
      valign: 'middle',
      maxLines: 1
    })
  )
  // The text sits 1.2 mm inside the box on each side, so it can never touch the border.
  e.push(
    text(reprintX + 1.2, tagY + 0.8, reprintW - 2.4, tagH - 1.6, '{{reprint}}', tagH * 0.5, {
      when: ['reprint'],
      bold: true,
      align: 'center',
      valign: 'middle',
      maxLines: 1,
      minSize: tagH * 0.35
    })
  )
  e.push({
    kind: 'box',
    x: reprintX,
    y: tagY,
    w: reprintW,
    h: tagH,
    stroke: STROKE,
    when: ['reprint']
  })
  y += s.header
  e.push(hline(y, 0, w))

  // Sorting code (大头笔): the biggest thing on the label, read from a metre away at the hub.
  const route = (x: number, width: number, extra: Partial<TextElement>) =>
    text(x, y + 0.8, width, s.route - 1.6, '{{route}}', s.route * 0.62, {
      bold: true,
      align: 'center',
      valign: 'middle',
      maxLines: 1,
      minSize: s.route * 0.4,
      ...extra
    })
  e.push(route(m, inner, { unless: ['demo'] }))
  // A demo-pool number: a black 演示 DEMO block opens the row, so nobody takes the label for a
  // real one (ship refuses it too); the sorting code moves over to make room.
  const demoW = 16 * f
  e.push(
    text(m, y + 0.8, demoW, s.route - 1.6, '{{demo}}', Math.min(s.route * 0.3, 4.2 * f), {
      when: ['demo'],
      inverse: true,
      bold: true,
      align: 'center',
      valign: 'middle',
      maxLines: 2
    })
  )
  e.push(route(m + demoW + 1, inner - demoW - 1, { when: ['demo'] }))
  y += s.route
  e.push(hline(y, 0, w))

  e.push({
    kind: 'code128',
    x: m,
    y: y + 1.5,
    w: inner,
    h: s.barcode - 2.5,
    value: '{{trackingNumber}}',
    text: '{{trackingNumberGrouped}}',
    textSize: 3.2 * f
  })
  y += s.barcode
  e.push(hline(y, 0, w))

  // Receiver: masked name and phone, full address in bold, shrinking before it is cut.
  const badgeSide = 7 * f
  const col = m + badgeSide + 1.5
  e.push(badge(m, y + 1.5, badgeSide, '收'))
  e.push(
    text(col, y + 1.2, w - col - m, 5.2 * f, '{{receiver.contact}}', 4 * f, {
      bold: true,
      maxLines: 1,
      minSize: 3 * f
    })
  )
  e.push(
    text(
      col,
      y + 1.5 + 5.4 * f,
      w - col - m,
      s.receiver - 2.5 - 5.4 * f,
      '{{receiver.address}}',
      3.5 * f,
      {
        bold: true,
        minSize: 2.6 * f,
        lineHeight: 1.18
      }
    )
  )
  y += s.receiver
  e.push(hline(y, 0, w))

  const senderBadge = 5.5 * f
  e.push(badge(m, y + 1.2, senderBadge, '寄'))
  e.push(
    text(col, y + 1, w - col - m, 3.8 * f, '{{sender.contact}}', 2.9 * f, {
      maxLines: 1,
      minSize: 2.4 * f
    })
  )
  e.push(
    text(
      col,
      y + 1.2 + 3.8 * f,
      w - col - m,
      s.sender - 2 - 3.8 * f,
      '{{sender.address}}',
      2.7 * f,
      {
        minSize: 2.2 * f
      }
    )
  )
  y += s.sender
  e.push(hline(y, 0, w))

  const qrSide = Math.min(s.goods, s.footer > 0 ? s.footer : s.goods) - 1.5
  const goodsW = s.footer > 0 ? inner : w - 2 * m - qrSide - 2
  // Without a footer (二联 upper part) the order number goes at the foot of the goods row: the
  // dispatch part is what the courier keeps, and a packer matches it to the order by this number.
  const orderLine = s.footer > 0 ? 0 : 3.8 * f
  e.push(
    text(
      m + 0.5,
      y + 1,
      goodsW - 0.5,
      s.goods - 2 - (s.footer > 0 ? 0 : 4.6 * f) - orderLine,
      '物品：{{items}}（共{{itemQuantity}}件）',
      2.8 * f,
      {
        minSize: 2.2 * f
      }
    )
  )
  e.push(
    text(
      m + 0.5,
      y + s.goods - 1 - 4.4 * f - orderLine,
      goodsW - 0.5,
      4.4 * f,
      '备注：{{remark}}',
      2.6 * f,
      {
        when: ['remark'],
        maxLines: 1,
        minSize: 2.2 * f
      }
    )
  )
  if (s.footer === 0) {
    e.push(
      text(
        m + 0.5,
        y + s.goods - 1 - orderLine,
        goodsW - 0.5,
        orderLine,
        '订单号：{{orderNo}}',
        2.7 * f,
        {
          bold: true,
          maxLines: 1,
          minSize: 2.2 * f
        }
      )
    )
    e.push(vline(w - m - qrSide - 1, y, y + s.goods))
    e.push({
      kind: 'qr',
      x: w - m - qrSide,
      y: y + 0.75,
      w: qrSide,
      h: qrSide,
      value: '{{trackingNumber}}'
    })
  }
  y += s.goods
  e.push(hline(y, 0, w))

  if (s.footer > 0) {
    const fq = s.footer - 1.5
    const fw = w - 2 * m - fq - 2
    const line = 3.6 * f
    const rows = [
      '订单号：{{orderNo}}',
      '包裹：{{packageOrSingle}}    {{privacy}}',
      '签收人：',
      '签收时间：'
    ]
    rows.forEach((row, i) => {
      e.push(
        text(m + 0.5, y + 1 + i * line, fw, line, row, 2.6 * f, { maxLines: 1, minSize: 2 * f })
      )
    })
    e.push(
      text(
        m + 0.5,
        y + s.footer - 1 - 2 * 2.4 * f,
        fw,
        2 * 2.4 * f,
        '快件送达收件人地址，经收件人或其允许的代收人签字，视为送达。',
        1.9 * f,
        {}
      )
    )
    e.push(vline(w - m - fq - 1, y, y + s.footer))
    e.push({ kind: 'qr', x: w - m - fq, y: y + 0.75, w: fq, h: fq, value: '{{trackingNumber}}' })
    y += s.footer
  }
  return { elements: e, bottom: y }
}

/** 76×130 一联 — the common default. */
export const WAYBILL_76X130: LabelTemplate = {
  id: '76x130',
  name: '76×130 一联面单',
  widthMm: 76,
  heightMm: 130,
  elements: dispatchPart({
    width: 76,
    header: 11,
    route: 11,
    barcode: 21,
    receiver: 24,
    sender: 16,
    goods: 19,
    footer: 28,
    scale: 1
  }).elements
}

/** 100×150 一联. */
export const WAYBILL_100X150: LabelTemplate = {
  id: '100x150',
  name: '100×150 一联面单',
  widthMm: 100,
  heightMm: 150,
  elements: dispatchPart({
    width: 100,
    header: 13,
    route: 14,
    barcode: 25,
    receiver: 28,
    sender: 18,
    goods: 22,
    footer: 30,
    scale: 1.2
  }).elements
}

/** 100×180 二联: the dispatch part, a tear line, and the receiver's stub (收件联). */
function twoPart(): LabelTemplate {
  const top = dispatchPart({
    width: 100,
    header: 12,
    route: 13,
    barcode: 23,
    receiver: 24,
    sender: 16,
    goods: 25,
    footer: 0,
    scale: 1.15
  })
  const e = [...top.elements]
  const w = 100
  const m = 1.5
  let y = top.bottom + 1.5
  e.push({ kind: 'line', x1: 0, y1: y, x2: w, y2: y, stroke: 0.3, dash: 1.5 })
  y += 1.5
  e.push(
    text(m + 0.5, y, 50, 7, '{{carrier.title}}', 4.4, { bold: true, valign: 'middle', maxLines: 1 })
  )
  e.push(
    text(w - m - 18, y + 0.5, 18, 6, '收件联', 3.6, {
      inverse: true,
      bold: true,
      align: 'center',
      valign: 'middle'
    })
  )
  e.push(
    text(w - m - 48, y + 0.5, 28, 6, '包裹 {{package}}', 3.4, {
      when: ['package'],
      bold: true,
      align: 'right',
      valign: 'middle',
      maxLines: 1
    })
  )
  y += 7.5
  e.push({
    kind: 'code128',
    x: m,
    y,
    w: w - 2 * m,
    h: 19,
    value: '{{trackingNumber}}',
    text: '{{trackingNumberGrouped}}',
    textSize: 2.8
  })
  y += 19.5
  e.push(hline(y, 0, w))
  e.push(badge(m, y + 1, 5, '收'))
  e.push(
    text(m + 6.5, y + 0.8, w - 2 * m - 6.5, 3.4, '{{receiver.contact}}', 2.9, {
      bold: true,
      maxLines: 1
    })
  )
  e.push(
    text(m + 6.5, y + 4.4, w - 2 * m - 6.5, 8, '{{receiver.address}}', 2.7, {
      minSize: 2.2,
      maxLines: 2
    })
  )
  y += 13
  e.push(hline(y, 0, w))
  e.push(badge(m, y + 1, 5, '寄'))
  e.push(text(m + 6.5, y + 0.8, w - 2 * m - 6.5, 3.2, '{{sender.contact}}', 2.6, { maxLines: 1 }))
  e.push(
    text(m + 6.5, y + 4.2, w - 2 * m - 6.5, 3.2, '{{sender.address}}', 2.5, {
      minSize: 2,
      maxLines: 1
    })
  )
  y += 8
  e.push(hline(y, 0, w))
  e.push(
    text(m + 0.5, y + 0.8, w - 2 * m - 1, 6, '物品：{{items}}', 2.5, { minSize: 2, maxLines: 2 })
  )
  e.push(
    text(
      m + 0.5,
      180 - 4.2,
      w - 2 * m - 1,
      3.2,
      '订单号：{{orderNo}}    打印时间：{{printedAt}}',
      2.4,
      { maxLines: 1, minSize: 2 }
    )
  )
  return { id: '100x180', name: '100×180 二联面单', widthMm: 100, heightMm: 180, elements: e }
}

export const WAYBILL_100X180: LabelTemplate = twoPart()

export const BUILTIN_TEMPLATES: readonly LabelTemplate[] = [
  WAYBILL_76X130,
  WAYBILL_100X150,
  WAYBILL_100X180
]

export const DEFAULT_TEMPLATE_ID = '76x130'

export function builtinTemplate(id: string): LabelTemplate {
  const found = BUILTIN_TEMPLATES.find((template) => template.id === id)
  if (!found) {
    throw new RangeError(
      `Unknown label template "${id}"; built-in: ${BUILTIN_TEMPLATES.map((t) => t.id).join(', ')}`
    )
  }
  return found
}
