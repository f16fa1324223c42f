import { expect, test } from 'vitest'
import { openDatabase, schemaVersion } from '../../../src/main/core/db/connection'
import { MIGRATIONS } from '../../../src/main/core/db/migrations'

test('fresh database migrates to the latest version', () => {
  const db = openDatabase(':memory:')
  expect(schemaVersion(db)).toBe(MIGRATIONS.at(-1)?.version)
  expect(db.prepare('SELECT count(*) AS n FROM shops').get()).toEqual({ n: 1 })
})
