import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/**
 * One printing station per data folder. Print queues live in memory, so only the process that
 * owns them may decide that a label left `queued` by an earlier run will never print. The app,
 * browser mode and the CLI take this lock before printing; a process that finds it held by a
 * live process neither prints nor recovers, and one that finds it stale (its owner died) takes
 * it over and recovers.
 */
export type StationLock = {
  readonly held: boolean
  readonly ownerPid: number | null
  readonly release: () => void
}

const LOCK_FILE = 'printing.lock'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(file: string): { pid: number; host: string } | null {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { pid?: unknown; host?: unknown }
    return typeof value.pid === 'number' && typeof value.host === 'string'
      ? { pid: value.pid, host: value.host }
      : null
  } catch {
    return null
  }
}

export function acquireStationLock(dataDir: string): StationLock {
  const file = join(dataDir, LOCK_FILE)
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), at: Date.now() }))
      closeSync(fd)
      return {
        held: true,
        ownerPid: process.pid,
        release: () => {
          if (readOwner(file)?.pid === process.pid) {
            unlinkSync(file)
          }
        }
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw error
      }
      const owner = readOwner(file)
      if (owner && owner.pid === process.pid) {
        return { held: true, ownerPid: process.pid, release: () => undefined }
      }
      // Another machine on a shared folder, or a live process here: leave it alone.
      if (owner && (owner.host !== hostname() || alive(owner.pid))) {
        return { held: false, ownerPid: owner.pid, release: () => undefined }
      }
      try {
        unlinkSync(file)
      } catch {
        // Someone else removed the stale lock first; the next attempt settles who owns it.
      }
    }
  }
  return { held: false, ownerPid: readOwner(file)?.pid ?? null, release: () => undefined }
}
