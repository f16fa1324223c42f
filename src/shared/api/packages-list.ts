import { z } from 'zod'
import type { MethodSpec } from './common'

/**
 * The 包裹与追加 list (issue 11 item 7): every package of the orders that have more than their
 * first package (split or appended), one row per package, newest order first and an order's
 * packages in sequence.
 */
export const PACKAGE_ROLES = ['first', 'split', 'appended'] as const
export const PACKAGE_SYNC_STATES = ['none', 'pending', 'synced', 'failed'] as const

/** A row's place in the list: (order id, sequence), the list's order and its keyset cursor. */
export const PackageCursor = z
  .object({ orderId: z.number().int().positive(), sequence: z.number().int().positive() })
  .strict()
export type PackageCursor = z.infer<typeof PackageCursor>

export const PackageListQuery = z
  .object({
    /** An order id (its start) or a tracking number (its start or its end), like the Orders page. */
    query: z.string().trim().max(64, 'too_long').default(''),
    carrier: z.string().trim().min(1).max(32).optional(),
    role: z.enum(PACKAGE_ROLES).optional(),
    syncState: z.enum(PACKAGE_SYNC_STATES).optional(),
    /** The package was added (appended, split) at or after / before these (ms). */
    addedFrom: z.number().int().min(0).optional(),
    addedTo: z.number().int().min(0).optional(),
    /** Rows to skip: from the start, or from the cursor when one is given. */
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /** The rows after this one (the last row of the page before): one index seek at any depth. */
    after: PackageCursor.optional(),
    /** False skips counting (later pages of a list whose total is known); total is then -1. */
    count: z.boolean().default(true)
  })
  .strict()
export type PackageListQuery = z.input<typeof PackageListQuery>
export type PackageListQueryParsed = z.output<typeof PackageListQuery>

export const PackageListRow = z.object({
  packageId: z.number().int(),
  orderId: z.number().int(),
  platformOrderId: z.string(),
  shopId: z.number().int(),
  sequence: z.number().int(),
  /** How many packages the order has: the n of "包裹 2/n". */
  packageCount: z.number().int(),
  role: z.enum(PACKAGE_ROLES),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  /** What the package carries ("title×qty；…"); an appended package carries no listed items. */
  items: z.string(),
  printState: z.string(),
  shipState: z.string(),
  syncState: z.string(),
  printedAt: z.number().int().nullable(),
  shippedAt: z.number().int().nullable(),
  /** When the package was added: for an appended one, its appended-at time. */
  createdAt: z.number().int()
})
export type PackageListRow = z.infer<typeof PackageListRow>

export const PackageListPage = z.object({
  /** -1 when the query asked not to count. */
  total: z.number().int(),
  /** True when `total` counts only up to a cap. */
  totalCapped: z.boolean(),
  rows: z.array(PackageListRow),
  /** The last row's cursor (null for an empty page), for the next page. */
  last: PackageCursor.nullable()
})
export type PackageListPage = z.infer<typeof PackageListPage>

export const packagesListApi = {
  'packages.list': { input: PackageListQuery, output: PackageListPage }
} as const satisfies Record<string, MethodSpec>
