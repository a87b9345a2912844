/**
 * Where a body becomes a typed value: JSON first, then the endpoint's
 * schema (schemas.ts). Nothing else in the core parses what the wire said.
 */
import type { DatastoreInfo } from './client-types.js'
import * as schemas from './schemas.js'
import { ShapeError } from './shape-error.js'
import type { Operation } from '../types.js'

export { ShapeError } from './shape-error.js'

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

/** An operation object; only a readable id is required. */
export function parseOperation(json: unknown, what: string): Operation {
  return schemas.operation(json, what)
}

/**
 * What preflight needs of a datastore: its name and `enrich_datastore`,
 * an object when an enrichment datastore is linked, null when not.
 */
export function parseDatastore(json: unknown, id: number): DatastoreInfo {
  const ds = schemas.datastore(json, `GET /api/datastores/${id}`)
  const raw = json as Json
  return {
    id,
    name: ds.name ?? `datastore ${id}`,
    enrichmentPrefix: readPrefix(raw, raw.enrich_datastore as Json | null),
    enrichment: ds.enrich_datastore
  }
}

type Json = Record<string, unknown>

/** A positive whole id (the schemas' rule), or ShapeError. */
export function readId(value: unknown, what: string): number {
  return schemas.wireId(value, what)
}

/**
 * The export tables' prefix: `enrichment_prefix` (older specs:
 * `enrich_container_prefix`) on the datastore, else on the linked stub;
 * null when neither says (the product's default is `_qualytics`).
 */
export function readPrefix(
  json: Json,
  link: Json | null | undefined
): string | null {
  const stub = link !== null && typeof link === 'object' ? link : undefined
  for (const value of [
    json.enrichment_prefix,
    json.enrich_container_prefix,
    stub?.enrichment_prefix,
    stub?.enrich_container_prefix
  ]) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim()
  }
  return null
}

/** The `total` of a count endpoint's page envelope. */
export function readTotal(json: unknown, what: string): number {
  return schemas.total(json, what)
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

/** A parsed value that must be a JSON object, or ShapeError. */
export function asObject(value: unknown, what: string): Json {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ShapeError(`${what}: expected a JSON object`)
  }
  return value as Json
}
