import type { ReadableDB } from './connection'

export function shopExists(db: ReadableDB, shopId: number): boolean {
  return (
    db.prepare<[number], { id: number }>('SELECT id FROM shops WHERE id = ?').get(shopId) !==
    undefined
  )
}

/** The shops, for the list's shop filter. */
export function listShops(
  db: ReadableDB
): { id: number; name: string; platform: 'kuaishou' | 'taobao' | 'manual' }[] {
  return db
    .prepare<[], { id: number; name: string; platform: 'kuaishou' | 'taobao' | 'manual' }>(
      'SELECT id, name, platform FROM shops ORDER BY id'
    )
    .all()
}
