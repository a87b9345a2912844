import { parseArgs } from 'node:util'

/** The command's name as users type it. */
export const BIN = 'qualytics-export'

/** One flag of a command, as `--help` shows it. */
export interface FlagSpec {
  type: 'string' | 'boolean'
  /** Placeholder of the value in help (`<cron>`). */
  value?: string
  description: string
}

/** A command: its flags and the text `--help` prints. */
export interface CommandSpec {
  name: string
  summary: string
  usage: string
  flags: Record<string, FlagSpec>
  /** Lines printed after the flags (examples, notes). */
  notes?: string[]
  /** The command takes operands (files) after its flags. */
  operands?: boolean
}

/** Parsed flags: strings for string flags, true for boolean ones given. */
export type Flags = Record<string, string | boolean | undefined>

/** Bad flags or input: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'UsageError'
  }
}

/** Flags every command accepts. */
const COMMON: Record<string, FlagSpec> = {
  help: { type: 'boolean', description: 'Show this help.' }
}

/**
 * Parse a command's flags with node:util parseArgs (strict: unknown flags,
 * positionals and missing values are refused) and turn its terse errors into
 * a UsageError that says how to get help.
 */
export function parseFlags(spec: CommandSpec, argv: readonly string[]): Flags {
  return parseCommandLine(spec, argv).flags
}

/** parseFlags, and the operands of a command that takes them (`report <files…>`). */
export function parseCommandLine(
  spec: CommandSpec,
  argv: readonly string[]
): { flags: Flags; operands: string[] } {
  const options = Object.fromEntries(
    Object.entries({ ...spec.flags, ...COMMON }).map(([name, flag]) => [
      name,
      { type: flag.type }
    ])
  )
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: spec.operands === true
    })
    return { flags: values, operands: positionals }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    throw new UsageError(
      `${BIN} ${spec.name}: ${message.replace(/\s+/g, ' ').trim()}\nRun '${BIN} ${spec.name} --help' for the flags.`
    )
  }
}

/** A string flag's value; undefined when absent, refused when blank. */
export function stringFlag(flags: Flags, name: string): string | undefined {
  const value = flags[name]
  if (typeof value !== 'string') return undefined
  if (value.trim() === '') {
    throw new UsageError(`--${name} is empty; give it a value or leave it out`)
  }
  return value.trim()
}

/** A string flag that must be given. */
export function requiredFlag(
  flags: Flags,
  name: string,
  example: string
): string {
  const value = stringFlag(flags, name)
  if (value === undefined)
    throw new UsageError(`--${name} is required (e.g. --${name} ${example})`)
  return value
}

/** The `--help` text of one command. */
export function helpText(spec: CommandSpec): string {
  const rows = Object.entries({ ...spec.flags, ...COMMON }).map(
    ([name, flag]) => [
      `--${name}${flag.value ? ` ${flag.value}` : ''}`,
      flag.description
    ]
  )
  const width = Math.max(...rows.map(([left]) => (left ?? '').length)) + 2
  const lines = [
    `${spec.summary}`,
    '',
    `Usage: ${BIN} ${spec.usage}`,
    '',
    'Flags:',
    ...rows.map(([left = '', right = '']) => {
      const [first = '', ...rest] = right.split('\n')
      return [
        `  ${left.padEnd(width)}${first}`,
        ...rest.map(r => `  ${' '.repeat(width)}${r}`)
      ].join('\n')
    })
  ]
  if (spec.notes?.length) lines.push('', ...spec.notes)
  return `${lines.join('\n')}\n`
}
