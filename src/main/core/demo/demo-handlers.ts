import { ok } from '../../../shared/result'
import type { DomainHandlers } from '../api/handler-types'
import { latestPreviewLabels } from '../printers/preview-labels'
import { demoState, loadDemo, removeDemo } from './demo-service'

/** The first-run corner: demo orders, and where the preview printer's labels went. */
export const demoHandlers: DomainHandlers<
  'demo.status' | 'demo.load' | 'demo.remove' | 'previewLabels.latest'
> = {
  'demo.status': (ctx) => ok(demoState(ctx.db)),
  'demo.load': (ctx) => loadDemo(ctx),
  'demo.remove': (ctx) => removeDemo(ctx),
  'previewLabels.latest': (ctx, input) => latestPreviewLabels(ctx, input.limit)
}
