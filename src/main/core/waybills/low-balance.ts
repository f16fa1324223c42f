/** The share of its pools' size below which a carrier's numbers run low. */
export const LOW_BALANCE_SHARE = 0.1

/**
 * Whether a carrier's numbers run low. The threshold is the smaller of the packer's absolute
 * setting (`pools.lowBalance`) and {@link LOW_BALANCE_SHARE} of the size of the carrier's pools
 * that still hold numbers. The smaller, because the absolute figure is sized for a station's
 * usual pools: a shop that bought a pool of 100 numbers would see "low" from the first label on
 * under a setting of 200, and a warning that is always on is one nobody reads; a large pool
 * still warns at the absolute figure, which is what a day's printing needs. Only pools with
 * numbers left count, so the exhausted pools of past months do not make a fresh pool look low.
 * A carrier with no numbers at all is low whenever the warning is on (a setting above 0).
 */
export function isLowBalance(available: number, activePoolSize: number, setting: number): boolean {
  if (setting <= 0) {
    return false
  }
  if (available === 0) {
    return true
  }
  const relative = Math.ceil(activePoolSize * LOW_BALANCE_SHARE)
  return available < Math.min(setting, relative)
}
