import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  print: {
    mode: { batch: '批量打单', scan: '扫描打单' },
    templates: {
      '76x130': '76×130 一联（常用）',
      '100x150': '100×150',
      '100x180': '100×180 二联'
    },
    steps: {
      pick: '添加订单',
      pickHint: '勾选要打印的订单',
      setup: '选择快递并打印',
      setupHint: '快递公司、模板、打印机',
      done: '完成',
      doneHint: '打印结果'
    },
    pick: {
      intro:
        '勾选待发货订单（按住 Shift 连续多选），或先导入表格 / 手工录入订单。标签按下方列表的顺序打印。',
      import: '导入订单表格',
      add: '手工录入订单',
      selected: '已选 {{count}} 单',
      selectAll: '选择全部 {{count}} 单匹配的订单',
      allSelected: '已选择全部 {{count}} 单匹配的订单',
      clear: '清除选择',
      next: '下一步：选择快递（{{count}} 单）',
      nothing: '请先勾选要打印的订单',
      tooMany:
        '一批最多打印 5000 单（BATCH_PRINT_MAX_5000），当前选择了 {{count}} 单。请缩小筛选范围，或先打印前 5000 单。',
      takeFirst: '只取前 5000 单',
      resolving: '正在整理订单顺序…',
      joined: '已加入本批 {{count}} 单',
      joinedCapped:
        '超过一批上限，只加入了列表中前 {{count}} 单（BATCH_PRINT_MAX_5000），其余的请下一批再打',
      joinedNotListed: '另有 {{count}} 单不在当前列表中（不是待发货，或被筛选条件隐藏），没有加入',
      joinedSeparator: '；',
      unprinted: '只看未打印'
    },
    setup: {
      carrier: '快递公司',
      carrierPlaceholder: '选择快递公司',
      balance: '余 {{count}} 个单号',
      demoPool: '演示',
      demoPoolHelp:
        '演示单号池：面单印有「演示 DEMO」，只能试打，不能发货。添加真实单号后自动停用。',
      lowBalance: '单号不足',
      template: '面单模板',
      printer: '打印机',
      printerPlaceholder: '选择打印机',
      defaultPrinter: '默认',
      mask: '隐私面单（姓名、手机号打码）',
      remember: '选择会记住，下次打印本店铺订单时自动选好',
      preview: '面单预览',
      previewFirst: '本批前 {{count}} 张面单（共 {{total}} 单）',
      previewOf: '订单 {{order}} 的面单预览',
      previewNotAllocated: '预览，未分配单号（打印时取号）',
      previewError: '预览失败：{{message}}',
      checking: '正在检查订单…',
      willPrint: '将打印 {{count}} 单',
      ordersAndPackages: '{{orders}} 单 · {{packages}} 个包裹',
      heldCount: '{{count}} 单不能打印，已移出本批',
      heldTitle: '不能打印的订单（原因）',
      needNumbers: '需要新单号 {{need}} 个，{{carrier}} 单号池余 {{available}} 个',
      poolShort:
        '单号不足：需要 {{need}} 个，只剩 {{available}} 个。请到 设置 → 快递公司 添加单号。',
      poolOk: '单号充足',
      back: '上一步',
      print: '打印 {{count}} 张面单',
      nothingToPrint: '没有可打印的订单',
      order: '订单列表（打印顺序）',
      noPrinter: '还没有打印机，请到 设置 → 打印机 添加'
    },
    reason: {
      not_found: '订单不存在',
      no_address: '收货信息不全',
      closed: '交易已关闭',
      refund: '买家申请退款中',
      shipped: '订单已发货',
      already_printed: '已打印',
      in_queue: '在打印机队列中等待（未打印）'
    },
    columns: {
      index: '#',
      platformOrderId: '订单号',
      receiver: '收货人',
      region: '地区',
      items: '商品',
      reason: '原因',
      state: '状态',
      tracking: '运单号'
    },
    state: {
      waiting: '等待',
      queued: '排队中',
      sending: '发送中',
      sent: '已发送',
      confirmed: '已打印',
      failed: '失败',
      voided: '已取消',
      held: '未打印'
    },
    progress: {
      title: '正在打印',
      count: '{{done}} / {{total}}',
      allocated: '已分配单号 {{allocated}} / {{total}}',
      speed: '{{rate}} 张/秒',
      left: '预计剩余 {{time}}',
      seconds: '{{count}} 秒',
      minutes: '{{m}} 分 {{s}} 秒',
      paused: '打印机已暂停：{{reason}}',
      pausedHint: '请检查打印机（缺纸、开盖、离线），处理好后会从第一张未确认的面单继续。',
      error: '打印中断：{{message}}',
      resume: '继续打印',
      pause: '暂停',
      pausedByUser: '已暂停',
      pausedByUserHint: '正在打印的那张打完后停下，不再取新单号。点“继续打印”从下一张接着打。',
      cancel: '取消本批',
      cancelling: '正在取消…',
      cancelConfirm: '取消本批剩下的面单？',
      cancelHint:
        '还没发送的面单不再打印（已取的运单号保留在订单上，下次打印用同一个单号）；正在打印的那张会打完。',
      cancelOk: '取消本批',
      cancelKeep: '继续打印',
      unconfirmed: '面单 {{tracking}} 已发给打印机后打印机报错，它出纸了吗？',
      unconfirmedHint:
        '请看打印机：出纸且完整就选“已出纸”，接着打下一张；没出纸或打坏了就选“没出纸”，会用同一个单号重打这张。回答前不会再发送任何面单。',
      cameOut: '已出纸，继续',
      notOut: '没出纸，重打这张'
    },
    done: {
      title: '打印完成',
      summary: '成功 {{printed}} 张，失败 {{failed}} 张，未打印 {{held}} 单',
      summaryCancelled:
        '成功 {{printed}} 张，失败 {{failed}} 张，已取消 {{cancelled}} 单，未打印 {{held}} 单',
      retryRest: '打印失败和取消的 {{count}} 单',
      printed: '成功',
      failed: '失败',
      held: '未打印',
      retry: '重打失败的 {{count}} 单',
      failedKept: '失败的订单已保留勾选，可直接重打（使用原单号，不会重新取号）',
      newBatch: '再打一批',
      toPrinted: '去 已打印 导出 / 发货'
    },
    scan: {
      placeholder: '扫描订单条码（或输入订单号）后回车；打印后扫描面单条码核对',
      hint: '扫描订单 → 立即打印面单；再扫面单上的运单号 → 核对是否贴对',
      printed: '已打印',
      trackingNumber: '运单号',
      order: '订单 {{id}}',
      alreadyPrinted: '已打印 — 补打?',
      alreadyPrintedHint: '该订单已有运单号 {{tracking}}，补打使用同一个单号，不会重新取号。',
      reprint: '补打 (F2)',
      reprinted: '已补打 {{tracking}}',
      held: '不能打印：{{reason}}',
      notFound: '没有找到订单 {{code}}',
      verified: '已核对 ✓ {{tracking}} 属于订单 {{id}}',
      wrongOrder: '贴错了！运单 {{tracking}} 属于订单 {{other}}，不是当前订单 {{id}}',
      wrongOrderHint: '请撕下这张面单，找到订单 {{other}} 的包裹。',
      voided: '运单 {{tracking}} 已作废，不能使用',
      needSetup: '请先选择快递公司和打印机',
      history: '最近扫描',
      waiting: '等待扫描…',
      queued: '已取号 {{tracking}}，送往打印机',
      reprintQueued: '补打 {{tracking}}，送往打印机',
      sending: '正在发送到打印机…',
      waitingPrinter: '等待打印机：{{reason}}',
      waitingHint: '面单还没有打印出来，包裹先不要放行。处理好打印机后点"重试"。',
      retry: '重试',
      notPrinted: '面单没有打印',
      cause: {
        refused: '连接被拒绝（打印机没开或地址不对）',
        no_response: '打印机无响应',
        unreachable: '找不到打印机（网络不通）',
        connection_lost: '连接中断',
        offline: '打印机离线',
        paper_out: '缺纸',
        cover_open: '开盖',
        head_hot: '打印头过热',
        unconfirmed: '请确认上一张面单是否打出',
        paused: '已暂停',
        other: '打印机出错'
      },
      shipped: '订单已发货，不再打新面单',
      shippedHint: '这个订单已经发货。如确实要重新打印它的面单，请点"补打已发货订单"并确认。',
      shippedReprint: '补打已发货订单…',
      shippedReprintTitle: '补打已发货订单的面单 {{tracking}}？',
      shippedReprintBody: '该订单已发货。补打使用同一个运单号，只在面单损坏或丢失时使用。',
      shippedReprintOk: '确认补打',
      notListening: '没有在接收扫码：光标在别的输入框，或窗口不在前台。点这里继续扫码'
    },
    errors: {
      pool_insufficient: '单号不足，请到 设置 → 快递公司 添加单号',
      BATCH_PRINT_MAX_5000: '一批最多打印 5000 单'
    }
  }
}

export const printBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    print: {
      mode: { batch: 'Batch print', scan: 'Scan to print' },
      templates: {
        '76x130': '76×130 single (common)',
        '100x150': '100×150',
        '100x180': '100×180 two-part'
      },
      steps: {
        pick: 'Add orders',
        pickHint: 'Tick the orders to print',
        setup: 'Carrier & print',
        setupHint: 'Carrier, template, printer',
        done: 'Done',
        doneHint: 'Results'
      },
      pick: {
        intro:
          'Tick pending orders (Shift-click for a range), or import a sheet / enter an order first. Labels print in the order of the list below.',
        import: 'Import orders',
        add: 'Enter an order',
        selected: '{{count}} selected',
        selectAll: 'Select all {{count}} matching orders',
        allSelected: 'All {{count}} matching orders selected',
        clear: 'Clear selection',
        next: 'Next: carrier ({{count}} orders)',
        nothing: 'Tick the orders to print first',
        tooMany:
          'A print batch holds at most 5000 orders (BATCH_PRINT_MAX_5000); {{count}} are selected. Narrow the filters, or print the first 5000.',
        takeFirst: 'Take the first 5000',
        resolving: 'Ordering the batch…',
        joined: 'Added {{count}} orders to this batch',
        joinedCapped:
          'more than a batch holds: only the first {{count}} on the list were added (BATCH_PRINT_MAX_5000); print the rest in the next batch',
        joinedNotListed:
          '{{count}} more are not on this list (not pending, or hidden by the filters) and were not added',
        joinedSeparator: '; ',
        unprinted: 'Not printed only'
      },
      setup: {
        carrier: 'Carrier',
        carrierPlaceholder: 'Choose a carrier',
        balance: '{{count}} numbers left',
        demoPool: 'Demo',
        demoPoolHelp:
          'Demo number pool: labels are marked “演示 DEMO”, for trying only, and cannot ship. Adding real numbers retires it.',
        lowBalance: 'Low',
        template: 'Template',
        printer: 'Printer',
        printerPlaceholder: 'Choose a printer',
        defaultPrinter: 'default',
        mask: 'Privacy label (mask name and phone)',
        remember: 'Remembered for this shop next time',
        preview: 'Label preview',
        previewFirst: 'First {{count}} labels of this batch ({{total}} orders)',
        previewOf: 'Label preview of order {{order}}',
        previewNotAllocated: 'Preview, no number allocated (taken when it prints)',
        previewError: 'Preview failed: {{message}}',
        checking: 'Checking orders…',
        willPrint: '{{count}} will print',
        ordersAndPackages: 'Orders: {{orders}} · packages: {{packages}}',
        heldCount: '{{count}} cannot print and were held out',
        heldTitle: 'Orders held out (reason)',
        needNumbers: 'Needs {{need}} new numbers; the {{carrier}} pool has {{available}}',
        poolShort:
          'Not enough numbers: {{need}} needed, {{available}} left. Add numbers in Settings → Carriers.',
        poolOk: 'Enough numbers',
        back: 'Back',
        print: 'Print {{count}} labels',
        nothingToPrint: 'Nothing to print',
        order: 'Orders (print order)',
        noPrinter: 'No printer yet: add one in Settings → Printers'
      },
      reason: {
        not_found: 'Order not found',
        no_address: 'Address incomplete',
        closed: 'Trade closed',
        refund: 'Refund requested',
        shipped: 'Order already shipped',
        already_printed: 'Already printed',
        in_queue: 'Waiting in a printer queue (not printed)'
      },
      columns: {
        index: '#',
        platformOrderId: 'Order',
        receiver: 'Receiver',
        region: 'Region',
        items: 'Items',
        reason: 'Reason',
        state: 'State',
        tracking: 'Tracking no.'
      },
      state: {
        waiting: 'Waiting',
        queued: 'Queued',
        sending: 'Sending',
        sent: 'Sent to printer',
        confirmed: 'Printed',
        failed: 'Failed',
        voided: 'Cancelled',
        held: 'Not printed'
      },
      progress: {
        title: 'Printing',
        count: '{{done}} / {{total}}',
        allocated: 'Numbers allocated {{allocated}} / {{total}}',
        speed: '{{rate}} labels/s',
        left: 'About {{time}} left',
        seconds: '{{count}} s',
        minutes: '{{m}} min {{s}} s',
        paused: 'Printer paused: {{reason}}',
        pausedHint:
          'Check the printer (paper, cover, cable); printing goes on from the first unconfirmed label.',
        error: 'Printing stopped: {{message}}',
        resume: 'Resume printing',
        pause: 'Pause',
        pausedByUser: 'Paused',
        pausedByUserHint:
          'The label in flight finishes, then printing stops and no new numbers are drawn. Resume goes on with the next label.',
        cancel: 'Cancel batch',
        cancelling: 'Cancelling…',
        cancelConfirm: 'Cancel the rest of this batch?',
        cancelHint:
          'Labels not sent yet will not print (their tracking numbers stay on the orders and are reused next time); the label in flight finishes.',
        cancelOk: 'Cancel batch',
        cancelKeep: 'Keep printing',
        unconfirmed:
          'Label {{tracking}} was sent, then the printer reported a fault. Did it come out?',
        unconfirmedHint:
          'Look at the printer: if it came out whole, choose "It came out" to go on; if not (or it is spoiled), choose "Did not come out" to print it again with the same number. Nothing is sent until you answer.',
        cameOut: 'It came out — go on',
        notOut: 'Did not come out — print it again'
      },
      done: {
        title: 'Finished',
        summary: '{{printed}} printed, {{failed}} failed, {{held}} not printed',
        summaryCancelled:
          '{{printed}} printed, {{failed}} failed, {{cancelled}} cancelled, {{held}} not printed',
        retryRest: 'Print the {{count}} failed and cancelled',
        printed: 'Printed',
        failed: 'Failed',
        held: 'Not printed',
        retry: 'Retry the {{count}} failed',
        failedKept:
          'Failed orders stay selected to retry (same tracking numbers, no new number is drawn)',
        newBatch: 'New batch',
        toPrinted: 'Go to Printed to export / ship'
      },
      scan: {
        placeholder:
          'Scan the order barcode (or type the order id) + Enter; then scan the label to check',
        hint: 'Scan an order → its label prints at once; scan the label → check it is on the right parcel',
        printed: 'Printed',
        trackingNumber: 'Tracking no.',
        order: 'Order {{id}}',
        alreadyPrinted: 'Already printed — reprint?',
        alreadyPrintedHint:
          'This order has tracking number {{tracking}}; a reprint uses the same number, never a new one.',
        reprint: 'Reprint (F2)',
        reprinted: 'Reprinted {{tracking}}',
        held: 'Cannot print: {{reason}}',
        notFound: 'No order {{code}}',
        verified: 'Checked ✓ {{tracking}} belongs to order {{id}}',
        wrongOrder: 'WRONG LABEL! {{tracking}} belongs to order {{other}}, not {{id}}',
        wrongOrderHint: 'Peel this label off and find the parcel of order {{other}}.',
        voided: '{{tracking}} is void and must not be used',
        needSetup: 'Choose a carrier and a printer first',
        history: 'Recent scans',
        waiting: 'Waiting for a scan…',
        queued: 'Number {{tracking}} drawn, sent to the printer',
        reprintQueued: 'Reprint of {{tracking}} sent to the printer',
        sending: 'Sending to the printer…',
        waitingPrinter: 'Waiting for the printer: {{reason}}',
        waitingHint:
          'The label has not printed: hold the parcel. Fix the printer, then press "Retry".',
        retry: 'Retry',
        notPrinted: 'The label did not print',
        cause: {
          refused: 'connection refused (printer off or wrong address)',
          no_response: 'the printer does not answer',
          unreachable: 'printer unreachable (network)',
          connection_lost: 'connection lost',
          offline: 'printer offline',
          paper_out: 'out of paper',
          cover_open: 'cover open',
          head_hot: 'print head too hot',
          unconfirmed: 'confirm whether the last label came out',
          paused: 'paused',
          other: 'printer error'
        },
        shipped: 'Order already shipped: no new label',
        shippedHint:
          'This order has shipped. To print its label again, press "Reprint shipped order" and confirm.',
        shippedReprint: 'Reprint shipped order…',
        shippedReprintTitle: 'Reprint the label {{tracking}} of a shipped order?',
        shippedReprintBody:
          'The order has shipped. A reprint uses the same tracking number; only for a damaged or lost label.',
        shippedReprintOk: 'Reprint',
        notListening:
          'Not listening for scans: typing is going to another box, or the window is in the background. Click here to scan'
      },
      errors: {
        pool_insufficient: 'Not enough tracking numbers: add some in Settings → Carriers',
        BATCH_PRINT_MAX_5000: 'A print batch holds at most 5000 orders'
      }
    }
  }
}
