import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract'
import type { Core } from '../core/app'

/** A failure the user can fix: printed as one line, exit code 1. */
export class CliFailure extends Error {}

/** What every command module gets from the runner. */
export type CliContext = {
  /** Opens the core on first use (so `--help` never touches the database). */
  readonly open: () => Core
  /** Calls a contract method exactly as the UI does; a failure becomes a CliFailure. */
  readonly call: <M extends MethodName>(
    method: M,
    input: MethodInput<M>
  ) => Promise<MethodOutput<M>>
  /** Prints the human text, or the JSON value under --json. */
  readonly print: (human: string, json: unknown) => void
  readonly json: boolean
}

/** Parses a whole-number flag within bounds, or fails naming the flag. */
export function intFlag(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new CliFailure(
      `--${name} must be a whole number from ${String(min)} to ${String(max)}, got "${raw}"`
    )
  }
  return value
}
