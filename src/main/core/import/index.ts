/**
 * Order import engine (issue 3). Entry points for the UI host and the CLI:
 *
 * - {@link inspectImportFile}: header row, detected / saved mapping, missing fields, sample rows.
 * - {@link saveImportMapping} / {@link loadImportMapping}: a mapping per layout signature.
 * - {@link previewImport}: read + check, with progress and cancel; writes nothing.
 * - {@link commitImport}: writes a preview's accepted orders in one transaction.
 * - {@link commitImportInWorker}: the same on a worker thread, with progress and cancel.
 * - {@link writeRejectedRows}: the rejected rows as .xlsx / .csv with a reason column.
 * - {@link writeImportTemplate}: our own .xlsx template.
 * - {@link importForCli}: preview + commit for `waybill-station orders import`.
 *
 * Unreadable files and cancellation throw {@link ImportError} (`code`, one-line `message`,
 * `messageZh`); row problems never throw, they come back as rejected rows.
 */
export {
  commitImport,
  inspectImportFile,
  loadImportMapping,
  previewImport,
  saveImportMapping,
  type CommitOptions,
  type CommitResult,
  type ImportCounts,
  type ImportInspection,
  type ImportPlan,
  type ImportPreview,
  type ImportSource,
  type PreviewOptions,
  type TableInfo
} from './import-service'
export { importForCli, type CliImportOptions, type CliImportResult } from './cli-import'
export { commitImportInWorker } from './commit-in-worker'
export { detectMapping, layoutSignature, PRESETS } from './mapping'
export { ImportError, type ImportErrorCode, type ReasonCode } from './reasons'
export {
  TEMPLATE_COLUMNS,
  writeImportTemplate,
  writeRejectedRows,
  type RejectedSheetOptions
} from './sheets-out'
export { splitAddress, resolveRegionCells } from './address'
export {
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  type ColumnMapping,
  type ImportField,
  type ImportProgress,
  type OnDuplicate,
  type PresetChoice,
  type PresetName,
  type RejectedRow
} from './types'
export { escapeFormula } from '../sheets/cells'
