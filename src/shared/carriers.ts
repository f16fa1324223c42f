/**
 * Carriers with their platform codes (reference/platforms.md §1.7, §2.4) and a soft tracking-number
 * format: formats drift, so a mismatch is a warning, never a refusal.
 */
export type Carrier = {
  /** Our code, the Taobao/Cainiao company_code where one is known. */
  readonly code: string
  readonly name: string
  readonly kuaishouExpressCode: number
  readonly taobaoCode: string | null
  readonly pattern: RegExp
  readonly sample: string
}

export const CARRIERS: readonly Carrier[] = [
  {
    code: 'ZTO',
    name: '中通快递',
    kuaishouExpressCode: 9,
    taobaoCode: 'ZTO',
    pattern: /^\d{12,14}$/,
    sample: '73610555582883'
  },
  {
    code: 'YTO',
    name: '圆通速递',
    kuaishouExpressCode: 6,
    taobaoCode: 'YTO',
    pattern: /^YT\d{13}$/,
    sample: 'YT8962646785389'
  },
  {
    code: 'STO',
    name: '申通快递',
    kuaishouExpressCode: 3,
    taobaoCode: 'STO',
    pattern: /^\d{12,15}$/,
    sample: '773277027280336'
  },
  {
    code: 'YUNDA',
    name: '韵达快递',
    kuaishouExpressCode: 11,
    taobaoCode: 'YUNDA',
    pattern: /^\d{13}$|^\d{15}$/,
    sample: '463431409940372'
  },
  {
    code: 'SF',
    name: '顺丰速运',
    kuaishouExpressCode: 4,
    taobaoCode: 'SF',
    pattern: /^SF[A-Z0-9]\d{12}$/,
    sample: 'SF1385628716739'
  },
  {
    code: 'JD',
    name: '京东快递',
    kuaishouExpressCode: 14,
    taobaoCode: 'JD',
    pattern: /^JD[A-Z0-9]{2}\d{11}$/,
    sample: 'JDX024407261700'
  },
  {
    code: 'EMS',
    name: 'EMS',
    kuaishouExpressCode: 2,
    taobaoCode: 'EMS',
    pattern: /^[981]\d{12}$|^[A-Z]{2}\d{9}[A-Z]{2}$/,
    sample: '1207119765021'
  },
  {
    code: 'JT',
    name: '极兔速递',
    kuaishouExpressCode: 109,
    taobaoCode: null,
    pattern: /^JT\d{12,13}$/,
    sample: 'JT5261988016578'
  },
  {
    code: 'POSTB',
    name: '邮政快递包裹',
    kuaishouExpressCode: 8,
    taobaoCode: 'POSTB',
    pattern: /^\d{13}$/,
    sample: '9876543210123'
  }
]

export const CARRIER_CODES = CARRIERS.map((c) => c.code) as readonly string[]

export function findCarrier(code: string): Carrier | undefined {
  return CARRIERS.find((c) => c.code === code)
}

/** True when the number looks like the carrier's; unknown carriers pass. */
export function trackingNumberLooksRight(carrierCode: string, trackingNumber: string): boolean {
  const carrier = findCarrier(carrierCode)
  return carrier === undefined || carrier.pattern.test(trackingNumber)
}
