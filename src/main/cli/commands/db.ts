import type { Command } from 'commander'
import { schemaVersion } from '../../core/db/connection'
import { countRows } from '../../core/db/stats-repo'
import type { CliContext } from '../cli-context'

export function registerDbCommands(program: Command, cli: CliContext): void {
  program
    .command('db')
    .description('database: info')
    .command('info')
    .description('schema version, file and row counts')
    .action(() => {
      const core = cli.open()
      const info = {
        dataDir: core.ctx.dataDir,
        schemaVersion: schemaVersion(core.db),
        rows: countRows(core.db)
      }
      cli.print(
        [
          `data: ${info.dataDir}`,
          `schema version: ${String(info.schemaVersion)}`,
          ...Object.entries(info.rows).map(([t, n]) => `${t}: ${String(n)}`)
        ].join('\n'),
        info
      )
    })
}
