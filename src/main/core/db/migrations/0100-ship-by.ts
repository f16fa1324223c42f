// Shipped migration: never edit. A change needs a new migration (see index.ts).
/**
 * Every order's ship-by time (最晚发货时间; issue 12 item 3, and the deadline filter of issue 10
 * item 10):
 * - `shops.ship_promise_hours`: the shop's promise after payment (Settings → 店铺规则), 48 h by
 *   default, which is what both platforms hold an ordinary order to.
 * - `orders.ship_by`: the sheet's own time when it had one (`ship_by_imported` = 1), otherwise
 *   payment (or creation, for an order without a payment time) plus the shop's promise. Stored,
 *   not computed per query, so the list sorts and filters by it through one index; a change of
 *   the promise rewrites the orders whose time came from it. The order writer computes it; a
 *   trigger fills it for any other writer (a fixture, a bench seed, a future importer), so no
 *   order is ever without one.
 */
export const migration0100 = {
  version: 100,
  name: 'ship-by',
  sql: `
ALTER TABLE shops ADD COLUMN ship_promise_hours INTEGER NOT NULL DEFAULT 48
  CHECK (ship_promise_hours BETWEEN 1 AND 720);
ALTER TABLE orders ADD COLUMN ship_by INTEGER;
ALTER TABLE orders ADD COLUMN ship_by_imported INTEGER NOT NULL DEFAULT 0
  CHECK (ship_by_imported IN (0, 1));
UPDATE orders SET ship_by = coalesce(paid_at, created_at) + 48 * 3600000;
CREATE INDEX orders_ship_by ON orders (ship_by, id);
CREATE TRIGGER orders_ship_by_default AFTER INSERT ON orders WHEN NEW.ship_by IS NULL
BEGIN
  UPDATE orders SET ship_by = coalesce(NEW.paid_at, NEW.created_at)
    + (SELECT ship_promise_hours FROM shops WHERE shops.id = NEW.shop_id) * 3600000
  WHERE id = NEW.id;
END;
`
} as const
