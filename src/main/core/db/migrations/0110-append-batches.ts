// Shipped migration: never edit. A change needs a new migration (see index.ts).
/**
 * Batch appends (批量追加, issue 11 item 6) are kept with their file and results so the
 * 包裹与追加 page can list them and the refused rows can be downloaded again later:
 * - `source` is the uploaded file itself (at most a few hundred KB for 5000 rows), `file_hash`
 *   its sha256, so a batch stays explainable after the upload store is cleaned;
 * - `data` is the parsed rows of this batch (JSON), what the commit re-checks and writes, so a
 *   commit never re-reads a file that may have changed since the preview;
 * - `refusals` is the refused rows (JSON) as of the last preview or the commit;
 * - `part`/`parts`: a sheet over the batch limit is taken as several batches on request.
 */
export const migration0110 = {
  version: 110,
  name: 'append-batches',
  sql: `
CREATE TABLE append_batches (
  id INTEGER PRIMARY KEY,
  file_name TEXT NOT NULL,
  file_hash TEXT NOT NULL,
  source BLOB NOT NULL,
  part INTEGER NOT NULL DEFAULT 1 CHECK (part >= 1),
  parts INTEGER NOT NULL DEFAULT 1 CHECK (parts >= part),
  header TEXT NOT NULL,
  data TEXT NOT NULL,
  rows INTEGER NOT NULL CHECK (rows >= 0),
  accepted INTEGER NOT NULL CHECK (accepted >= 0),
  refused INTEGER NOT NULL CHECK (refused >= 0),
  refusals TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('previewed', 'committed')),
  created_at INTEGER NOT NULL,
  committed_at INTEGER,
  actor TEXT NOT NULL
) STRICT;
CREATE INDEX append_batches_created ON append_batches (created_at DESC, id DESC);
`
} as const
