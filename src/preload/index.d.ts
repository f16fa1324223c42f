import type { PreloadBridge } from '../shared/channels'

declare global {
  // Declaration merging with the DOM's Window needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  interface Window {
    /** Present only inside the Electron app; browser mode talks HTTP instead. */
    readonly waybill?: PreloadBridge
  }
}
