import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  skus: {
    intro:
      '每个 SKU 的重量、尺寸、发货仓和温层。订单表格没写这些时，导入订单会从这里补上（拆单按它们分包）。',
    search: '搜索 SKU 或商品名称（前缀）',
    total: '共 {{count}} 个 SKU',
    empty: '商品库是空的：导入一个商品表格',
    import: '导入',
    columns: {
      sku: 'SKU',
      title: '商品名称',
      weight: '重量 (克)',
      size: '长×宽×高 (mm)',
      warehouse: '发货仓',
      zone: '温层',
      actions: '操作'
    },
    zone: { ambient: '常温', chilled: '冷藏', frozen: '冷冻', none: '—' },
    edit: '编辑',
    save: '保存',
    cancel: '取消',
    delete: '删除',
    deleteConfirm: '从商品库删除 {{sku}}？已导入的订单不受影响。',
    saved: '已保存 {{sku}}',
    deleted: '已删除 {{sku}}',
    fields: {
      sku: 'SKU（商家编码）',
      title: '商品名称',
      weight: '重量',
      length: '长',
      width: '宽',
      height: '高',
      warehouse: '发货仓',
      temperatureZone: '温层'
    },
    wizard: {
      title: '导入商品',
      steps: { file: '选择文件', mapping: '对应列', preview: '检查', done: '完成' },
      file: '点击或拖入商品表格（xlsx 或 csv）',
      fileHint:
        '列：SKU/商家编码、商品名称、重量(克 或 kg)、长/宽/高(mm 或 cm)、发货仓、温层（常温/冷藏/冷冻）。同一 SKU 再次导入会覆盖原来的数据。',
      uploading: '正在上传 {{name}}…',
      headerRow: '表头在第 {{row}} 行',
      noColumn: '（不导入）',
      needSku: '请选择 SKU 列',
      check: '检查',
      accepted: '可导入',
      rejected: '未通过',
      rows: '读取 {{rows}} 行，用时 {{seconds}} 秒',
      rejectedTitle: '未通过的行（不会导入）',
      rejectedMore: '显示前 {{shown}} 行，共 {{total}} 行；下载表格查看全部',
      row: '行',
      column: '列',
      reason: '原因',
      download: '下载未通过的行 (xlsx)',
      downloadCsv: 'csv',
      commit: '导入 {{count}} 个 SKU',
      back: '上一步',
      done: '已导入 {{imported}} 个 SKU（新增 {{created}}，更新 {{updated}}）',
      doneRejected: '{{count}} 行未导入，可下载修改后重新导入',
      close: '完成'
    }
  }
}

const enUS: typeof zhCN = {
  skus: {
    intro:
      'Weight, size, warehouse and temperature zone per SKU. When an order sheet leaves these out, order import fills them from here (the split plan packs by them).',
    search: 'Search SKU or title (prefix)',
    total: '{{count}} SKUs',
    empty: 'The catalogue is empty: import a SKU sheet',
    import: 'Import',
    columns: {
      sku: 'SKU',
      title: 'Title',
      weight: 'Weight (g)',
      size: 'L×W×H (mm)',
      warehouse: 'Warehouse',
      zone: 'Zone',
      actions: 'Actions'
    },
    zone: { ambient: 'Ambient', chilled: 'Chilled', frozen: 'Frozen', none: '—' },
    edit: 'Edit',
    save: 'Save',
    cancel: 'Cancel',
    delete: 'Delete',
    deleteConfirm: 'Delete {{sku}} from the catalogue? Orders already imported keep their facts.',
    saved: '{{sku}} saved',
    deleted: '{{sku}} deleted',
    fields: {
      sku: 'SKU',
      title: 'Title',
      weight: 'Weight',
      length: 'Length',
      width: 'Width',
      height: 'Height',
      warehouse: 'Warehouse',
      temperatureZone: 'Temperature zone'
    },
    wizard: {
      title: 'Import SKUs',
      steps: { file: 'File', mapping: 'Columns', preview: 'Check', done: 'Done' },
      file: 'Click or drop a SKU sheet (xlsx or csv)',
      fileHint:
        'Columns: SKU, title, weight (g or kg), length/width/height (mm or cm), warehouse, temperature zone (ambient/chilled/frozen). Importing a SKU again replaces its facts.',
      uploading: 'Uploading {{name}}…',
      headerRow: 'Header on row {{row}}',
      noColumn: '(not imported)',
      needSku: 'Choose the SKU column',
      check: 'Check',
      accepted: 'To import',
      rejected: 'Rejected',
      rows: '{{rows}} rows read in {{seconds}} s',
      rejectedTitle: 'Rejected rows (not imported)',
      rejectedMore: 'First {{shown}} of {{total}} shown; download the sheet for all',
      row: 'Row',
      column: 'Column',
      reason: 'Reason',
      download: 'Download rejected rows (xlsx)',
      downloadCsv: 'csv',
      commit: 'Import {{count}} SKUs',
      back: 'Back',
      done: '{{imported}} SKUs imported ({{created}} new, {{updated}} updated)',
      doneRejected: '{{count}} rows not imported; download, fix and import them again',
      close: 'Done'
    }
  }
}

export const skusBundle: Bundle<typeof zhCN> = { zhCN, enUS }
