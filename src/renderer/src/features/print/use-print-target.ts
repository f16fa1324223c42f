import { useCallback, useEffect, useRef, useState } from 'react'
import type { LABEL_SIZES } from '../../../../shared/api/printers'
import type { MethodOutput } from '../../../../shared/contract'
import { useClient } from '../../api/context'
import { errorWords } from '../../lib/error-words'

export type TemplateId = (typeof LABEL_SIZES)[number]
export type CarrierInfo = MethodOutput<'carriers.list'>['carriers'][number]
export type PrinterInfo = MethodOutput<'printers.list'>['printers'][number]

/** What a print goes to: carrier, label template, printer, privacy masking. */
export type PrintTarget = {
  readonly carrier: string | null
  readonly template: TemplateId
  readonly printerId: number | null
  readonly maskPrivacy: boolean
}

/** Settings key 'print.defaults': the last target used, per shop id ("*" for any shop). */
export type SavedDefaults = Readonly<Record<string, Partial<PrintTarget>>>

/** The entry used where no shop is known, and for a shop that has none of its own yet. */
export const ANY_SHOP = '*'

export function defaultsKey(shopId: number | null): string {
  return shopId === null ? ANY_SHOP : String(shopId)
}

/** What was saved for this shop, else the global fallback. */
export function savedFor(saved: SavedDefaults, key: string): Partial<PrintTarget> | undefined {
  return saved[key] ?? saved[ANY_SHOP]
}

/**
 * Remembers a target for a shop without touching the other shops' entries. The global fallback
 * is written only when no shop is known, or when there is none yet (a first shop's choice is a
 * better start for a new shop than nothing); a later shop's choice does not overwrite it.
 */
export function rememberDefaults(
  saved: SavedDefaults,
  key: string,
  target: PrintTarget
): SavedDefaults {
  const next: Record<string, Partial<PrintTarget>> = { ...saved, [key]: target }
  if (key === ANY_SHOP || saved[ANY_SHOP] === undefined) {
    next[ANY_SHOP] = target
  }
  return next
}

const TEMPLATES: readonly TemplateId[] = ['76x130', '100x150', '100x180']

function parseDefaults(json: string | null): SavedDefaults {
  if (json === null) {
    return {}
  }
  try {
    const value: unknown = JSON.parse(json)
    return typeof value === 'object' && value !== null ? (value as SavedDefaults) : {}
  } catch {
    return {}
  }
}

/** Keeps only what still exists (a removed printer or an unknown template is dropped). */
function sanitize(
  saved: Partial<PrintTarget> | undefined,
  printers: readonly PrinterInfo[],
  carriers: readonly CarrierInfo[]
): PrintTarget {
  const defaultPrinter = printers.find((p) => p.isDefault) ?? printers[0]
  const printer = printers.find((p) => p.id === saved?.printerId) ?? defaultPrinter ?? null
  const carrier = carriers.find((c) => c.code === saved?.carrier)?.code ?? null
  const template =
    saved?.template && TEMPLATES.includes(saved.template)
      ? saved.template
      : (printer?.labelSize ?? '76x130')
  return {
    carrier,
    template,
    printerId: printer?.id ?? null,
    maskPrivacy: saved?.maskPrivacy ?? true
  }
}

/**
 * The target after a load. A load for the shop the current target already belongs to (a balance
 * refresh) keeps the packer's choice; a load for another shop (the batch's shop just became
 * known, or changed) restores that shop's saved defaults.
 */
export function targetOnLoad(options: {
  readonly current: PrintTarget
  readonly currentKey: string | null
  readonly key: string
  readonly saved: SavedDefaults
  readonly printers: readonly PrinterInfo[]
  readonly carriers: readonly CarrierInfo[]
}): PrintTarget {
  const { current, currentKey, key, saved, printers, carriers } = options
  return currentKey === key
    ? sanitize(current, printers, carriers)
    : sanitize(savedFor(saved, key), printers, carriers)
}

/** Kept for the print pages' imports: one helper turns every error into words (lib/error-words). */
export const errorText = errorWords

/**
 * Carriers (with pool balance), printers and the remembered print target for a shop. The default
 * printer is preselected; the last choice for the shop wins when it still exists.
 */
export function usePrintTarget(shopId: number | null): {
  readonly carriers: readonly CarrierInfo[]
  readonly printers: readonly PrinterInfo[]
  readonly target: PrintTarget
  readonly setTarget: (next: PrintTarget) => void
  readonly remember: () => void
  readonly reload: () => void
  readonly loaded: boolean
} {
  const client = useClient()
  const [carriers, setCarriers] = useState<readonly CarrierInfo[]>([])
  const [printers, setPrinters] = useState<readonly PrinterInfo[]>([])
  const [saved, setSaved] = useState<SavedDefaults>({})
  const [target, setTarget] = useState<PrintTarget>({
    carrier: null,
    template: '76x130',
    printerId: null,
    maskPrivacy: true
  })
  const [loaded, setLoaded] = useState(false)
  const [reloadKey, setReloadKey] = useState(0)
  const key = defaultsKey(shopId)
  /** Which shop's defaults the target on screen started from (null before the first load). */
  const targetKey = useRef<string | null>(null)

  useEffect(() => {
    let live = true
    void Promise.all([
      client.call('carriers.list', {}),
      client.call('printers.list', {}),
      client.call('settings.get', { key: 'print.defaults' })
    ])
      .then(([c, p, s]) => {
        if (!live) {
          return
        }
        const defaults = parseDefaults(s.value)
        setCarriers(c.carriers)
        setPrinters(p.printers)
        setSaved(defaults)
        const currentKey = targetKey.current
        targetKey.current = key
        setTarget((current) =>
          targetOnLoad({
            current,
            currentKey,
            key,
            saved: defaults,
            printers: p.printers,
            carriers: c.carriers
          })
        )
        setLoaded(true)
      })
      .catch(() => {
        if (live) {
          setLoaded(true)
        }
      })
    return () => {
      live = false
    }
  }, [client, key, reloadKey])

  const remember = useCallback(() => {
    const next = rememberDefaults(saved, key, target)
    setSaved(next)
    void client
      .call('settings.set', { key: 'print.defaults', value: JSON.stringify(next) })
      .catch(() => undefined)
  }, [client, key, saved, target])

  const reload = useCallback(() => {
    setReloadKey((k) => k + 1)
  }, [])

  return { carriers, printers, target, setTarget, remember, reload, loaded }
}
