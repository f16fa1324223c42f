import type { Bundle } from '../i18n/bundles'

/**
 * Words for every error the contract can return: one per top-level code (src/shared/result.ts),
 * and one per finer reason the core puts in `details` (`reason`, `code` or `importCode`), so the
 * renderer never shows main's English message in the Chinese UI.
 */
const zhCN = {
  errors: {
    codes: {
      VALIDATION: '输入有误，请检查后重试',
      NOT_FOUND: '找不到这条记录，可能已被删除，请刷新后重试',
      CONFLICT: '操作与当前状态冲突，请刷新后重试',
      RULE_VIOLATION: '平台规则不允许此操作',
      UNKNOWN_METHOD: '程序版本不一致，请刷新页面',
      UNAUTHORIZED: '程序已重新启动，这个页面已失效',
      INTERNAL: '程序内部出错，请重试；如果反复出现，请重启程序'
    },
    reasons: {
      ALREADY_QUEUED:
        '这个包裹的面单已在打印队列中等待打印。请点右上角“打印队列”查看原因，重试、换打印机或取消。',
      PRINTER_HAS_JOBS:
        '打印机“{{name}}”的队列里还有 {{waiting}} 张面单在等待。请先把它们移到其他打印机或取消，再删除。',
      LAST_PRINTER: '这是唯一的打印机，不能删除',
      order_ambiguous: '几个店铺里都有这个订单号，请先选店铺',
      NAME_TAKEN: '已有同名打印机',
      PACKAGE_NOT_FOUND: '找不到这个包裹，可能已被删除',
      RECORD_NOT_FOUND: '找不到这条打印记录',
      TRACKING_MISMATCH: '运单号与包裹已有的运单号不一致',
      ALREADY_PRINTED: '这个包裹的面单已经打印过，如需再打请用“重打”',
      NEEDS_CONFIRMATION: '有一张面单等待确认是否打出，请先确认',
      NOT_PRINTED_YET: '这个包裹还没有打印过面单',
      NOT_PENDING: '这张面单已经确认过了',
      PRINTER_BUSY: '打印机正在打印，请等它打完再测试',
      pool_insufficient: '单号池的单号不够本批使用，请先在 设置 → 快递公司 里补充单号',
      pool_insufficient_counts: '单号池的单号不够：本批需要 {{needed}} 个，只剩 {{available}} 个',
      order_shipped: '订单已发货，不能再打印（如需补打，请在“已打印”里重打）',
      demo_loaded: '示例订单已经载入',
      demo_real_orders: '本机已有订单，示例订单只用于新安装',
      demo_printing: '还有示例面单在打印，打完后再移除示例',
      STALE_PLAN: '这次导入已经提交过或已过期，请重新检查文件',
      FILE_NOT_FOUND: '上传的文件已不存在，请重新选择文件',
      FILE_TOO_LARGE: '文件太大，无法导入'
    },
    unexpected: '出现意外错误，请重试'
  },
  session: {
    restarted: '程序已重新启动，这个页面已失效',
    howTo:
      '请用启动时打印的新地址（Waybill Station: http://127.0.0.1:…）打开一次，本页会自动重新载入；之前的数据都还在。',
    reload: '重新载入'
  }
}

const enUS: typeof zhCN = {
  errors: {
    codes: {
      VALIDATION: 'Something in the input is not right; check it and try again',
      NOT_FOUND: 'This record was not found; it may have been deleted. Refresh and try again',
      CONFLICT: 'This clashes with the current state; refresh and try again',
      RULE_VIOLATION: "The platform's rules do not allow this",
      UNKNOWN_METHOD: 'The app version does not match; reload the page',
      UNAUTHORIZED: 'The app was restarted; this page is out of date',
      INTERNAL: 'Something went wrong inside the app; try again, and restart it if this repeats'
    },
    reasons: {
      ALREADY_QUEUED:
        "This package's label is already waiting in a print queue. Open “Print queue” at the top right to see why, and retry, move or cancel it.",
      PRINTER_HAS_JOBS:
        'Printer “{{name}}” still has {{waiting}} labels waiting in its queue. Move them to another printer or cancel them first, then delete it.',
      LAST_PRINTER: 'This is the only printer; it cannot be deleted',
      order_ambiguous: 'Several shops have an order with this id; choose the shop first',
      NAME_TAKEN: 'Another printer already has this name',
      PACKAGE_NOT_FOUND: 'This package was not found; it may have been deleted',
      RECORD_NOT_FOUND: 'This print record was not found',
      TRACKING_MISMATCH: 'The tracking number differs from the one the package already has',
      ALREADY_PRINTED: "This package's label was printed already; use Reprint to print it again",
      NEEDS_CONFIRMATION: 'A label waits for you to confirm whether it came out; answer that first',
      NOT_PRINTED_YET: "This package's label has not been printed yet",
      NOT_PENDING: 'This label was confirmed already',
      PRINTER_BUSY: 'The printer is busy printing; test it when it is done',
      pool_insufficient:
        'Not enough tracking numbers in the pool for this batch; add some in Settings → Carriers',
      pool_insufficient_counts:
        'Not enough tracking numbers in the pool: this batch needs {{needed}}, {{available}} left',
      order_shipped: 'The order has shipped and is not printed again (reprint it from Printed)',
      demo_loaded: 'The demo orders are already loaded',
      demo_real_orders: 'This station already has orders; the demo is for a fresh install',
      demo_printing: 'A demo label is still printing; remove the demo when it is done',
      STALE_PLAN: 'This import was committed already or has expired; check the file again',
      FILE_NOT_FOUND: 'The uploaded file is gone; choose it again',
      FILE_TOO_LARGE: 'The file is too large to import'
    },
    unexpected: 'Something unexpected went wrong; try again'
  },
  session: {
    restarted: 'The app was restarted; this page is out of date',
    howTo:
      'Open the new address it printed at start (Waybill Station: http://127.0.0.1:…) once, and this page reloads by itself; your data is all still there.',
    reload: 'Reload'
  }
}

export const errorsBundle: Bundle<typeof zhCN> = { zhCN, enUS }
