/**
 * One schema per endpoint: the only place that knows the wire's shapes.
 * Everything past the client sees these typed values, never raw JSON.
 */
import type {
  DatastorePage,
  ListedDatastore,
  ListedExport,
  Stamp,
  TableRow
} from './client-types.js'
import type { DatastoreInfo } from '../types.js'
import type { ApiResult, AssetType, Operation } from '../types.js'
import {
  anything,
  at,
  boolean,
  count,
  every,
  firstOf,
  id,
  isTrue,
  lenient,
  list,
  map,
  object,
  oneOf,
  jsonText,
  optional,
  present,
  readServerTime,
  ShapeError,
  string,
  time,
  type Schema
} from './schema.js'

/** Parse a body as JSON, or throw ShapeError (HTML pages, truncation). */
export function parseJson(body: string, what: string): unknown {
  try {
    return JSON.parse(body)
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
}

const API_RESULTS: readonly ApiResult[] = [
  'queued',
  'running',
  'success',
  'failure',
  'aborted'
]

/**
 * An export's `containers` as its container selection (`skip-if-fresh`):
 * null or [] when it was started without a filter, the ids when it lists
 * stubs with readable ids, undefined when the field is absent or cannot be
 * read (then it is never reused).
 */
const containerSelection: Schema<number[] | null | undefined> = value => {
  if (value === null) return null
  if (!Array.isArray(value)) return undefined
  const ids = (value as unknown[]).map((item): unknown =>
    typeof item === 'object' && item !== null
      ? (item as { id?: unknown }).id
      : item
  )
  return ids.every(i => typeof i === 'number' && Number.isSafeInteger(i))
    ? (ids as number[])
    : undefined
}

const operationFields = object({
  id,
  type: lenient(string),
  result: lenient(oneOf(API_RESULTS)),
  resultText: at('result', jsonText),
  message: lenient(string),
  startTime: at('start_time', lenient(time)),
  endTime: at('end_time', lenient(time)),
  ended: at('end_time', present),
  totalContainers: at('status.total_containers', lenient(count)),
  datastoreId: at([['datastore', 'id'], ['datastore_id']], lenient(id)),
  assetType: at('asset_type', lenient(string)),
  includeDeleted: at('include_deleted', lenient(boolean)),
  containers: containerSelection,
  created: lenient(time),
  schedule: present,
  action_execution: present
})

/**
 * An operation (`ExportOperation`, `GetExportOperation`). Only the id is
 * required: a 2xx answer with a readable id names the export whatever
 * else it holds. An unknown `result` word reads as null, for the caller
 * to judge; it is never guessed into a success.
 */
export const operation: Schema<Operation> = (value, where) => {
  const o = operationFields(value, where)
  return {
    id: o.id,
    type: o.type,
    result: o.result,
    resultText: o.resultText,
    message: o.message,
    startTime: o.startTime,
    endTime: o.endTime,
    ended: o.ended,
    totalContainers: o.totalContainers,
    datastoreId: o.datastoreId,
    assetType: o.assetType,
    includeDeleted: o.includeDeleted,
    containers: o.containers,
    created: o.created,
    startedByQualytics: o.schedule || o.action_execution
  }
}

/** GET /api/users/me. */
export const me = object({ name: lenient(string), role: lenient(string) })

const enrichmentLink = object({ id: lenient(id), name: lenient(string) })

/** A non-empty prefix, trimmed; null for anything else. */
const prefixText: Schema<string | null> = value =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null

/**
 * The export tables' prefix: `enrichment_prefix` (older specs:
 * `enrich_container_prefix`) on the datastore, else on the linked stub;
 * null when neither says (the product's default is `_qualytics`).
 */
const enrichmentPrefix = firstOf(
  [
    'enrichment_prefix',
    'enrich_container_prefix',
    'enrich_datastore.enrichment_prefix',
    'enrich_datastore.enrich_container_prefix'
  ],
  prefixText
)

const datastoreFields = object({
  name: lenient(string),
  enrich_datastore: (value, where) =>
    value === null || value === undefined || value === false
      ? null
      : typeof value === 'object'
        ? enrichmentLink(value, where)
        : // A bare id (or other truthy value): linked, details unknown.
          { id: lenient(id)(value, where), name: null },
  prefix: enrichmentPrefix
})

/**
 * GET /api/datastores/{id}: what preflight needs, its name and
 * `enrich_datastore` (an object when an enrichment datastore is linked,
 * null when not).
 */
export function datastore(json: unknown, id: number): DatastoreInfo {
  const ds = datastoreFields(json, `GET /api/datastores/${id}`)
  return {
    id,
    name: ds.name ?? `datastore ${id}`,
    enrichmentPrefix: ds.prefix,
    enrichment: ds.enrich_datastore
  }
}

/** `global_tags`: a list of objects with a `name`; absent or null is none. */
const tagNames = optional(
  every(map(object({ name: string }), tag => tag.name)),
  []
)

/**
 * One item of GET /api/datastores, read strictly (it decides what gets
 * exported): id, name, tags and link, or ShapeError. A link field that is
 * absent is undefined (the detail GET must tell), null is "not linked".
 */
export const listedDatastore: Schema<ListedDatastore> = map(
  object({
    id,
    name: string,
    tags: at('global_tags', tagNames),
    enrich_datastore: (value, where) =>
      value === undefined
        ? undefined
        : value === null
          ? null
          : object({ id: optional(id, null), name: lenient(string) })(
              value,
              where
            ),
    enrichment_only: isTrue,
    enrich_only: isTrue,
    prefix: enrichmentPrefix
  }),
  d => ({
    id: d.id,
    name: d.name,
    tags: d.tags,
    enrichment: d.enrich_datastore,
    enrichmentOnly: d.enrichment_only || d.enrich_only,
    enrichmentPrefix: d.prefix
  })
)

/** Page size asked of GET /api/datastores: fastapi-pagination's usual maximum. */
export const DATASTORE_PAGE_SIZE = 100

const datastorePageFields = object({
  items: every(listedDatastore),
  total: count,
  size: (value, where) => (value === undefined ? null : count(value, where)),
  pages: optional(count, null),
  page: anything
})

/**
 * How many pages of the datastore list to read, from what page 1 showed:
 * `pages` is believed only as far as `total` and the page size the server
 * actually used allow (its `size` may not be what it applied), so a list
 * of 3 that claims 1,000 pages costs one request, not 1,000.
 */
export function pagesToRead(first: DatastorePage): number {
  if (first.items.length >= first.total) return 1
  if (first.items.length === 0)
    throw new ShapeError(
      `GET /api/datastores: page 1 holds no items but the server counts ${first.total}`
    )
  return Math.min(first.pages, Math.ceil(first.total / first.items.length))
}

/** The page envelope `{items, total, page, size, pages}` of GET /api/datastores. */
export function datastorePage(value: unknown, page: number): DatastorePage {
  const what = `GET /api/datastores page ${page}`
  const p = datastorePageFields(value, what)
  if (p.page !== undefined && p.page !== page)
    throw new ShapeError(
      `${what}: the server answered page ${JSON.stringify(p.page)?.slice(0, 20)}`
    )
  const pages =
    p.pages ?? Math.ceil(p.total / Math.max(1, p.size ?? DATASTORE_PAGE_SIZE))
  return { items: p.items, total: p.total, pages }
}

/** A page envelope `{items, total, ...}` of operations. */
export const operationPage = object({
  items: list(operation),
  total: lenient(count)
})

/** A count endpoint's envelope: only `total` matters. */
export const total = map(object({ total: count }), t => t.total)

const ASSET_TYPES: readonly string[] = ['anomalies', 'checks', 'profiles']

/**
 * An operation a list showed, as evidence of an export: its type,
 * datastore, asset type and result must all be stated and known.
 */
export function asListedExport(op: Operation): ListedExport | null {
  if (op.type !== 'export' || op.result === null) return null
  if (op.datastoreId === null || op.assetType === null) return null
  if (!ASSET_TYPES.includes(op.assetType)) return null
  return {
    ...op,
    datastoreId: op.datastoreId,
    assetType: op.assetType as AssetType
  }
}

/** Read one raw list item as an export, or null when it is not evidence of one. */
export function listedExport(item: unknown): ListedExport | null {
  try {
    return asListedExport(operation(item, 'GET /api/operations'))
  } catch {
    return null
  }
}

const LISTING = 'GET /api/datastores/{id}/listing'

/** A table of a listing: a bare name, or `{name, type}`. */
const tableName: Schema<string> = (value, where) =>
  typeof value === 'string'
    ? value
    : object({ name: string })(value, where).name

const listingPage = object({
  items: every(tableName),
  pages: lenient(count)
})

/**
 * One answer of GET /api/datastores/{id}/listing: the table names (a plain
 * array, or a page envelope with `items`), and how many pages there are.
 */
export function listing(
  value: unknown,
  where = LISTING
): { names: string[]; pages: number } {
  if (Array.isArray(value))
    return { names: every(tableName)(value, where), pages: 1 }
  const page = listingPage(value, where)
  return {
    names: page.items,
    pages: page.pages !== null && page.pages > 1 ? page.pages : 1
  }
}

/**
 * `{"source_records": "<JSON string of rows>"}` (an array in place of the
 * string is accepted): each row's datastore id, GENERATED_AT and columns,
 * whatever case the warehouse gave the column names.
 */
export function sourceRecords(
  json: unknown,
  what = 'GET /api/datastores/{id}/source-records'
): TableRow[] {
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new ShapeError(`${what}: expected a JSON object`)
  let records = (json as Record<string, unknown>).source_records
  if (typeof records === 'string') {
    try {
      records = JSON.parse(records) as unknown
    } catch {
      throw new ShapeError(`${what}: source_records is not JSON`)
    }
  }
  if (records === null || records === undefined) return []
  if (!Array.isArray(records))
    throw new ShapeError(`${what}: source_records is not a list of rows`)
  return records.map((row: unknown, i) => {
    if (row === null || typeof row !== 'object' || Array.isArray(row))
      throw new ShapeError(`${what}: row ${i + 1} is not an object`)
    const byName = new Map<string, unknown>()
    for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
      const name = key.toUpperCase()
      // Both spellings present: the documented lower-case one wins.
      if (!byName.has(name) || key === key.toLowerCase())
        byName.set(name, value)
    }
    return {
      datastoreId: readRowId(byName.get('DATASTORE_ID')),
      generatedAt: warehouseTime(byName.get('GENERATED_AT')),
      columns: [...byName.keys()]
    }
  })
}

/** A datastore id as a warehouse may return it: a number or a numeric string. */
function readRowId(value: unknown): number | null {
  const n =
    typeof value === 'string' && /^\s*\d+\s*$/.test(value)
      ? Number(value)
      : value
  return typeof n === 'number' && Number.isSafeInteger(n) && n > 0 ? n : null
}

/*
 * Epoch numbers are told apart by magnitude: any time from 1973 to 5138 is
 * below 1e11 in seconds, between 1e11 and 1e14 in milliseconds, and between
 * 1e14 and 1e17 in microseconds. Larger (nanoseconds) is not a form the
 * contract lists.
 */
const SECONDS_BELOW = 1e11
const MILLISECONDS_BELOW = 1e14
const MICROSECONDS_BELOW = 1e17

/**
 * GENERATED_AT as the warehouse gives it back: ISO 8601 with an offset,
 * `YYYY-MM-DD HH:MM:SS+0000`, or epoch seconds, milliseconds or
 * microseconds (numbers or digit strings). A wall time without a zone is
 * `zoneless`: reading it as UTC could verify a stale table.
 */
export function warehouseTime(value: unknown): Stamp {
  const number =
    typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
      ? Number(value)
      : value
  if (typeof number === 'number') {
    if (!Number.isFinite(number) || number <= 0) return { kind: 'unreadable' }
    if (number < SECONDS_BELOW) return { kind: 'zoned', ms: number * 1000 }
    if (number < MILLISECONDS_BELOW) return { kind: 'zoned', ms: number }
    if (number < MICROSECONDS_BELOW) return { kind: 'zoned', ms: number / 1000 }
    return { kind: 'unreadable' }
  }
  if (typeof value !== 'string') return { kind: 'unreadable' }
  const read = readServerTime(value)
  if (read === null) return { kind: 'unreadable' }
  return read.zoned
    ? { kind: 'zoned', ms: read.ms }
    : { kind: 'zoneless', text: value.trim() }
}
