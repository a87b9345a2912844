/**
 * The command line's one way out: the only module that writes to
 * process.stdout and process.stderr, or writes a report file. Every text is
 * redacted (QUALYTICS_TOKEN, in every letter case and encoding) and has its
 * control sequences removed: server text must not redraw a failed export as
 * a green one, or reach the clipboard through OSC 52. The progress display
 * adds its own ANSI codes after its lines have been neutralised.
 */
import { writeFile } from 'node:fs/promises'
import {
  createRedactors,
  secretsOf,
  type Redactor
} from '../core/output/redact.js'
import { createSafeText, type SafeText } from '../core/output/safe.js'

/** One of the two streams, as the commands see it. */
interface TextSink {
  /** Plain text (several lines allowed): redacted, no control sequences. */
  write(text: string): void
  /** One line of text that may hold server text: no line breaks in it. */
  line(text: string): void
  readonly isTTY: boolean
  readonly columns: number | undefined
}

/**
 * Where the progress display writes: its own ANSI codes pass, so it must
 * have neutralised every line (with `SafeText.terminalLine`) before.
 */
interface RawSink {
  write(text: string): void
  readonly isTTY: boolean
  readonly columns: number | undefined
}

/** The command line's writer, for one redaction. */
export interface Terminal {
  readonly safe: SafeText
  readonly stdout: TextSink
  readonly stderr: TextSink
  /** JSON to stdout: redacted, still valid JSON. */
  json(json: string): void
  /** The progress display's stream (see RawSink). */
  raw(which: 'stdout' | 'stderr'): RawSink
  /** A report file (the run summary): redacted, no control sequences. */
  file(path: string, text: string): Promise<void>
}

/** A writer that redacts this secret (by default QUALYTICS_TOKEN). */
export function createTerminal(
  redact: Redactor = createRedactors(
    secretsOf(
      process.env.QUALYTICS_TOKEN ?? '',
      process.env.QUALYTICS_URL ?? ''
    )
  )
): Terminal {
  const safe = createSafeText(redact)
  const sink = (stream: NodeJS.WriteStream): TextSink => ({
    write: text => void stream.write(safe.terminalBlock(text)),
    line: text => void stream.write(`${safe.terminalLine(text)}\n`),
    get isTTY() {
      return Boolean(stream.isTTY)
    },
    get columns() {
      return stream.columns
    }
  })
  const raw = (stream: NodeJS.WriteStream): RawSink => ({
    write: text => void stream.write(text),
    get isTTY() {
      return Boolean(stream.isTTY)
    },
    get columns() {
      return stream.columns
    }
  })
  return {
    safe,
    stdout: sink(process.stdout),
    stderr: sink(process.stderr),
    json: json => void process.stdout.write(`${safe.json(json)}\n`),
    raw: which => raw(which === 'stdout' ? process.stdout : process.stderr),
    file: (path, text) => writeFile(path, safe.terminalBlock(text))
  }
}

let shared: Terminal | undefined
/** The writer of the plain commands, made on first use. */
function terminal(): Terminal {
  return (shared ??= createTerminal())
}

/** Standard output for the plain commands (list, check, schedule, remove, help). */
export const stdout = {
  write: (text: string): void => terminal().stdout.write(text)
}

/** Standard error for the plain commands. */
export const stderr = {
  write: (text: string): void => terminal().stderr.write(text)
}
