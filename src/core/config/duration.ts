import { InputError, quote } from '../errors.js'

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000
}

/** A day is far beyond GitHub's 6-hour job cap; larger values are typos. */
const MAX_DURATION_MS = 24 * 3_600_000

/**
 * Parse a duration input: a bare number is seconds; otherwise number+unit
 * pairs (`ms`, `s`, `m`, `h`) that add up (`1h30m`). Zero, negative,
 * fractional-looking garbage and absurdly large values are refused.
 */
export function parseDuration(input: string, raw: string): number {
  const value = raw.trim().toLowerCase()
  if (/^\d+(\.\d+)?$/.test(value))
    return check(input, raw, Number(value) * 1000)
  const parts = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(value)
    ? [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)]
    : []
  if (parts.length === 0) {
    throw new InputError(
      input,
      `${quote(raw)} is not a duration; use seconds (90) or units like 90s, 15m, 2h, 1h30m`
    )
  }
  const total = parts.reduce(
    (sum, [, amount, unit]) =>
      sum + Number(amount) * (UNIT_MS[unit ?? 's'] ?? 0),
    0
  )
  return check(input, raw, total)
}

/**
 * Shortest `poll-interval`: below this the adaptive schedule would read
 * statuses hundreds of times a second (`1ms`), a load on Qualytics that buys
 * nothing; `500ms` stays valid.
 */
const MIN_POLL_INTERVAL_MS = 200

/** The `poll-interval` input: a duration no shorter than MIN_POLL_INTERVAL_MS. */
export function parsePollInterval(raw: string): number {
  const ms = parseDuration('poll-interval', raw)
  if (ms < MIN_POLL_INTERVAL_MS) {
    throw new InputError(
      'poll-interval',
      `${quote(raw)} is shorter than the floor of ${MIN_POLL_INTERVAL_MS}ms; use 200ms or more, such as 500ms or 10s`
    )
  }
  return ms
}

/** A duration, or null when empty (an input that is off unless given). */
export function parseOptionalDuration(
  input: string,
  raw: string
): number | null {
  return raw === '' ? null : parseDuration(input, raw)
}

function check(input: string, raw: string, ms: number): number {
  if (!Number.isFinite(ms) || ms < 1) {
    throw new InputError(input, `${quote(raw)} must be greater than zero`)
  }
  if (ms > MAX_DURATION_MS) {
    throw new InputError(input, `${quote(raw)} is longer than 24h`)
  }
  return Math.round(ms)
}

/** Durations in words for logs and the summary: `850 ms`, `2.5 s`, `42 s`, `3 min 5 s`, `1 h 2 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`
  if (ms < 9950) return `${(ms / 1000).toFixed(1)} s`
  const totalSeconds = Math.round(ms / 1000)
  if (totalSeconds < 60) return `${totalSeconds} s`
  const hours = Math.floor(totalSeconds / 3600)
  const minutes = Math.floor((totalSeconds % 3600) / 60)
  const seconds = totalSeconds % 60
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`
  return seconds > 0 ? `${minutes} min ${seconds} s` : `${minutes} min`
}
