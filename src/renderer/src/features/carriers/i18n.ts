import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  carriers: {
    title: '快递公司与单号池',
    intro:
      '先向快递公司（网点）购买运单号（一段连续号段，或一个单号列表文件），添加到这里；打单时按顺序取号，每个单号只用一次。',
    columns: {
      name: '快递公司',
      code: '编码',
      kuaishou: '快手快递编码',
      taobao: '淘宝/菜鸟快递编码',
      sample: '单号样例',
      balance: '剩余单号',
      pool: '单号池',
      kind: '类型',
      total: '总数',
      available: '剩余',
      allocated: '已用',
      voided: '作废',
      createdAt: '添加时间'
    },
    low: '单号不足',
    ok: '充足',
    threshold: '低于多少个提醒',
    thresholdSaved: '已保存：低于 {{count}} 个单号时提醒',
    kind: { range: '号段', list: '列表', api: '电子面单' },
    addRange: {
      title: '添加号段',
      carrier: '快递公司',
      start: '起始单号',
      startHint: '例如 {{sample}}',
      count: '数量',
      label: '备注',
      submit: '添加号段'
    },
    addList: {
      title: '导入单号列表',
      hint: '文本文件，每行一个单号（.txt / .csv）',
      choose: '选择文件并导入',
      empty: '文件里没有单号'
    },
    added: '已添加 {{count}} 个单号',
    formatWarnings: '{{count}} 个单号格式看起来不像 {{carrier}} 的单号（例：{{sample}}），请核对',
    pools: '单号池',
    noPools: '还没有单号池。添加号段或导入列表后即可打单。',
    demo: '演示',
    demoHint:
      '演示单号（DEMO 开头）只用于试打到预览打印机，不是真实运单号，不能发货。添加该快递的真实号段后，剩余演示单号自动作废。'
  }
}

export const carriersBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    carriers: {
      title: 'Carriers and tracking-number pools',
      intro:
        'Buy tracking numbers from a carrier first (a consecutive range or a list file) and add them here; printing takes them in order, each number once.',
      columns: {
        name: 'Carrier',
        code: 'Code',
        kuaishou: 'Kuaishou express code',
        taobao: 'Taobao/Cainiao code',
        sample: 'Sample number',
        balance: 'Numbers left',
        pool: 'Pool',
        kind: 'Kind',
        total: 'Total',
        available: 'Left',
        allocated: 'Used',
        voided: 'Void',
        createdAt: 'Added'
      },
      low: 'Low',
      ok: 'OK',
      threshold: 'Warn below',
      thresholdSaved: 'Saved: warn below {{count}} numbers',
      kind: { range: 'Range', list: 'List', api: 'E-waybill' },
      addRange: {
        title: 'Add a range',
        carrier: 'Carrier',
        start: 'First number',
        startHint: 'e.g. {{sample}}',
        count: 'Count',
        label: 'Note',
        submit: 'Add range'
      },
      addList: {
        title: 'Import a list',
        hint: 'A text file, one number per line (.txt / .csv)',
        choose: 'Choose a file and import',
        empty: 'The file holds no numbers'
      },
      added: '{{count}} numbers added',
      formatWarnings:
        '{{count}} numbers do not look like {{carrier}} numbers (e.g. {{sample}}); please check',
      pools: 'Pools',
      noPools: 'No pools yet. Add a range or import a list to start printing.',
      demo: 'Demo',
      demoHint:
        'Demo numbers (starting DEMO) are for trying the app on the preview printer: not real tracking numbers, never ship with them. Adding real numbers for this carrier voids the demo numbers left.'
    }
  }
}
