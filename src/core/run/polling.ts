/**
 * When to look at an export next. Detection latency is bounded by the pause
 * before the check that sees the end, so the pause grows with the export's
 * age: at most 5% of how long it has run (but at least a second), and never
 * more than `poll-interval`. A 3-second export is seen finished within about
 * a second; a 30-minute one costs about as many requests as fixed 10-second
 * polling.
 */

/** The first check comes this soon after the trigger. */
const FIRST_CHECK_MS = 1000
/** The pause never drops below this (unless poll-interval is shorter). */
const MIN_PAUSE_MS = 1000
/** The pause is at most this share of the export's age. */
const AGE_SHARE = 0.05

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
function nextCheckTime(
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

/**
 * When to look at an export whose earlier runs are known. The last few
 * successful exports of the same datastore and asset type say when this one
 * is likely to end: look every `poll-interval` (rather than the adaptive
 * schedule's quick early looks) until just before the shortest of them
 * ended, every second from there until just after the longest, and fall back
 * to today's adaptive schedule (above) once the export has outlived its
 * history.
 *
 * `poll-interval` caps every pause, history or not (the contract's "History
 * paces polling, poll-interval caps it"): 1.1 let the history stretch the
 * pause to a minute, so with `poll-interval: 2s` a failure 2 s into an
 * expected ten minutes was seen 58 s late.
 */

/** Pause inside the window around the expected end. */
const DENSE_PAUSE_MS = 1000
/** Margin around the window: this share of the expected length (at least DENSE_PAUSE_MS). */
const MARGIN_SHARE = 0.01
/** With fewer samples than this, the margin widens to WIDE_MARGIN_SHARE. */
const FEW_SAMPLES = 3
const WIDE_MARGIN_SHARE = 0.05
/** A window wider than this share of the expected length (and 10 s) is not polled densely. */
const DENSE_WINDOW_SHARE = 0.1

/** What the history leads us to expect of one export. */
export interface Expectation {
  /** Median of the earlier durations. */
  expectedMs: number
  /** Age at which dense looking starts, and ends. */
  windowStartMs: number
  windowEndMs: number
  /** Longest pause before the window. */
  sparsePauseMs: number
  /** The window is narrow enough to look every second. */
  dense: boolean
}

/**
 * The expectation from earlier durations (milliseconds), or null when
 * there are none: then the adaptive schedule applies unchanged.
 */
export function expectationFrom(
  durations: readonly number[],
  pollIntervalMs: number
): Expectation | null {
  const valid = durations.filter(d => Number.isFinite(d) && d >= 0)
  if (valid.length === 0) return null
  const sorted = [...valid].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const expectedMs =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  const share = sorted.length < FEW_SAMPLES ? WIDE_MARGIN_SHARE : MARGIN_SHARE
  const margin = Math.max(DENSE_PAUSE_MS, expectedMs * share)
  const windowStartMs = Math.max(0, (sorted[0] as number) - margin)
  const windowEndMs = (sorted.at(-1) as number) + margin
  return {
    expectedMs,
    windowStartMs,
    windowEndMs,
    sparsePauseMs: pollIntervalMs,
    dense:
      windowEndMs - windowStartMs <=
      Math.max(10_000, expectedMs * DENSE_WINDOW_SHARE)
  }
}

/** Pause after a check at `ageMs` into the export (also the first pause, at age 0). */
export function historyPause(
  ageMs: number,
  expect: Expectation,
  pollIntervalMs: number
): number {
  const floor = Math.min(DENSE_PAUSE_MS, pollIntervalMs)
  if (ageMs < expect.windowStartMs) {
    const toWindow = expect.windowStartMs - ageMs
    return Math.round(Math.max(floor, Math.min(expect.sparsePauseMs, toWindow)))
  }
  if (ageMs < expect.windowEndMs && expect.dense) return floor
  // Inside a wide window, or past the history: today's schedule.
  return nextPause(ageMs, pollIntervalMs)
}

/**
 * When to check next, `now` being the end of the last check: the history's
 * pause while reads succeed, today's rule (with its backoff) otherwise.
 * The history's pause counts from when the last check was sent
 * (`checkSentAt`), so a slow round trip does not stretch the one-second
 * steps around the expected end.
 */
export function nextCheckWithHistory(
  now: number,
  startedAt: number,
  consecutiveFailures: number,
  pollIntervalMs: number,
  expect: Expectation | null,
  retryAfterMs?: number,
  checkSentAt = now
): number {
  if (expect === null || consecutiveFailures > 0)
    return nextCheckTime(
      now,
      startedAt,
      consecutiveFailures,
      pollIntervalMs,
      retryAfterMs
    )
  const from = Math.min(now, checkSentAt)
  return Math.max(
    now,
    from + historyPause(from - startedAt, expect, pollIntervalMs)
  )
}

/** Check ages of the history schedule for an export of `durationMs` (for the benchmark). */
export function checksWithHistory(
  durationMs: number,
  expect: Expectation,
  pollIntervalMs: number
): { checks: number; seenAtMs: number } {
  let at = historyPause(0, expect, pollIntervalMs)
  let checks = 1
  while (at < durationMs) {
    at += historyPause(at, expect, pollIntervalMs)
    checks++
  }
  return { checks, seenAtMs: at }
}
