import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { errorWords } from '../../../src/renderer/src/lib/error-words'
import { i18next, initI18n } from '../../../src/renderer/src/i18n'
import { AppCallError, ERROR_CODES } from '../../../src/shared/result'
import { VALIDATION_MESSAGES } from '../../../src/shared/validation-messages'

const CORE = join(__dirname, '../../../src/main/core')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sources(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [readFileSync(join(dir, entry.name), 'utf8')]
        : []
  )
}

/** Every finer reason the core names in an error's details (`fail(CODE, message, { reason })`). */
function coreReasons(): string[] {
  const found = new Set<string>()
  for (const text of sources(CORE)) {
    for (const call of text.matchAll(
      /fail\(\s*(?:'[A-Z_]+'|[^,]*\?[^,]*),[\s\S]{0,600}?\n\s*\)/g
    )) {
      for (const m of call[0].matchAll(/\b(?:reason|code|importCode):\s*'([A-Za-z_]+)'/g)) {
        found.add(m[1] ?? '')
      }
    }
    for (const m of text.matchAll(/new PrintRecordError\(\s*'([A-Z_]+)'/g)) {
      found.add(m[1] ?? '')
    }
  }
  return [...found].sort()
}

const LATIN_WORD = /[A-Za-z]{3,}/

beforeAll(async () => {
  await initI18n('zh-CN')
})

describe('error words', () => {
  test('every error code and every core reason has words in zh-CN and en-US', async () => {
    const reasons = coreReasons()
    // The scan must see the core's reasons, or this test would pass on nothing.
    expect(reasons).toEqual(expect.arrayContaining(['pool_insufficient', 'ALREADY_QUEUED']))
    for (const language of ['zh-CN', 'en-US'] as const) {
      await i18next.changeLanguage(language)
      for (const code of ERROR_CODES) {
        expect(i18next.exists(`errors.codes.${code}`), `${language} errors.codes.${code}`).toBe(
          true
        )
      }
      for (const reason of reasons) {
        const words = ['errors.reasons', 'validation', 'settings.validation'].some((scope) =>
          i18next.exists(`${scope}.${reason}`)
        )
        expect(words, `${language} words for ${reason}`).toBe(true)
      }
      for (const code of Object.keys(VALIDATION_MESSAGES)) {
        const words = ['validation', 'settings.validation'].some((scope) =>
          i18next.exists(`${scope}.${code}`)
        )
        expect(words, `${language} validation.${code}`).toBe(true)
      }
    }
  })

  test('the Chinese UI shows words from the code, never main English message', async () => {
    await i18next.changeLanguage('zh-CN')
    const cases = [
      new AppCallError({ code: 'NOT_FOUND', message: 'Order 5 does not exist' }),
      new AppCallError({ code: 'INTERNAL', message: 'SQLITE_BUSY: database is locked' }),
      new AppCallError({
        code: 'CONFLICT',
        message: 'Package 50 is already waiting to print',
        details: { reason: 'ALREADY_QUEUED' }
      }),
      new AppCallError({
        code: 'RULE_VIOLATION',
        message: 'The ZTO pool holds 1 numbers; this batch needs 3',
        details: { code: 'pool_insufficient', needed: 3, available: 1 }
      }),
      new AppCallError({
        code: 'VALIDATION',
        message: 'receiver.phone must be a mainland mobile',
        details: {
          issues: [{ path: 'receiver.phone', code: 'phone_invalid', message: 'must be…' }]
        }
      }),
      new TypeError('Failed to fetch')
    ]
    for (const error of cases) {
      const words = errorWords(error)
      expect(words.replace(/\b(?:0571-88886666)\b/g, ''), String(error)).not.toMatch(LATIN_WORD)
      expect(words).toMatch(/[\u4e00-\u9fff]/)
    }
    expect(errorWords(cases[3])).toContain('3')
    expect(errorWords(cases[3])).toContain('1')
  })

  test('the core words in both languages (import refusals) follow the UI language', async () => {
    const error = new AppCallError({
      code: 'VALIDATION',
      message: 'The file is empty (0 bytes)',
      details: { importCode: 'FILE_EMPTY', messageZh: '文件是空的（0 字节）' }
    })
    await i18next.changeLanguage('zh-CN')
    expect(errorWords(error)).toBe('文件是空的（0 字节）')
    await i18next.changeLanguage('en-US')
    expect(errorWords(error)).toBe('The file is empty (0 bytes)')
    expect(errorWords(new AppCallError({ code: 'NOT_FOUND', message: 'x' }))).toMatch(/not found/)
  })
})
