// Shipped migration: never edit. A change needs a new migration (see index.ts).
/**
 * Per-platform limits of the package rules (issue 11 item 1, DESIGN §2), stored so a platform's
 * rule change is a data change, not a release: APPEND_MAX_20, APPEND_WINDOW_30D (ms),
 * APPEND_BATCH_MAX_5000 and BATCH_PRINT_MAX_5000. Kuaishou's values are its merchant rules.
 * Taobao and the manual shop take the same values: they are the merchant defaults until Taobao's
 * own rule says otherwise.
 */
export const migration0060 = {
  version: 60,
  name: 'platform-limits',
  sql: `
CREATE TABLE platform_limits (
  platform TEXT PRIMARY KEY CHECK (platform IN ('kuaishou', 'taobao', 'manual')),
  append_max INTEGER NOT NULL CHECK (append_max >= 0),
  append_window_ms INTEGER NOT NULL CHECK (append_window_ms >= 0),
  append_batch_max INTEGER NOT NULL CHECK (append_batch_max >= 1),
  batch_print_max INTEGER NOT NULL CHECK (batch_print_max >= 1)
) STRICT;
INSERT INTO platform_limits (platform, append_max, append_window_ms, append_batch_max, batch_print_max) VALUES
  ('kuaishou', 20, 2592000000, 5000, 5000),
  ('taobao', 20, 2592000000, 5000, 5000),
  ('manual', 20, 2592000000, 5000, 5000);
`
} as const
