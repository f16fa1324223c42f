import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../../shared/time-zone'
import type { ReadableDB } from './db/connection'
import { getSetting } from './db/settings-repo'

/** Settings key of the station's time zone (the UI's 设置 → 工作台). */
export const TIME_ZONE_SETTING = 'station.timeZone'

/** The zone labels, lists and exports tell time in; Asia/Shanghai until the station sets another. */
export function stationTimeZone(db: ReadableDB): string {
  const zone = getSetting(db, TIME_ZONE_SETTING)
  return zone !== null && isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE
}
