import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  demo: {
    tag: '示例',
    load: '载入示例订单',
    offerTitle: '还没有订单？先用示例订单试一试',
    offerBody:
      '载入「示例店铺」的 36 个示例订单，在「打单」里用演示单号池打到预览打印机，一分钟内看到第一张面单。示例订单不会进入真实店铺的导出，随时可以移除。',
    loaded: '已载入 {{count}} 个示例订单（示例店铺）',
    loadedBanner:
      '正在使用示例数据：示例店铺的 {{count}} 个示例订单。导出已打印时不含示例订单（只有示例数据时除外）。',
    remove: '移除示例订单',
    removeTitle: '移除示例店铺和全部示例订单？',
    removeBody:
      '将删除示例店铺的 {{count}} 个订单，以及它们的包裹和打印记录。真实店铺的订单不受影响。',
    removeOk: '移除',
    removed: '已移除 {{count}} 个示例订单'
  },
  previewLabels: {
    savedIn: '预览打印机打出的面单保存在',
    openFolder: '打开文件夹',
    showLatest: '查看最新面单',
    none: '还没有打印过面单',
    download: '下载',
    noFolder: '没有打印到预览文件夹的打印机',
    title: '预览面单'
  }
}

export const demoBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    demo: {
      tag: 'Demo',
      load: 'Load demo orders',
      offerTitle: 'No orders yet? Try it with demo orders first',
      offerBody:
        'Loads 36 demo orders of a “Demo shop” (示例店铺). Print one in Print with the demo number pool on the preview printer and see your first label within a minute. Demo orders never go into real shops’ exports and can be removed at any time.',
      loaded: 'Loaded {{count}} demo orders (Demo shop)',
      loadedBanner:
        'Using demo data: {{count}} demo orders of the Demo shop. Exports of printed orders leave them out (unless demo is all there is).',
      remove: 'Remove demo orders',
      removeTitle: 'Remove the Demo shop and all demo orders?',
      removeBody:
        'Deletes the Demo shop’s {{count}} orders with their packages and print records. Real shops’ orders are not touched.',
      removeOk: 'Remove',
      removed: 'Removed {{count}} demo orders'
    },
    previewLabels: {
      savedIn: 'The preview printer saves its labels in',
      openFolder: 'Open folder',
      showLatest: 'Show latest labels',
      none: 'No label printed yet',
      download: 'Download',
      noFolder: 'No printer prints to a preview folder',
      title: 'Preview labels'
    }
  }
}
