import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  queue: {
    indicator: '打印队列',
    indicatorIdle: '打印机空闲',
    badge: '{{printer}} · {{count}} 张等待',
    badgeStopped: '{{printer}} · {{count}} 张等待 · {{reason}}',
    badgeFault: '{{printer}} · {{reason}}',
    drawerTitle: '打印队列',
    title: '{{printer}} 的打印队列',
    empty: '没有等待打印的面单',
    state: { idle: '空闲', printing: '正在打印', stopped: '已停止' },
    reason: {
      refused: '连接被拒绝（打印机未开机，或地址/端口不对）',
      no_response: '打印机无响应',
      unreachable: '找不到打印机（网络不通或地址错误）',
      connection_lost: '打印中连接断开',
      offline: '打印机离线',
      paper_out: '缺纸',
      cover_open: '开盖',
      head_hot: '打印头过热',
      not_a_printer: '这个地址上不是标签打印机（回复不是打印机状态，请检查 IP 和端口）',
      unconfirmed: '等待确认一张面单是否出纸',
      paused: '已手动暂停',
      other: '打印机报错'
    },
    reasonShort: {
      refused: '连接被拒绝',
      no_response: '无响应',
      unreachable: '找不到打印机',
      connection_lost: '连接断开',
      offline: '离线',
      paper_out: '缺纸',
      cover_open: '开盖',
      head_hot: '过热',
      not_a_printer: '不是打印机',
      unconfirmed: '待确认',
      paused: '已暂停',
      other: '报错'
    },
    why: '原因：{{reason}}',
    hint: '处理好打印机后点“重试”；或把面单移到另一台打印机；或取消（运单号仍归原包裹，下次打印沿用）。',
    columns: { order: '订单号', tracking: '运单号', state: '状态' },
    labelState: {
      queued: '等待打印',
      sending: '正在发送',
      sent: '已发出，待确认',
      confirmed: '已打印',
      failed: '未打出（发送失败）',
      voided: '已取消'
    },
    retry: '重试',
    retried: '已重试 {{printer}}',
    moveTo: '移到其他打印机',
    movePlaceholder: '选择打印机',
    move: '移过去',
    moved: '已把 {{count}} 张面单移到 {{printer}}（运单号不变）',
    cancel: '取消全部',
    cancelConfirm: '取消 {{printer}} 上等待的 {{count}} 张面单？',
    cancelHint: '面单不会打印；运单号仍归原包裹，之后打印沿用同一单号。',
    cancelOk: '取消面单',
    cancelKeep: '不取消',
    cancelled: '已取消 {{count}} 张面单',
    unconfirmedLeft: '有 1 张面单已发出后打印机报错，请先确认它是否出纸',
    errors: {
      ALREADY_QUEUED:
        '这个包裹的面单已在打印队列中等待打印。请点右上角“打印队列”查看原因，重试、换打印机或取消。',
      PRINTER_HAS_JOBS:
        '打印机“{{name}}”的队列里还有 {{count}} 张面单在等待。请先在下面的打印队列里把它们移到其他打印机或取消，再删除。'
    }
  }
}

const enUS: typeof zhCN = {
  queue: {
    indicator: 'Print queue',
    indicatorIdle: 'Printers idle',
    badge: '{{printer}} · {{count}} waiting',
    badgeStopped: '{{printer}} · {{count}} waiting · {{reason}}',
    badgeFault: '{{printer}} · {{reason}}',
    drawerTitle: 'Print queue',
    title: 'Queue of {{printer}}',
    empty: 'No labels waiting',
    state: { idle: 'Idle', printing: 'Printing', stopped: 'Stopped' },
    reason: {
      refused: 'Connection refused (printer off, or wrong address/port)',
      no_response: 'The printer does not respond',
      unreachable: 'Printer not found (network down or wrong address)',
      connection_lost: 'Connection lost while printing',
      offline: 'Printer offline',
      paper_out: 'Out of paper',
      cover_open: 'Cover open',
      head_hot: 'Print head overheated',
      not_a_printer:
        'Not a label printer at this address (the reply is not a printer status; check the IP and port)',
      unconfirmed: 'Waiting for you to say whether a label came out',
      paused: 'Paused by you',
      other: 'The printer reported an error'
    },
    reasonShort: {
      refused: 'Connection refused',
      no_response: 'No response',
      unreachable: 'Not found',
      connection_lost: 'Connection lost',
      offline: 'Offline',
      paper_out: 'Out of paper',
      cover_open: 'Cover open',
      head_hot: 'Overheated',
      not_a_printer: 'Not a printer',
      unconfirmed: 'Needs confirming',
      paused: 'Paused',
      other: 'Error'
    },
    why: 'Why: {{reason}}',
    hint: 'Fix the printer, then Retry; or move the labels to another printer; or cancel them (the tracking numbers stay with their packages and are reused next time).',
    columns: { order: 'Order', tracking: 'Tracking number', state: 'State' },
    labelState: {
      queued: 'Waiting to print',
      sending: 'Sending',
      sent: 'Sent, not confirmed',
      confirmed: 'Printed',
      failed: 'Did not print (send failed)',
      voided: 'Cancelled'
    },
    retry: 'Retry',
    retried: 'Retrying {{printer}}',
    moveTo: 'Move to another printer',
    movePlaceholder: 'Choose a printer',
    move: 'Move',
    moved: 'Moved {{count}} labels to {{printer}} (same tracking numbers)',
    cancel: 'Cancel all',
    cancelConfirm: 'Cancel the {{count}} labels waiting on {{printer}}?',
    cancelHint:
      'They will not print; the tracking numbers stay with their packages and are reused when they print later.',
    cancelOk: 'Cancel labels',
    cancelKeep: 'Keep',
    cancelled: 'Cancelled {{count}} labels',
    unconfirmedLeft: 'One label went out before the printer faulted: say whether it came out first',
    errors: {
      ALREADY_QUEUED:
        "This package's label is already waiting in a print queue. Open “Print queue” at the top right to see why, and retry, move or cancel it.",
      PRINTER_HAS_JOBS:
        'Printer “{{name}}” still has {{count}} labels waiting in its queue. Move them to another printer or cancel them in the queue below, then delete it.'
    }
  }
}

export const queueBundle: Bundle<typeof zhCN> = { zhCN, enUS }
