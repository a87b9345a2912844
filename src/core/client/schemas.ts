/**
 * One schema per endpoint: the only place that knows the wire's shapes.
 * Everything past the client sees these typed values, never raw JSON.
 */
import type { ApiResult, Operation } from '../types.js'
import {
  at,
  boolean,
  count,
  id,
  lenient,
  list,
  map,
  object,
  oneOf,
  jsonText,
  present,
  string,
  time,
  type Schema
} from './schema.js'

const API_RESULTS: readonly ApiResult[] = [
  'queued',
  'running',
  'success',
  'failure',
  'aborted'
]

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
    created: o.created,
    startedByQualytics: o.schedule || o.action_execution
  }
}

/** An id as the wire writes it (for parsers of list pages). */
export const wireId: Schema<number> = id

/** GET /api/users/me. */
export const me = object({ name: lenient(string), role: lenient(string) })

const enrichmentLink = object({ id: lenient(id), name: lenient(string) })

/** GET /api/datastores/{id}: the name and `enrich_datastore` (null: no link). */
export const datastore = object({
  name: lenient(string),
  enrich_datastore: (value, where) =>
    value === null || value === undefined || value === false
      ? null
      : typeof value === 'object'
        ? enrichmentLink(value, where)
        : // A bare id (or other truthy value): linked, details unknown.
          { id: lenient(id)(value, where), name: null }
})

/** A page envelope `{items, total, ...}` of operations. */
export const operationPage = object({
  items: list(operation),
  total: lenient(count)
})

/** A count endpoint's envelope: only `total` matters. */
export const total = map(object({ total: count }), t => t.total)
