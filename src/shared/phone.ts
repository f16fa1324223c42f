/** Mainland mobile: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/
/** Landline with area code: 0 + 2–3 digit area code, 7–8 digit number, optional extension. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/

export function isValidPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone)
}

/**
 * 13812341234 → 138****1234; landlines keep their area code and last 4 (0571****6666); anything
 * shorter keeps only its first and last character, and four or fewer show nothing. Used in logs, lists and on labels.
 */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim())
  const n = chars.length
  if (MOBILE.test(phone)) {
    return `${phone.slice(0, 3)}****${phone.slice(7)}`
  }
  if (n >= 8) {
    return `${chars.slice(0, Math.min(4, n - 4)).join('')}****${chars.slice(n - 4).join('')}`
  }
  if (n >= 5) {
    return `${chars[0] ?? ''}${'*'.repeat(n - 2)}${chars[n - 1] ?? ''}`
  }
  return '****'
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; Latin names keep the first letter. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) {
    return ''
  }
  return (chars[0] ?? '') + '*'.repeat(Math.max(1, chars.length - 1))
}
