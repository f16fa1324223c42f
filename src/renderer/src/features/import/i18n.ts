import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  import: {
    open: '导入订单',
    title: '导入订单',
    steps: { file: '选择文件', mapping: '对应列', preview: '预览', commit: '导入' },
    file: {
      orders: '订单表（.xlsx / .csv）',
      ordersHint: '点击或拖入平台导出的订单表；快手、淘宝导出和本系统模板都可以',
      items: '宝贝报表（可选，淘宝订单报表 + 宝贝报表分两个文件时）',
      itemsHint: '淘宝的“宝贝报表”，按订单编号与订单表合并',
      template: '下载导入模板',
      limit: '单个文件不超过 {{mb}} MB，最多 {{rows}} 行',
      uploading: '正在上传 {{name}}…',
      remove: '移除'
    },
    mapping: {
      preset: '识别为',
      presetNone: '未识别的格式，请手工对应',
      presets: {
        kuaishou: '快手订单导出',
        taobao: '淘宝订单报表',
        'taobao-items': '淘宝宝贝报表',
        template: '本系统模板'
      },
      source: {
        saved: '已使用上次保存的对应关系',
        detected: '按表头自动识别',
        explicit: '手工对应'
      },
      headerRow: '表头在第 {{row}} 行，共 {{count}} 列',
      encoding: '编码：{{encoding}}',
      field: '字段',
      column: '表格中的列',
      required: '必填',
      missing: '还缺少必填字段：{{fields}}',
      choose: '选择列',
      sample: '前几行数据',
      save: '记住这个格式的对应关系（下次自动使用）',
      itemsFile: '宝贝报表：{{name}}',
      ordersTab: '订单表：{{name}}',
      next: '下一步：检查数据',
      back: '上一步'
    },
    fields: {
      orderId: '订单号',
      receiverName: '收货人',
      phone: '手机',
      landline: '固定电话',
      address: '收货地址（整段）',
      province: '省',
      city: '市',
      district: '区/县',
      detail: '详细地址',
      remark: '备注',
      buyerMessage: '买家留言',
      createdAt: '下单时间',
      paidAt: '付款时间',
      shipBy: '最晚发货时间',
      status: '订单状态',
      title: '商品名称',
      variant: '规格',
      sku: 'SKU/商家编码',
      productId: '商品ID',
      quantity: '数量',
      weight: '重量',
      warehouse: '仓库',
      temperatureZone: '温层'
    },
    progress: {
      reading: '正在读取：{{rows}} 行，{{speed}} 行/秒',
      checking: '正在检查 {{rows}} 行…',
      writing: '正在写入：{{rows}} / {{total}} 个订单，{{speed}} 个/秒',
      done: '完成',
      cancel: '取消',
      cancelled: '已取消，没有写入任何数据',
      commitCancelled: '导入已取消，没有写入任何订单；可以再次点击导入'
    },
    preview: {
      savedMapping: '已按上次保存的对应关系识别（{{layout}}），如需修改请返回上一步',
      rows: '共读取 {{rows}} 行，用时 {{seconds}} 秒',
      new: '新增',
      updated: '更新',
      unchanged: '未变',
      rejected: '拒绝',
      skipped: '其中 {{count}} 单与表格不同，按“跳过”未更新',
      onDuplicate: '订单已存在时',
      skip: '跳过（默认）',
      update: '用表格内容更新',
      rejectedTitle: '被拒绝的行（整单不导入）',
      warningsTitle: '{{count}} 行有改动（订单照常导入）',
      warningsMore: '另有 {{more}} 行未列出',
      warningRow: '第 {{row}} 行',
      rejectedMore: '只显示前 {{shown}} 行，共 {{total}} 行；下载表格查看全部',
      row: '行号',
      column: '列',
      reason: '原因',
      itemsFile: '宝贝报表',
      download: '下载被拒绝的行（xlsx）',
      downloadItems: '下载宝贝报表被拒绝的 {{rows}} 行（xlsx）',
      downloadCsv: 'csv',
      nothing: '没有可导入的订单',
      commit: '导入 {{count}} 单',
      commitNone: '没有要写入的订单'
    },
    done: {
      title: '导入完成',
      summary: '新增 {{accepted}} 单，更新 {{updated}} 单，未变 {{unchanged}} 单',
      rejected: '{{rows}} 行被拒绝，未导入',
      close: '完成'
    },
    error: '无法导入：{{message}}'
  }
}

export const importBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    import: {
      open: 'Import orders',
      title: 'Import orders',
      steps: { file: 'File', mapping: 'Columns', preview: 'Preview', commit: 'Import' },
      file: {
        orders: 'Order sheet (.xlsx / .csv)',
        ordersHint: 'Click or drop the order export: Kuaishou, Taobao or our template',
        items: 'Item report (optional, for Taobao order + item reports)',
        itemsHint: "Taobao's item report, joined to the orders by order number",
        template: 'Download the template',
        limit: 'Up to {{mb}} MB and {{rows}} rows per file',
        uploading: 'Uploading {{name}}…',
        remove: 'Remove'
      },
      mapping: {
        preset: 'Recognised as',
        presetNone: 'Layout not recognised: map the columns by hand',
        presets: {
          kuaishou: 'Kuaishou order export',
          taobao: 'Taobao order report',
          'taobao-items': 'Taobao item report',
          template: 'Our template'
        },
        source: {
          saved: 'Using the mapping saved last time',
          detected: 'Detected from the header',
          explicit: 'Mapped by hand'
        },
        headerRow: 'Header on row {{row}}, {{count}} columns',
        encoding: 'Encoding: {{encoding}}',
        field: 'Field',
        column: 'Column in the sheet',
        required: 'required',
        missing: 'Required fields still missing: {{fields}}',
        choose: 'Choose a column',
        sample: 'First rows',
        save: 'Remember this mapping for this layout (used automatically next time)',
        itemsFile: 'Item report: {{name}}',
        ordersTab: 'Order report: {{name}}',
        next: 'Next: check the data',
        back: 'Back'
      },
      fields: {
        orderId: 'Order id',
        receiverName: 'Receiver',
        phone: 'Mobile',
        landline: 'Landline',
        address: 'Address (one cell)',
        province: 'Province',
        city: 'City',
        district: 'District',
        detail: 'Street address',
        remark: 'Remark',
        buyerMessage: 'Buyer message',
        createdAt: 'Created',
        paidAt: 'Paid',
        shipBy: 'Ship by',
        status: 'Order status',
        title: 'Item title',
        variant: 'Variant',
        sku: 'SKU',
        productId: 'Product id',
        quantity: 'Quantity',
        weight: 'Weight',
        warehouse: 'Warehouse',
        temperatureZone: 'Temperature zone'
      },
      progress: {
        reading: 'Reading: {{rows}} rows, {{speed}} rows/s',
        checking: 'Checking {{rows}} rows…',
        writing: 'Writing: {{rows}} of {{total}} orders, {{speed}} orders/s',
        done: 'Done',
        cancel: 'Cancel',
        cancelled: 'Cancelled; nothing was written',
        commitCancelled: 'Import cancelled; no orders were written. You can import again.'
      },
      preview: {
        savedMapping:
          'Columns mapped as saved last time ({{layout}}); to change the mapping, go Back',
        rows: '{{rows}} rows read in {{seconds}} s',
        new: 'New',
        updated: 'Updated',
        unchanged: 'Unchanged',
        rejected: 'Rejected',
        skipped: '{{count}} differ from the sheet and are skipped',
        onDuplicate: 'When an order exists',
        skip: 'Skip (default)',
        update: 'Update it from the sheet',
        rejectedTitle: 'Rejected rows (the whole order is left out)',
        warningsTitle: '{{count}} rows changed (the orders import as usual)',
        warningsMore: '{{more}} more rows not listed',
        warningRow: 'Row {{row}}',
        rejectedMore: 'Showing the first {{shown}} of {{total}} rows; download the sheet for all',
        row: 'Row',
        column: 'Column',
        reason: 'Reason',
        itemsFile: 'Item report',
        download: 'Download rejected rows (xlsx)',
        downloadItems: 'Download the {{rows}} rejected item-report rows (xlsx)',
        downloadCsv: 'csv',
        nothing: 'No orders to import',
        commit: 'Import {{count}} orders',
        commitNone: 'Nothing to write'
      },
      done: {
        title: 'Import finished',
        summary: '{{accepted}} new, {{updated}} updated, {{unchanged}} unchanged',
        rejected: '{{rows}} rows rejected, not imported',
        close: 'Done'
      },
      error: 'Cannot import: {{message}}'
    }
  }
}
