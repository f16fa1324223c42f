import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  station: {
    timeZone: '时区',
    timeZoneHelp:
      '面单上的打印时间、列表和导出表格里的时间都按这个时区显示（默认北京时间 Asia/Shanghai），与这台电脑或浏览器的时区无关。',
    saved: '时区已保存：{{zone}}',
    failed: '保存失败：{{message}}',
    now: '现在是 {{time}}'
  }
}

export const stationBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    station: {
      timeZone: 'Time zone',
      timeZoneHelp:
        'The print time on labels and every time in lists and exported sheets are shown in this zone (default Beijing time, Asia/Shanghai), whatever zone this computer or browser is in.',
      saved: 'Time zone saved: {{zone}}',
      failed: 'Could not save: {{message}}',
      now: 'It is {{time}} there now'
    }
  }
}
