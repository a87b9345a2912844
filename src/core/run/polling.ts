/**
 * When to look at an export next. Detection latency is bounded by the pause
 * before the check that sees the end, so the pause grows with the export's
 * age: at most 5% of how long it has run (but at least a second), and never
 * more than `poll-interval`. A 3-second export is seen finished within about
 * a second; a 30-minute one costs about as many requests as fixed 10-second
 * polling.
 */

/** The first check comes this soon after the trigger. */
export const FIRST_CHECK_MS = 1000
/** The pause never drops below this (unless poll-interval is shorter). */
export const MIN_PAUSE_MS = 1000
/** The pause is at most this share of the export's age. */
export const AGE_SHARE = 0.05

/** Pause after a check at `ageMs` into the export. */
export function nextPause(ageMs: number, pollIntervalMs: number): number {
  const floor = Math.min(MIN_PAUSE_MS, pollIntervalMs)
  return Math.round(
    Math.min(pollIntervalMs, Math.max(floor, ageMs * AGE_SHARE))
  )
}

/** Pause before the first check. */
export function firstPause(pollIntervalMs: number): number {
  return Math.min(FIRST_CHECK_MS, pollIntervalMs)
}

/**
 * After a failed status read, wait longer each time (doubling from the
 * normal pause, capped at poll-interval), or as long as the server asked.
 */
export function pauseAfterFailure(
  normalPauseMs: number,
  consecutiveFailures: number,
  pollIntervalMs: number,
  retryAfterMs?: number
): number {
  const doubled = normalPauseMs * 2 ** Math.min(consecutiveFailures, 10)
  return Math.max(
    Math.min(doubled, Math.max(pollIntervalMs, normalPauseMs)),
    retryAfterMs ?? 0
  )
}

/**
 * When to check an export next, `now` being the end of the last check:
 * the usual pause for its age, or the longer one after failed reads.
 */
export function nextCheckTime(
  now: number,
  triggeredAt: number,
  consecutiveFailures: number,
  pollIntervalMs: number,
  retryAfterMs?: number
): number {
  const pause = nextPause(now - triggeredAt, pollIntervalMs)
  return (
    now +
    (consecutiveFailures === 0
      ? pause
      : pauseAfterFailure(
          pause,
          consecutiveFailures,
          pollIntervalMs,
          retryAfterMs
        ))
  )
}

/** Check times of fixed-interval polling (the vendor CLI: 10 s) for comparison. */
export function checksOfSchedule(
  durationMs: number,
  pause: (ageMs: number) => number,
  first: number
): number {
  let checks = 0
  let at = first
  for (; ; checks++) {
    if (at >= durationMs) return checks + 1
    at += pause(at)
  }
}
