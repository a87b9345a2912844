import { invalid, type Answer, type ValidationItem } from './http.js'
import type { OperationStore } from './operations.js'
import { dummyItems, operationJson } from './payloads.js'
import type { Scenario, SimOperation } from './types.js'
import { INT_MSG, laxInt } from './validate.js'

/** Page and size, validated the way fastapi-pagination does (size <= 100). */
export function pagination(
  params: URLSearchParams,
  errors: ValidationItem[]
): { page: number; size: number } {
  const read = (name: string, fallback: number, max: number): number => {
    const raw = params.get(name)
    if (raw === null) return fallback
    const n = laxInt(raw)
    const item = (type: string, msg: string): number => {
      errors.push({ type, loc: ['query', name], msg, input: raw })
      return fallback
    }
    if (n === undefined) return item('int_parsing', INT_MSG)
    if (n < 1) {
      return item(
        'greater_than_equal',
        'Input should be greater than or equal to 1'
      )
    }
    if (n > max) {
      return item(
        'less_than_equal',
        `Input should be less than or equal to ${max}`
      )
    }
    return n
  }
  return {
    page: read('page', 1, Number.MAX_SAFE_INTEGER),
    size: read('size', 50, 100)
  }
}

/** Repeated integer query parameters (`datastore=42&datastore=43`). */
function intParams(
  params: URLSearchParams,
  name: string,
  errors: ValidationItem[]
): number[] {
  return params.getAll(name).flatMap((raw, i) => {
    const n = laxInt(raw)
    if (n !== undefined) return [n]
    const msg = INT_MSG
    errors.push({
      type: 'int_parsing',
      loc: ['query', name, i],
      msg,
      input: raw
    })
    return []
  })
}

/** Pydantic's lax boolean, as FastAPI reads query parameters. */
export function laxBool(
  params: URLSearchParams,
  name: string,
  errors: ValidationItem[]
): boolean | undefined {
  const raw = params.get(name)
  if (raw === null) return undefined
  const v = raw.trim().toLowerCase()
  if (['true', '1', 'yes', 'on', 't', 'y'].includes(v)) return true
  if (['false', '0', 'no', 'off', 'f', 'n'].includes(v)) return false
  const msg = 'Input should be a valid boolean, unable to interpret input'
  errors.push({ type: 'bool_parsing', loc: ['query', name], msg, input: raw })
  return undefined
}

function dateParam(
  params: URLSearchParams,
  name: string,
  errors: ValidationItem[]
): number | undefined {
  const raw = params.get(name)
  if (raw === null) return undefined
  const ms = Date.parse(raw)
  if (Number.isNaN(ms)) {
    const msg = 'Input should be a valid datetime or date'
    errors.push({
      type: 'datetime_from_date_parsing',
      loc: ['query', name],
      msg,
      input: raw
    })
  }
  return Number.isNaN(ms) ? undefined : ms
}

/** `operation_type` values of the Runs API (`catalog` is Sync). */
const OPERATION_TYPES = [
  'catalog',
  'profile',
  'scan',
  'external_scan',
  'export',
  'materialize',
  'promote'
] as const

/** `result` values of the Runs API, `queued` included. */
const RESULTS = ['queued', 'running', 'success', 'failure', 'aborted'] as const

/** Whether `raw` is one of `words`; a 422 item when not, as Pydantic words it. */
function known(
  raw: string,
  words: readonly string[],
  loc: (string | number)[],
  errors: ValidationItem[]
): boolean {
  if (words.includes(raw)) return true
  const listed = words.map(w => `'${w}'`)
  const msg = `Input should be ${listed.slice(0, -1).join(', ')} or ${listed.at(-1)}`
  errors.push({ type: 'enum', loc, msg, input: raw })
  return false
}

function enumParam(
  params: URLSearchParams,
  name: string,
  words: readonly string[],
  errors: ValidationItem[]
): string | undefined {
  const raw = params.get(name)
  if (raw === null) return undefined
  return known(raw, words, ['query', name], errors) ? raw : undefined
}

function page<T>(all: T[], page: number, size: number): T[] {
  return all.slice((page - 1) * size, page * size)
}

/**
 * GET /api/operations: the envelope `{items, total, page, size, pages}` of
 * GetExportOperation objects, filtered by datastore and id (repeatable),
 * type, result (repeatable, `queued` included), finished and dates. Only
 * exports exist here (unless seeded), so another `operation_type` lists
 * nothing; an unknown type or result is a 422.
 */
export function listOperations(
  params: URLSearchParams,
  scenario: Scenario,
  store: OperationStore
): Answer {
  const errors: ValidationItem[] = []
  const datastores = intParams(params, 'datastore', errors)
  const finished = laxBool(params, 'finished', errors)
  const startDate = dateParam(params, 'start_date', errors)
  const endDate = dateParam(params, 'end_date', errors)
  const sort = params.get('sort_created') ?? 'desc'
  if (sort !== 'asc' && sort !== 'desc') {
    const msg = "Input should be 'asc' or 'desc'"
    errors.push({
      type: 'enum',
      loc: ['query', 'sort_created'],
      msg,
      input: sort
    })
  }
  const { page: p, size } = pagination(params, errors)
  const ids = intParams(params, 'id', errors)
  const type = enumParam(params, 'operation_type', OPERATION_TYPES, errors)
  const results = params
    .getAll('result')
    .filter((r, i) => known(r, RESULTS, ['query', 'result', i], errors))
  if (errors.length > 0) return invalid(errors)

  store.refreshAll()
  const all = [...store.operations.values()]
  // A server that ignores the filters: everything, oldest first.
  if (scenario.ignoreListFilters) all.sort((a, b) => a.id - b.id)
  const matches = all.filter(
    (op: SimOperation) =>
      scenario.ignoreListFilters ||
      ((type === undefined || type === (op.type ?? 'export')) &&
        (datastores.length === 0 || datastores.includes(op.datastoreId)) &&
        (ids.length === 0 || ids.includes(op.id)) &&
        (results.length === 0 || results.includes(op.result)) &&
        (finished === undefined || finished === (op.endTime !== null)) &&
        (startDate === undefined || op.startTime >= startDate) &&
        (endDate === undefined || op.created <= endDate))
  )
  if (!scenario.ignoreListFilters) {
    // Ids grow with creation time; they break ties between equal timestamps.
    matches.sort((a, b) => a.created - b.created || a.id - b.id)
    if (sort === 'desc') matches.reverse()
  }

  const items = page(matches, p, size).map(op => {
    const ds = scenario.datastores.find(d => d.id === op.datastoreId)
    const stub = ds ?? {
      id: op.datastoreId,
      name: `datastore-${op.datastoreId}`
    }
    return operationJson(op, stub, {
      totalContainers: store.totalContainers(op)
    })
  })
  const total = matches.length
  return {
    status: 200,
    body: { items, total, page: p, size, pages: Math.ceil(total / size) }
  }
}

/**
 * GET /api/anomalies and /api/quality-checks: only `total` matters to the
 * action (how many Qualytics holds), so items are placeholders. Filters
 * other than `datastore` (container, status, tag) are accepted and ignored.
 */
export function countPage(
  kind: 'anomalies' | 'quality-checks',
  params: URLSearchParams,
  scenario: Scenario
): Answer {
  const errors: ValidationItem[] = []
  const wanted = intParams(params, 'datastore', errors)
  const { page: p, size } = pagination(params, errors)
  if (errors.length > 0) return invalid(errors)
  const chosen = scenario.datastores.filter(
    ds => wanted.length === 0 || wanted.includes(ds.id)
  )
  const total = chosen.reduce(
    (sum, ds) => sum + ((kind === 'anomalies' ? ds.anomalies : ds.checks) ?? 0),
    0
  )
  const from = (p - 1) * size
  const count = Math.max(0, Math.min(size, total - from))
  const firstId = chosen[0]?.id ?? wanted[0] ?? 0
  return {
    status: 200,
    body: {
      items: dummyItems(kind, firstId, from, count),
      total,
      page: p,
      size,
      pages: Math.ceil(total / size)
    }
  }
}
