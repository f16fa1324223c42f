import { useEffect, useRef, useState, type RefObject } from 'react'

/** A scanner types a code as one fast burst; a person's keystrokes are further apart. */
export const SCANNER_GAP_MS = 50
/** Shorter bursts ending in Enter are a person pressing a key, not a scan. */
const MIN_CODE = 3

const TEXT_INPUTS = new Set(['text', 'search', 'number', 'tel', 'email', 'password', 'url'])

/** Where a person types: keys there are theirs (a read-only select box takes no text). */
function isEditable(el: Element | null): boolean {
  if (el instanceof HTMLInputElement) {
    return !el.readOnly && TEXT_INPUTS.has(el.type)
  }
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLElement && el.isContentEditable)
}

function dialogOpen(): boolean {
  return [...document.querySelectorAll('[role="dialog"]')].some(
    (el) => el.getClientRects().length > 0
  )
}

/**
 * The scan box hears every scan on the page: a fast keystroke burst ending with Enter that
 * arrives while no input has focus (the box lost it to a click, a button, a closed dialog) is
 * handed to `onScan` and the box takes focus back. Typing into another input is left alone.
 * `listening` is false while the keys go elsewhere (another input, or the window is not focused).
 */
export function useScanCapture(
  box: RefObject<HTMLInputElement | null>,
  onScan: (code: string) => void
): { readonly listening: boolean } {
  const [listening, setListening] = useState(true)
  const burst = useRef<{ text: string; last: number }>({ text: '', last: 0 })
  const handler = useRef(onScan)
  useEffect(() => {
    handler.current = onScan
  }, [onScan])

  useEffect(() => {
    const update = () => {
      const active = document.activeElement
      setListening(
        document.hasFocus() && (active === box.current || active === null || !isEditable(active))
      )
    }
    const onKey = (e: KeyboardEvent) => {
      const active = document.activeElement
      if (active === box.current || isEditable(active) || e.ctrlKey || e.altKey || e.metaKey) {
        burst.current = { text: '', last: 0 }
        return
      }
      const now = e.timeStamp
      const b = burst.current
      const fast = b.text !== '' && now - b.last < SCANNER_GAP_MS
      if (e.key === 'Enter') {
        if (fast && b.text.length >= MIN_CODE) {
          e.preventDefault()
          handler.current(b.text)
          box.current?.focus()
        }
        burst.current = { text: '', last: 0 }
        return
      }
      if (e.key.length !== 1) {
        return
      }
      burst.current = { text: fast ? b.text + e.key : e.key, last: now }
    }
    // Focus that lands nowhere (a dialog closed, a button was pressed) goes back to the box.
    const reclaim = () => {
      setTimeout(() => {
        const active = document.activeElement
        const idle =
          active === null || active === document.body || active instanceof HTMLButtonElement
        if (idle && !dialogOpen() && document.hasFocus()) {
          box.current?.focus()
        }
        update()
      }, 0)
    }
    const onFocusIn = (e: FocusEvent) => {
      update()
      if (e.target instanceof HTMLButtonElement) {
        reclaim()
      }
    }
    const onFocusOut = (e: FocusEvent) => {
      if (e.relatedTarget === null) {
        reclaim()
      }
    }
    update()
    window.addEventListener('keydown', onKey, true)
    window.addEventListener('focusin', onFocusIn)
    window.addEventListener('focusout', onFocusOut)
    window.addEventListener('focus', update)
    window.addEventListener('blur', update)
    return () => {
      window.removeEventListener('keydown', onKey, true)
      window.removeEventListener('focusin', onFocusIn)
      window.removeEventListener('focusout', onFocusOut)
      window.removeEventListener('focus', update)
      window.removeEventListener('blur', update)
    }
  }, [box])

  return { listening }
}
