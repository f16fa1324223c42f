// Shipped migration: never edit. A change needs a new migration (see index.ts).
//
// The order list at scale (issue 3 §6): every single filter and every sort gets an index whose
// order is the list's order, so a filtered count reads only the matching index entries and a
// page (first, deep by OFFSET, or by key) walks at most a page of them. Each filter index ends
// in created_at (then the implicit rowid = id), the default sort; building all of them on
// 1M orders takes about 3 s, once.
export const migration0020 = {
  version: 20,
  name: 'order-list-indexes',
  sql: `
-- Paid time with created time standing in for orders that carry none (manual entry without a
-- paid time), so the paid sort has no NULLs and pages by (paid_sort, id) keys. VIRTUAL: nothing
-- is rewritten, only the index stores it.
ALTER TABLE orders ADD COLUMN paid_sort INTEGER GENERATED ALWAYS AS (coalesce(paid_at, created_at)) VIRTUAL;
CREATE INDEX orders_paid ON orders (paid_sort);

CREATE INDEX orders_status ON orders (status, created_at);
CREATE INDEX orders_shop ON orders (shop_id, created_at);
-- Region filter (province, or province + city) and the region sort in one index.
CREATE INDEX orders_region ON orders (province, city, created_at);
CREATE INDEX orders_exemption ON orders (exemption, created_at);
-- Refund requests are rare: a partial index holds only them (the list tests the same literal).
CREATE INDEX orders_refund_requested ON orders (created_at) WHERE refund_state = 'requested';

-- Carrier filter: orders having a package of a carrier, and their count, from the index alone.
CREATE INDEX packages_carrier_order ON packages (carrier, order_id);

-- "No tracking number yet" (the unshipped problem) as a column of the order, kept by triggers on
-- packages whichever code writes them, so the problem is an index range instead of a probe of
-- the packages of every pending order (~40 ms at 225k such orders).
ALTER TABLE orders ADD COLUMN has_tracking INTEGER NOT NULL DEFAULT 0 CHECK (has_tracking IN (0, 1));
UPDATE orders SET has_tracking = 1
WHERE id IN (SELECT order_id FROM packages WHERE tracking_number IS NOT NULL);
CREATE TRIGGER packages_has_tracking_insert AFTER INSERT ON packages
WHEN NEW.tracking_number IS NOT NULL
BEGIN
  UPDATE orders SET has_tracking = 1 WHERE id = NEW.order_id AND has_tracking = 0;
END;
CREATE TRIGGER packages_has_tracking_update AFTER UPDATE OF tracking_number, order_id ON packages
BEGIN
  UPDATE orders SET has_tracking = EXISTS (
    SELECT 1 FROM packages p WHERE p.order_id = orders.id AND p.tracking_number IS NOT NULL
  ) WHERE id IN (OLD.order_id, NEW.order_id);
END;
CREATE TRIGGER packages_has_tracking_delete AFTER DELETE ON packages
WHEN OLD.tracking_number IS NOT NULL
BEGIN
  UPDATE orders SET has_tracking = EXISTS (
    SELECT 1 FROM packages p WHERE p.order_id = orders.id AND p.tracking_number IS NOT NULL
  ) WHERE id = OLD.order_id;
END;
-- The list tests these same literals, so SQLite can use the partial index. The columns repeat
-- the WHERE so the planner sees three constrained columns and prefers this index to
-- orders_status, which would look up every pending row's has_tracking in the table.
CREATE INDEX orders_unshipped ON orders (status, has_tracking, created_at)
WHERE status = 'pending' AND has_tracking = 0;
`
} as const
