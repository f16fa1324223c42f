import { z } from 'zod'
import { RULES, type RuleId } from '../rules'
import type { MethodSpec } from './common'

const RULE_IDS = Object.keys(RULES) as [RuleId, ...RuleId[]]

/**
 * A platform rule's refusal as it crosses the contract: the id and the facts, never words. The
 * renderer and the CLI turn it into words with `ruleWords` (src/shared/rule-words.ts).
 */
export const refusalSchema = z.object({
  rule: z.enum(RULE_IDS),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  words: z.never().optional()
})
export type RefusalView = z.infer<typeof refusalSchema>

/**
 * What is wrong with a carrier + number before any rule about the order is asked. Not platform
 * rules (no id), except the first-shipment number, which is refused as FIRST_SHIPMENT_COUNTS.
 */
export const NUMBER_PROBLEMS = [
  'unknown_carrier',
  'number_pattern',
  'number_on_other_package',
  'first_shipment_number'
] as const
export type NumberProblem = (typeof NUMBER_PROBLEMS)[number]

/** The order is named as in the sheets: its platform order id, with the shop when ids collide. */
const OrderRef = {
  orderId: z.string().trim().min(1, 'required').max(64, 'too_long'),
  shopId: z.number().int().positive().optional()
}
const Carrier = z.string().trim().min(1, 'required').max(20, 'too_long')
const TrackingNumber = z.string().trim().min(1, 'required').max(40, 'too_long')

export const AppendPreflight = z.object({
  /** The order's row id, null when no order has this platform id. */
  order: z
    .object({
      id: z.number().int(),
      shopId: z.number().int(),
      platformOrderId: z.string(),
      platform: z.string(),
      status: z.string()
    })
    .nullable(),
  /** The order rules' answer (null when the order was not found). */
  refusal: refusalSchema.nullable(),
  /** The last ms an append is allowed (inclusive); null before the first shipment. */
  deadlineMs: z.number().int().nullable(),
  appendedCount: z.number().int(),
  appendMax: z.number().int(),
  /** The carrier's code once its name or alias resolved (中通 → ZTO), else null. */
  carrier: z.string().nullable(),
  numberProblem: z.enum(NUMBER_PROBLEMS).nullable(),
  /** The same number is already appended to this order: confirming is a no-op that says so. */
  alreadyAppended: z.number().int().nullable(),
  /** Everything passed: the packer may confirm. */
  canAppend: z.boolean()
})
export type AppendPreflight = z.infer<typeof AppendPreflight>

export const AppendDone = z.object({
  packageId: z.number().int(),
  sequence: z.number().int(),
  orderId: z.number().int(),
  carrier: z.string(),
  trackingNumber: z.string(),
  /** The same number was already appended to this order: nothing new was written. */
  duplicate: z.boolean()
})

export const OrderPackage = z.object({
  id: z.number().int(),
  sequence: z.number().int(),
  role: z.enum(['first', 'split', 'appended']),
  carrier: z.string().nullable(),
  trackingNumber: z.string().nullable(),
  printState: z.string(),
  shipState: z.string(),
  syncState: z.string(),
  printedAt: z.number().int().nullable(),
  shippedAt: z.number().int().nullable(),
  createdAt: z.number().int(),
  items: z.array(
    z.object({
      orderItemId: z.number().int(),
      sku: z.string(),
      title: z.string(),
      quantity: z.number().int()
    })
  )
})

export const packagesApi = {
  'packages.preflightAppend': {
    input: z
      .object({
        ...OrderRef,
        carrier: Carrier.optional(),
        trackingNumber: TrackingNumber.optional()
      })
      .strict(),
    output: AppendPreflight
  },
  'packages.append': {
    input: z.object({ ...OrderRef, carrier: Carrier, trackingNumber: TrackingNumber }).strict(),
    output: AppendDone
  },
  /** 取号并打印: the next number from the carrier's pool, printed on the chosen (or default) printer. */
  'packages.appendTakeNumber': {
    input: z
      .object({
        ...OrderRef,
        carrier: Carrier,
        printerId: z.number().int().positive(),
        template: z.enum(['76x130', '100x150', '100x180']).default('76x130'),
        maskPrivacy: z.boolean().default(true)
      })
      .strict(),
    /** The label was queued (`jobId`); its fate arrives as 'printing.progress' like any print job. */
    output: AppendDone.extend({ jobId: z.string().nullable() })
  },
  'packages.forOrder': {
    input: z.object(OrderRef).strict(),
    output: z.object({
      orderId: z.number().int(),
      platformOrderId: z.string(),
      packages: z.array(OrderPackage),
      appendedCount: z.number().int(),
      appendMax: z.number().int(),
      deadlineMs: z.number().int().nullable()
    })
  }
} as const satisfies Record<string, MethodSpec>
