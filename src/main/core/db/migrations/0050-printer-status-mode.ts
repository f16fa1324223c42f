// Shipped migration: never edit. A change needs a new migration (see index.ts).
/**
 * Printers that never answer (issue 9 item 2) and test prints that are not orders (issue 10
 * item 8):
 * - `status_mode`: 'auto' asks the printer's status unless it turned out mute; 'off' never asks.
 * - `status_replies`: what the station learned — 'answered' once a status query got an answer,
 *   'mute' when the first query of a printer that never answered timed out (a one-way print
 *   server or bridge); see src/main/core/printing/status-check.ts.
 * - Test prints used to hang off a closed order 'PRINTER-TEST' of the manual shop, which then
 *   showed in 订单 and 已打印. They are removed, not hidden: the order never was a sale, its
 *   packages carry only sample TEST numbers that no pool issued, and hiding would leave a filter
 *   in every list forever. An order whose packages hold a pool number is left alone (something
 *   real points at it), as is any order that is not closed.
 */
export const migration0050 = {
  version: 50,
  name: 'printer-status-mode',
  sql: `
ALTER TABLE printers ADD COLUMN status_mode TEXT NOT NULL DEFAULT 'auto'
  CHECK (status_mode IN ('auto', 'off'));
ALTER TABLE printers ADD COLUMN status_replies TEXT NOT NULL DEFAULT 'unknown'
  CHECK (status_replies IN ('unknown', 'answered', 'mute'));
CREATE TEMP TABLE printer_test_orders AS
  SELECT o.id FROM orders o
   WHERE o.shop_id = 1 AND o.platform_order_id = 'PRINTER-TEST' AND o.status = 'closed'
     AND NOT EXISTS (
       SELECT 1 FROM waybill_numbers w JOIN packages p ON p.id = w.package_id WHERE p.order_id = o.id
     );
DELETE FROM print_records
 WHERE package_id IN (SELECT id FROM packages WHERE order_id IN (SELECT id FROM printer_test_orders));
DELETE FROM packages WHERE order_id IN (SELECT id FROM printer_test_orders);
DELETE FROM orders WHERE id IN (SELECT id FROM printer_test_orders);
DROP TABLE printer_test_orders;
`
} as const
