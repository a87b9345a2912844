import { InputError, quote } from '../errors.js'
import { ALL_ASSET_TYPES, type AssetType } from '../types.js'

/** Ids are positive and fit the API's 32-bit integers. */
const MAX_ID = 2_147_483_647
/** Requests per second: above this no rate limiter is worth having. */
const MAX_REQUEST_RATE = 1000
const ASSET_ALIASES: Record<string, AssetType> = {
  anomalies: 'anomalies',
  checks: 'checks',
  profiles: 'profiles',
  'field-profiles': 'profiles'
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
export function parseBoolean(input: string, raw: string): boolean {
  if (/^(true|True|TRUE)$/.test(raw)) return true
  if (/^(false|False|FALSE)$/.test(raw)) return false
  throw new InputError(
    input,
    `${quote(raw)} is not a boolean; use true or false`
  )
}

/** Comma-separated positive integer ids; repeats collapse to their first place. */
export function parseIdList(input: string, raw: string): number[] {
  const ids: number[] = []
  for (const item of raw.split(',').map(s => s.trim())) {
    if (item === '') continue
    if (!/^\d+$/.test(item)) {
      throw new InputError(
        input,
        `${quote(item)} is not an id; use positive whole numbers such as 42 or 42,43`
      )
    }
    const id = Number(item)
    if (id < 1 || id > MAX_ID) {
      throw new InputError(
        input,
        `${quote(item)} is out of range (1 to ${MAX_ID})`
      )
    }
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}

/** Comma-separated tag names; repeats collapse to their first place. */
export function parseTagList(input: string, raw: string): string[] {
  const tags: string[] = []
  for (const tag of raw.split(',').map(s => s.trim())) {
    if (tag === '') continue
    if (/\p{Cc}/u.test(tag) || tag.length > 200) {
      throw new InputError(input, `${quote(tag)} is not a valid tag`)
    }
    if (!tags.includes(tag)) tags.push(tag)
  }
  return tags
}

/** `options`: names, `all`, the legacy `field-profiles`; order kept, repeats dropped. */
export function parseOptions(raw: string): AssetType[] {
  const types: AssetType[] = []
  for (const item of raw.split(',').map(s => s.trim().toLowerCase())) {
    if (item === '') continue
    const expanded = item === 'all' ? ALL_ASSET_TYPES : [ASSET_ALIASES[item]]
    if (expanded[0] === undefined) {
      throw new InputError(
        'options',
        `${quote(item)} is not one of anomalies, checks, profiles, field-profiles, all`
      )
    }
    for (const type of expanded)
      if (type && !types.includes(type)) types.push(type)
  }
  if (types.length === 0) {
    throw new InputError(
      'options',
      'is empty; use anomalies, checks, profiles or all'
    )
  }
  return types
}

/** One of a fixed set of words, compared without regard to case. */
export function parseChoice<const T extends string>(
  input: string,
  raw: string,
  choices: readonly T[]
): T {
  const found = choices.find(c => c === raw.toLowerCase())
  if (found === undefined) {
    throw new InputError(
      input,
      `${quote(raw)} is not one of ${choices.join(', ')}`
    )
  }
  return found
}

/** A positive number of requests per second (fractions allowed: 0.5 is one every 2 s). */
export function parseRate(input: string, raw: string): number {
  const rate = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN
  if (!(rate > 0 && rate <= MAX_REQUEST_RATE)) {
    throw new InputError(
      input,
      `${quote(raw)} must be a number of requests per second above 0 and at most ${MAX_REQUEST_RATE}`
    )
  }
  return rate
}

/** A whole number from 1 to `max`. */
export function parseCount(input: string, raw: string, max: number): number {
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > max) {
    throw new InputError(
      input,
      `${quote(raw)} must be a whole number from 1 to ${max}`
    )
  }
  return Number(raw)
}

/** An IANA zone that this Node's Intl knows (GitHub's `timezone:` takes IANA names). */
export function parseTimezone(raw: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: raw })
  } catch {
    throw new InputError(
      'schedule-timezone',
      `${quote(raw)} is not an IANA time zone such as UTC or Europe/Berlin`
    )
  }
  // The user's spelling, not Intl's canonical one (Node 20 says Asia/Calcutta for Asia/Kolkata).
  return raw
}

/** `retry-failed`: 0 to 5 more triggers of an export that failed. */
export function parseRetries(raw: string): number {
  if (!/^[0-5]$/.test(raw))
    throw new InputError(
      'retry-failed',
      `${quote(raw)} must be a whole number from 0 to 5`
    )
  return Number(raw)
}

/** A path on the runner, or null when empty. */
export function parsePath(input: string, raw: string): string | null {
  if (raw === '') return null
  if (/\p{Cc}/u.test(raw))
    throw new InputError(input, 'holds control characters; give a plain path')
  return raw
}
