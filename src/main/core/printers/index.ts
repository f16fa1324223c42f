/** The printers domain: Settings → Printers, the print-queue service, label previews. */
export { printersHandlers } from './printers-handlers'
export {
  type PrintPackagesRequest,
  printPackages,
  resumePrinter,
  printerStatus,
  pendingLabels,
  confirmPending,
  recoverPrinting,
  enqueueLabels,
  reprintPackages,
  labelSink,
  closePrinting,
  previewDirOf
} from './print-service'
export { printerView, previewLabel } from './printers-service'
export { testPrinter, TEST_TRACKING_NUMBER } from './test-print'
export {
  sampleLabelData,
  packageLabelData,
  shopSender,
  SAMPLE_TRACKING_NUMBER
} from './label-source'
