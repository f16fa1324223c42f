import { expect, test } from 'vitest'
import { openDatabase, schemaVersion } from '../../../src/main/core/db/connection'

test('fresh database migrates to the latest version', () => {
  const db = openDatabase(':memory:')
  expect(schemaVersion(db)).toBe(10)
  expect(db.prepare('SELECT count(*) AS n FROM shops').get()).toEqual({ n: 1 })
})
