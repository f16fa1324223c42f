/**
 * The bench's export run, alone in its own process so its peak RSS is the export's own:
 * argv <databaseFile> <out.xlsx|out.csv>. Prints one JSON line { rows, ms, maxRssMb }.
 */
import { performance } from 'node:perf_hooks'
import { peakRssMb } from '../../bench/support/peak-rss'
import { openDatabase } from '../../src/main/core/db/connection'
import { DEFAULT_EXPORT_COLUMNS, exportPrinted } from '../../src/main/core/manual-print/export'

const [dbFile = '', outFile = ''] = process.argv.slice(2)

async function main(): Promise<void> {
  const db = openDatabase(dbFile)
  const started = performance.now()
  const { rows } = await exportPrinted(
    db,
    {
      query: '',
      carrier: undefined,
      shipped: undefined,
      verified: undefined,
      includeVoided: false,
      packageIds: undefined
    },
    {
      format: outFile.endsWith('.csv') ? 'csv' : 'xlsx',
      encoding: 'utf8bom',
      columns: DEFAULT_EXPORT_COLUMNS,
      fullPhone: false,
      preset: 'default'
    },
    outFile
  )
  const ms = performance.now() - started
  db.close()
  const maxRssMb = peakRssMb()
  process.stdout.write(`${JSON.stringify({ rows, ms, maxRssMb })}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`
  )
  process.exit(1)
})
