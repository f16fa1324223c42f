import type { z } from 'zod'
import type {
  PrinterInput,
  PrinterUpdate,
  PrinterView,
  TEMPLATE_IDS
} from '../../../shared/api/printers'
import { printerUriKind } from '../../../shared/printer-uri'
import { fail, ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { appendAudit } from '../db/audit-repo'
import {
  PrinterRepoError,
  type PrinterFields,
  type PrinterRow,
  addPrinter,
  getPrinter,
  listPrinters,
  removePrinter,
  setDefaultPrinter,
  updatePrinter
} from '../db/printers-repo'
import { builtinTemplate, renderLabel, toPng, type Dpi } from '../printing'
import { sampleLabelData } from './label-source'
import { configuredSender } from './sender'
import { retirePrinter } from './print-service'
import { previewDirOf } from './printer-link'

export function printerView(ctx: CoreContext, row: PrinterRow): PrinterView {
  return {
    id: row.id,
    name: row.name,
    uri: row.uri,
    kind: printerUriKind(row.uri) ?? 'tcp',
    language: row.language,
    dpi: row.dpi,
    labelSize: row.labelSize,
    darkness: row.darkness,
    offsetXDots: row.offsetXDots,
    offsetYDots: row.offsetYDots,
    nativeMode: row.nativeMode,
    statusMode: row.statusMode,
    statusReplies: row.statusReplies,
    isDefault: row.isDefault,
    previewDir: previewDirOf(ctx, row.uri)
  }
}

function fields(input: z.output<typeof PrinterInput>): PrinterFields {
  return {
    name: input.name,
    uri: input.uri,
    language: input.language,
    dpi: input.dpi,
    labelSize: input.labelSize,
    darkness: input.darkness,
    offsetXDots: input.offsetXDots,
    offsetYDots: input.offsetYDots,
    nativeMode: input.nativeMode,
    ...(input.statusMode === undefined ? {} : { statusMode: input.statusMode })
  }
}

function repoFailure(error: unknown): Result<never> {
  if (error instanceof PrinterRepoError) {
    switch (error.code) {
      case 'NAME_TAKEN':
        return fail('VALIDATION', error.message, {
          issues: [{ path: 'name', code: 'printer_name_taken', message: error.message }]
        })
      case 'NOT_FOUND':
        return fail('NOT_FOUND', error.message)
      case 'LAST_PRINTER':
        return fail('CONFLICT', error.message, { reason: 'LAST_PRINTER' })
    }
  }
  throw error
}

export function listPrinterViews(ctx: CoreContext): Result<{ printers: PrinterView[] }> {
  return ok({ printers: listPrinters(ctx.db).map((row) => printerView(ctx, row)) })
}

export function addPrinterFrom(
  ctx: CoreContext,
  input: z.output<typeof PrinterInput>
): Result<PrinterView> {
  try {
    const row = addPrinter(ctx.db, fields(input), ctx.now())
    audit(ctx, 'printer.added', row)
    return ok(printerView(ctx, row))
  } catch (error) {
    return repoFailure(error)
  }
}

export async function updatePrinterFrom(
  ctx: CoreContext,
  input: z.output<typeof PrinterUpdate>
): Promise<Result<PrinterView>> {
  if (!getPrinter(ctx.db, input.id)) {
    return fail('NOT_FOUND', `Printer ${String(input.id)} does not exist`)
  }
  const retired = await retirePrinter(ctx, input.id)
  if (!retired.ok) {
    return retired
  }
  try {
    const row = updatePrinter(ctx.db, input.id, fields(input))
    audit(ctx, 'printer.updated', row)
    return ok(printerView(ctx, row))
  } catch (error) {
    return repoFailure(error)
  }
}

export async function removePrinterById(
  ctx: CoreContext,
  id: number
): Promise<Result<{ id: number }>> {
  const row = getPrinter(ctx.db, id)
  if (!row) {
    return fail('NOT_FOUND', `Printer ${String(id)} does not exist`)
  }
  const retired = await retirePrinter(ctx, id)
  if (!retired.ok) {
    return retired
  }
  try {
    removePrinter(ctx.db, id)
    audit(ctx, 'printer.removed', row)
    return ok({ id })
  } catch (error) {
    return repoFailure(error)
  }
}

export function setDefaultPrinterById(ctx: CoreContext, id: number): Result<PrinterView> {
  try {
    const row = setDefaultPrinter(ctx.db, id)
    audit(ctx, 'printer.default', row)
    return ok(printerView(ctx, row))
  } catch (error) {
    return repoFailure(error)
  }
}

export type TemplateId = (typeof TEMPLATE_IDS)[number]

export type LabelPreviewRequest = {
  readonly templateId: TemplateId
  readonly dpi: Dpi
  readonly trackingNumber?: string | undefined
  readonly packageCount?: number | undefined
  readonly maskPrivacy: boolean
}

/** A built-in template rendered with sample data, as the printer would get it, as a PNG. */
export function previewLabel(
  ctx: CoreContext,
  input: LabelPreviewRequest
): Result<{ dataUrl: string; width: number; height: number; templateId: TemplateId; dpi: number }> {
  let template
  try {
    template = builtinTemplate(input.templateId)
  } catch (error) {
    return fail('NOT_FOUND', error instanceof Error ? error.message : String(error))
  }
  const data = sampleLabelData({
    now: ctx.now(),
    sender: configuredSender(ctx.db),
    ...(input.trackingNumber === undefined ? {} : { trackingNumber: input.trackingNumber }),
    ...(input.packageCount === undefined ? {} : { packageCount: input.packageCount })
  })
  const bitmap = renderLabel(template, data, { dpi: input.dpi, maskPrivacy: input.maskPrivacy })
  return ok({
    dataUrl: `data:image/png;base64,${toPng(bitmap).toString('base64')}`,
    width: bitmap.width,
    height: bitmap.height,
    templateId: input.templateId,
    dpi: input.dpi
  })
}

function audit(ctx: CoreContext, action: string, row: PrinterRow): void {
  appendAudit(ctx.db, {
    at: ctx.now(),
    actor: ctx.actor,
    station: ctx.station,
    action,
    entity: 'printer',
    entityId: row.id,
    details: { name: row.name, uri: row.uri, language: row.language }
  })
}
