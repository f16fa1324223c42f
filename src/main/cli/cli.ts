import { Command, CommanderError } from 'commander'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/contract'
import { openCore, type Core } from '../core/app'
import { sourceCommitWorker } from '../core/import/commit-worker-source'
import { resolveDataDir } from '../core/paths'
import { CliFailure, type CliContext } from './cli-context'
import { registerDbCommands } from './commands/db'
import { registerDemoCommands } from './commands/demo'
import { registerManualPrintCommands } from './commands/manual-print'
import { registerPrintingCommands } from './commands/printing'
import { registerOrderCommands } from './commands/orders'
import { registerPackageCommands } from './commands/packages'
import { registerLabelCommands } from './commands/labels'
import { registerPrinterCommands } from './commands/printers'
import { registerSkuCommands } from './commands/skus'

export type CliIo = {
  readonly out: (text: string) => void
  readonly err: (text: string) => void
  readonly env: NodeJS.ProcessEnv
}

/** One registration function per domain; each adds its verbs to the program. */
const COMMANDS: readonly ((program: Command, cli: CliContext) => void)[] = [
  registerOrderCommands,
  registerPackageCommands,
  registerSkuCommands,
  registerDbCommands,
  registerManualPrintCommands,
  registerPrinterCommands,
  registerLabelCommands,
  registerPrintingCommands,
  registerDemoCommands
]

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
        actor: 'cli',
        importCommitWorker: sourceCommitWorker()
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

    const cli: CliContext = { open, call, print, json: globals.json }
    for (const register of COMMANDS) {
      register(program, cli)
    }

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
