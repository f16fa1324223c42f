import type { LabelData } from '../../src/main/core/printing/label-data'

/** A realistic label: long address, several items, a multi-package order. */
export function sampleLabel(overrides: Partial<LabelData> = {}): LabelData {
  return {
    carrier: { code: 'SF', name: '顺丰速运' },
    trackingNumber: 'SF1423567890123',
    orderNo: '2511230098765432',
    receiver: {
      name: '张三',
      phone: '13812341234',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 478 号华星时代广场 A 座 1205 室（前台代收）'
    },
    sender: {
      name: '喆喆小店',
      phone: '0571-88886666',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      detail: '科技园南区深南大道 9966 号威盛大厦 3 楼仓库'
    },
    items: [
      { title: '纯棉短袖T恤 白色 XL', sku: 'TS-WH-XL', quantity: 2 },
      { title: '运动袜 三双装', sku: 'SK-3P', quantity: 1 }
    ],
    packageIndex: 2,
    packageCount: 3,
    printedAt: Date.UTC(2026, 10, 23, 10, 27),
    remark: '易碎品，轻拿轻放',
    ...overrides
  }
}

/** Tracking numbers shaped like the main carriers' (letters + digits, and digits only). */
export const TRACKING_NUMBERS = [
  'SF1423567890123',
  '773123456789012',
  'YT7512345678901',
  'JDVA12345678901',
  '432156789012'
] as const
