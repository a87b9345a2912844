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

/** What the newest rows of a table say. */
export interface TableRows {
  /** How many rows came back. */
  rows: number
  /** Latest GENERATED_AT among them (ms since epoch); null when none is readable. */
  newestMs: number | null
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

/**
 * GET /api/datastores/{id}/source-records?path=<table>: asks for one row
 * (the parameter is unconfirmed, so more are read too) and returns the
 * newest GENERATED_AT; null when the endpoint is not there.
 */
export function readNewestRows(
  client: QualyticsClient,
  enrichmentId: number,
  table: string,
  policy: RetryPolicy
): Promise<TableRows | null> {
  const path = `datastores/${enrichmentId}/source-records?path=${encodeURIComponent(table)}&limit=1`
  return optional(client.read(path, policy, json => parseSourceRecords(json)))
}

/** `{"source_records": "<JSON string of rows>"}` (an array in place of the string is accepted). */
export function parseSourceRecords(json: unknown): TableRows {
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
  if (records === null || records === undefined)
    return { rows: 0, newestMs: null }
  if (!Array.isArray(records))
    throw new ShapeError(`${what}: source_records is not a list of rows`)
  let newestMs: number | null = null
  for (const row of records) {
    if (row === null || typeof row !== 'object') continue
    const ms = readTimestamp(generatedAt(row as Json))
    if (ms !== null && (newestMs === null || ms > newestMs)) newestMs = ms
  }
  return { rows: records.length, newestMs }
}

/** The GENERATED_AT column, whatever case the warehouse gave its name. */
function generatedAt(row: Json): unknown {
  if ('GENERATED_AT' in row) return row.GENERATED_AT
  const key = Object.keys(row).find(k => k.toUpperCase() === 'GENERATED_AT')
  return key === undefined ? undefined : row[key]
}

/**
 * A warehouse timestamp: ISO 8601, `2026-12-02 06:00:00[.123]` (read as
 * UTC when it names no zone), or epoch seconds or milliseconds.
 */
export function readTimestamp(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0)
    return value < 1e11 ? value * 1000 : value
  if (typeof value !== 'string') return null
  const text = value.trim().replace(' ', 'T')
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text)) return null
  const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`
  const ms = Date.parse(zoned)
  return Number.isNaN(ms) ? null : ms
}

async function optional<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null
    throw error
  }
}
