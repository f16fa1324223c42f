import { afterEach, beforeEach, expect, test } from 'vitest'
import { openDatabase, type WritableDB } from '../../../src/main/core/db/connection'
import { MIGRATIONS } from '../../../src/main/core/db/migrations'
import { insertPackage } from '../../../src/main/core/db/packages-repo'
import { insertQueuedRecords } from '../../../src/main/core/db/print-records-repo'
import { countRowsOf, makeTempDir } from '../../support/core-fixtures'

let temp: ReturnType<typeof makeTempDir>
const opened: WritableDB[] = []

beforeEach(() => {
  temp = makeTempDir('wb-m0050-')
})
afterEach(() => {
  for (const db of opened.splice(0)) {
    db.close()
  }
  temp.remove()
})

/** What the old 测试打印 wrote (printers-repo newPrinterTestPackage before 0050), twice. */
function oldTestPrints(db: WritableDB): void {
  const orderId = Number(
    db
      .prepare(
        `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone, province, city,
                             district, address_detail, receiver_phone_rev, remark, created_at, updated_at)
         VALUES (1, 'PRINTER-TEST', 'closed', '打印测试', '', '', '', '', '', '', '打印机测试页，不发货', 0, 0)`
      )
      .run().lastInsertRowid
  )
  for (const sequence of [1, 2]) {
    const packageId = insertPackage(db, {
      orderId,
      sequence,
      role: 'appended',
      carrier: null,
      trackingNumber: null,
      template: null,
      createdAt: 0
    })
    insertQueuedRecords(db, [{ packageId, trackingNumber: `TEST000000000${String(sequence)}` }], {
      printer: 'old',
      jobId: `job-${String(sequence)}`,
      reprint: false,
      now: 0
    })
  }
}

test('0050 removes the old PRINTER-TEST order with its packages and records, nothing else', () => {
  const file = `${temp.dir}/app.db`
  const old = openDatabase(file, { migrations: MIGRATIONS.filter((m) => m.version < 50) })
  // Raw SQL in the columns of that schema: today's order writer knows later columns (ship_by…).
  const realId = Number(
    old
      .prepare(
        `INSERT INTO orders (shop_id, platform_order_id, status, receiver_name, receiver_phone, province, city,
                             district, address_detail, receiver_phone_rev, created_at, updated_at)
         VALUES (1, 'REAL-1', 'pending', '张三', '13812345678', '浙江省', '杭州市', '西湖区', '文三路',
                 '87654321831', 0, 0)`
      )
      .run().lastInsertRowid
  )
  const realPackage = insertPackage(old, {
    orderId: realId,
    sequence: 1,
    role: 'first',
    carrier: 'ZTO',
    trackingNumber: 'ZT0001',
    template: null,
    createdAt: 0
  })
  insertQueuedRecords(old, [{ packageId: realPackage, trackingNumber: 'ZT0001' }], {
    printer: 'old',
    jobId: 'real',
    reprint: false,
    now: 0
  })
  oldTestPrints(old)
  expect(countRowsOf(old, 'orders')).toBe(2)
  expect(countRowsOf(old, 'print_records')).toBe(3)
  old.close()

  const db = openDatabase(file)
  opened.push(db)
  expect(db.prepare('SELECT platform_order_id AS id FROM orders').all()).toEqual([{ id: 'REAL-1' }])
  expect(countRowsOf(db, 'packages')).toBe(1)
  expect(countRowsOf(db, 'print_records')).toBe(1)
  // Every printer starts asking its status and knowing nothing of its replies.
  const columns = db
    .prepare<[], { name: string; dflt_value: string | null }>(
      "SELECT name, dflt_value FROM pragma_table_info('printers') WHERE name LIKE 'status_%'"
    )
    .all()
  expect(columns).toEqual([
    { name: 'status_mode', dflt_value: "'auto'" },
    { name: 'status_replies', dflt_value: "'unknown'" }
  ])
})
