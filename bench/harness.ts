/** One measured figure. `value` is a median unless the name says otherwise. */
export type Figure = {
  readonly name: string
  readonly value: number
  readonly unit: string
  readonly [extra: string]: unknown
}

export type Bench = {
  readonly name: string
  /** Runs the benchmark and reports each figure as soon as it is known. */
  readonly run: (report: (figure: Figure) => void) => Promise<void>
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  if (sorted.length === 0) {
    return Number.NaN
  }
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index] ?? Number.NaN
}
