/**
 * Browser mode's session ends when the app restarts: the new run has a new token, so every call
 * from a tab opened before answers 401. The client reports it here once, and the app says so
 * instead of showing a failed call over an empty list.
 */
type Listener = () => void

const listeners = new Set<Listener>()
let lost = false

export function reportSessionLost(): void {
  if (lost) {
    return
  }
  lost = true
  for (const listener of listeners) {
    listener()
  }
}

export function isSessionLost(): boolean {
  return lost
}

export function onSessionLost(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
