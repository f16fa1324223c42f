import { readFileSync } from 'node:fs'
import { Command, CommanderError } from 'commander'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract'
import { maskName, maskPhone } from '../../shared/phone'
import { openCore, type Core } from '../core/app'
import { schemaVersion } from '../core/db/connection'
import { countRows } from '../core/db/stats-repo'
import { resolveDataDir } from '../core/paths'

export type CliIo = {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly env: NodeJS.ProcessEnv
}

/** A failure the user can fix: printed as one line, exit code 1. */
class CliFailure extends Error {}

type Globals = { dataDir: string | undefined; json: boolean; rest: string[] }

/** `--data-dir` and `--json` are global and may stand before or after the verb. */
export function extractGlobals(argv: readonly string[]): Globals {
  const rest: string[] = []
  let dataDir: string | undefined
  let json = false
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? ''
    if (arg === '--json') {
      json = true
    } else if (arg === '--data-dir') {
      dataDir = argv[i + 1]
      if (dataDir === undefined || dataDir.startsWith('--')) {
        throw new CliFailure('--data-dir needs a folder')
      }
      i += 1
    } else if (arg.startsWith('--data-dir=')) {
      dataDir = arg.slice('--data-dir='.length)
    } else {
      rest.push(arg)
    }
  }
  return { dataDir, json, rest }
}

/** Runs the CLI and returns its exit code (0 ok, 1 failure, 2 usage). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let core: Core | undefined
  try {
    const globals = extractGlobals(argv)
    const open = (): Core => {
      core ??= openCore({
        dataDir: resolveDataDir(globals.dataDir, io.env),
        host: { host: 'cli', version: io.env.npm_package_version ?? '0.1.0' },
        actor: 'cli'
      })
      return core
    }
    const call = async <M extends MethodName>(
      method: M,
      input: MethodInput<M>
    ): Promise<MethodOutput<M>> => {
      const result = await open().dispatch(method, input)
      if (!result.ok) {
        throw new CliFailure(result.error.message)
      }
      return result.value as MethodOutput<M>
    }
    const print = (human: string, json: unknown) => {
      io.out(globals.json ? JSON.stringify(json) : human)
    }

    const program = new Command('waybill-station')
      .description('Waybill Station command line: the same core as the app.')
      .exitOverride()
      .configureOutput({
        writeOut: (s) => {
          io.out(s.trimEnd())
        },
        writeErr: (s) => {
          io.err(s.trimEnd())
        }
      })
      .helpOption('-h, --help', 'show help (global flags: --data-dir DIR, --json)')

    const orders = program.command('orders').description('orders: add, list')
    orders
      .command('add')
      .description('add one order from a JSON file (the orders.add contract input)')
      .requiredOption('--file <ORDER.json>', 'the order as JSON')
      .action(async (options: { file: string }) => {
        const input = readJsonFile(options.file) as MethodInput<'orders.add'>
        const order = await call('orders.add', input)
        print(`added order ${order.platformOrderId} (id ${String(order.id)})`, order)
      })
    orders
      .command('list')
      .description('list orders, newest first')
      .option('--query <Q>', 'keyword: order id, receiver name, phone or tracking number', '')
      .option('--limit <N>', 'how many rows', '50')
      .action(async (options: { query: string; limit: string }) => {
        const limit = Number(options.limit)
        if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
          throw new CliFailure(
            `--limit must be a whole number from 1 to 500, got "${options.limit}"`
          )
        }
        const page = await call('orders.list', { query: options.query, limit })
        const lines = page.rows.map((r) =>
          [
            r.platformOrderId,
            maskName(r.receiverName),
            maskPhone(r.receiverPhone),
            r.region,
            r.itemSummary,
            r.status
          ].join('\t')
        )
        print(
          [`${String(page.total)}${page.totalCapped ? '+' : ''} orders`, ...lines].join('\n'),
          page
        )
      })

    program
      .command('db')
      .description('database: info')
      .command('info')
      .description('schema version, file and row counts')
      .action(() => {
        const c = open()
        const info = {
          dataDir: c.ctx.dataDir,
          schemaVersion: schemaVersion(c.db),
          rows: countRows(c.db)
        }
        print(
          [
            `data: ${info.dataDir}`,
            `schema version: ${String(info.schemaVersion)}`,
            ...Object.entries(info.rows).map(([t, n]) => `${t}: ${String(n)}`)
          ].join('\n'),
          info
        )
      })

    if (globals.rest.length === 0) {
      program.outputHelp()
      return 2
    }
    await program.parseAsync([...globals.rest], { from: 'user' })
    return 0
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its one line (or the help text).
      return error.exitCode === 0 ? 0 : 2
    }
    io.err(`waybill-station: ${error instanceof Error ? error.message : String(error)}`)
    return 1
  } finally {
    core?.close()
  }
}

function readJsonFile(file: string): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch {
    throw new CliFailure(`cannot read ${file}`)
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new CliFailure(
      `${file} is not valid JSON (${error instanceof Error ? error.message : ''})`
    )
  }
}
