import type { Bundle } from '../../i18n/bundles'

const zhCN = {
  settings: {
    tabs: {
      printers: '打印机',
      carriers: '快递公司',
      skus: '商品',
      shopRules: '店铺规则',
      sender: '寄件人',
      station: '工作台'
    },
    printers: {
      title: '打印机',
      add: '添加打印机',
      edit: '编辑打印机',
      editShort: '编辑',
      empty: '还没有打印机',
      columns: {
        status: '状态',
        name: '名称',
        address: '地址',
        spec: '指令 / 分辨率 / 尺寸',
        default: '默认',
        actions: '操作'
      },
      defaultTag: '默认',
      setDefault: '设为默认',
      setDefaultDone: '{{name}} 已设为默认打印机',
      test: '测试打印',
      testOk: '测试页已打印（{{tracking}}）',
      testSent: '测试页已发送到打印机（{{tracking}}），请查看是否出纸',
      testSentMute:
        '测试页已发送（{{tracking}}）。这台打印机不回报状态，缺纸、开盖不会提示：请看是否出纸，打印后用扫描回查核对。',
      cannotReport: '不能报告缺纸',
      cannotReportMute:
        '这台打印机从不回答状态查询（常见于打印服务器、网络适配器、USB 转接器）：面单发出即算已发送，缺纸、开盖不会提示，请用扫描回查核对每个包裹。',
      cannotReportOff:
        '已关闭状态查询：面单发出即算已发送，缺纸、开盖不会提示，请用扫描回查核对每个包裹。',
      testFailed: '测试打印失败：{{reason}}',
      remove: '删除',
      removeConfirm: '删除打印机“{{name}}”？',
      removed: '已删除 {{name}}',
      saved: '已保存 {{name}}',
      previewFolder: '预览文件夹：{{dir}}',
      status: {
        ready: '就绪',
        offline: '离线',
        paper_out: '缺纸',
        cover_open: '开盖',
        head_hot: '打印头过热',
        not_a_printer: '不是标签打印机',
        unknown: '未知',
        checking: '检测中',
        busy: '打印中',
        paused: '已暂停'
      },
      languages: {
        escpos: 'ESC/POS',
        tspl: 'TSPL',
        zpl: 'ZPL',
        png: 'PNG 预览'
      },
      form: {
        name: '名称',
        namePlaceholder: '如：打包台1号',
        uri: '连接地址',
        uriHelp:
          '网口：192.168.1.250（即 tcp://192.168.1.250:9100，可写 IP:端口）　系统打印队列：lp://队列名　USB：file:///dev/usb/lp0　预览：preview:labels',
        uriExamples: '示例',
        language: '打印指令',
        dpi: '分辨率',
        labelSize: '面单尺寸',
        darkness: '打印浓度（0-15）',
        offsetX: '水平偏移（点）',
        offsetY: '垂直偏移（点）',
        offsetHelp: '正数向右/向下，203 dpi 下 8 点 = 1 毫米',
        nativeMode: '条码发送方式',
        nativeModeHelp:
          '打印机指令：一维码和二维码用打印机自带的 BARCODE/QRCODE（^BC/^BQ）指令打印，位置和尺寸与预览一致，数据量更小；文字仍按图片发送。',
        statusMode: '状态查询',
        statusModeHelp:
          '自动：打印前后询问打印机是否缺纸、开盖；从没回答过的打印机（单向的打印服务器、网络适配器、USB 转接器）第一次超时后不再询问，照常打印。回答过又不回答的，按故障停下。关闭：从不询问，面单发出即算已发送。',
        save: '保存',
        cancel: '取消'
      },
      nativeModes: {
        off: '整张图片',
        barcodes: '打印机指令'
      },
      statusModes: {
        auto: '自动',
        off: '关闭'
      },
      sizes: {
        '76x130': '76×130 一联',
        '100x150': '100×150 一联',
        '100x180': '100×180 二联'
      }
    },
    preview: {
      title: '面单预览',
      template: '模板',
      dpi: '分辨率',
      mask: '隐私面单（隐藏收件人姓名和手机号）',
      alt: '{{template}} 面单预览（{{dpi}} dpi）',
      size: '{{width}} × {{height}} 点',
      failed: '预览失败：{{message}}'
    },
    pending: {
      title: '{{count}} 张面单需要确认是否已打印',
      description:
        '程序上次退出时这些面单正在发送，请查看打印机是否已出纸。未打印的可以重新打印（运单号不变）。',
      order: '订单 {{order}}',
      printer: '打印机 {{printer}}',
      printed: '已打印',
      notPrinted: '未打印',
      done: '已确认 {{tracking}}'
    },
    validation: {
      uri_invalid:
        '地址格式不对，请用 tcp://IP:9100、lp://队列名、file:///dev/usb/lp0 或 preview:labels',
      uri_port: '端口应为 1-65535',
      uri_device: 'file:// 只能指向 /dev/ 下的打印设备',
      uri_preview_dir: '预览文件夹应为 preview:labels 这样的名称，或 preview:/// 开头的绝对路径',
      language_preview_png: '预览打印机只能使用 PNG 预览',
      language_png_preview: 'PNG 预览只用于 preview: 地址',
      printer_name_taken: '已有同名打印机',
      darkness_range: '浓度为 0-15',
      offset_range: '偏移在 -400 到 400 点之间',
      dpi_invalid: '请选择 203 或 300 dpi'
    }
  }
}

export const settingsBundle: Bundle<typeof zhCN> = {
  zhCN,
  enUS: {
    settings: {
      tabs: {
        printers: 'Printers',
        carriers: 'Carriers',
        skus: 'SKUs',
        shopRules: 'Shop rules',
        sender: 'Sender',
        station: 'Station'
      },
      printers: {
        title: 'Printers',
        add: 'Add printer',
        edit: 'Edit printer',
        editShort: 'Edit',
        empty: 'No printers yet',
        columns: {
          status: 'Status',
          name: 'Name',
          address: 'Address',
          spec: 'Language / dpi / size',
          default: 'Default',
          actions: 'Actions'
        },
        defaultTag: 'Default',
        setDefault: 'Set default',
        setDefaultDone: '{{name}} is now the default printer',
        test: 'Test print',
        testOk: 'Test label printed ({{tracking}})',
        testSent: 'Test label sent to the printer ({{tracking}}); check that it came out',
        testSentMute:
          'Test label sent ({{tracking}}). This printer does not report its status, so paper out or an open cover go unnoticed: check that it came out, and check parcels by scanning them back.',
        cannotReport: 'Cannot report paper out',
        cannotReportMute:
          'This printer never answers status queries (usual behind a print server, network adapter or USB bridge): a label counts as sent once it left, paper out and open covers go unnoticed; check each parcel by scanning it back.',
        cannotReportOff:
          'Status queries are off: a label counts as sent once it left, paper out and open covers go unnoticed; check each parcel by scanning it back.',
        testFailed: 'Test print failed: {{reason}}',
        remove: 'Remove',
        removeConfirm: 'Remove printer "{{name}}"?',
        removed: '{{name}} removed',
        saved: '{{name}} saved',
        previewFolder: 'Preview folder: {{dir}}',
        status: {
          ready: 'Ready',
          offline: 'Offline',
          paper_out: 'Paper out',
          cover_open: 'Cover open',
          head_hot: 'Head too hot',
          not_a_printer: 'Not a label printer',
          unknown: 'Unknown',
          checking: 'Checking',
          busy: 'Printing',
          paused: 'Paused'
        },
        languages: {
          escpos: 'ESC/POS',
          tspl: 'TSPL',
          zpl: 'ZPL',
          png: 'PNG preview'
        },
        form: {
          name: 'Name',
          namePlaceholder: 'e.g. Bench 1',
          uri: 'Address',
          uriHelp:
            'Network: 192.168.1.250 (means tcp://192.168.1.250:9100; IP:port works too)  OS queue: lp://QUEUE  USB: file:///dev/usb/lp0  Preview: preview:labels',
          uriExamples: 'Examples',
          language: 'Printer language',
          dpi: 'Resolution',
          labelSize: 'Label size',
          darkness: 'Darkness (0-15)',
          offsetX: 'Horizontal offset (dots)',
          offsetY: 'Vertical offset (dots)',
          offsetHelp: 'Positive moves right/down; at 203 dpi 8 dots = 1 mm',
          nativeMode: 'Barcodes sent as',
          nativeModeHelp:
            "Printer commands: the Code128 and QR are printed by the printer's own BARCODE/QRCODE (^BC/^BQ) at the preview's place and size, in fewer bytes; text is still sent as an image.",
          statusMode: 'Status queries',
          statusModeHelp:
            'Auto: ask the printer before and after labels whether it is out of paper or open; a printer that never answered (a one-way print server, network adapter or USB bridge) is no longer asked after its first timeout and printing goes on. One that answered and then stops answering is a fault and stops printing. Off: never ask; a label counts as sent once it left.',
          save: 'Save',
          cancel: 'Cancel'
        },
        nativeModes: {
          off: 'Whole image',
          barcodes: 'Printer commands'
        },
        statusModes: {
          auto: 'Auto',
          off: 'Off'
        },
        sizes: {
          '76x130': '76×130 single',
          '100x150': '100×150 single',
          '100x180': '100×180 two-part'
        }
      },
      preview: {
        title: 'Label preview',
        template: 'Template',
        dpi: 'Resolution',
        mask: 'Privacy waybill (mask receiver name and phone)',
        alt: '{{template}} label preview ({{dpi}} dpi)',
        size: '{{width}} × {{height}} dots',
        failed: 'Preview failed: {{message}}'
      },
      pending: {
        title: '{{count}} label(s) need confirming',
        description:
          'These labels were being sent when the app stopped. Check whether they came out of the printer. Labels not printed can be printed again (same tracking number).',
        order: 'Order {{order}}',
        printer: 'Printer {{printer}}',
        printed: 'Printed',
        notPrinted: 'Not printed',
        done: 'Confirmed {{tracking}}'
      },
      validation: {
        uri_invalid:
          'Not a printer address; use tcp://IP:9100, lp://QUEUE, file:///dev/usb/lp0 or preview:labels',
        uri_port: 'The port must be 1-65535',
        uri_device: 'file:// may only point at a printer device under /dev/',
        uri_preview_dir:
          'A preview folder is a name like preview:labels or an absolute preview:/// path',
        language_preview_png: 'The preview printer speaks PNG preview only',
        language_png_preview: 'PNG preview is only for preview: addresses',
        printer_name_taken: 'A printer with this name exists',
        darkness_range: 'Darkness is 0-15',
        offset_range: 'Offsets are -400 to 400 dots',
        dpi_invalid: 'Choose 203 or 300 dpi'
      }
    }
  }
}
