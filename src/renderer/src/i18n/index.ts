import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { mergedResources } from './bundles'

export const LANGUAGES = ['zh-CN', 'en-US'] as const
export type Language = (typeof LANGUAGES)[number]

export function isLanguage(value: string | null): value is Language {
  return value !== null && (LANGUAGES as readonly string[]).includes(value)
}

export async function initI18n(language: Language): Promise<void> {
  const { zhCN, enUS } = mergedResources()
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'zh-CN',
    resources: { 'zh-CN': { translation: zhCN }, 'en-US': { translation: enUS } },
    interpolation: { escapeValue: false },
    returnNull: false
  })
}

export { i18next }
