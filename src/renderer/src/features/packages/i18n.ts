import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  packages: {
    intro: '拆单发货与追加包裹的订单：每个包裹一行，同一订单的包裹排在一起。',
    search: '搜索订单号 / 运单号（开头或结尾）',
    count: '共 {{count}} 个包裹',
    countCapped: '超过 {{count}} 个包裹',
    empty: '还没有拆单或追加的包裹',
    filters: {
      carrier: '快递公司',
      role: '包裹类型',
      sync: '同步状态',
      added: '添加时间'
    },
    columns: {
      order: '订单号',
      package: '包裹',
      carrier: '快递公司',
      tracking: '运单号',
      items: '商品',
      printed: '打印',
      shipped: '发货',
      synced: '同步',
      addedAt: '追加时间'
    },
    packageOf: '包裹 {{n}}/{{total}}',
    roles: { first: '首个包裹', split: '拆单', appended: '追加' },
    printStates: {
      none: '未打印',
      queued: '排队中',
      printing: '打印中',
      printed: '已打印',
      failed: '打印失败',
      voided: '已作废'
    },
    shipStates: { none: '未发货', shipped: '已发货' },
    syncStates: { none: '未同步', pending: '待同步', synced: '已同步', failed: '同步失败' },
    batchAppend: '批量追加',
    batches: {
      title: '批量追加记录',
      empty: '还没有批量追加',
      file: '文件',
      part: '第 {{part}}/{{parts}} 批',
      rows: '行数',
      accepted: '可追加',
      refused: '不可追加',
      state: '状态',
      createdAt: '时间',
      states: { previewed: '已预检（未提交）', committed: '已提交' },
      downloadFile: '原文件',
      downloadRefused: '不可追加的行'
    },
    append: {
      action: '追加包裹',
      title: '追加包裹 · 订单 {{id}}',
      carrier: '快递公司',
      number: '运单号',
      numberPlaceholder: '输入或扫描运单号，回车确认',
      typed: '填写单号',
      take: '取号并打印',
      printer: '打印机',
      defaultPrinter: '默认打印机',
      confirm: '追加',
      confirmTake: '取号并打印',
      checking: '正在检查…',
      deadline: '最晚可追加到 {{at}}',
      noDeadline: '订单尚未发货',
      count: '已追加 {{count}}/{{max}} 个',
      ok: '可以追加',
      done: '已追加：{{carrier}} {{number}}（包裹 {{sequence}}）',
      duplicate: '这个运单号已经追加到本订单（包裹 {{sequence}}），是同一个包裹，不会重复记录',
      alreadyAppended: '这个运单号已经追加到本订单，是同一个包裹：确认不会重复记录',
      unknownOrder: '找不到这个订单',
      numberProblems: {
        unknown_carrier: '不认识这个快递公司',
        number_pattern: '这个单号不像该快递公司的运单号',
        number_on_other_package: '这个运单号已经用在别的包裹上',
        first_shipment_number: '这是订单首次发货的运单号，不能作为追加包裹'
      }
    },
    batch: {
      title: '批量追加包裹',
      steps: { file: '上传表格', preview: '预检', done: '完成' },
      template: '下载模板',
      templateHint:
        '列：订单号、快递公司（名称或编码，如 中通 / ZTO）、运单号、备注（可选）；每批最多 5000 行。',
      choose: '选择表格文件（xlsx / csv）',
      reading: '正在读取并预检…',
      rows: '共 {{count}} 行',
      accepted: '可追加 {{count}} 行',
      refused: '不可追加 {{count}} 行',
      refusedTitle: '不可追加的行',
      row: '表格行',
      column: '列',
      rule: '规则',
      reason: '原因',
      commit: '提交可追加的 {{count}} 行',
      commitHint: '全部写入或全部不写入',
      committed: '已追加 {{count}} 个包裹',
      alreadyCommitted: '这一批已经提交过，没有重复写入',
      downloadRefused: '下载不可追加的行（含原因列）',
      tooBig: '表格过大',
      takeParts: '分成 {{parts}} 批，先预检第 1 批',
      part: '第 {{part}}/{{parts}} 批',
      nextPart: '预检第 {{part}} 批',
      again: '再上传一个',
      close: '关闭',
      reasons: {
        rule: '平台规则',
        order_missing: '缺少订单号',
        carrier_missing: '缺少快递公司',
        number_missing: '缺少运单号',
        unknown_order: '找不到这个订单',
        ambiguous_order: '多个店铺有这个订单号',
        unknown_carrier: '不认识这个快递公司',
        number_pattern: '不像该快递公司的运单号',
        number_twice_in_sheet: '运单号在表格中重复（第 {{firstRow}} 行已有）',
        number_already_appended: '运单号已追加到这个订单',
        number_on_other_package: '运单号已用在别的包裹上',
        first_shipment_number: '这是订单首次发货的运单号'
      }
    }
  }
}

const enUS: typeof zhCN = {
  packages: {
    intro:
      'Orders shipped in several packages or with appended packages: one row per package, an order’s packages together.',
    search: 'Order id / tracking number (start or end)',
    count: '{{count}} packages',
    countCapped: 'More than {{count}} packages',
    empty: 'No split or appended packages yet',
    filters: { carrier: 'Carrier', role: 'Package type', sync: 'Sync state', added: 'Added' },
    columns: {
      order: 'Order',
      package: 'Package',
      carrier: 'Carrier',
      tracking: 'Tracking number',
      items: 'Items',
      printed: 'Printed',
      shipped: 'Shipped',
      synced: 'Synced',
      addedAt: 'Appended at'
    },
    packageOf: 'Package {{n}}/{{total}}',
    roles: { first: 'First', split: 'Split', appended: 'Appended' },
    printStates: {
      none: 'Not printed',
      queued: 'Queued',
      printing: 'Printing',
      printed: 'Printed',
      failed: 'Print failed',
      voided: 'Voided'
    },
    shipStates: { none: 'Not shipped', shipped: 'Shipped' },
    syncStates: { none: 'Not synced', pending: 'Pending', synced: 'Synced', failed: 'Sync failed' },
    batchAppend: 'Append in batch',
    batches: {
      title: 'Batch appends',
      empty: 'No batch appends yet',
      file: 'File',
      part: 'Batch {{part}}/{{parts}}',
      rows: 'Rows',
      accepted: 'Accepted',
      refused: 'Refused',
      state: 'State',
      createdAt: 'When',
      states: { previewed: 'Checked (not committed)', committed: 'Committed' },
      downloadFile: 'Original file',
      downloadRefused: 'Refused rows'
    },
    append: {
      action: 'Append package',
      title: 'Append a package · order {{id}}',
      carrier: 'Carrier',
      number: 'Tracking number',
      numberPlaceholder: 'Type or scan the number, then Enter',
      typed: 'Enter a number',
      take: 'Take a number and print',
      printer: 'Printer',
      defaultPrinter: 'Default printer',
      confirm: 'Append',
      confirmTake: 'Take a number and print',
      checking: 'Checking…',
      deadline: 'Appends possible until {{at}}',
      noDeadline: 'The order has not shipped yet',
      count: '{{count}}/{{max}} appended',
      ok: 'Can be appended',
      done: 'Appended: {{carrier}} {{number}} (package {{sequence}})',
      duplicate:
        'This number is already appended to this order (package {{sequence}}): it is the same package, recorded once',
      alreadyAppended:
        'This number is already appended to this order: it is the same package, confirming records nothing new',
      unknownOrder: 'No such order',
      numberProblems: {
        unknown_carrier: 'Unknown carrier',
        number_pattern: 'This does not look like a number of that carrier',
        number_on_other_package: 'This number is already on another package',
        first_shipment_number:
          'This is the order’s first-shipment number; it cannot be an appended package'
      }
    },
    batch: {
      title: 'Append packages in batch',
      steps: { file: 'Upload', preview: 'Check', done: 'Done' },
      template: 'Download template',
      templateHint:
        'Columns: 订单号 (order id), 快递公司 (carrier name or code, e.g. 中通 / ZTO), 运单号 (number), 备注 (optional); at most 5000 rows a batch.',
      choose: 'Choose a sheet (xlsx / csv)',
      reading: 'Reading and checking…',
      rows: '{{count}} rows',
      accepted: '{{count}} can be appended',
      refused: '{{count}} refused',
      refusedTitle: 'Refused rows',
      row: 'Sheet row',
      column: 'Column',
      rule: 'Rule',
      reason: 'Reason',
      commit: 'Commit the {{count}} accepted rows',
      commitHint: 'All are written, or none',
      committed: '{{count}} packages appended',
      alreadyCommitted: 'This batch was committed before; nothing was written twice',
      downloadRefused: 'Download the refused rows (with a reason column)',
      tooBig: 'Sheet too large',
      takeParts: 'Take it as {{parts}} batches, checking batch 1 first',
      part: 'Batch {{part}}/{{parts}}',
      nextPart: 'Check batch {{part}}',
      again: 'Upload another',
      close: 'Close',
      reasons: {
        rule: 'Platform rule',
        order_missing: 'Order id missing',
        carrier_missing: 'Carrier missing',
        number_missing: 'Tracking number missing',
        unknown_order: 'No such order',
        ambiguous_order: 'Several shops have this order id',
        unknown_carrier: 'Unknown carrier',
        number_pattern: 'Not a plausible number for that carrier',
        number_twice_in_sheet: 'Number repeated in the sheet (already on row {{firstRow}})',
        number_already_appended: 'Number already appended to this order',
        number_on_other_package: 'Number already on another package',
        first_shipment_number: 'The order’s first-shipment number'
      }
    }
  }
}

export const packagesBundle: Bundle<typeof zhCN> = { zhCN, enUS }
