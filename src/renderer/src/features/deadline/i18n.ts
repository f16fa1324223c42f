import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  deadline: {
    column: '发货剩余',
    left: '剩 {{time}}',
    overdue: '超时 {{time}}',
    exempt: '豁免',
    exemptHint: '物流异常豁免：超时不计',
    at: '最晚发货 {{time}}',
    days: '{{d}}天{{h}}小时',
    hours: '{{h}}小时{{m}}分',
    minutes: '{{m}}分钟',
    filter: '发货期限',
    overdueFilter: '已超时未打印',
    due_soonFilter: '12 小时内到期'
  }
}

const enUS: typeof zhCN = {
  deadline: {
    column: 'Ship within',
    left: '{{time}} left',
    overdue: '{{time}} late',
    exempt: 'Exempt',
    exemptHint: 'Logistics exception: lateness does not count',
    at: 'Ship by {{time}}',
    days: '{{d}} d {{h}} h',
    hours: '{{h}} h {{m}} min',
    minutes: '{{m}} min',
    filter: 'Deadline',
    overdueFilter: 'Late, no label yet',
    due_soonFilter: 'Due within 12 h'
  }
}

export const deadlineBundle: Bundle<typeof zhCN> = { zhCN, enUS }
