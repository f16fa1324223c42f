import { findCarrier } from '../../../shared/carriers'
import type { PackageLabelRow } from '../db/label-data-repo'
import type { LabelData, LabelParty } from '../printing'

/** The tracking number of sample labels (test prints, previews): ZTO's format, never allocated. */
export const SAMPLE_TRACKING_NUMBER = '73610555582883'

const SAMPLE_SENDER: LabelParty = {
  name: '好物优选旗舰店',
  phone: '0571-88886666',
  province: '浙江省',
  city: '杭州市',
  district: '余杭区',
  detail: '仓前街道梦想小镇 3 号仓'
}

/** A realistic waybill for previews and test prints: masked buyer, two items, package 1 / N. */
export function sampleLabelData(options: {
  trackingNumber?: string
  packageCount?: number
  now: number
  sender?: LabelParty | null
}): LabelData {
  const count = options.packageCount ?? 2
  return {
    carrier: { code: 'ZTO', name: '中通快递' },
    trackingNumber: options.trackingNumber ?? SAMPLE_TRACKING_NUMBER,
    orderNo: 'KS2026112300001',
    receiver: {
      name: '张三',
      phone: '13812341234',
      province: '广东省',
      city: '深圳市',
      district: '南山区',
      detail: '科技园南区粤海街道高新南七道 18 号 A 座 1205'
    },
    sender: options.sender ?? SAMPLE_SENDER,
    items: [
      { title: '纯棉短袖T恤 白色 XL', sku: 'TS-WH-XL', quantity: 2 },
      { title: '运动袜 三双装', sku: 'SK-1', quantity: 1 }
    ],
    packageIndex: 1,
    packageCount: count,
    printedAt: options.now,
    remark: '易碎，轻放',
    routeCode: '755-W12 03'
  }
}

/**
 * A test print says so on the label, so it is never mistaken for a real waybill; it belongs to
 * no order (test-print.ts) and carries a sample number no pool issued.
 */
export function testLabelData(trackingNumber: string, now: number): LabelData {
  return {
    ...sampleLabelData({ trackingNumber, packageCount: 1, now }),
    carrier: { code: 'TEST', name: '打印测试' },
    orderNo: '打印测试（非订单）',
    remark: '测试页，不发货'
  }
}

/** The sender block when the station has no return address set (Settings → 寄件人): the shop's name. */
export function shopSender(shopName: string): LabelParty {
  return { name: shopName, phone: '', province: '', city: '', district: '', detail: '' }
}

/** A package's label data; `trackingNumber` overrides the package's (previews without allocating). */
export function packageLabelData(
  row: PackageLabelRow,
  /** `sender` null or absent: the shop's name (no return address set). */
  options: { trackingNumber: string; now: number; sender?: LabelParty | null }
): LabelData {
  const carrierCode = row.carrier ?? ''
  return {
    carrier: { code: carrierCode, name: findCarrier(carrierCode)?.name ?? carrierCode },
    trackingNumber: options.trackingNumber,
    orderNo: row.platformOrderId,
    receiver: row.receiver,
    sender: options.sender ?? shopSender(row.shopName),
    items: row.items,
    packageIndex: row.sequence,
    packageCount: Math.max(row.packageCount, row.sequence),
    printedAt: options.now,
    ...(row.remark ? { remark: row.remark } : {})
  }
}
