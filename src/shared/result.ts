/** Error codes that cross the contract. The renderer translates them; the CLI prints `message`. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'UNKNOWN_METHOD',
  'UNAUTHORIZED',
  'INTERNAL'
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

/** One problem with one field of an input, e.g. `{ path: 'receiver.phone', code: 'phone_invalid' }`. */
export type FieldIssue = {
  readonly path: string
  readonly code: string
  readonly message: string
}

export type AppError = {
  readonly code: ErrorCode
  readonly message: string
  readonly details?: { readonly issues?: readonly FieldIssue[]; readonly [key: string]: unknown }
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(
  code: ErrorCode,
  message: string,
  details?: AppError['details']
): Result<never> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } }
}

/** Thrown by the client side when a call came back `ok: false`, so UI code can `try`/`catch`. */
export class AppCallError extends Error {
  readonly code: ErrorCode
  readonly details: AppError['details']
  constructor(error: AppError) {
    super(error.message)
    this.name = 'AppCallError'
    this.code = error.code
    this.details = error.details
  }
}
