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
  -- The phone reversed: its last digits (what a packer types) become an index range.
  receiver_phone_rev TEXT NOT NULL,
  remark TEXT NOT NULL DEFAULT '',
  exemption TEXT NOT NULL DEFAULT 'none' CHECK (exemption IN ('none', 'auto', 'reported', 'approved', 'rejected')),
  refund_state TEXT NOT NULL DEFAULT 'none' CHECK (refund_state IN ('none', 'requested', 'refunded')),
  created_at INTEGER NOT NULL,
  paid_at INTEGER,
  shipped_at INTEGER,
  updated_at INTEGER NOT NULL,
  -- Leading with the id lets this one index also serve cross-shop and prefix lookups.
  UNIQUE (platform_order_id, shop_id)
) STRICT;
CREATE INDEX orders_created ON orders (created_at DESC, id DESC);
CREATE INDEX orders_receiver_name ON orders (receiver_name);
CREATE INDEX orders_receiver_phone_rev ON orders (receiver_phone_rev);

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
  tracking_number_rev TEXT,
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
CREATE INDEX packages_tracking_rev ON packages (tracking_number_rev);
CREATE INDEX packages_printed ON packages (print_state, printed_at DESC, id DESC);

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

CREATE TABLE printers (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  uri TEXT NOT NULL,
  language TEXT NOT NULL CHECK (language IN ('escpos', 'tspl', 'zpl', 'png')),
  dpi INTEGER NOT NULL CHECK (dpi IN (203, 300)),
  label_size TEXT NOT NULL CHECK (label_size IN ('76x130', '100x150', '100x180')),
  darkness INTEGER NOT NULL DEFAULT 8 CHECK (darkness BETWEEN 0 AND 15),
  offset_x_dots INTEGER NOT NULL DEFAULT 0,
  offset_y_dots INTEGER NOT NULL DEFAULT 0,
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at INTEGER NOT NULL
) STRICT;
CREATE UNIQUE INDEX printers_one_default ON printers (is_default) WHERE is_default = 1;

-- The embedded default: labels as PNG files in the data folder's "labels" directory.
INSERT INTO printers (name, uri, language, dpi, label_size, is_default, created_at)
VALUES ('预览打印机', 'preview:labels', 'png', 203, '76x130', 1, 0);

CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
`
} as const
