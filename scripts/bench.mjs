// `npm run bench [-- --json] [-- --only NAME]` on the project's own Node (see DESIGN §9).
import { spawnSync } from 'node:child_process'

const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', 'bench/index.ts', ...process.argv.slice(2)],
  { stdio: 'inherit' }
)
process.exit(r.status ?? 1)
