import { migration0010 } from './0010-initial-schema'
import { migration0020 } from './0020-order-list-indexes'
import { migration0030 } from './0030-printer-native-mode'
import { migration0040 } from './0040-platform-district'
import { migration0050 } from './0050-printer-status-mode'

export type Migration = { readonly version: number; readonly name: string; readonly sql: string }

/**
 * Every migration the app knows, oldest first. Versions step by 10 so a hotfix can slot in.
 * Shipped migrations are immutable: test/unit/db/migrations.test.ts pins each one's hash,
 * and the runner refuses a database whose applied migration text differs from ours.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration0010,
  migration0020,
  migration0030,
  migration0040,
  migration0050
]
