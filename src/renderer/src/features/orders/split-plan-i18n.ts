import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  splitPlan: {
    action: '拆单',
    title: '拆单 · {{id}}',
    carrier: '按快递公司限制',
    limits: '单包上限 {{kg}} kg · 最长边 {{long}} mm · 三边之和 {{sum}} mm',
    package: '包裹 {{n}}/{{total}}',
    weight: '{{kg}} kg',
    overLimit: '超限',
    touched: '手动调整',
    empty: '空包裹（保存时不计）',
    moveTo: '移到…',
    newPackage: '新包裹',
    quantity: '数量',
    mergeInto: '合并到…',
    add: '添加包裹',
    reset: '恢复建议',
    save: '保存拆单',
    saved: '已保存：{{count}} 个包裹',
    savedPlan: '这是已保存的拆单方案',
    fixed: '订单已有打印过的包裹，拆单方案不能再改。',
    noItems: '订单没有商品'
  }
}

const enUS: typeof zhCN = {
  splitPlan: {
    action: 'Split',
    title: 'Split · {{id}}',
    carrier: 'Pack under the limits of',
    limits: 'At most {{kg}} kg a package · longest side {{long}} mm · sides sum {{sum}} mm',
    package: 'Package {{n}}/{{total}}',
    weight: '{{kg}} kg',
    overLimit: 'Over limit',
    touched: 'Changed by hand',
    empty: 'Empty package (left out when saved)',
    moveTo: 'Move to…',
    newPackage: 'New package',
    quantity: 'Quantity',
    mergeInto: 'Merge into…',
    add: 'Add package',
    reset: 'Reset to proposal',
    save: 'Save split',
    saved: 'Saved: {{count}} packages',
    savedPlan: 'This is the saved split plan',
    fixed: 'A package of this order was printed: its split can no longer change.',
    noItems: 'The order has no items'
  }
}

export const splitPlanBundle: Bundle<typeof zhCN> = { zhCN, enUS }
