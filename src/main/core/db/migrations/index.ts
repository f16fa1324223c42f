import { migration0010 } from './0010-initial-schema'
import { migration0020 } from './0020-order-list-indexes'
import { migration0030 } from './0030-printer-native-mode'
import { migration0040 } from './0040-platform-district'
import { migration0050 } from './0050-printer-status-mode'
import { migration0060 } from './0060-platform-limits'
import { migration0100 } from './0100-ship-by'
import { migration0110 } from './0110-append-batches'
import { migration0070 } from './0070-sku-catalogue'
import { migration0080 } from './0080-carrier-limits'
import { migration0090 } from './0090-packages-list-indexes'

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
  migration0050,
  migration0060,
  migration0070,
  migration0080,
  migration0090,
  migration0100,
  migration0110
]
