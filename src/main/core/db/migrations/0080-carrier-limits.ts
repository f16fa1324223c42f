// Shipped migration: never edit. A change needs a new migration (see index.ts).
/**
 * Per-carrier package limits the split plan bin-packs under (issue 11 item 3), editable in
 * Settings → 快递公司. Defaults for every carrier of src/shared/carriers.ts: 1500 mm longest side
 * and 3000 mm sum of sides are the single-piece ceilings of the national express standard
 * (GB/T 27917, "单件快件…任何一边的长度不宜超过 150 cm，长、宽、高三边长度之和不宜超过 300 cm");
 * 30 kg is the usual e-commerce parcel ceiling at the counter, below that standard's 50 kg. A
 * carrier missing here (a code added later) falls back to the same figures in the repo.
 */
export const migration0080 = {
  version: 80,
  name: 'carrier-limits',
  sql: `
CREATE TABLE carrier_limits (
  carrier TEXT PRIMARY KEY,
  max_weight_g INTEGER NOT NULL CHECK (max_weight_g >= 1),
  max_longest_side_mm INTEGER NOT NULL CHECK (max_longest_side_mm >= 1),
  max_sum_of_sides_mm INTEGER NOT NULL CHECK (max_sum_of_sides_mm >= 1)
) STRICT;
INSERT INTO carrier_limits (carrier, max_weight_g, max_longest_side_mm, max_sum_of_sides_mm) VALUES
  ('ZTO', 30000, 1500, 3000),
  ('YTO', 30000, 1500, 3000),
  ('STO', 30000, 1500, 3000),
  ('YUNDA', 30000, 1500, 3000),
  ('SF', 30000, 1500, 3000),
  ('JD', 30000, 1500, 3000),
  ('EMS', 30000, 1500, 3000),
  ('JT', 30000, 1500, 3000),
  ('POSTB', 30000, 1500, 3000);
`
} as const
