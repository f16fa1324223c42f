/** The printers domain: Settings → Printers, the print-queue service, label previews. */
export { printersHandlers } from './printers-handlers'
export {
  type PrintPackagesRequest,
  printPackages,
  resumePrinter,
  recoverPrinting,
  enqueueLabels,
  reprintPackages,
  labelSink,
  closePrinting
} from './print-service'
export { previewDirOf } from './printer-link'
export { printerStatus } from './printer-status-light'
export { pendingLabels, confirmPending } from './pending-labels'
export { printerView, previewLabel } from './printers-service'
export { testPrinter, TEST_TRACKING_NUMBER } from './test-print'
export {
  sampleLabelData,
  packageLabelData,
  shopSender,
  SAMPLE_TRACKING_NUMBER
} from './label-source'
