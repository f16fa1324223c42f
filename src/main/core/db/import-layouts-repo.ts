import { z } from 'zod'
import { IMPORT_FIELDS, type ColumnMapping } from '../import/types'
import type { ReadableDB, WritableDB } from './connection'
import { getSetting, setSetting } from './settings-repo'

/**
 * Column mappings saved per sheet layout (the hash of a header row), so the next import of the
 * same export needs no clicks. Stored in the settings table under `import.layout.<signature>`.
 */
const KEY_PREFIX = 'import.layout.'

const SavedLayout = z.object({
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string().max(200)),
  savedAt: z.number().int()
})

export type SavedLayout = { readonly mapping: ColumnMapping; readonly savedAt: number }

const SIGNATURE = /^[0-9a-f]{16}$/

export function saveImportLayout(
  db: WritableDB,
  signature: string,
  mapping: ColumnMapping,
  savedAt: number
): void {
  if (!SIGNATURE.test(signature)) {
    throw new Error(`Not a layout signature: ${signature}`)
  }
  setSetting(db, KEY_PREFIX + signature, JSON.stringify({ mapping, savedAt }))
}

/** The saved mapping of a layout, or null when there is none (or it no longer parses). */
export function loadImportLayout(db: ReadableDB, signature: string): SavedLayout | null {
  const raw = getSetting(db, KEY_PREFIX + signature)
  if (raw === null) {
    return null
  }
  try {
    const parsed = SavedLayout.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

export function deleteImportLayout(db: WritableDB, signature: string): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(KEY_PREFIX + signature)
}
