// Shipped migration: never edit. A change needs a new migration (see index.ts).
/**
 * Per printer, whether TSPL/ZPL labels carry their Code128 and QR as the printer's own barcode
 * commands ('barcodes') or everything as one raster ('off', the default and what every printer
 * did before). See src/main/core/printing/encoders/native-barcodes.ts.
 */
export const migration0030 = {
  version: 30,
  name: 'printer-native-mode',
  sql: `
ALTER TABLE printers ADD COLUMN native_mode TEXT NOT NULL DEFAULT 'off'
  CHECK (native_mode IN ('off', 'barcodes'));
`
} as const
