/**
 * Reads of the enrichment datastore, where an export writes its table:
 * `listing` (the tables) and `source-records` (rows of one table). Both
 * shapes are unconfirmed, so both readers accept the documented variants
 * and refuse anything else as ShapeError ("cannot tell"). A 404 means the
 * server has no such endpoint: null, not an error.
 */
import type { QualyticsClient } from './client.js'
import { ApiError } from '../errors.js'
import { ShapeError } from './parse.js'
import type { RetryPolicy } from './retry.js'

type Json = Record<string, unknown>

/** Most listing pages followed when the answer is a page envelope. */
const MAX_LISTING_PAGES = 50

/** When a row says it was generated, as far as it can be read. */
export type Stamp =
  /** A time whose zone is known (ms since epoch). */
  | { kind: 'zoned'; ms: number }
  /** A wall time without a zone: which instant it was cannot be known. */
  | { kind: 'zoneless'; text: string }
  /** Absent, or in no form the contract lists. */
  | { kind: 'unreadable' }

/** One row of an export table, as verification needs it. */
export interface TableRow {
  /** The row's datastore id; null when it carries none that reads as an id. */
  datastoreId: number | null
  generatedAt: Stamp
  /** Its column names, upper-cased (warehouses differ in case). */
  columns: string[]
}

/** What a read of a table's rows gave back. */
export interface TableRows {
  rows: TableRow[]
  /** True when the server took the `filter=` by datastore (it may still ignore it). */
  filtered: boolean
}

/**
 * GET /api/datastores/{id}/listing: the names of the enrichment
 * datastore's tables (a plain array of `{name, type}`, or a page envelope
 * with `items`), or null when the endpoint is not there.
 */
export async function listTables(
  client: QualyticsClient,
  enrichmentId: number,
  policy: RetryPolicy
): Promise<string[] | null> {
  const names: string[] = []
  for (let page = 1; page <= MAX_LISTING_PAGES; page++) {
    const path = `datastores/${enrichmentId}/listing${page > 1 ? `?page=${page}` : ''}`
    const answer = await optional(
      client.read(path, policy, json => parseListing(json))
    )
    if (answer === null) return page === 1 ? null : names
    names.push(...answer.names)
    if (answer.pages <= page) return names
  }
  return names
}

/** One answer of `listing`: table names, and how many pages there are. */
export function parseListing(json: unknown): {
  names: string[]
  pages: number
} {
  const what = 'GET /api/datastores/{id}/listing'
  let items: unknown[]
  let pages = 1
  if (Array.isArray(json)) items = json
  else if (json !== null && typeof json === 'object') {
    const envelope = json as Json
    if (!Array.isArray(envelope.items))
      throw new ShapeError(`${what}: neither a list nor a page of items`)
    items = envelope.items
    const p = envelope.pages
    if (typeof p === 'number' && Number.isSafeInteger(p) && p > 1) pages = p
  } else throw new ShapeError(`${what}: neither a list nor a page of items`)
  const names = items.map((item, i) => {
    if (typeof item === 'string') return item
    const name = (item as Json | null)?.name
    if (typeof name !== 'string')
      throw new ShapeError(`${what}: item ${i + 1} has no name`)
    return name
  })
  return { names, pages }
}

/** Answers that say the server refuses a query parameter it does not know. */
const REFUSED_PARAMETER = new Set([400, 422])

/**
 * GET /api/datastores/{id}/source-records?path=<table>, filtered to one
 * datastore's rows (`filter=datastore_id='42'`, the documented condition
 * form). A server that refuses the filter is asked once more without it;
 * one that ignores it is caught by the caller, which checks every row's
 * datastore id. One row is asked for (`limit` is undocumented, so more may
 * come). Null when the endpoint is not there.
 */
export async function readTableRows(
  client: QualyticsClient,
  enrichmentId: number,
  table: string,
  datastoreId: number,
  policy: RetryPolicy
): Promise<TableRows | null> {
  const base = `datastores/${enrichmentId}/source-records?path=${encodeURIComponent(table)}`
  const filter = encodeURIComponent(`datastore_id='${datastoreId}'`)
  try {
    const rows = await optional(
      client.read(
        `${base}&filter=${filter}&limit=1`,
        policy,
        parseSourceRecords
      )
    )
    return rows && { rows, filtered: true }
  } catch (error) {
    const status = error instanceof ApiError ? error.status : undefined
    if (status === undefined || !REFUSED_PARAMETER.has(status)) throw error
  }
  const rows = await optional(
    client.read(`${base}&limit=1`, policy, parseSourceRecords)
  )
  return rows && { rows, filtered: false }
}

/**
 * `{"source_records": "<JSON string of rows>"}` (an array in place of the
 * string is accepted): each row's datastore id, GENERATED_AT and columns,
 * whatever case the warehouse gave the column names.
 */
export function parseSourceRecords(json: unknown): TableRow[] {
  const what = 'GET /api/datastores/{id}/source-records'
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new ShapeError(`${what}: expected a JSON object`)
  let records = (json as Json).source_records
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
    for (const [key, value] of Object.entries(row as Json)) {
      const name = key.toUpperCase()
      // Both spellings present: the documented lower-case one wins.
      if (!byName.has(name) || key === key.toLowerCase())
        byName.set(name, value)
    }
    return {
      datastoreId: readRowId(byName.get('DATASTORE_ID')),
      generatedAt: readTimestamp(byName.get('GENERATED_AT')),
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

/** `2026-12-02 06:00:00[.123456][ ][Z|+0000|+00:00|+00| UTC]`, T or space. */
const WALL_TIME =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.(\d+))?\s*(Z|UTC|[+-]\d{2}(?::?\d{2})?)?$/i

/**
 * GENERATED_AT as the warehouse gives it back: ISO 8601 with an offset,
 * `YYYY-MM-DD HH:MM:SS+0000`, or epoch seconds, milliseconds or
 * microseconds (numbers or digit strings). A wall time without a zone is
 * `zoneless`: reading it as UTC could verify a stale table.
 */
export function readTimestamp(value: unknown): Stamp {
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
  const match = WALL_TIME.exec(value.trim())
  if (!match) return { kind: 'unreadable' }
  const [, date, time, fraction, zone] = match
  if (zone === undefined) return { kind: 'zoneless', text: value.trim() }
  const offset = /^(z|utc)$/i.test(zone)
    ? 'Z'
    : `${zone.slice(0, 3)}:${zone.slice(3).replace(':', '') || '00'}`
  const ms = Date.parse(
    `${date}T${time}${time?.length === 5 ? ':00' : ''}.${(fraction ?? '').padEnd(3, '0').slice(0, 3)}${offset}`
  )
  return Number.isNaN(ms) ? { kind: 'unreadable' } : { kind: 'zoned', ms }
}

async function optional<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
