import { z } from 'zod'

/** Building blocks shared by the per-domain method tables. */
export const Empty = z.object({}).strict()
export const Id = z.object({ id: z.number().int().positive() }).strict()

export type MethodSpec = { readonly input: z.ZodType; readonly output: z.ZodType }
