// Shipped migration: never edit. A change needs a new migration (see index.ts).
export const migration0010 = {
  version: 10,
  name: 'initial-schema',
  sql: `
CREATE TABLE shops (
  id INTEGER PRIMARY KEY,
  platform TEXT NOT NULL CHECK (platform IN ('kuaishou', 'taobao', 'manual')),
  name TEXT NOT NULL,
  credentials_enc BLOB,
  sync_cursor TEXT,
  created_at INTEGER NOT NULL
) STRICT;

INSERT INTO shops (id, platform, name, created_at) VALUES (1, 'manual', '手工店铺', 0);

CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  shop_id INTEGER NOT NULL REFERENCES shops(id),
  platform_order_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'partially_shipped', 'shipped', 'closed')),
  receiver_name TEXT NOT NULL,
  receiver_phone TEXT NOT NULL,
  province TEXT NOT NULL,
  city TEXT NOT NULL,
  district TEXT NOT NULL,
  address_detail TEXT NOT NULL,
  remark TEXT NOT NULL DEFAULT '',
  exemption TEXT NOT NULL DEFAULT 'none' CHECK (exemption IN ('none', 'auto', 'reported', 'approved', 'rejected')),
  refund_state TEXT NOT NULL DEFAULT 'none' CHECK (refund_state IN ('none', 'requested', 'refunded')),
  created_at INTEGER NOT NULL,
  paid_at INTEGER,
  shipped_at INTEGER,
  updated_at INTEGER NOT NULL,
  UNIQUE (shop_id, platform_order_id)
) STRICT;
CREATE INDEX orders_created ON orders (created_at DESC, id DESC);
CREATE INDEX orders_receiver_name ON orders (receiver_name);
CREATE INDEX orders_receiver_phone ON orders (receiver_phone);
CREATE INDEX orders_platform_order_id ON orders (platform_order_id);
CREATE INDEX orders_status ON orders (status, created_at DESC);

CREATE TABLE order_items (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no INTEGER NOT NULL,
  sku TEXT NOT NULL,
  title TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  quantity_shipped INTEGER NOT NULL DEFAULT 0 CHECK (quantity_shipped >= 0),
  unit_weight_g INTEGER NOT NULL DEFAULT 0 CHECK (unit_weight_g >= 0),
  length_mm INTEGER,
  width_mm INTEGER,
  height_mm INTEGER,
  warehouse TEXT,
  temperature_zone TEXT NOT NULL DEFAULT 'ambient' CHECK (temperature_zone IN ('ambient', 'chilled', 'frozen')),
  UNIQUE (order_id, line_no)
) STRICT;

CREATE TABLE packages (
  id INTEGER PRIMARY KEY,
  order_id INTEGER NOT NULL REFERENCES orders(id),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  role TEXT NOT NULL CHECK (role IN ('first', 'split', 'appended')),
  carrier TEXT,
  tracking_number TEXT,
  template TEXT,
  print_state TEXT NOT NULL DEFAULT 'none' CHECK (print_state IN ('none', 'queued', 'printing', 'printed', 'failed', 'voided')),
  ship_state TEXT NOT NULL DEFAULT 'none' CHECK (ship_state IN ('none', 'shipped')),
  sync_state TEXT NOT NULL DEFAULT 'none' CHECK (sync_state IN ('none', 'pending', 'synced', 'failed')),
  interception_state TEXT NOT NULL DEFAULT 'none' CHECK (interception_state IN ('none', 'requested', 'intercepted', 'failed')),
  verified_at INTEGER,
  printed_at INTEGER,
  shipped_at INTEGER,
  created_at INTEGER NOT NULL,
  UNIQUE (order_id, sequence),
  UNIQUE (carrier, tracking_number),
  CHECK (tracking_number IS NULL OR carrier IS NOT NULL)
) STRICT;
CREATE INDEX packages_tracking ON packages (tracking_number);

CREATE TABLE package_items (
  package_id INTEGER NOT NULL REFERENCES packages(id) ON DELETE CASCADE,
  order_item_id INTEGER NOT NULL REFERENCES order_items(id),
  quantity INTEGER NOT NULL CHECK (quantity >= 1),
  PRIMARY KEY (package_id, order_item_id)
) STRICT;

CREATE TABLE waybill_pools (
  id INTEGER PRIMARY KEY,
  carrier TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('range', 'list', 'api')),
  label TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;

CREATE TABLE waybill_numbers (
  id INTEGER PRIMARY KEY,
  pool_id INTEGER NOT NULL REFERENCES waybill_pools(id),
  carrier TEXT NOT NULL,
  tracking_number TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'available' CHECK (state IN ('available', 'allocated', 'voided')),
  package_id INTEGER REFERENCES packages(id),
  allocated_at INTEGER,
  voided_at INTEGER,
  UNIQUE (carrier, tracking_number),
  UNIQUE (package_id)
) STRICT;
CREATE INDEX waybill_numbers_available ON waybill_numbers (carrier, state, id);

CREATE TABLE print_records (
  id INTEGER PRIMARY KEY,
  package_id INTEGER NOT NULL REFERENCES packages(id),
  tracking_number TEXT NOT NULL,
  printer TEXT NOT NULL,
  job_id TEXT,
  bytes_hash TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'confirmed', 'failed', 'voided')),
  attempt INTEGER NOT NULL DEFAULT 1,
  reprint_count INTEGER NOT NULL DEFAULT 0,
  error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX print_records_state ON print_records (state, printer, id);
CREATE INDEX print_records_package ON print_records (package_id);

CREATE TABLE outbox (
  id INTEGER PRIMARY KEY,
  shop_id INTEGER NOT NULL REFERENCES shops(id),
  kind TEXT NOT NULL CHECK (kind IN ('ship_first', 'append_package', 'update_tracking')),
  lane TEXT NOT NULL,
  idempotency_key TEXT NOT NULL UNIQUE,
  payload TEXT NOT NULL,
  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER
) STRICT;
CREATE INDEX outbox_due ON outbox (state, lane, next_attempt_at);

CREATE TABLE audit_events (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  actor TEXT NOT NULL,
  station TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER,
  details TEXT NOT NULL DEFAULT '{}'
) STRICT;
CREATE INDEX audit_entity ON audit_events (entity, entity_id, at);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Keyword search over order id, receiver name, phone and tracking numbers.
-- Trigram: substring search from 3 characters; shorter keys use the b-tree indexes.
CREATE VIRTUAL TABLE order_search USING fts5 (body, tokenize = 'trigram', content = '', contentless_delete = 1);

CREATE TRIGGER orders_search_insert AFTER INSERT ON orders BEGIN
  INSERT INTO order_search (rowid, body)
  VALUES (new.id, new.platform_order_id || ' ' || new.receiver_name || ' ' || new.receiver_phone);
END;
CREATE TRIGGER orders_search_update AFTER UPDATE OF platform_order_id, receiver_name, receiver_phone ON orders BEGIN
  DELETE FROM order_search WHERE rowid = old.id;
  INSERT INTO order_search (rowid, body)
  VALUES (new.id, new.platform_order_id || ' ' || new.receiver_name || ' ' || new.receiver_phone
    || coalesce((SELECT ' ' || group_concat(tracking_number, ' ') FROM packages WHERE order_id = new.id AND tracking_number IS NOT NULL), ''));
END;
CREATE TRIGGER orders_search_delete AFTER DELETE ON orders BEGIN
  DELETE FROM order_search WHERE rowid = old.id;
END;
CREATE TRIGGER packages_search_tracking AFTER UPDATE OF tracking_number ON packages BEGIN
  DELETE FROM order_search WHERE rowid = new.order_id;
  INSERT INTO order_search (rowid, body)
  SELECT o.id, o.platform_order_id || ' ' || o.receiver_name || ' ' || o.receiver_phone
    || coalesce((SELECT ' ' || group_concat(tracking_number, ' ') FROM packages WHERE order_id = o.id AND tracking_number IS NOT NULL), '')
  FROM orders o WHERE o.id = new.order_id;
END;
CREATE TRIGGER packages_search_insert AFTER INSERT ON packages WHEN new.tracking_number IS NOT NULL BEGIN
  DELETE FROM order_search WHERE rowid = new.order_id;
  INSERT INTO order_search (rowid, body)
  SELECT o.id, o.platform_order_id || ' ' || o.receiver_name || ' ' || o.receiver_phone
    || coalesce((SELECT ' ' || group_concat(tracking_number, ' ') FROM packages WHERE order_id = o.id AND tracking_number IS NOT NULL), '')
  FROM orders o WHERE o.id = new.order_id;
END;
`
} as const
