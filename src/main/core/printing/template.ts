/**
 * Declarative label templates. Every length is in millimetres, so one template serves 203 and
 * 300 dpi; text values are `{{field}}` templates bound to {@link labelFields}. Templates are plain
 * JSON-compatible data so they can be stored, edited and shipped as files.
 */

/**
 * An element is drawn only when every field named in `when` is non-empty (e.g. `package` on
 * multi-parcel orders) and every field named in `unless` is empty (a layout's plain variant).
 */
type Conditional = { readonly when?: readonly string[]; readonly unless?: readonly string[] }
type Area = { readonly x: number; readonly y: number; readonly w: number; readonly h: number }

export type BoxElement = Area &
  Conditional & {
    readonly kind: 'box'
    /** Border width in mm; 0 with `fill` draws a solid block. Default 0.3. */
    readonly stroke?: number
    readonly fill?: boolean
  }

export type LineElement = Conditional & {
  readonly kind: 'line'
  readonly x1: number
  readonly y1: number
  readonly x2: number
  readonly y2: number
  /** Default 0.3 mm. */
  readonly stroke?: number
  /** Dash length in mm (gap is the same); absent = solid. Used for the tear line of 二联. */
  readonly dash?: number
}

export type TextElement = Area &
  Conditional & {
    readonly kind: 'text'
    readonly text: string
    /** Em size in mm. */
    readonly size: number
    /** When set, the text shrinks step by step down to this size before it is cut with "…". */
    readonly minSize?: number
    readonly bold?: boolean
    readonly align?: 'left' | 'center' | 'right'
    readonly valign?: 'top' | 'middle' | 'bottom'
    /** Default: as many lines as fit in h. */
    readonly maxLines?: number
    /** Line height as a multiple of size. Default 1.2. */
    readonly lineHeight?: number
    /** White text on a black block filling the area (the 收/寄 badges). */
    readonly inverse?: boolean
  }

export type Code128Element = Area &
  Conditional & {
    readonly kind: 'code128'
    readonly value: string
    /** Human-readable line under the bars; its em size in mm. Absent = no text. */
    readonly textSize?: number
    /** Text under the bars; default the value itself. */
    readonly text?: string
  }

export type QrElement = Area &
  Conditional & {
    readonly kind: 'qr'
    readonly value: string
    readonly ecLevel?: 'L' | 'M' | 'Q' | 'H'
  }

export type ImageElement = Area &
  Conditional & {
    readonly kind: 'image'
    /** Name of an image passed in render options (may use fields: `logo-{{carrier.code}}`). */
    readonly src: string
  }

export type LabelElement =
  BoxElement | LineElement | TextElement | Code128Element | QrElement | ImageElement

export type LabelTemplate = {
  readonly id: string
  readonly name: string
  readonly widthMm: number
  readonly heightMm: number
  readonly elements: readonly LabelElement[]
}

const FIELD = /\{\{\s*([\w.]+)\s*\}\}/g

/** Replaces `{{field}}` with its value; unknown fields become empty, never the raw braces. */
export function interpolate(text: string, fields: Readonly<Record<string, string>>): string {
  return text.replace(FIELD, (_whole, name: string) => fields[name] ?? '')
}

export function isShown(element: LabelElement, fields: Readonly<Record<string, string>>): boolean {
  return (
    (element.when ?? []).every((name) => (fields[name] ?? '') !== '') &&
    (element.unless ?? []).every((name) => (fields[name] ?? '') === '')
  )
}

/** Fields a template refers to; lets an editor or a test check a template against the data. */
export function templateFields(template: LabelTemplate): string[] {
  const names = new Set<string>()
  for (const element of template.elements) {
    const texts: string[] = []
    if (element.kind === 'text') {
      texts.push(element.text)
    } else if (element.kind === 'code128') {
      texts.push(element.value, element.text ?? '')
    } else if (element.kind === 'qr') {
      texts.push(element.value)
    } else if (element.kind === 'image') {
      texts.push(element.src)
    }
    for (const text of texts) {
      for (const match of text.matchAll(FIELD)) {
        names.add(match[1] ?? '')
      }
    }
    for (const name of [...(element.when ?? []), ...(element.unless ?? [])]) {
      names.add(name)
    }
  }
  return [...names].sort()
}
