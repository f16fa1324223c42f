import { contractOutputBench } from './contract-output.bench'
import type { Bench, Figure } from './harness'
import { importBench } from './import.bench'
import { labelsBench } from './labels.bench'
import { manualPrintBench } from './manual-print.bench'
import { ordersBench } from './orders.bench'
import { packagesAppendBench } from './packages-append'
import { packagesSplitBench } from './packages-split.bench'
import { packagesListBench } from './packages-list.bench'

/** `npm run bench [-- --json] [-- --only NAME]`: a readable table, or one JSON object per line. */
const BENCHES: readonly Bench[] = [
  ordersBench,
  importBench,
  labelsBench,
  manualPrintBench,
  contractOutputBench,
  packagesSplitBench,
  packagesListBench,
  packagesAppendBench
]

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json')
  const onlyIndex = argv.indexOf('--only')
  const only = onlyIndex >= 0 ? argv[onlyIndex + 1] : undefined
  const selected = BENCHES.filter((b) => only === undefined || b.name === only)
  if (selected.length === 0) {
    throw new Error(
      `No benchmark named ${only ?? ''}; have: ${BENCHES.map((b) => b.name).join(', ')}`
    )
  }
  const rows: Figure[] = []
  for (const bench of selected) {
    if (!json) {
      process.stdout.write(`running ${bench.name}…\n`)
    }
    await bench.run((figure) => {
      rows.push(figure)
      if (json) {
        process.stdout.write(`${JSON.stringify({ bench: bench.name, ...figure })}\n`)
      } else {
        const extra = Object.entries(figure)
          .filter(([k]) => !['name', 'value', 'unit'].includes(k))
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(' ')
        process.stdout.write(
          `  ${figure.name.padEnd(40)} ${String(figure.value).padStart(12)} ${figure.unit.padEnd(10)} ${extra}\n`
        )
      }
    })
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
})
