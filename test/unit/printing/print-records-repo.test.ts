import { PDFDocument } from 'pdf-lib'
import { expect, test } from 'vitest'
import {
  insertQueuedRecords,
  listPackageRecords,
  markSending,
  markSent
} from '../../../src/main/core/db/print-records-repo'
import { confirm, pendingConfirmation } from '../../../src/main/core/printing'
import { builtinTemplate } from '../../../src/main/core/printing/builtin-templates'
import { toPdf } from '../../../src/main/core/printing/pdf'
import { renderLabel } from '../../../src/main/core/printing/render'
import { packagePrintState, printDb, seedPackages } from '../../support/printing-db'
import { sampleLabel } from '../../support/printing-fixtures'

test('a job is recorded all or nothing; states move queued -> sending -> sent with the package', () => {
  const db = printDb()
  const [a, b] = seedPackages(db, 2)
  if (!a || !b) {
    throw new Error('seed')
  }
  const opts = { printer: 'p', jobId: 'j1', reprint: false, now: 5 }
  // The second label names a wrong tracking number: neither is recorded.
  expect(() =>
    insertQueuedRecords(
      db,
      [
        { packageId: a.packageId, trackingNumber: a.data.trackingNumber },
        { packageId: b.packageId, trackingNumber: 'OTHER' }
      ],
      opts
    )
  ).toThrow(/tracking number/)
  expect(listPackageRecords(db, a.packageId)).toEqual([])
  const [rec] = insertQueuedRecords(
    db,
    [{ packageId: a.packageId, trackingNumber: a.data.trackingNumber }],
    opts
  )
  expect(packagePrintState(db, a.packageId)).toBe('queued')
  markSending(db, rec?.id ?? -1, 'abc', 6)
  expect(packagePrintState(db, a.packageId)).toBe('printing')
  expect(pendingConfirmation(db).map((r) => r.id)).toEqual([rec?.id])
  markSent(db, rec?.id ?? -1, 7)
  expect(packagePrintState(db, a.packageId)).toBe('printed')
  expect(pendingConfirmation(db)).toEqual([])
  expect(() => confirm(db, 9999, true)).toThrow(/does not exist/)
  db.close()
})

test('toPdf makes one page per label at the label size', async () => {
  const template = builtinTemplate('100x180')
  const bitmaps = [1, 2].map((i) => renderLabel(template, sampleLabel({ packageIndex: i })))
  const pdf = await PDFDocument.load(await toPdf(bitmaps, 203))
  expect(pdf.getPageCount()).toBe(2)
  const { width, height } = pdf.getPage(0).getSize()
  expect(width).toBeCloseTo((100 / 25.4) * 72, 1)
  expect(height).toBeCloseTo((180 / 25.4) * 72, 1)
})
