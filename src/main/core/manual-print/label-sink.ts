import { ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { printPackages, queueFor } from '../printers/print-service'
import type { LabelSink } from './run-batch'

/** The printing service as a LabelSink: jobs are queued, not awaited (progress arrives as events). */
export function queueSink(ctx: CoreContext): LabelSink {
  const send = async (
    request: Parameters<LabelSink['print']>[0],
    reprint: boolean
  ): Promise<Result<{ jobId: string }>> => {
    const job = await printPackages(ctx, {
      printerId: request.printerId,
      packageIds: request.packageIds,
      templateId: request.template,
      maskPrivacy: request.maskPrivacy,
      reprint,
      wait: false
    })
    return job.ok ? ok({ jobId: job.value.jobId }) : job
  }
  return {
    ready: (printerId) => {
      const found = queueFor(ctx, printerId)
      return found.ok ? ok(null) : found
    },
    print: (request) => send(request, false),
    reprint: (request) => send(request, true)
  }
}
