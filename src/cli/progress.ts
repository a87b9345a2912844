import { describeChange as describeRecord } from '../core/report/verdict.js'
import type { Redactor } from '../core/output/redact.js'
import { createSafeText } from '../core/output/safe.js'
import type { OperationRecord } from '../core/types.js'

/**
 * Where progress goes: a TTY redraws lines in place, anything else gets
 * plain lines. Its own ANSI codes pass through it, so every line of text
 * is redacted and neutralised (no control sequence, no line break from the
 * server) before they are added.
 */
export interface ProgressStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

/** What `run` tells the user while exports go on. */
export interface Progress {
  /** The exports to watch (the runner's records, updated in place). */
  track(records: readonly OperationRecord[]): void
  /** An export changed state. */
  changed(record: OperationRecord): void
  log(message: string): void
  warn(message: string): void
  /** The run ended: draw the final state and stop redrawing. */
  finish(records: readonly OperationRecord[]): void
  /** Lines are cut to the terminal's width (the full text is worth repeating below). */
  readonly cutsLines: boolean
}

interface Options {
  tty: boolean
  redact: Redactor
  /** Datastore names, filled in once preflight has read them. */
  names: ReadonlyMap<number, string>
  now?: () => number
}

/** A renderer for the stream: live lines on a terminal, one line per change in a pipe. */
export function createProgress(
  stream: ProgressStream,
  options: Options
): Progress {
  return options.tty
    ? liveProgress(stream, options)
    : plainProgress(stream, options)
}

export {
  describeChange as describeRecord,
  exportLabel
} from '../core/report/verdict.js'

function plainProgress(stream: ProgressStream, options: Options): Progress {
  const { names } = options
  const safe = createSafeText(options.redact).terminalLine
  const shown = new Map<OperationRecord, string>()
  const print = (record: OperationRecord): void => {
    const line = describeRecord(record, names)
    if (shown.get(record) === line) return
    shown.set(record, line)
    stream.write(`${safe(line)}\n`)
  }
  return {
    track: () => undefined,
    changed: print,
    log: m => void stream.write(`${safe(m)}\n`),
    warn: m => void stream.write(`${safe(`Warning: ${m}`)}\n`),
    // Results the runner settles at the very end (an empty export becomes a warning).
    finish: records => records.forEach(print),
    cutsLines: false
  }
}

/** Redraw one line per export in place, once a second and on every change. */
function liveProgress(stream: ProgressStream, options: Options): Progress {
  const { names } = options
  const safe = createSafeText(options.redact).terminalLine
  const now = options.now ?? Date.now
  let rows: readonly OperationRecord[] = []
  const startedAt = new Map<OperationRecord, number>()
  let drawn = 0
  const fit = (line: string): string => {
    // A pty without a window size reports 0 columns. The icon takes two
    // cells but counts as one character, and a full line would wrap.
    const width = Math.max(20, (stream.columns || 100) - 2)
    return line.length > width ? `${line.slice(0, width - 1)}…` : line
  }
  // \x1b[nF: up n lines to column 1; \x1b[2K: clear the line; \x1b[J: clear below.
  const up = (): string => (drawn > 0 ? `\x1b[${drawn}F` : '')
  const draw = (): void => {
    const lines = rows.map(r => {
      if (r.id !== null && !startedAt.has(r)) startedAt.set(r, now())
      const since = startedAt.get(r)
      return fit(
        safe(
          describeRecord(
            r,
            names,
            since === undefined ? undefined : now() - since
          )
        )
      )
    })
    stream.write(`${up()}${lines.map(l => `\x1b[2K${l}\n`).join('')}\x1b[J`)
    drawn = lines.length
  }
  const above = (text: string): void => {
    stream.write(`${up()}\x1b[J${safe(text)}\n`)
    drawn = 0
    draw()
  }
  const timer = setInterval(draw, 1000)
  timer.unref()
  return {
    track: records => {
      rows = records
      draw()
    },
    changed: draw,
    log: above,
    warn: m => above(`Warning: ${m}`),
    finish: records => {
      clearInterval(timer)
      rows = records
      draw()
    },
    cutsLines: true
  }
}
