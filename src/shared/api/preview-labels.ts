import { z } from 'zod'
import type { MethodSpec } from './common'

/**
 * What the preview printer (预览打印机) printed: the folder its labels are saved in, and the
 * newest labels as images, so a user who cannot open a file manager (browser mode) still sees
 * and saves them.
 */
export const previewLabelsApi = {
  'previewLabels.latest': {
    input: z.object({ limit: z.number().int().min(1).max(20).default(6) }).strict(),
    output: z.object({
      /** Null when no printer prints to a preview folder. */
      folder: z.string().nullable(),
      labels: z.array(z.object({ name: z.string(), at: z.number().int(), dataUrl: z.string() }))
    })
  }
} as const satisfies Record<string, MethodSpec>
