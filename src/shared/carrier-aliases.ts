import { CARRIERS, type Carrier } from './carriers'

/**
 * Sheets name a carrier by its code (ZTO), its full name (中通快递) or the short name packers
 * say (中通). One lookup built from src/shared/carriers.ts, so a carrier added there is
 * recognised everywhere without a second list.
 */
const NAME_SUFFIXES = /(快递包裹|快递|速递|速运|物流)$/

/** Letters upper-cased, spaces and punctuation gone: "zto ", "ZTO" and "中通 快递" compare equal. */
function key(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\-_()（）·.]/g, '')
    .toUpperCase()
}

function aliasesOf(carrier: Carrier): string[] {
  const names = [carrier.code, carrier.name, carrier.name.replace(NAME_SUFFIXES, '')]
  if (carrier.taobaoCode !== null) {
    names.push(carrier.taobaoCode)
  }
  return names
}

const BY_ALIAS: ReadonlyMap<string, Carrier> = (() => {
  const map = new Map<string, Carrier>()
  for (const carrier of CARRIERS) {
    for (const alias of aliasesOf(carrier)) {
      const k = key(alias)
      if (k !== '' && !map.has(k)) {
        map.set(k, carrier)
      }
    }
  }
  return map
})()

/** The carrier a sheet cell names (code, name or short name), or undefined. */
export function resolveCarrier(text: string): Carrier | undefined {
  const k = key(text)
  if (k === '') {
    return undefined
  }
  return BY_ALIAS.get(k) ?? BY_ALIAS.get(k.replace(NAME_SUFFIXES, ''))
}
