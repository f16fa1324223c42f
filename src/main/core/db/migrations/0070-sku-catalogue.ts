// Shipped migration: never edit. A change needs a new migration (see index.ts).
/**
 * The SKU catalogue (issue 11 item 2, DESIGN §3 SkuFacts): per SKU what the split plan needs
 * when an order sheet does not say it. Facts are copied onto order_items when an order is
 * written, so editing the catalogue later never changes an order already taken.
 * - `weight_g`, the dimensions and `warehouse` are NULL when unknown (0 g is not a weight).
 * - `title_lower` keeps the prefix search on titles an index range scan (sku is the key).
 */
export const migration0070 = {
  version: 70,
  name: 'sku-catalogue',
  sql: `
CREATE TABLE skus (
  sku TEXT PRIMARY KEY,
  title TEXT NOT NULL DEFAULT '',
  title_lower TEXT NOT NULL DEFAULT '',
  weight_g INTEGER CHECK (weight_g IS NULL OR weight_g >= 0),
  length_mm INTEGER CHECK (length_mm IS NULL OR length_mm >= 0),
  width_mm INTEGER CHECK (width_mm IS NULL OR width_mm >= 0),
  height_mm INTEGER CHECK (height_mm IS NULL OR height_mm >= 0),
  warehouse TEXT,
  temperature_zone TEXT CHECK (temperature_zone IS NULL OR temperature_zone IN ('ambient', 'chilled', 'frozen')),
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX skus_title_lower ON skus(title_lower);
`
} as const
