import { expect, test } from 'vitest'
import { BUILTIN_TEMPLATES } from '../../../src/main/core/printing/builtin-templates'
import { labelFields } from '../../../src/main/core/printing/label-data'
import { renderLabel } from '../../../src/main/core/printing/render'
import { isShown } from '../../../src/main/core/printing/template'
import { sampleLabel } from '../../support/printing-fixtures'

const demo = sampleLabel({
  trackingNumber: 'DEMO0000000001',
  carrier: { code: 'YTO', name: '圆通速递' }
})
const real = sampleLabel({
  trackingNumber: 'YT7512345678901',
  carrier: { code: 'YTO', name: '圆通速递' }
})

test('a label with a demo-pool number carries 演示 DEMO; a real number does not', () => {
  expect(labelFields(demo).demo).toBe('演示 DEMO')
  expect(labelFields(real).demo).toBe('')
})

test('every built-in size draws the 演示 DEMO block for a demo number, and the sorting code either way', () => {
  for (const template of BUILTIN_TEMPLATES) {
    const shown = (fields: Record<string, string>) =>
      template.elements
        .filter((e) => isShown(e, fields))
        .flatMap((e) => (e.kind === 'text' ? [e.text] : []))
    const onDemo = shown(labelFields(demo))
    const onReal = shown(labelFields(real))
    expect(onDemo, template.id).toContain('{{demo}}')
    expect(onReal, template.id).not.toContain('{{demo}}')
    // One sorting code on each: the plain one, or the one moved over for the block.
    expect(onDemo.filter((t) => t === '{{route}}')).toHaveLength(1)
    expect(onReal.filter((t) => t === '{{route}}')).toHaveLength(1)
    // And the block is ink on the label: the demo label has more black dots than the real one
    // with the same text (the numbers differ by as many digits as letters).
    const ink = (bitmap: ReturnType<typeof renderLabel>) =>
      bitmap.data.reduce((sum, byte) => {
        let n = 0
        for (let b = byte; b > 0; b >>= 1) {
          n += b & 1
        }
        return sum + n
      }, 0)
    expect(ink(renderLabel(template, demo))).toBeGreaterThan(
      ink(renderLabel(template, real)) + 2000
    )
  }
})
