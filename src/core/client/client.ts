import type {
  ClientOptions,
  ClientStats,
  DatastorePage,
  ExportList,
  ListedDatastore,
  ListedPage,
  TableRow,
  TableRows,
  TriggerOutcome
} from './client-types.js'
import type { DatastoreInfo } from '../types.js'
import { systemClock, type Clock } from '../clock.js'
import { networkError, shapeError, statusError } from './api-errors.js'
import { ApiError } from '../errors.js'
import {
  createHttpTransport,
  delayedSignal,
  type HttpResponse,
  type Transport
} from './http.js'
import { ShapeError } from './schema.js'
import * as schemas from './schemas.js'
import { backoffDelay, type RetryPolicy } from './retry.js'
import { RequestBudget } from './rate-limit.js'
import { outcomeOfAnswer, outcomeOfFailure } from './trigger-outcome.js'
import type { ExportRequestBody, Operation } from '../types.js'

/**
 * A cancel gives a POST on the wire this long to bring its id (so the
 * export can be aborted) before the request is cut.
 */
const POST_CANCEL_GRACE_MS = 800

/** Page size of a history read (also what the trigger's look asks for). */
const HISTORY_PAGE_SIZE = 50
/** Page size of a batched status read (the most fastapi-pagination allows). */
export const STATUS_PAGE_SIZE = 100
/** Datastore list pages read at once after the first. */
const PAGES_AT_ONCE = 4
/** Most datastore list pages read before giving up (100,000 datastores at 100 a page). */
const MAX_PAGES = 1000
/** Most listing pages followed when the answer is a page envelope. */
const MAX_LISTING_PAGES = 50
/** Answers that say the server refuses a query parameter it does not know. */
const REFUSED_PARAMETER = new Set([400, 422])

/**
 * The Qualytics API as the action uses it: one typed method per call, each
 * answer read by its schema (schemas.ts), so no caller builds a URL or sees
 * raw JSON. Every error it raises names method, path, status and the
 * server's `detail`, with the token removed.
 */
export class QualyticsClient {
  readonly stats: ClientStats = { requests: 0, retries: 0 }
  /** Server clock minus ours, from the last Date header (for adoption). */
  serverSkewMs = 0
  readonly #options: ClientOptions
  readonly #transport: Transport
  readonly #headers: Record<string, string>
  readonly #clock: Clock
  readonly #random: () => number
  /** Every request takes a slot here first (max-request-rate, AIMD on 429). */
  readonly budget: RequestBudget

  constructor(options: ClientOptions) {
    this.#options = options
    this.#clock = options.clock ?? systemClock
    this.#random = options.random ?? Math.random
    this.budget = new RequestBudget(
      options.maxRequestRate ?? 20,
      this.#clock,
      options.signal
    )
    this.#transport =
      options.transport ??
      createHttpTransport(options.userAgent, options.requestTimeoutMs ?? 30_000)
    this.#headers = {
      Authorization: `Bearer ${options.token}`,
      Accept: 'application/json',
      'Content-Type': 'application/json'
    }
  }

  /** GET /api/users/me: does the token work? */
  me(
    policy: RetryPolicy
  ): Promise<{ name: string | null; role: string | null }> {
    return this.#read('users/me', policy, json =>
      schemas.me(json, 'GET /api/users/me')
    )
  }

  /** GET /api/datastores/{id}: name and enrichment link. */
  getDatastore(id: number, policy: RetryPolicy): Promise<DatastoreInfo> {
    return this.#read(`datastores/${id}`, policy, json =>
      schemas.datastore(json, id)
    )
  }

  /**
   * Every page of GET /api/datastores (`page`, `size`), read strictly: an
   * item or page that cannot be read is "cannot tell" (ShapeError), never
   * "not selected". The whole list must hold together: as many distinct
   * ids as `total` says, no id twice. A list that changed while it was
   * read, or a server that ignores `page`, fails here instead of exporting
   * a partial selection.
   */
  async listDatastores(policy: () => RetryPolicy): Promise<ListedDatastore[]> {
    const first = await this.#datastorePage(1, policy())
    const all = [...first.items]
    const pages = schemas.pagesToRead(first)
    if (pages > MAX_PAGES)
      throw new ShapeError(
        `GET /api/datastores: ${first.total} datastores in ${pages} pages is more than this action reads (${MAX_PAGES} pages)`
      )
    // The rest in parallel, a few at a time: a fleet's list is the long
    // pole of a dry run, and page order does not matter (ids are sorted).
    const rest = Array.from({ length: Math.max(0, pages - 1) }, (_, i) => i + 2)
    const read: DatastorePage[] = []
    const worker = async (): Promise<void> => {
      for (let page = rest.shift(); page !== undefined; page = rest.shift()) {
        const next = await this.#datastorePage(page, policy())
        read.push(next)
        // An empty page is the end, whatever was promised: the count
        // check below says whether the list held together.
        if (next.items.length === 0) rest.length = 0
      }
    }
    await Promise.all(Array.from({ length: PAGES_AT_ONCE }, worker))
    for (const next of read) {
      if (next.total !== first.total)
        throw new ShapeError(
          `GET /api/datastores: the total changed from ${first.total} to ${next.total} while the pages were read`
        )
      all.push(...next.items)
    }
    const ids = new Set(all.map(d => d.id))
    if (ids.size !== all.length || all.length !== first.total)
      throw new ShapeError(
        `GET /api/datastores: read ${all.length} items (${ids.size} distinct) but the server counts ${first.total}; the list changed while it was read, or the server ignores page`
      )
    return all
  }

  /** GET /api/datastores?page=N&size=S. */
  #datastorePage(page: number, policy: RetryPolicy): Promise<DatastorePage> {
    // No `tag` filter is sent: whether the server has one, and whether it
    // compares names case-insensitively as the contract does, is unconfirmed.
    const path = `datastores?page=${page}&size=${schemas.DATASTORE_PAGE_SIZE}`
    return this.#read(path, policy, json => schemas.datastorePage(json, page))
  }

  /** GET /api/operations/{id}. */
  getOperation(id: number, policy: RetryPolicy): Promise<Operation> {
    return this.#read(`operations/${id}`, policy, json =>
      schemas.operation(json, `GET /api/operations/${id}`)
    )
  }

  /**
   * Exports of one datastore, newest first (as asked; the server may
   * ignore the filters and the order, so callers check every item). A page
   * that cannot be read is "cannot tell", never an empty list.
   */
  async exportsOf(
    datastoreId: number,
    policy: RetryPolicy,
    size = HISTORY_PAGE_SIZE
  ): Promise<ExportList> {
    const path = exportsPath([datastoreId], 1, size)
    try {
      const page = await this.#readOptional(path, policy, json =>
        schemas.operationPage(json, 'GET /api/operations')
      )
      if (page === null) return { kind: 'missing' }
      return {
        kind: 'listed',
        items: page.items.items,
        unreadable: page.items.unreadable,
        total: page.total,
        size
      }
    } catch (error) {
      return {
        kind: 'cannot-tell',
        reason: error instanceof Error ? error.message : String(error)
      }
    }
  }

  /**
   * One page of exports of these datastores, newest first (as asked; the
   * server may not sort), each item checked as evidence of an export.
   * Null when the server has no list endpoint (404); throws ApiError when
   * the page cannot be read.
   */
  listExports(
    datastoreIds: readonly number[],
    options: { page?: number; size: number },
    policy: RetryPolicy
  ): Promise<ListedPage | null> {
    const path = exportsPath(datastoreIds, options.page ?? 1, options.size)
    return this.#readOptional(path, policy, json => {
      const page = schemas.operationPage(json, 'GET /api/operations')
      const items = page.items.items
      return {
        exports: items.flatMap(op => schemas.asListedExport(op) ?? []),
        full: items.length + page.items.unreadable >= options.size,
        foreign: items.filter(
          op =>
            (op.type !== null && op.type !== 'export') ||
            (op.datastoreId !== null && !datastoreIds.includes(op.datastoreId))
        ).length
      }
    })
  }

  /** How many anomalies or checks Qualytics holds; null when it cannot say. */
  async countAssets(
    kind: 'anomalies' | 'checks',
    datastoreId: number,
    containers: number[],
    policy: RetryPolicy
  ): Promise<number | null> {
    const base = kind === 'anomalies' ? 'anomalies' : 'quality-checks'
    const filter = containers.map(c => `&container=${c}`).join('')
    try {
      return await this.#readOptional(
        `${base}?datastore=${datastoreId}${filter}&page=1&size=1`,
        policy,
        json => schemas.total(json, `GET /api/${base}`)
      )
    } catch {
      return null // a count is a nicety; its absence never fails an export
    }
  }

  /**
   * POST /api/operations/run, exactly once. Never retried here: the call is
   * not idempotent, and a blind retry can start a second export. The caller
   * decides from the outcome's kind what is safe.
   */
  async runExport(body: ExportRequestBody): Promise<TriggerOutcome> {
    const what = `POST /api/operations/run (${body.asset_type} of datastore ${body.datastore_id})`
    let response: HttpResponse
    try {
      response = await this.#send(
        'POST',
        'operations/run',
        JSON.stringify(body),
        delayedSignal(this.#options.signal, POST_CANCEL_GRACE_MS)
      )
    } catch (error) {
      return outcomeOfFailure(this.#options.redact, error)
    }
    return outcomeOfAnswer(
      this.#options.redact,
      response,
      what,
      this.#clock.now()
    )
  }

  /** PUT /api/operations/abort/{id} with no body, once (best effort). */
  async abort(id: number): Promise<Operation> {
    const path = `operations/abort/${id}`
    let response: HttpResponse
    try {
      response = await this.#send('PUT', path, undefined)
    } catch (error) {
      throw networkError(this.#options.redact, 'PUT', path, error)
    }
    if (response.status < 200 || response.status >= 300) {
      throw statusError(
        this.#options.redact,
        'PUT',
        path,
        response,
        this.#clock.now()
      )
    }
    try {
      return schemas.operation(
        schemas.parseJson(response.body, `PUT /api/${path}`),
        `PUT /api/${path}`
      )
    } catch (error) {
      throw shapeError(this.#options.redact, 'PUT', path, error)
    }
  }

  /**
   * GET /api/datastores/{id}/listing: the names of the enrichment
   * datastore's tables, or null when the endpoint is not there (404). The
   * shape is unconfirmed: the documented variants read, anything else is
   * ShapeError ("cannot tell").
   */
  async listTables(
    enrichmentId: number,
    policy: RetryPolicy
  ): Promise<string[] | null> {
    const names: string[] = []
    for (let page = 1; page <= MAX_LISTING_PAGES; page++) {
      const path = `datastores/${enrichmentId}/listing${page > 1 ? `?page=${page}` : ''}`
      const answer = await this.#readOptional(path, policy, json =>
        schemas.listing(json)
      )
      if (answer === null) return page === 1 ? null : names
      names.push(...answer.names)
      if (answer.pages <= page) return names
    }
    return names
  }

  /**
   * GET /api/datastores/{id}/source-records?path=<table>, filtered to one
   * datastore's rows (`filter=datastore_id='42'`, the documented condition
   * form). A server that refuses the filter is asked once more without it;
   * one that ignores it is caught by the caller, which checks every row's
   * datastore id. One row is asked for (`limit` is undocumented, so more may
   * come). Null when the endpoint is not there (404).
   */
  async tableRows(
    enrichmentId: number,
    table: string,
    datastoreId: number,
    policy: RetryPolicy
  ): Promise<TableRows | null> {
    const base = `datastores/${enrichmentId}/source-records?path=${encodeURIComponent(table)}`
    const filter = encodeURIComponent(`datastore_id='${datastoreId}'`)
    const parse = (json: unknown): TableRow[] => schemas.sourceRecords(json)
    try {
      const rows = await this.#readOptional(
        `${base}&filter=${filter}&limit=1`,
        policy,
        parse
      )
      return rows && { rows, filtered: true }
    } catch (error) {
      const status = error instanceof ApiError ? error.status : undefined
      if (status === undefined || !REFUSED_PARAMETER.has(status)) throw error
    }
    const rows = await this.#readOptional(`${base}&limit=1`, policy, parse)
    return rows && { rows, filtered: false }
  }

  /** Close kept-alive sockets so the process can exit at once. */
  dispose(): void {
    this.#transport.dispose()
  }

  /** A GET that answers null on 404 (the endpoint is optional). */
  async #readOptional<T>(
    path: string,
    policy: RetryPolicy,
    parse: (json: unknown) => T
  ): Promise<T | null> {
    try {
      return await this.#read(path, policy, parse)
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null
      throw error
    }
  }

  /**
   * A GET with retries: network errors, 5xx, 408, 429, rate-limit 403s and
   * unreadable bodies are tried again with full-jitter backoff, honouring
   * Retry-After, within the policy's attempts and deadline.
   */
  async #read<T>(
    path: string,
    policy: RetryPolicy,
    parse: (json: unknown) => T
  ): Promise<T> {
    const what = `GET /api/${path.split('?')[0]}`
    for (let attempt = 1; ; attempt++) {
      let failure: ApiError
      try {
        const response = await this.#send(
          'GET',
          path,
          undefined,
          this.#options.signal
        )
        if (response.status >= 200 && response.status < 300) {
          try {
            return parse(schemas.parseJson(response.body, what))
          } catch (error) {
            failure = shapeError(this.#options.redact, 'GET', path, error)
          }
        } else
          failure = statusError(
            this.#options.redact,
            'GET',
            path,
            response,
            this.#clock.now()
          )
      } catch (error) {
        failure = networkError(this.#options.redact, 'GET', path, error)
      }
      const delayMs = backoffDelay(
        attempt - 1,
        policy,
        this.#random,
        failure.retryAfterMs
      )
      const canRetry =
        failure.retryable &&
        attempt < policy.maxAttempts &&
        this.#clock.now() + delayMs < policy.deadline &&
        !this.#options.signal?.aborted
      if (!canRetry) throw failure
      this.stats.retries++
      this.#options.onRetry?.({
        what,
        attempt,
        delayMs,
        reason: failure.message
      })
      await this.#clock.sleep(delayMs, this.#options.signal)
    }
  }

  /**
   * The one way out to the wire and back: every request passes here (the
   * place for a rate limiter). Reads and the POST are cancelled by the
   * run's signal; an abort is not, since a cancel is what sends it.
   */
  async #send(
    method: string,
    path: string,
    body: string | undefined,
    signal?: AbortSignal
  ): Promise<HttpResponse> {
    // Aborts are how a stopping run ends: they go ahead of queued reads.
    await this.budget.take(
      method === 'PUT' && path.startsWith('operations/abort/')
    )
    this.stats.requests++
    let response: HttpResponse
    try {
      response = await this.#transport.request(
        method,
        `${this.#options.apiBase}${path}`,
        body,
        this.#headers,
        signal
      )
    } catch (error) {
      this.budget.answered(0)
      throw error
    }
    this.budget.answered(response.status)
    const date = response.headers.date
    if (typeof date === 'string' && !Number.isNaN(Date.parse(date))) {
      this.serverSkewMs = Date.parse(date) - this.#clock.now()
    }
    return response
  }
}

/**
 * The one query for exports: of these datastores, newest first (as asked;
 * the server may ignore the filters and the order, so callers check every
 * item).
 */
function exportsPath(
  datastoreIds: readonly number[],
  page: number,
  size: number
): string {
  const filter = datastoreIds.map(id => `datastore=${id}`).join('&')
  return `operations?${filter}&operation_type=export&sort_created=desc&page=${page}&size=${size}`
}
