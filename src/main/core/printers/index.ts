/** The printers domain: Settings → Printers, the print-queue service, label previews. */
export { printersHandlers } from './printers-handlers'
export {
  type PrintPackagesRequest,
  printPackages,
  resumePrinter,
  printerStatus,
  testPrinter,
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
export {
  sampleLabelData,
  packageLabelData,
  shopSender,
  SAMPLE_TRACKING_NUMBER
} from './label-source'
