import { fail, invalid, type Answer } from './http.js'
import { openApiDocument } from './openapi.js'
import { listDatastores, listing, sourceRecords } from './landing.js'
import { countPage, listOperations } from './listing.js'
import { DEFAULT_QUEUED_MS, type OperationStore } from './operations.js'
import {
  datastoreJson,
  enrichmentJson,
  operationJson,
  TEAM,
  userJson
} from './payloads.js'
import type { EndpointKey, ExportBehaviour, Scenario } from './types.js'
import { pathInt, validateExportBody } from './validate.js'

/** Everything a handler may read about the request and the server. */
interface RouteContext {
  params: URLSearchParams
  bodyText: string
  scenario: Scenario
  store: OperationStore
  /** Whether the caller's token lacks editor permission. */
  readOnly: boolean
}

/** A handler's answer; `created` marks a trigger that made an operation. */
export type RouteResult = Answer & { created?: boolean }

/** A route as the OpenAPI document describes it. */
interface RouteDoc {
  /** The path template, as in the vendor's spec. */
  path: string
  summary: string
  /** The model of a 2xx answer, named as the vendor's spec names it. */
  model?: string
  /** The model of the request body. */
  body?: string
  /** Query parameters it reads. */
  query?: string[]
}

/** One route of the simulated API. */
export interface Route {
  method: string
  pattern: RegExp
  /** What /api/openapi.json says of it. */
  doc: RouteDoc
  /** Chaos and missing-endpoint key; null for routes outside the list. */
  key: EndpointKey | null
  /** /api/health and /api/status answer without a token. */
  auth: boolean
  handle(ctx: RouteContext, match: RegExpMatchArray): RouteResult
}

/** Each export's fate when the scenario does not say. */
const DEFAULT_BEHAVIOUR: ExportBehaviour = {
  durationMs: 2500,
  result: 'success',
  message: null
}

/** The 403 the userguide documents for a user without editor permission. */
const FORBIDDEN =
  'You must have editor permission in at least one of these teams: ' +
  `['${TEAM}']`

function findDatastore(scenario: Scenario, id: number) {
  return scenario.datastores.find(ds => ds.id === id)
}

function findEnrichment(scenario: Scenario, id: number) {
  return scenario.datastores.find(ds => ds.enrichment?.id === id)?.enrichment
}

function datastoreName(scenario: Scenario, id: number) {
  return findDatastore(scenario, id) ?? { id, name: `datastore-${id}` }
}

/** The operation in its GET shape, brought up to date. */
function operationAnswer(ctx: RouteContext, id: number): RouteResult {
  const op = ctx.store.get(id)
  if (!op) return fail(404, `Operation id: ${id} not found`)
  const details = { totalContainers: ctx.store.totalContainers(op) }
  return {
    status: 200,
    body: operationJson(
      op,
      datastoreName(ctx.scenario, op.datastoreId),
      details
    )
  }
}

function getDatastore(ctx: RouteContext, m: RegExpMatchArray): RouteResult {
  const id = pathInt('datastore_id', m[1] ?? '')
  if (typeof id !== 'number') return invalid([id])
  const ds = findDatastore(ctx.scenario, id)
  if (ds) return { status: 200, body: datastoreJson(ds) }
  const link = findEnrichment(ctx.scenario, id)
  if (link) return { status: 200, body: enrichmentJson(link) }
  return fail(404, `Datastore id: ${id} not found`)
}

/**
 * POST /api/operations/run. Checks run in the order a FastAPI handler would
 * meet them: body validation, then lookups, then the team permission (it
 * depends on the datastore's team), then the enrichment link.
 */
function runOperation(ctx: RouteContext): RouteResult {
  const req = validateExportBody(ctx.bodyText)
  if (Array.isArray(req)) return invalid(req)
  const ds = findDatastore(ctx.scenario, req.datastoreId)
  if (!ds) {
    if (findEnrichment(ctx.scenario, req.datastoreId)) {
      return fail(
        409,
        `The datastore id: ${req.datastoreId} is an enrichment store`
      )
    }
    return fail(404, `Datastore id: ${req.datastoreId} not found`)
  }
  if (ctx.readOnly) return fail(403, FORBIDDEN)
  if (!ds.enrichment) {
    // UNCONFIRMED in reality: the userguide only says export "will return an
    // error" without a link. We chose a 400 at trigger time; the action
    // checks enrich_datastore itself and must not depend on this answer.
    return fail(400, `Datastore ${ds.id} has no enrichment datastore linked`)
  }
  const seq = ctx.store.nextSeq()
  const pick = ctx.scenario.behaviour ?? (() => DEFAULT_BEHAVIOUR)
  const behaviour = pick({ datastoreId: ds.id, assetType: req.assetType, seq })
  const queuedMs = ctx.scenario.queuedMs ?? DEFAULT_QUEUED_MS
  const op = ctx.store.create(req, { ...behaviour }, queuedMs)
  // The POST answers the plain ExportOperation, queued (or running when
  // the scenario has no queue).
  return { status: 200, body: operationJson(op, ds), created: true }
}

function abortOperation(ctx: RouteContext, m: RegExpMatchArray): RouteResult {
  const id = pathInt('operation_id', m[1] ?? '')
  if (typeof id !== 'number') return invalid([id])
  const op = ctx.store.get(id)
  if (!op) return fail(404, `Operation id: ${id} not found`)
  if (ctx.readOnly) return fail(403, FORBIDDEN)
  ctx.store.abort(op)
  return operationAnswer(ctx, id)
}

/** The simulated API; the first route whose pattern and method match wins. */
const ROUTES: Route[] = [
  {
    method: 'GET',
    pattern: /^\/api\/openapi\.json$/,
    doc: { path: '/api/openapi.json', summary: 'This document (no token)' },
    key: 'openapi',
    auth: false,
    handle: () => ({ status: 200, body: openApiDocument(ROUTES) })
  },
  {
    method: 'GET',
    pattern: /^\/api\/health$/,
    doc: { path: '/api/health', summary: 'Health check (204, no token)' },
    key: null,
    auth: false,
    handle: () => ({ status: 204 })
  },
  {
    method: 'GET',
    pattern: /^\/api\/status$/,
    doc: {
      path: '/api/status',
      summary: 'Database and queue status (no token)'
    },
    key: null,
    auth: false,
    handle: () => ({
      status: 200,
      body: { database_connection: 'OK', rabbitmq_connection: 'OK' }
    })
  },
  {
    method: 'GET',
    pattern: /^\/api\/users\/me$/,
    doc: { path: '/api/users/me', summary: 'The token owner', model: 'User' },
    key: 'me',
    auth: true,
    handle: ctx => ({ status: 200, body: userJson(ctx.readOnly) })
  },
  {
    method: 'GET',
    pattern: /^\/api\/datastores\/([^/]+)$/,
    doc: {
      path: '/api/datastores/{datastore_id}',
      summary: 'One datastore and its enrichment link',
      model: 'GetJdbcDatastore'
    },
    key: 'datastore',
    auth: true,
    handle: getDatastore
  },
  {
    method: 'GET',
    pattern: /^\/api\/datastores$/,
    doc: {
      path: '/api/datastores',
      summary: 'Datastores, a page at a time',
      model: 'Page[GetJdbcDatastore | GetDfsDatastore]',
      query: ['page', 'size', 'name', 'tag', 'enrichment_only']
    },
    key: 'datastores',
    auth: true,
    handle: ctx => listDatastores(ctx.params, ctx.scenario)
  },
  {
    method: 'GET',
    pattern: /^\/api\/datastores\/([^/]+)\/listing$/,
    doc: {
      path: '/api/datastores/{datastore_id}/listing',
      summary: 'Tables of an enrichment datastore',
      model: 'List[GetDatastorePathListing]'
    },
    key: 'listing',
    auth: true,
    handle: (ctx, m) => listing(ctx.scenario, ctx.store, m[1] ?? '')
  },
  {
    method: 'GET',
    pattern: /^\/api\/datastores\/([^/]+)\/source-records$/,
    doc: {
      path: '/api/datastores/{datastore_id}/source-records',
      summary: 'Rows of one enrichment table',
      model: 'GetContainerSourceRecords',
      query: ['path', 'filter']
    },
    key: 'source-records',
    auth: true,
    handle: (ctx, m) =>
      sourceRecords(ctx.scenario, ctx.store, m[1] ?? '', ctx.params)
  },
  {
    method: 'POST',
    pattern: /^\/api\/operations\/run$/,
    doc: {
      path: '/api/operations/run',
      summary: 'Start an export',
      body: 'CreateExportOperation',
      model: 'ExportOperation'
    },
    key: 'run',
    auth: true,
    handle: runOperation
  },
  {
    method: 'PUT',
    pattern: /^\/api\/operations\/abort\/([^/]+)$/,
    doc: {
      path: '/api/operations/abort/{operation_id}',
      summary: 'Abort a queued or running operation',
      model: 'ResponseAbortOperationApiOperationsAbortIdPut'
    },
    key: 'abort',
    auth: true,
    handle: abortOperation
  },
  {
    method: 'GET',
    pattern: /^\/api\/operations$/,
    doc: {
      path: '/api/operations',
      summary: 'Operations, newest first, a page at a time',
      model: 'Page[GetExportOperation]',
      query: [
        'datastore',
        'id',
        'operation_type',
        'result',
        'finished',
        'start_date',
        'end_date',
        'sort_created',
        'page',
        'size'
      ]
    },
    key: 'operations',
    auth: true,
    handle: ctx => listOperations(ctx.params, ctx.scenario, ctx.store)
  },
  {
    // Like FastAPI, GET /api/operations/run lands here and fails as a bad id.
    method: 'GET',
    pattern: /^\/api\/operations\/([^/]+)$/,
    doc: {
      path: '/api/operations/{operation_id}',
      summary: 'One operation',
      model: 'GetExportOperation'
    },
    key: 'operation',
    auth: true,
    handle: (ctx, m) => {
      const id = pathInt('operation_id', m[1] ?? '')
      return typeof id === 'number' ? operationAnswer(ctx, id) : invalid([id])
    }
  },
  {
    method: 'GET',
    pattern: /^\/api\/anomalies$/,
    doc: {
      path: '/api/anomalies',
      summary: 'Anomalies (the action reads total)',
      model: 'PageGetAnomalyListing',
      query: ['datastore', 'container', 'page', 'size']
    },
    key: 'anomalies',
    auth: true,
    handle: ctx => countPage('anomalies', ctx.params, ctx.scenario)
  },
  {
    method: 'GET',
    pattern: /^\/api\/quality-checks$/,
    doc: {
      path: '/api/quality-checks',
      summary: 'Quality checks (the action reads total)',
      model: 'PageGetQualityCheckListing',
      query: ['datastore', 'container', 'page', 'size']
    },
    key: 'quality-checks',
    auth: true,
    handle: ctx => countPage('quality-checks', ctx.params, ctx.scenario)
  }
]

/** The route for a request, or the 404/405 FastAPI would give. */
export function matchRoute(
  method: string,
  path: string
): { route: Route; match: RegExpMatchArray } | Answer {
  const candidates = ROUTES.flatMap(route => {
    const match = path.match(route.pattern)
    return match ? [{ route, match }] : []
  })
  const found = candidates.find(c => c.route.method === method)
  if (found) return found
  if (candidates.length > 0) return fail(405, 'Method Not Allowed')
  return fail(404, 'Not Found')
}
