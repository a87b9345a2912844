import type {
  ClientOptions,
  ClientStats,
  DatastoreInfo,
  ExportList,
  TriggerOutcome
} from './client-types.js'
import { systemClock, type Clock } from '../clock.js'
import { networkError, shapeError, statusError } from './api-errors.js'
import { ApiError } from '../errors.js'
import {
  createHttpTransport,
  delayedSignal,
  type HttpResponse,
  type Transport
} from './http.js'
import {
  parseDatastore,
  parseJson,
  parseOperation,
  readTotal
} from './parse.js'
import * as schemas from './schemas.js'
import { backoffDelay, type RetryPolicy } from './retry.js'
import { RequestBudget } from './rate-limit.js'
import { outcomeOfAnswer, outcomeOfFailure } from './trigger-outcome.js'
import type { ExportRequestBody, Operation } from '../types.js'

/**
 * A cancel gives a POST on the wire this long to bring its id (so the
 * export can be aborted) before the request is cut.
 */
export const POST_CANCEL_GRACE_MS = 800

/**
 * Thin client over the five Qualytics calls the action needs and the three
 * optional ones. Every error it raises names method, path, status and the
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
    return this.read('users/me', policy, json =>
      schemas.me(json, 'GET /api/users/me')
    )
  }

  /** GET /api/datastores/{id}: name and enrichment link. */
  getDatastore(id: number, policy: RetryPolicy): Promise<DatastoreInfo> {
    return this.read(`datastores/${id}`, policy, json =>
      parseDatastore(json, id)
    )
  }

  /** GET /api/operations/{id}. */
  getOperation(id: number, policy: RetryPolicy): Promise<Operation> {
    return this.read(`operations/${id}`, policy, json =>
      parseOperation(json, `GET /api/operations/${id}`)
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
    size = 50
  ): Promise<ExportList> {
    const path = `operations?datastore=${datastoreId}&operation_type=export&sort_created=desc&page=1&size=${size}`
    try {
      const page = await this.readOptional(path, policy, json =>
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
      return await this.readOptional(
        `${base}?datastore=${datastoreId}${filter}&page=1&size=1`,
        policy,
        json => readTotal(json, `GET /api/${base}`)
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
      return parseOperation(
        parseJson(response.body, `PUT /api/${path}`),
        `PUT /api/${path}`
      )
    } catch (error) {
      throw shapeError(this.#options.redact, 'PUT', path, error)
    }
  }

  /** Close kept-alive sockets so the process can exit at once. */
  dispose(): void {
    this.#transport.dispose()
  }

  /** A GET that answers null on 404 (the endpoint is optional). */
  private async readOptional<T>(
    path: string,
    policy: RetryPolicy,
    parse: (json: unknown) => T
  ): Promise<T | null> {
    try {
      return await this.read(path, policy, parse)
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
  async read<T>(
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
            return parse(parseJson(response.body, what))
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
