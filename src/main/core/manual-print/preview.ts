import { PREVIEW_TRACKING_NUMBER } from '../../../shared/api/manual-print'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { orderLabelRow, packageLabelRows } from '../db/label-data-repo'
import { activeFirstPackage } from '../db/packages-repo'
import { packageLabelData } from '../printers/label-source'
import { configuredSender } from '../printers/sender'
import { builtinTemplate, renderLabel, toPng } from '../printing'

export type BatchPreviewLabel = {
  orderId: number
  platformOrderId: string
  trackingNumber: string
  allocated: boolean
  dataUrl: string
  width: number
  height: number
}

/**
 * Step 2's preview: the batch's first orders rendered exactly as the print path renders them
 * (their receiver, items, sender, template, masking), with nothing allocated. An order that
 * already has a number shows it; the others show a placeholder the packer cannot mistake.
 */
export function previewBatch(
  ctx: CoreContext,
  input: {
    readonly orderIds: readonly number[]
    readonly carrier: string | null
    readonly template: string
    readonly dpi: 203 | 300
    readonly maskPrivacy: boolean
  }
): Result<{ labels: BatchPreviewLabel[] }> {
  let template
  try {
    template = builtinTemplate(input.template)
  } catch (error) {
    return fail('NOT_FOUND', error instanceof Error ? error.message : String(error))
  }
  const sender = configuredSender(ctx.db)
  const labels: BatchPreviewLabel[] = []
  for (const orderId of input.orderIds) {
    const pkg = activeFirstPackage(ctx.db, orderId)
    const existing =
      pkg?.tracking_number != null ? packageLabelRows(ctx.db, [pkg.id]).get(pkg.id) : undefined
    const row = existing ?? orderLabelRow(ctx.db, orderId)
    if (!row) {
      continue
    }
    const trackingNumber = existing?.trackingNumber ?? PREVIEW_TRACKING_NUMBER
    const data = packageLabelData(
      existing ? row : { ...row, carrier: input.carrier ?? row.carrier },
      { trackingNumber, now: ctx.now(), sender }
    )
    const bitmap = renderLabel(template, data, { dpi: input.dpi, maskPrivacy: input.maskPrivacy })
    labels.push({
      orderId,
      platformOrderId: row.platformOrderId,
      trackingNumber,
      allocated: existing !== undefined,
      dataUrl: `data:image/png;base64,${toPng(bitmap).toString('base64')}`,
      width: bitmap.width,
      height: bitmap.height
    })
  }
  return ok({ labels })
}
