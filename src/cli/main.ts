import { InputError } from '../core/errors.js'
import { MASK } from '../core/output/redact.js'
import { VERSION } from '../core/version.js'
import { BIN, helpText, UsageError, type CommandSpec } from './args.js'
import { COMMANDS } from './commands.js'
import { stderr, stdout } from './terminal.js'

/** A command's entry: its arguments after the command name; resolves to the exit code. */
type Command = (argv: string[]) => Promise<number>

/** Each command loads on demand, so `--help` and `run` never load cron or YAML code. */
const LOADERS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.js')).runCommand,
  report: async () => (await import('./report.js')).reportCommand,
  schedule: async () => (await import('./schedule.js')).scheduleCommand,
  list: async () => (await import('./list.js')).listCommand,
  check: async () => (await import('./check.js')).checkCommand,
  remove: async () => (await import('./remove.js')).removeCommand
}

/** The overview `qualytics-export --help` prints. */
function overview(): string {
  const width = Math.max(...COMMANDS.map(c => c.name.length)) + 2
  return [
    `${BIN} ${VERSION}: export Qualytics quality metadata (anomalies, checks,`,
    'field profiles) to the enrichment datastore, now or on a GitHub schedule.',
    '',
    `Usage: ${BIN} <command> [flags]`,
    '',
    'Commands:',
    ...COMMANDS.map(c => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    `Run '${BIN} <command> --help' for a command's flags.`,
    ''
  ].join('\n')
}

/**
 * The CLI: dispatch to a command and turn what it throws into an exit code
 * (2 for bad flags or input, 1 for anything else). The one place that
 * catches everything.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv
  if (
    name === undefined ||
    name === '--help' ||
    name === '-h' ||
    name === 'help'
  ) {
    stdout.write(overview())
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    stdout.write(`${VERSION}\n`)
    return 0
  }
  const spec = COMMANDS.find(c => c.name === name)
  const load = LOADERS[name]
  if (!spec || !load) {
    stderr.write(
      `${BIN}: unknown command '${shown(name)}'. Commands: ${COMMANDS.map(c => c.name).join(', ')}.\nRun '${BIN} --help' for more.\n`
    )
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    stdout.write(helpText(spec))
    return 0
  }
  try {
    return await (
      await load()
    )(rest)
  } catch (error) {
    return reportError(error, spec)
  }
}

/**
 * A word the user typed, to echo in an error: only when it looks like a
 * command or flag name. Anything else may be a token pasted in the wrong
 * place (and QUALYTICS_TOKEN may not be set to redact it), so it is
 * described, not shown.
 */
export function shown(arg: string): string {
  return /^-{0,2}[A-Za-z][A-Za-z-]{0,23}$/.test(arg)
    ? arg
    : `${MASK} (${arg.length} characters, not shown: it may be a secret)`
}

/**
 * node:util parseArgs quotes the offending argument (twice for an unknown
 * option): show it only when it is harmless.
 */
function withoutStrayArgs(message: string): string {
  const match = /(?:Unexpected argument|Unknown option) '([^']*)'/.exec(message)
  const arg = match?.[1]
  return arg ? message.split(arg).join(shown(arg)) : message
}

function reportError(error: unknown, spec: CommandSpec): number {
  if (error instanceof UsageError) {
    const message = withoutStrayArgs(error.message)
    const text = message.startsWith(BIN)
      ? message
      : `${BIN} ${spec.name}: ${message}`
    stderr.write(`${text}\n`)
    return 2
  }
  if (error instanceof InputError) {
    // Inputs and flags share their names, so the input names the flag. A
    // value can hold the token (pasted into --url): the writer redacts it.
    stderr.write(`${BIN} ${spec.name}: --${error.input}: ${error.problem}\n`)
    return 2
  }
  const message = error instanceof Error ? error.message : String(error)
  stderr.write(`${BIN} ${spec.name}: ${message}\n`)
  return 1
}
