import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  carrierLimits: {
    title: '包裹限制（拆单用）',
    intro:
      '每家快递公司单个包裹的上限。拆单时超过任一上限的商品会分成多个包裹；单件就超过上限的商品单独成包并标记“超限”。默认值：30 kg、最长边 1500 mm、三边之和 3000 mm。',
    carrier: '快递公司',
    weight: '单包上限（kg）',
    longest: '最长边（mm）',
    sum: '三边之和（mm）',
    save: '保存',
    saved: '已保存 {{carrier}} 的包裹限制'
  }
}

const enUS: typeof zhCN = {
  carrierLimits: {
    title: 'Package limits (for splitting)',
    intro:
      'The largest package each carrier takes. A split plan puts items over any limit into several packages; a single piece over a limit ships alone, flagged "over limit". Defaults: 30 kg, longest side 1500 mm, sides sum 3000 mm.',
    carrier: 'Carrier',
    weight: 'Max weight (kg)',
    longest: 'Longest side (mm)',
    sum: 'Sum of sides (mm)',
    save: 'Save',
    saved: 'Saved the package limits of {{carrier}}'
  }
}

export const carrierLimitsBundle: Bundle<typeof zhCN> = { zhCN, enUS }
