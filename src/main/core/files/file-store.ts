import { randomBytes } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { IMPORT_LIMITS } from '../import/types'

/**
 * Files that cross the transport (an uploaded order sheet, a rejected-rows sheet to download):
 * kept under `<dataDir>/tmp/<fileId>/<sanitised name>`, one folder per file. A fileId is 32 random
 * hex digits and is the only handle the renderer ever gets: no path from outside reaches the disk.
 */
export const FILE_ID_PATTERN = /^[0-9a-f]{32}$/

/** Uploads above this are refused: the import's own limit (IMPORT_LIMITS.maxFileBytes). */
export const MAX_UPLOAD_BYTES = IMPORT_LIMITS.maxFileBytes

/** Files older than this are removed when the app starts. */
export const FILE_MAX_AGE_MS = 24 * 60 * 60 * 1000

export type StoredFile = {
  readonly fileId: string
  /** The sanitised file name (what a download suggests). */
  readonly name: string
  readonly path: string
  readonly size: number
}

export class FileTooLargeError extends Error {
  override readonly name = 'FileTooLargeError'
  constructor(readonly limit: number) {
    super(`The file is larger than ${String(limit)} bytes`)
  }
}

export type FileStore = {
  readonly dir: string
  readonly maxBytes: number
  /** Streams `source` to a new file; refuses (and removes the partial file) above `maxBytes`. */
  readonly put: (
    name: string,
    source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>
  ) => Promise<StoredFile>
  /** A new, empty slot for a file the core writes itself (an export); the file is at `path`. */
  readonly reserve: (name: string) => Promise<StoredFile>
  /** The stored file for an id, or null (bad id, unknown id, removed). */
  readonly get: (fileId: string) => Promise<StoredFile | null>
  readonly remove: (fileId: string) => Promise<void>
  /** Removes files older than `maxAgeMs` (all of them with 0); returns how many went. */
  readonly clean: (maxAgeMs?: number) => Promise<number>
}

/**
 * A file name safe on every OS: no folders, no control or reserved characters, no leading dots,
 * at most 120 characters; the extension is kept (the import looks at it).
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? ''
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  let name = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').trim()
  name = name.replace(/^\.+/, '').replace(/[. ]+$/, '')
  if (/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i.test(name)) {
    name = `_${name}`
  }
  if (name.length > 120) {
    const dot = name.lastIndexOf('.')
    const ext = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : ''
    name = name.slice(0, 120 - ext.length) + ext
  }
  return name === '' ? 'file' : name
}

export function createFileStore(dir: string, maxBytes: number = MAX_UPLOAD_BYTES): FileStore {
  const folderOf = (fileId: string) => join(dir, fileId)

  const reserve = async (name: string): Promise<StoredFile> => {
    const fileId = randomBytes(16).toString('hex')
    const safe = sanitizeFileName(name)
    await mkdir(folderOf(fileId), { recursive: true })
    return { fileId, name: safe, path: join(folderOf(fileId), safe), size: 0 }
  }

  const remove = async (fileId: string): Promise<void> => {
    if (FILE_ID_PATTERN.test(fileId)) {
      await rm(folderOf(fileId), { recursive: true, force: true })
    }
  }

  return {
    dir,
    maxBytes,
    reserve,
    remove,
    put: async (name, source) => {
      const slot = await reserve(name)
      let size = 0
      async function* limited(): AsyncGenerator<Uint8Array> {
        for await (const chunk of source) {
          size += chunk.byteLength
          if (size > maxBytes) {
            throw new FileTooLargeError(maxBytes)
          }
          yield chunk
        }
      }
      try {
        await pipeline(limited(), createWriteStream(slot.path, { flags: 'wx' }))
      } catch (error) {
        await remove(slot.fileId)
        throw error
      }
      return { ...slot, size }
    },
    get: async (fileId) => {
      if (!FILE_ID_PATTERN.test(fileId)) {
        return null
      }
      const names = await readdir(folderOf(fileId)).catch(() => [])
      const name = names[0]
      if (names.length !== 1 || name === undefined) {
        return null
      }
      const path = join(folderOf(fileId), name)
      const info = await stat(path).catch(() => null)
      return info?.isFile() ? { fileId, name, path, size: info.size } : null
    },
    clean: async (maxAgeMs = FILE_MAX_AGE_MS) => {
      const entries = await readdir(dir).catch(() => [])
      let removed = 0
      const now = Date.now()
      for (const entry of entries) {
        if (!FILE_ID_PATTERN.test(entry)) {
          continue
        }
        const info = await stat(folderOf(entry)).catch(() => null)
        if (info && now - info.mtimeMs >= maxAgeMs) {
          await remove(entry)
          removed++
        }
      }
      return removed
    }
  }
}
