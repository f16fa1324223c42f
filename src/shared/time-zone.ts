/** The station's time zone when none is set: the platforms, couriers and buyers all read Beijing time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

/** An IANA zone this runtime knows (Asia/Shanghai, Asia/Urumqi, Europe/Berlin …). */
export function isValidTimeZone(zone: string): boolean {
  if (zone === '' || zone.length > 64) {
    return false
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>()

/**
 * `2026-11-24 00:05` (with `:ss` when asked) on the station's wall clock, whatever zone the
 * machine or the browser is in: a label, a list and an export show one and the same time.
 */
export function formatDateTime(
  epochMs: number,
  zone: string = DEFAULT_TIME_ZONE,
  seconds = false
): string {
  const key = `${zone}|${String(seconds)}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: isValidTimeZone(zone) ? zone : DEFAULT_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23'
    })
    formatters.set(key, format)
  }
  const parts = format.formatToParts(new Date(epochMs))
  const get = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((part) => part.type === type)?.value ?? ''
  const time = `${get('hour')}:${get('minute')}${seconds ? `:${get('second')}` : ''}`
  return `${get('year')}-${get('month')}-${get('day')} ${time}`
}
