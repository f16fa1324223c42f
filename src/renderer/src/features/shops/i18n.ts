import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  shopRules: {
    title: '店铺规则',
    description:
      '承诺发货时间：订单表格里没有“最晚发货时间”时，按付款时间加上这里的小时数算出每单的发货期限。修改后，还在等待发货的订单随之更新；表格自带的时间不变。',
    shop: '店铺',
    platform: '平台',
    promise: '付款后多少小时内发货',
    hours: '小时',
    save: '保存',
    saved: '已保存：{{shop}} 付款后 {{hours}} 小时内发货，{{count}} 单的发货期限已更新',
    failed: '没有保存：{{message}}',
    platforms: { kuaishou: '快手小店', taobao: '淘宝', manual: '手工' }
  }
}

const enUS: typeof zhCN = {
  shopRules: {
    title: 'Shop rules',
    description:
      'Ship promise: when an order sheet has no ship-by time, an order must ship within this many hours of payment. A change moves the deadline of the orders still waiting to ship; a time the sheet gave stays.',
    shop: 'Shop',
    platform: 'Platform',
    promise: 'Ship within (hours after payment)',
    hours: 'h',
    save: 'Save',
    saved:
      'Saved: {{shop}} ships within {{hours}} h of payment; {{count}} orders got the new deadline',
    failed: 'Not saved: {{message}}',
    platforms: { kuaishou: 'Kuaishou', taobao: 'Taobao', manual: 'Manual' }
  }
}

export const shopRulesBundle: Bundle<typeof zhCN> = { zhCN, enUS }
