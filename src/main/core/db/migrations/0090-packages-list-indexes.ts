// Shipped migration: never edit. A change needs a new migration (see index.ts).
//
// The 包裹与追加 list (issue 11 item 7) at 1M orders: the orders it lists (those with a split or
// an appended package) are few, so a partial index holding only those packages is the list's
// spine. Walked newest order first, it reaches a page of such orders in a page of index entries;
// it carries the list's filter columns, so a list of split or appended packages (filtered by
// carrier, sync state, date) is counted and paged from this index alone, never the table.
export const migration0090 = {
  version: 90,
  name: 'packages-list-indexes',
  sql: `
CREATE INDEX packages_extra ON packages (order_id, sequence, role, carrier, sync_state, created_at)
WHERE role != 'first';
-- An order's packages with the same filter columns: a carrier, sync state or date filter tests the
-- first packages of the listed orders from this index instead of one table read each (seconds at
-- 1M orders on a cold cache). One more index entry per package written, once per print.
CREATE INDEX packages_list ON packages (order_id, sequence, role, carrier, sync_state, created_at);
`
} as const
