import { formatDuration } from '../config/duration.js'
import type { OperationRecord } from '../types.js'

/**
 * How often a long run says it is still alive. Slow on purpose: the log of
 * an hour-long export should read as a few lines, and a run shorter than
 * this never sees one.
 */
export const HEARTBEAT_MS = 5 * 60_000

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
 * `2 of 6 exports still running, 12 min`: null when nothing is running (no
 * heartbeat for a run that is only waiting to end).
 */
export function heartbeatLine(
  records: readonly OperationRecord[],
  elapsedMs: number
): string | null {
  const running = records.filter(r => r.result === 'running').length
  if (running === 0) return null
  const total = records.length
  const what =
    total === 1
      ? 'The export is still running'
      : `${running} of ${total} exports still running`
  // Whole minutes: a heartbeat is a rough sign of life, not a stopwatch.
  const ms = Math.max(0, elapsedMs)
  const shown = ms >= 60_000 ? Math.round(ms / 60_000) * 60_000 : ms
  return `${what}, ${formatDuration(shown)}`
}

/**
 * Say `heartbeatLine` every `everyMs` while the run goes on; the first
 * line comes after one full interval. Returns the stop function. The timer
 * never keeps the process alive.
 */
export function startHeartbeat(
  records: () => readonly OperationRecord[],
  say: (line: string) => void,
  everyMs: number,
  now: () => number = Date.now
): () => void {
  const start = now()
  const timer = setInterval(() => {
    const line = heartbeatLine(records(), now() - start)
    if (line) say(line)
  }, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
