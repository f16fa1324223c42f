import type { z } from 'zod'
import { contract, isMethodName, type MethodName } from '../../../shared/contract'
import { fail, ok, type FieldIssue, type Result } from '../../../shared/result'
import { describeIssue } from '../../../shared/validation-messages'
import type { CoreContext } from '../context'
import type { Handlers } from './handlers'

export type Dispatch = (method: string, payload: unknown) => Promise<Result<unknown>>

/**
 * The single entry from any host: unknown methods are refused, every payload is parsed with the
 * contract's input schema before the core sees it, every answer with its output schema before a
 * host sees it (a fraction of a millisecond for a 200-row page: bench/contract-output.bench.ts),
 * and failures come back as data, never as throws.
 */
export function createDispatch(ctx: CoreContext, handlers: Handlers): Dispatch {
  return async (method, payload) => {
    if (!isMethodName(method)) {
      return fail('UNKNOWN_METHOD', `Unknown method: ${method.slice(0, 80)}`)
    }
    const parsed = contract[method].input.safeParse(payload)
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error)
      return fail(
        'VALIDATION',
        `Invalid input for ${method}: ${issues.map((i) => describeIssue(i.path, i.code)).join('; ')}`,
        { issues }
      )
    }
    try {
      return checkedOutput(ctx, method, await call(ctx, handlers, method, parsed.data))
    } catch (error) {
      ctx.log.error('handler failed', {
        method,
        error: error instanceof Error ? error.message : String(error)
      })
      return fail(
        'INTERNAL',
        'Something went wrong inside Waybill Station; the log has the details.'
      )
    }
  }
}

function call(
  ctx: CoreContext,
  handlers: Handlers,
  method: MethodName,
  input: unknown
): Result<unknown> | Promise<Result<unknown>> {
  // The schema for `method` parsed `input` just above, so it has the handler's input type.
  const handler = handlers[method] as (
    c: CoreContext,
    i: unknown
  ) => Result<unknown> | Promise<Result<unknown>>
  return handler(ctx, input)
}

/**
 * The handler's value as the contract declares it (unlisted keys dropped), so no host receives a
 * shape its types do not describe. A value off the contract is a bug in main: logged, and
 * answered as INTERNAL rather than passed on.
 */
function checkedOutput(
  ctx: CoreContext,
  method: MethodName,
  result: Result<unknown>
): Result<unknown> {
  if (!result.ok) {
    return result
  }
  const output = contract[method].output.safeParse(result.value)
  if (output.success) {
    return ok(output.data)
  }
  ctx.log.error('handler output off contract', {
    method,
    issues: toFieldIssues(output.error)
      .slice(0, 5)
      .map((i) => `${i.path}: ${i.code}`)
      .join('; ')
  })
  return fail('INTERNAL', 'Something went wrong inside Waybill Station; the log has the details.')
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.')
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
    const code = missing ? 'required' : /^[a-z_]+$/.test(issue.message) ? issue.message : issue.code
    return { path, code, message: describeIssue('', code) }
  })
}
