import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { ok, type Result } from '../../../shared/result'
import type { CoreContext } from '../context'
import { defaultPrinter, listPrinters } from '../db/printers-repo'
import { previewDirOf } from './printer-link'

/** The folder the preview printer writes to: the default printer's if it is one, else the first. */
export function previewFolder(ctx: CoreContext): string | null {
  const preferred = defaultPrinter(ctx.db)
  const candidates = [...(preferred ? [preferred] : []), ...listPrinters(ctx.db)]
  for (const printer of candidates) {
    const dir = previewDirOf(ctx, printer.uri)
    if (dir !== null) {
      return dir
    }
  }
  return null
}

/** The newest label images in the preview folder, newest first, as data URLs. */
export async function latestPreviewLabels(
  ctx: CoreContext,
  limit: number
): Promise<
  Result<{ folder: string | null; labels: { name: string; at: number; dataUrl: string }[] }>
> {
  const folder = previewFolder(ctx)
  if (folder === null) {
    return ok({ folder: null, labels: [] })
  }
  let names: string[]
  try {
    names = (await readdir(folder)).filter((name) => /^[\w.-]+\.png$/.test(name))
  } catch {
    // Not created until the first label prints.
    return ok({ folder, labels: [] })
  }
  const dated = await Promise.all(
    names.map(async (name) => ({ name, at: Math.round((await stat(join(folder, name))).mtimeMs) }))
  )
  dated.sort((a, b) => b.at - a.at || b.name.localeCompare(a.name))
  const labels = await Promise.all(
    dated.slice(0, limit).map(async ({ name, at }) => ({
      name,
      at,
      dataUrl: `data:image/png;base64,${(await readFile(join(folder, name))).toString('base64')}`
    }))
  )
  return ok({ folder, labels })
}
