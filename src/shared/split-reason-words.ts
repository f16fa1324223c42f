import type { SplitReason } from './api/split-plan'

/**
 * A split reason in words, the one source for the renderer's plan editor and the CLI
 * ("冷冻与常温分开", "仓库 B", "超重：单包上限 30 kg").
 */
export type SplitLang = 'zh-CN' | 'en-US'

type Zone = 'ambient' | 'chilled' | 'frozen'

const ZONE_WORDS: Readonly<Record<SplitLang, Readonly<Record<Zone, string>>>> = {
  'zh-CN': { frozen: '冷冻', chilled: '冷藏', ambient: '常温' },
  'en-US': { frozen: 'frozen', chilled: 'chilled', ambient: 'ambient' }
}

/** Coldest first, so every package of one plan reads the same sentence. */
const ZONE_ORDER: readonly Zone[] = ['frozen', 'chilled', 'ambient']

function kg(grams: number): string {
  return String(Math.round(grams / 100) / 10)
}

function zoneList(zones: readonly Zone[], lang: SplitLang): string {
  const words = ZONE_ORDER.filter((z) => zones.includes(z)).map((z) => ZONE_WORDS[lang][z])
  if (lang === 'zh-CN') {
    return words.length <= 2
      ? words.join('与')
      : `${words.slice(0, -1).join('、')}与${words.at(-1) ?? ''}`
  }
  const [head = '', ...rest] = words
  const text =
    rest.length === 0 ? head : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`
  return text.charAt(0).toUpperCase() + text.slice(1)
}

export function splitReasonWords(reason: SplitReason, lang: SplitLang): string {
  const zh = lang === 'zh-CN'
  switch (reason.code) {
    case 'warehouse':
      if (reason.warehouse === '') return zh ? '默认仓库' : 'Default warehouse'
      return zh ? `仓库 ${reason.warehouse}` : `Warehouse ${reason.warehouse}`
    case 'temperature': {
      const zones = reason.zones.length > 1 ? reason.zones : [reason.zone]
      return zh ? `${zoneList(zones, lang)}分开` : `${zoneList(zones, lang)} kept apart`
    }
    case 'overweight':
      return zh
        ? `超重：单包上限 ${kg(reason.limitG)} kg`
        : `Overweight: at most ${kg(reason.limitG)} kg a package`
    case 'oversize':
      if (reason.side === 'longest') {
        return zh
          ? `超长：最长边上限 ${String(reason.limitMm)} mm`
          : `Oversize: longest side at most ${String(reason.limitMm)} mm`
      }
      return zh
        ? `超大：三边之和上限 ${String(reason.limitMm)} mm`
        : `Oversize: sides sum to at most ${String(reason.limitMm)} mm`
    case 'over_limit':
      return zh ? '超限：单件超过所有限制' : 'Over limit: one piece exceeds the carrier limits'
    case 'manual':
      return zh ? '手动拆单' : 'Split by hand'
  }
}
