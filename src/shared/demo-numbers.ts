/** The demo pool's numbers start with this (DEMO0000000001 …): no carrier issues such a number. */
export const DEMO_NUMBER_PREFIX = 'DEMO'

/** A number from the demo pool (演示单号池): marked 演示 on its label, refused at ship. */
export function isDemoTrackingNumber(trackingNumber: string): boolean {
  return trackingNumber.startsWith(DEMO_NUMBER_PREFIX)
}
