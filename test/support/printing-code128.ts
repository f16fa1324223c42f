/**
 * An independent Code128 reader at the module level, for tests that must see HOW a value was
 * encoded (start code, code sets), which a barcode library does not report: the ISO/IEC 15417
 * pattern table, the check digit, and code sets A/B/C with their switches.
 */
import { type Bitmap, getPixel } from '../../src/main/core/printing/bitmap'

// Bar/space widths of symbol values 0..105 (106 is the stop, 7 elements).
const PATTERNS = (
  '212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 ' +
  '122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 ' +
  '321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 ' +
  '211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 ' +
  '213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 ' +
  '121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 ' +
  '241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 ' +
  '412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 ' +
  '211214 211232'
).split(' ')
const STOP = '2331112'

export type CodeSet = 'A' | 'B' | 'C'

export type Code128Reading = {
  readonly text: string
  readonly start: CodeSet
  /** The code set each character of `text` was encoded in. */
  readonly sets: readonly CodeSet[]
  /** Symbol values between start and check digit. */
  readonly values: readonly number[]
}

/** Decodes bar/space widths in modules (bar first, no quiet zone); throws on anything invalid. */
export function decodeCode128(widths: readonly number[]): Code128Reading {
  if (widths.length < 6 * 3 + 7 || (widths.length - 7) % 6 !== 0) {
    throw new Error(`not a Code128 element count: ${String(widths.length)}`)
  }
  if (widths.slice(-7).join('') !== STOP) {
    throw new Error('no stop pattern')
  }
  const symbols: number[] = []
  for (let i = 0; i < widths.length - 7; i += 6) {
    const value = PATTERNS.indexOf(widths.slice(i, i + 6).join(''))
    if (value < 0) {
      throw new Error(`unknown pattern at element ${String(i)}`)
    }
    symbols.push(value)
  }
  const [startValue, ...rest] = symbols
  const check = rest.pop()
  const starts: Record<number, CodeSet> = { 103: 'A', 104: 'B', 105: 'C' }
  const start = startValue === undefined ? undefined : starts[startValue]
  if (!start || check === undefined) {
    throw new Error('no start code')
  }
  const sum = rest.reduce((acc, v, i) => acc + v * (i + 1), startValue ?? 0)
  if (sum % 103 !== check) {
    throw new Error('check digit mismatch')
  }
  let set: CodeSet = start
  let text = ''
  const sets: CodeSet[] = []
  for (const v of rest) {
    if (set === 'C') {
      if (v < 100) {
        text += String(v).padStart(2, '0')
        sets.push('C', 'C')
        continue
      }
    } else if (v < 96) {
      const code = set === 'B' ? v + 32 : v < 64 ? v + 32 : v - 64
      text += String.fromCharCode(code)
      sets.push(set)
      continue
    }
    if (v === 99) {
      set = 'C'
    } else if (v === 100) {
      set = 'B'
    } else if (v === 101) {
      set = 'A'
    } else if (v !== 102) {
      throw new Error(`unsupported symbol ${String(v)} in set ${set}`)
    }
  }
  return { text, start, sets, values: rest }
}

/**
 * Finds a Code128 symbol in a label by scanning rows from the top: run lengths of a row, from
 * its first to its last dark dot, divided by the narrowest bar. Returns the first row that
 * decodes, or null.
 */
export function readCode128Row(bitmap: Bitmap): Code128Reading | null {
  for (let y = 0; y < bitmap.height; y += 2) {
    const runs: number[] = []
    let last = false
    for (let x = 0; x < bitmap.width; x++) {
      const dark = getPixel(bitmap, x, y)
      if (runs.length === 0 && !dark) {
        continue
      }
      if (runs.length === 0 || dark !== last) {
        runs.push(1)
        last = dark
      } else {
        runs[runs.length - 1] = (runs.at(-1) ?? 0) + 1
      }
    }
    if (!last) {
      runs.pop()
    }
    if (runs.length < 25) {
      continue
    }
    const module = Math.min(...runs)
    if (runs.some((r) => r % module !== 0)) {
      continue
    }
    try {
      return decodeCode128(runs.map((r) => r / module))
    } catch {
      // Text or lines on this row, not the barcode.
    }
  }
  return null
}
