import { readFileSync } from 'node:fs'

/**
 * This process's peak resident memory in MB. On Linux it is VmHWM from /proc/self/status: the
 * high-water mark of this process's own address space. `process.resourceUsage().maxRSS` is not:
 * it keeps the peak from before exec, and a child forked from a large bench process starts with
 * the parent's RSS (a 100k export measured 434 MB that way after the 1M-order bench, 297 MB alone).
 */
export function peakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8')
    const kb = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status)?.[1]
    if (kb !== undefined) {
      return Number(kb) / 1024
    }
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS / 1024
}
