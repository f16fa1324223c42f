import { randomBytes } from 'node:crypto'
import type { ImportPlan } from './import-service'

/** A preview kept for its commit this long; then dropped (the user previews again). */
export const PLAN_TTL_MS = 30 * 60 * 1000

type Entry =
  | { readonly state: 'running'; readonly controller: AbortController; readonly startedAt: number }
  | {
      readonly state: 'ready'
      readonly plan: ImportPlan
      readonly expiresAt: number
      /** Set while a commit runs, so a second commit of the same plan is refused; aborts it. */
      commit: AbortController | null
    }

/**
 * Checked imports held in memory between preview and commit, keyed by planId. Entries expire
 * after {@link PLAN_TTL_MS}; expiry is checked on every access, so no timer keeps a process alive.
 */
export class ImportPlans {
  private readonly entries = new Map<string, Entry>()

  constructor(private readonly now: () => number) {}

  static newId(): string {
    return randomBytes(12).toString('base64url')
  }

  private sweep(): void {
    const now = this.now()
    for (const [id, entry] of this.entries) {
      if (entry.state === 'ready' && entry.expiresAt <= now) {
        this.entries.delete(id)
      }
      // A preview running for longer than the TTL is abandoned by its caller: stop it.
      if (entry.state === 'running' && now - entry.startedAt > PLAN_TTL_MS) {
        entry.controller.abort()
        this.entries.delete(id)
      }
    }
  }

  /** Starts tracking a running preview; false when the id is taken. */
  start(planId: string): AbortController | null {
    this.sweep()
    if (this.entries.has(planId)) {
      return null
    }
    const controller = new AbortController()
    this.entries.set(planId, { state: 'running', controller, startedAt: this.now() })
    return controller
  }

  /** Stores a finished preview (unless it was cancelled meanwhile); returns its expiry. */
  ready(planId: string, plan: ImportPlan): number | null {
    const entry = this.entries.get(planId)
    if (entry?.state !== 'running' || entry.controller.signal.aborted) {
      return null
    }
    const expiresAt = this.now() + PLAN_TTL_MS
    this.entries.set(planId, { state: 'ready', plan, expiresAt, commit: null })
    return expiresAt
  }

  get(planId: string): ImportPlan | null {
    this.sweep()
    const entry = this.entries.get(planId)
    return entry?.state === 'ready' ? entry.plan : null
  }

  /**
   * Marks a plan as committing; null when it is unknown, expired or already committing. The
   * signal aborts when the commit is cancelled.
   */
  claim(planId: string): { readonly plan: ImportPlan; readonly signal: AbortSignal } | null {
    this.sweep()
    const entry = this.entries.get(planId)
    if (entry?.state !== 'ready' || entry.commit) {
      return null
    }
    entry.commit = new AbortController()
    return { plan: entry.plan, signal: entry.commit.signal }
  }

  /**
   * Cancels a running preview, cancels a running commit (its plan stays, to be committed again
   * once the commit has rolled back and released it), or drops a ready plan; true when there was one.
   */
  cancel(planId: string): boolean {
    const entry = this.entries.get(planId)
    if (!entry) {
      return false
    }
    if (entry.state === 'ready' && entry.commit) {
      entry.commit.abort()
      return true
    }
    if (entry.state === 'running') {
      entry.controller.abort()
    }
    this.entries.delete(planId)
    return true
  }

  /** A failed or cancelled commit gives the plan back, so the user can try again. */
  release(planId: string): void {
    const entry = this.entries.get(planId)
    if (entry?.state === 'ready') {
      entry.commit = null
    }
  }

  drop(planId: string): void {
    this.entries.delete(planId)
  }

  get size(): number {
    return this.entries.size
  }
}
