import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  printed: {
    search: '搜索订单号、运单号、收货人、手机号',
    total: '共 {{count}} 个包裹',
    packageOf: '包裹 {{index}}/{{count}}',
    selected: '已选 {{count}} 个',
    clearSelection: '清除选择',
    scopeSelected: '（已选 {{count}} 个）',
    scopeFiltered: '（全部筛选结果 {{count}} 个）',
    filters: {
      carrier: '快递公司',
      shipped: '发货',
      verified: '核对',
      includeVoided: '显示已作废',
      yes: '是',
      no: '否',
      shippedYes: '已发货',
      shippedNo: '未发货',
      verifiedYes: '已核对',
      verifiedNo: '未核对'
    },
    columns: {
      platformOrderId: '订单号',
      receiver: '收货人',
      phone: '手机',
      carrier: '快递公司',
      trackingNumber: '运单号',
      printedAt: '打印时间',
      printCount: '打印次数',
      verified: '核对',
      shipped: '发货',
      synced: '同步',
      actions: '操作'
    },
    state: {
      voided: '已作废',
      verified: '已核对',
      unverified: '未核对',
      shipped: '已发货',
      unshipped: '未发货'
    },
    sync: {
      none: '—',
      pending: '待同步',
      queued: '待同步',
      syncing: '同步中',
      synced: '已同步',
      failed: '同步失败'
    },
    actions: {
      reprint: '补打',
      reprinted: '已补打 {{tracking}}',
      void: '作废',
      voidTitle: '作废运单 {{tracking}}？',
      voidBody:
        '作废后这张面单不能再使用，订单可以重新打单取一个新单号。作废的单号不会退回单号池：它已被占用，永远不会再分配给别的包裹。',
      voidOk: '作废',
      voided: '运单 {{tracking}} 已作废',
      ship: '发货',
      shipSelected: '发货（{{count}}）',
      shipTitle: '发货结果',
      shipResult: {
        shipped: '已发货',
        already_shipped: '之前已发货（发货记录不变）',
        not_printed: '未打印，不能发货',
        not_found: '订单不存在',
        refund: '售后中，不能发货（AFTERSALES_WHOLE_ORDER：退款覆盖整单）',
        closed: '交易已关闭，不能发货',
        demo: '演示单号，不能发货：作废后用购买的单号重新打印'
      },
      shipSummary:
        '发货 {{shipped}} 单，之前已发货 {{already}} 单，未打印 {{notPrinted}} 单，拒发 {{refused}} 单（售后/关闭/演示单号）',
      export: '导出',
      packingSheet: '打印发货单',
      packingSheetDone: '发货单已生成：{{rows}} 单，{{pages}} 页',
      pickingList: '打印拣货单',
      pickingListDone: '拣货单已生成：{{rows}} 种商品，{{pages}} 页',
      noPrinter: '没有可用的打印机，请到 设置 → 打印机 添加',
      reprintShippedTitle: '补打已发货订单的面单 {{tracking}}？',
      reprintShippedBody: '该订单已发货。补打使用同一个运单号，只在面单损坏或丢失时使用。',
      reprintShippedOk: '确认补打'
    },
    shipCheck: {
      title: '发货前请确认这些包裹',
      summary:
        '{{wrong}} 个包裹扫描核对时贴错了（之后没有核对通过），{{unverified}} 个包裹还没有扫描核对。',
      problem: '问题',
      mislabelled: '贴错了，未重新核对',
      unverified: '未核对',
      cancel: '取消',
      shipAll: '全部发货（{{count}} 单）',
      shipRest: '扣下这 {{held}} 单，发其余 {{count}} 单'
    },
    export: {
      title: '导出已打印订单',
      format: '文件格式',
      encoding: 'CSV 编码',
      utf8bom: 'UTF-8（带 BOM，推荐）',
      gbk: 'GB18030（兼容 GBK，旧版 Excel）',
      preset: '模板',
      presetDefault: '自选列',
      presetUpload: '批量发货上传表（订单号、快递公司、快递单号）',
      columns: '导出列',
      fullPhone: '导出完整收货人姓名和手机号（默认打码，与列表和面单一致）',
      ok: '导出',
      done: '已导出 {{rows}} 行：{{name}}',
      column: {
        platformOrderId: '订单号',
        receiverName: '收货人',
        receiverPhone: '手机',
        address: '地址',
        items: '商品',
        carrier: '快递公司',
        trackingNumber: '运单号',
        printedAt: '打印时间',
        sequence: '包裹序号',
        printCount: '打印次数',
        verified: '已核对',
        shipped: '已发货'
      }
    },
    empty: '还没有已打印的包裹。到“打单”页打印面单后会出现在这里。'
  }
}

export const printedBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    printed: {
      search: 'Search order, tracking no., receiver, phone',
      total: '{{count}} packages',
      packageOf: 'Package {{index}}/{{count}}',
      selected: '{{count}} selected',
      clearSelection: 'Clear selection',
      scopeSelected: '({{count}} selected)',
      scopeFiltered: '(all {{count}} filtered)',
      filters: {
        carrier: 'Carrier',
        shipped: 'Shipped',
        verified: 'Checked',
        includeVoided: 'Show voided',
        yes: 'Yes',
        no: 'No',
        shippedYes: 'Shipped',
        shippedNo: 'Not shipped',
        verifiedYes: 'Checked',
        verifiedNo: 'Not checked'
      },
      columns: {
        platformOrderId: 'Order',
        receiver: 'Receiver',
        phone: 'Phone',
        carrier: 'Carrier',
        trackingNumber: 'Tracking no.',
        printedAt: 'Printed',
        printCount: 'Prints',
        verified: 'Checked',
        shipped: 'Shipped',
        synced: 'Sync',
        actions: 'Actions'
      },
      state: {
        voided: 'Void',
        verified: 'Checked',
        unverified: 'Not checked',
        shipped: 'Shipped',
        unshipped: 'Not shipped'
      },
      sync: {
        none: '—',
        pending: 'Pending',
        queued: 'Pending',
        syncing: 'Syncing',
        synced: 'Synced',
        failed: 'Failed'
      },
      actions: {
        reprint: 'Reprint',
        reprinted: 'Reprinted {{tracking}}',
        void: 'Void',
        voidTitle: 'Void tracking number {{tracking}}?',
        voidBody:
          'The label can no longer be used; the order can be printed again with a new number. The voided number does not go back to the pool: it stays used and is never given to another package.',
        voidOk: 'Void',
        voided: '{{tracking}} voided',
        ship: 'Ship',
        shipSelected: 'Ship ({{count}})',
        shipTitle: 'Shipping results',
        shipResult: {
          shipped: 'Shipped',
          already_shipped: 'Already shipped (record unchanged)',
          not_printed: 'Not printed, cannot ship',
          not_found: 'Order not found',
          refund:
            'Refund in progress, not shipped (AFTERSALES_WHOLE_ORDER: a refund covers the whole order)',
          closed: 'Order closed, not shipped',
          demo: 'Demo number, not shipped: void it and print with a purchased pool'
        },
        shipSummary:
          '{{shipped}} shipped, {{already}} already shipped, {{notPrinted}} not printed, {{refused}} refused (refund/closed/demo number)',
        export: 'Export',
        packingSheet: 'Packing sheet',
        packingSheetDone: 'Packing sheet ready: {{rows}} orders, {{pages}} pages',
        pickingList: 'Picking list',
        pickingListDone: 'Picking list ready: {{rows}} SKUs, {{pages}} pages',
        noPrinter: 'No printer: add one in Settings → Printers',
        reprintShippedTitle: 'Reprint the label {{tracking}} of a shipped order?',
        reprintShippedBody:
          'The order has shipped. A reprint uses the same tracking number; only for a damaged or lost label.',
        reprintShippedOk: 'Reprint'
      },
      shipCheck: {
        title: 'Check these packages before shipping',
        summary:
          '{{wrong}} packages had the wrong label at the scan-back check (not checked right since), {{unverified}} were never checked.',
        problem: 'Problem',
        mislabelled: 'Wrong label, not rechecked',
        unverified: 'Not checked',
        cancel: 'Cancel',
        shipAll: 'Ship all ({{count}} orders)',
        shipRest: 'Hold these {{held}}, ship the other {{count}}'
      },
      export: {
        title: 'Export printed orders',
        format: 'Format',
        encoding: 'CSV encoding',
        utf8bom: 'UTF-8 with BOM (recommended)',
        gbk: 'GB18030 (GBK-compatible, older Excel)',
        preset: 'Preset',
        presetDefault: 'Chosen columns',
        presetUpload: 'Bulk shipping upload sheet (order, carrier, tracking no.)',
        columns: 'Columns',
        fullPhone:
          'Full receiver names and phone numbers (masked by default, as in the list and on labels)',
        ok: 'Export',
        done: 'Exported {{rows}} rows: {{name}}',
        column: {
          platformOrderId: 'Order',
          receiverName: 'Receiver',
          receiverPhone: 'Phone',
          address: 'Address',
          items: 'Items',
          carrier: 'Carrier',
          trackingNumber: 'Tracking no.',
          printedAt: 'Printed at',
          sequence: 'Package no.',
          printCount: 'Prints',
          verified: 'Checked',
          shipped: 'Shipped'
        }
      },
      empty: 'Nothing printed yet. Labels printed on the Print page show up here.'
    }
  }
}
