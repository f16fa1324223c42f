// Shipped migration: never edit. A change needs a new migration (see index.ts).
/**
 * Addresses as the platforms write them (issue 9):
 * - `platform_district` marks an order whose district is not in the national division data (a
 *   development zone such as 西安高新区, or a renamed district such as 闸北区), kept as written;
 *   the list filters on it, so it is indexed.
 * - A municipality's city is stored as the municipality itself (上海市 上海市 浦东新区), never as
 *   the division data's pseudo-cities 市辖区 / 县, which no person writes; older rows and the
 *   station's sender address (settings 'label.sender') are fixed here.
 */
export const migration0040 = {
  version: 40,
  name: 'platform-district',
  sql: `
ALTER TABLE orders ADD COLUMN platform_district INTEGER NOT NULL DEFAULT 0
  CHECK (platform_district IN (0, 1));
CREATE INDEX orders_platform_district ON orders (created_at DESC, id DESC) WHERE platform_district = 1;
UPDATE orders SET city = province
  WHERE province IN ('北京市', '天津市', '上海市', '重庆市') AND city IN ('市辖区', '县');
UPDATE settings SET value = json_set(value, '$.city', json_extract(value, '$.province'))
  WHERE key = 'label.sender' AND json_valid(value)
    AND json_extract(value, '$.province') IN ('北京市', '天津市', '上海市', '重庆市')
    AND json_extract(value, '$.city') IN ('市辖区', '县');
`
} as const
