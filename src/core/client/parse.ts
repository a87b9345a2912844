import type { DatastoreInfo } from './client-types.js'
import type { ApiResult, Operation } from '../types.js'

/** Raised when a 2xx body is not the JSON shape the API documents. */
export class ShapeError extends Error {
  constructor(
    message: string,
    /** An unreadable body (HTML page, cut JSON) may be a passing fault; a wrong shape is not. */
    readonly retryable = false
  ) {
    super(message)
    this.name = 'ShapeError'
  }
}

const API_RESULTS: readonly string[] = [
  'running',
  'success',
  'failure',
  'aborted'
]

type Json = Record<string, unknown>

/** Parse a body as a JSON object, or throw ShapeError (HTML pages, truncation). */
export function parseObject(body: string, what: string): Json {
  let value: unknown
  try {
    value = JSON.parse(body)
  } catch {
    const start = body.trimStart().slice(0, 1)
    const kind =
      start === '<'
        ? 'an HTML page'
        : body.trim() === ''
          ? 'an empty body'
          : 'text that is not JSON'
    throw new ShapeError(`${what}: expected JSON, got ${kind}`, true)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ShapeError(`${what}: expected a JSON object`)
  }
  return value as Json
}

/** A positive safe integer id, or ShapeError. */
export function readId(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new ShapeError(
      `${what}: id ${JSON.stringify(value)?.slice(0, 40)} is not a positive whole number`
    )
  }
  return value
}

function optString(value: unknown): string | null {
  return typeof value === 'string' ? value : null
}

function optCount(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0
    ? value
    : null
}

/**
 * Read an operation object (`ExportOperation` / `GetExportOperation`). An
 * unknown `result` is refused rather than guessed: the action must never
 * report success the server did not state.
 */
export function parseOperation(json: Json, what: string): Operation {
  const result = json.result
  if (typeof result !== 'string' || !API_RESULTS.includes(result)) {
    throw new ShapeError(
      `${what}: unknown result ${JSON.stringify(result)?.slice(0, 40)}`
    )
  }
  const endTime = json.end_time
  if (
    endTime !== null &&
    endTime !== undefined &&
    typeof endTime !== 'string'
  ) {
    throw new ShapeError(`${what}: end_time is not a date`)
  }
  const datastore = json.datastore as Json | null | undefined
  const status = json.status as Json | null | undefined
  return {
    id: readId(json.id, what),
    result: result as ApiResult,
    message: optString(json.message),
    startTime: optString(json.start_time),
    endTime: optString(endTime),
    totalContainers: optCount(status?.total_containers),
    datastoreId:
      typeof datastore?.id === 'number'
        ? datastore.id
        : optCount(json.datastore_id),
    assetType: optString(json.asset_type),
    created: optString(json.created),
    startedByQualytics: Boolean(json.schedule) || Boolean(json.action_execution)
  }
}

/**
 * What preflight needs of a datastore: its name and `enrich_datastore`,
 * an object when an enrichment datastore is linked, null when not.
 */
export function parseDatastore(json: Json, id: number): DatastoreInfo {
  const link = json.enrich_datastore as Json | null | undefined
  return {
    id,
    name: typeof json.name === 'string' ? json.name : `datastore ${id}`,
    enrichment:
      link && typeof link === 'object'
        ? {
            id: typeof link.id === 'number' ? link.id : null,
            name: typeof link.name === 'string' ? link.name : null
          }
        : null
  }
}

/** The `items` of a page envelope `{items, total, ...}`. */
export function readItems(json: Json, what: string): Json[] {
  if (!Array.isArray(json.items)) throw new ShapeError(`${what}: no items list`)
  return json.items.filter(
    (i): i is Json => i !== null && typeof i === 'object'
  )
}

/** The `total` of a page envelope. */
export function readTotal(json: Json, what: string): number {
  const total = optCount(json.total)
  if (total === null) throw new ShapeError(`${what}: no total`)
  return total
}

/**
 * The server's explanation from a FastAPI error body: `detail` as a string,
 * or the messages of a 422 `detail` list. Falls back to the first line of
 * non-JSON text (a proxy's HTML page says little worth repeating).
 */
export function errorDetail(body: string): string | undefined {
  try {
    const json = JSON.parse(body) as { detail?: unknown; message?: unknown }
    if (typeof json.detail === 'string') return json.detail.slice(0, 500)
    if (Array.isArray(json.detail)) {
      return json.detail
        .map((d: { loc?: unknown[]; msg?: unknown }) =>
          [
            Array.isArray(d?.loc) ? d.loc.join('.') : '',
            typeof d?.msg === 'string' ? d.msg : ''
          ]
            .filter(Boolean)
            .join(': ')
        )
        .join('; ')
        .slice(0, 500)
    }
    if (typeof json.message === 'string') return json.message.slice(0, 500)
  } catch {
    // not JSON: fall through
  }
  const text = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return text === '' ? undefined : text.slice(0, 200)
}
