import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  orderList: {
    filters: {
      status: '状态',
      shop: '店铺',
      createdFrom: '下单开始',
      createdTo: '下单结束',
      province: '省份',
      city: '城市',
      carrier: '快递公司',
      exemption: '报备',
      problem: '问题订单',
      platformDistrict: '平台区县',
      sort: '排序',
      clear: '清除筛选'
    },
    platformDistrict: {
      tag: '平台区县',
      hint: '区县不在国家行政区划中（开发区、新区或旧区名），按平台写法保留并打印',
      only: '仅平台区县',
      none: '不含平台区县'
    },
    exemption: {
      none: '未报备',
      auto: '自动豁免',
      reported: '已报备',
      approved: '报备通过',
      rejected: '报备驳回'
    },
    problem: {
      any: '全部问题订单',
      unshipped: '超过 48 小时未出运单号',
      refund: '买家申请退款',
      closed: '交易关闭'
    },
    sort: {
      created_desc: '下单时间 新→旧',
      created_asc: '下单时间 旧→新',
      paid_desc: '付款时间 新→旧',
      paid_asc: '付款时间 旧→新',
      order_id_asc: '订单号 升序',
      order_id_desc: '订单号 降序',
      region_asc: '省市 → 下单时间',
      ship_by_asc: '最晚发货时间 紧→松'
    },
    selection: {
      count: '已选 {{count}} 单',
      all: '选择全部 {{count}} 单匹配的订单',
      allCapped: '选择全部匹配的订单（超过 {{count}} 单）',
      allActive: '已选择全部匹配的订单',
      clear: '清除选择',
      row: '选择订单 {{id}}',
      hint: '按住 Shift 点击可连续多选'
    },
    columns: {
      paidAt: '付款时间',
      title: '列设置',
      up: '上移',
      down: '下移',
      reset: '恢复默认'
    }
  }
}

export const orderListBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    orderList: {
      filters: {
        status: 'Status',
        shop: 'Shop',
        createdFrom: 'Created from',
        createdTo: 'Created to',
        province: 'Province',
        city: 'City',
        carrier: 'Carrier',
        exemption: 'Exemption',
        problem: 'Problems',
        platformDistrict: 'Platform district',
        sort: 'Sort',
        clear: 'Clear filters'
      },
      platformDistrict: {
        tag: 'Platform district',
        hint: 'The district is not in the national division list (a development zone, new area or old district name): kept and printed as the platform wrote it',
        only: 'Platform districts only',
        none: 'Without platform districts'
      },
      exemption: {
        none: 'Not reported',
        auto: 'Exempt (auto)',
        reported: 'Reported',
        approved: 'Approved',
        rejected: 'Rejected'
      },
      problem: {
        any: 'Any problem',
        unshipped: 'No tracking number after 48 h',
        refund: 'Refund requested',
        closed: 'Trade closed'
      },
      sort: {
        created_desc: 'Created: newest first',
        created_asc: 'Created: oldest first',
        paid_desc: 'Paid: newest first',
        paid_asc: 'Paid: oldest first',
        order_id_asc: 'Order ID: A→Z',
        order_id_desc: 'Order ID: Z→A',
        region_asc: 'Region, then oldest',
        ship_by_asc: 'Ship-by time, most urgent first'
      },
      selection: {
        count: '{{count}} selected',
        all: 'Select all {{count}} matching orders',
        allCapped: 'Select all matching orders (more than {{count}})',
        allActive: 'All matching orders selected',
        clear: 'Clear selection',
        row: 'Select order {{id}}',
        hint: 'Shift-click selects a range'
      },
      columns: {
        paidAt: 'Paid',
        title: 'Columns',
        up: 'Move up',
        down: 'Move down',
        reset: 'Reset'
      }
    }
  }
}
