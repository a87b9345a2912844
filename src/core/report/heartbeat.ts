import { formatDuration } from '../config/duration.js'
import type { OperationRecord } from '../types.js'
import { exportLabel } from './verdict.js'

/**
 * How often a long run says it is still alive. Slow on purpose: the log of
 * an hour-long export should read as a few lines.
 */
const HEARTBEAT_MS = 5 * 60_000

/**
 * The first line comes sooner: a minute of silence after the exports
 * started is when a reader starts to wonder; a run shorter than that never
 * sees one.
 */
const FIRST_HEARTBEAT_MS = 60_000

/** Exports named in one heartbeat line; the rest are counted. */
const NAMED = 3

/** Shortest pace `QUALYTICS_HEARTBEAT_MS` may set (tests and demos use it). */
const HEARTBEAT_FLOOR_MS = 1000

/** The pace: `QUALYTICS_HEARTBEAT_MS` when it is a number of at least 1 s, else 5 min. */
export function heartbeatMs(env: string | undefined): number {
  const ms = Number(env)
  return env && Number.isFinite(ms) && ms >= HEARTBEAT_FLOOR_MS
    ? ms
    : HEARTBEAT_MS
}

/**
 * `2 of 6 exports still running, 12 min: 1001 · checks of datastore 42
 * (Sales Warehouse); 1004 · …`, naming up to three: null when nothing is
 * running (no heartbeat for a run that is only waiting to end).
 */
export function heartbeatLine(
  records: readonly OperationRecord[],
  elapsedMs: number,
  names: ReadonlyMap<number, string> = new Map()
): string | null {
  const running = records.filter(r => r.result === 'running')
  if (running.length === 0) return null
  const total = records.length
  const what =
    total === 1
      ? 'The export is still running'
      : `${running.length} of ${total} exports still running`
  // Whole minutes: a heartbeat is a rough sign of life, not a stopwatch.
  const ms = Math.max(0, elapsedMs)
  const shown = ms >= 60_000 ? Math.round(ms / 60_000) * 60_000 : ms
  const named = running
    .slice(0, NAMED)
    .map(r => `${r.id === null ? '' : `${r.id} · `}${exportLabel(r, names)}`)
  const more = running.length > NAMED ? `; ${running.length - NAMED} more` : ''
  return `${what}, ${formatDuration(shown)}: ${named.join('; ')}${more}`
}

/**
 * Say `heartbeatLine` while the run goes on: first after
 * FIRST_HEARTBEAT_MS (or `everyMs`, when shorter), then every `everyMs`.
 * Returns the stop function. The timers never keep the process alive.
 */
export function startHeartbeat(
  records: () => readonly OperationRecord[],
  say: (line: string) => void,
  everyMs: number,
  names: ReadonlyMap<number, string> = new Map(),
  now: () => number = Date.now
): () => void {
  const start = now()
  const beat = (): void => {
    const line = heartbeatLine(records(), now() - start, names)
    if (line) say(line)
  }
  let timer: NodeJS.Timeout = setTimeout(
    () => {
      beat()
      timer = setInterval(beat, everyMs)
      timer.unref()
    },
    Math.min(everyMs, FIRST_HEARTBEAT_MS)
  )
  timer.unref()
  return () => clearTimeout(timer)
}
