import { InputError } from '../core/errors.js'
import { createRedactor } from '../core/output/redact.js'
import { VERSION } from '../core/version.js'
import { BIN, helpText, UsageError, type CommandSpec } from './args.js'
import { COMMANDS } from './commands.js'

/** A command's entry: its arguments after the command name; resolves to the exit code. */
type Command = (argv: string[]) => Promise<number>

/** Each command loads on demand, so `--help` and `run` never load cron or YAML code. */
const LOADERS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.js')).runCommand,
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
    process.stdout.write(overview())
    return name === undefined ? 2 : 0
  }
  if (name === '--version' || name === '-v') {
    process.stdout.write(`${VERSION}\n`)
    return 0
  }
  const spec = COMMANDS.find(c => c.name === name)
  const load = LOADERS[name]
  if (!spec || !load) {
    process.stderr.write(
      `${BIN}: unknown command '${name}'. Commands: ${COMMANDS.map(c => c.name).join(', ')}.\nRun '${BIN} --help' for more.\n`
    )
    return 2
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helpText(spec))
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

function reportError(error: unknown, spec: CommandSpec): number {
  if (error instanceof UsageError) {
    const text = error.message.startsWith(BIN)
      ? error.message
      : `${BIN} ${spec.name}: ${error.message}`
    process.stderr.write(`${text}\n`)
    return 2
  }
  if (error instanceof InputError) {
    // Inputs and flags share their names, so the input names the flag. A
    // value can hold the token (pasted into --url), hence the redaction.
    const redact = createRedactor(process.env.QUALYTICS_TOKEN ?? '')
    process.stderr.write(
      redact(`${BIN} ${spec.name}: --${error.input}: ${error.problem}\n`)
    )
    return 2
  }
  const message = error instanceof Error ? error.message : String(error)
  const redact = createRedactor(process.env.QUALYTICS_TOKEN ?? '')
  process.stderr.write(redact(`${BIN} ${spec.name}: ${message}\n`))
  return 1
}
