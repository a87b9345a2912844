import { parseDuration, parsePollInterval } from './duration.js'
import { InputError, quote } from '../errors.js'
import { ALL_ASSET_TYPES, type AssetType, type ExportConfig } from '../types.js'
import { normalizeBaseUrl } from './url.js'

/** Raw input strings by the action's input names (`poll-interval`, ...). */
export type RawInputs = Partial<Record<InputName, string>>

/** Every input of action.yml; the CLI uses the same names for its flags. */
export const INPUT_NAMES = [
  'url',
  'token',
  'datastore',
  'containers',
  'container-tags',
  'options',
  'include-deleted',
  'wait',
  'poll-interval',
  'timeout',
  'abort-on-timeout',
  'abort-on-cancel',
  'fail-on-warning',
  'max-parallel',
  'dry-run',
  'schedule-timezone',
  'datastore-tags',
  'if-running',
  'max-request-rate',
  'verify'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

/** Defaults of action.yml, used when an input is empty (scheduled runs have no dispatch inputs). */
export const DEFAULTS: Readonly<Partial<Record<InputName, string>>> = {
  options: 'all',
  'include-deleted': 'false',
  wait: 'true',
  'poll-interval': '10s',
  timeout: '30m',
  'abort-on-timeout': 'true',
  'abort-on-cancel': 'true',
  'fail-on-warning': 'false',
  'max-parallel': '4',
  'dry-run': 'false',
  'schedule-timezone': 'UTC',
  'if-running': 'wait',
  'max-request-rate': '20',
  verify: 'true'
}

/** Longest value any input may have; longer is a paste accident or an attack. */
const MAX_INPUT_LENGTH = 4096
/** Ids are positive and fit the API's 32-bit integers. */
const MAX_ID = 2_147_483_647
const MAX_PARALLEL = 500
/** Requests per second: above this no rate limiter is worth having. */
const MAX_REQUEST_RATE = 1000
const ASSET_ALIASES: Record<string, AssetType> = {
  anomalies: 'anomalies',
  checks: 'checks',
  profiles: 'profiles',
  'field-profiles': 'profiles'
}

/**
 * Turn raw inputs into an ExportConfig, or throw an InputError naming the
 * input and the bad value. Nothing here touches the network.
 */
export function parseConfig(
  raw: RawInputs,
  env: Record<string, string | undefined> = {}
): ExportConfig {
  const get = (name: InputName): string => {
    const value = (raw[name] ?? '').trim()
    if (value.length > MAX_INPUT_LENGTH) {
      throw new InputError(
        name,
        `is ${value.length} characters long (at most ${MAX_INPUT_LENGTH})`
      )
    }
    return value === '' ? (DEFAULTS[name] ?? '') : value
  }
  const token = get('token') || (env.QUALYTICS_TOKEN ?? '').trim()
  if (token === '') {
    throw new InputError(
      'token',
      'is empty; pass secrets.QUALYTICS_TOKEN or set QUALYTICS_TOKEN'
    )
  }
  if (/[\s\p{Cc}]/u.test(token)) {
    // The value itself is never quoted: it is the secret.
    throw new InputError('token', 'contains white space or control characters')
  }
  const url = normalizeBaseUrl(get('url') || (env.QUALYTICS_URL ?? ''))
  const datastores = parseIdList('datastore', get('datastore'))
  const datastoreTags = parseTagList('datastore-tags', get('datastore-tags'))
  if (datastores.length > 0 && datastoreTags.length > 0) {
    throw new InputError(
      'datastore-tags',
      'cannot be combined with datastore; give one of them'
    )
  }
  if (datastores.length === 0 && datastoreTags.length === 0) {
    throw new InputError(
      'datastore',
      'is empty; give a datastore id such as 42, or datastore-tags'
    )
  }
  const containers = parseIdList('containers', get('containers'))
  const containerTags = parseTagList('container-tags', get('container-tags'))
  if (containers.length > 0 && datastores.length !== 1) {
    throw new InputError(
      'containers',
      datastoreTags.length > 0
        ? 'only works with a single datastore, not with datastore-tags'
        : `only works with a single datastore (got ${datastores.join(',')})`
    )
  }
  if (containers.length > 0 && containerTags.length > 0) {
    throw new InputError(
      'container-tags',
      'cannot be combined with containers; use one of them'
    )
  }
  return {
    apiBase: url.apiBase,
    origin: url.origin,
    insecure: url.insecure,
    token,
    datastores,
    datastoreTags,
    containers,
    containerTags,
    assetTypes: parseOptions(get('options')),
    includeDeleted: parseBoolean('include-deleted', get('include-deleted')),
    wait: parseBoolean('wait', get('wait')),
    pollIntervalMs: parsePollInterval(get('poll-interval')),
    timeoutMs: parseDuration('timeout', get('timeout')),
    abortOnTimeout: parseBoolean('abort-on-timeout', get('abort-on-timeout')),
    abortOnCancel: parseBoolean('abort-on-cancel', get('abort-on-cancel')),
    failOnWarning: parseBoolean('fail-on-warning', get('fail-on-warning')),
    maxParallel: parseCount('max-parallel', get('max-parallel'), MAX_PARALLEL),
    dryRun: parseBoolean('dry-run', get('dry-run')),
    scheduleTimezone: parseTimezone(get('schedule-timezone')),
    ifRunning: parseChoice('if-running', get('if-running'), IF_RUNNING),
    maxRequestRate: parseRate('max-request-rate', get('max-request-rate')),
    verify: parseBoolean('verify', get('verify'))
  }
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

const IF_RUNNING = ['wait', 'trigger'] as const

/** One of a fixed set of words, compared without regard to case. */
function parseChoice<const T extends string>(
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
function parseRate(input: string, raw: string): number {
  const rate = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN
  if (!(rate > 0 && rate <= MAX_REQUEST_RATE)) {
    throw new InputError(
      input,
      `${quote(raw)} must be a number of requests per second above 0 and at most ${MAX_REQUEST_RATE}`
    )
  }
  return rate
}

function parseCount(input: string, raw: string, max: number): number {
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
