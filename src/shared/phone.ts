/** Mainland mobile: 11 digits starting 13–19. */
const MOBILE = /^1[3-9]\d{9}$/
/** Landline with area code: 0 + 2–3 digit area code, 7–8 digit number, optional extension. */
const LANDLINE = /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/

export function isValidPhone(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone)
}

/** 13812341234 → 138****1234; landlines keep area code and last 4. Used in logs and on labels. */
export function maskPhone(phone: string): string {
  if (MOBILE.test(phone)) {
    return `${phone.slice(0, 3)}****${phone.slice(7)}`
  }
  if (phone.length <= 4) {
    return '****'
  }
  return `${phone.slice(0, Math.min(4, phone.length - 4))}****${phone.slice(-4)}`
}

/** 张三 → 张*, 欧阳娜娜 → 欧***; Latin names keep the first letter. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length === 0) {
    return ''
  }
  return (chars[0] ?? '') + '*'.repeat(Math.max(1, chars.length - 1))
}
