/**
 * How many status checks an export of a given length costs, and how late
 * its end is seen, under fixed 10-second polling (the vendor's CLI and docs)
 * and under the action's adaptive schedule. The adaptive figures come from
 * the same functions the runner uses, so the computed rows of the benchmark
 * describe the shipped schedule, not a copy of it.
 */
import {
  checksOfSchedule,
  firstPause,
  nextPause
} from '../src/core/run/polling.js'

/** Checks sent, and time from the export's end to the check that sees it. */
export interface PollCost {
  checks: number
  latencyMs: number
}

/** The vendor CLI: first check 10 s after the trigger, then every 10 s. */
export function fixedPolling(
  durationMs: number,
  intervalMs = 10_000
): PollCost {
  const checks = Math.max(1, Math.ceil(durationMs / intervalMs))
  return { checks, latencyMs: checks * intervalMs - durationMs }
}

/** The action: first check after 1 s, then pauses of 5% of the export's age. */
export function adaptivePolling(
  durationMs: number,
  pollIntervalMs = 10_000
): PollCost {
  const first = firstPause(pollIntervalMs)
  const pause = (ageMs: number): number => nextPause(ageMs, pollIntervalMs)
  let at = first
  while (at < durationMs) at += pause(at)
  return {
    checks: checksOfSchedule(durationMs, pause, first),
    latencyMs: at - durationMs
  }
}

/** The latency target: at most 5% of the export's length, but 1 s is always fine. */
export function latencyTargetMs(durationMs: number): number {
  return Math.max(1000, durationMs * 0.05)
}

/** The request target: at most 1.2x the checks of fixed 10-second polling. */
export const REQUEST_RATIO_TARGET = 1.2
