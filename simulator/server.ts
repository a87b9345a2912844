import {
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { ChaosEngine, gatewayPage, type FaultKind } from './chaos.js'
import { systemClock, type Clock } from './clock.js'
import {
  fail,
  parseLoggedBody,
  queryRecord,
  readBody,
  serialise,
  writeAnswer,
  type Answer
} from './http.js'
import { OperationStore } from './operations.js'
import { matchRoute, type Route, type RouteResult } from './routes.js'
import { normaliseScenario } from './scenario.js'
import { withEchoedToken } from './echo.js'
import { SlidingLimiter } from './history.js'
import type {
  OperationResult,
  RequestRecord,
  Scenario,
  SimDatastore,
  SimOperation
} from './types.js'

/** Options of QualyticsSimulator.start. */
export interface SimulatorOptions {
  /** Default 0: a free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Source of all operation times; default systemClock. */
  clock?: Clock
  /** Called once per request, after it was answered (or dropped). */
  onRequest?: (record: RequestRecord) => void
  /**
   * Called with each answer as sent (faults included; never for a dropped
   * connection), so a test can check what the server said.
   */
  onAnswer?: (record: RequestRecord, answer: Answer) => void
}

type Authenticated = { readOnly: boolean }

/**
 * A local stand-in for the Qualytics API (the endpoints the action uses),
 * faithful to `qualytics-api.md`, with seeded chaos for retry tests. Tests,
 * the demo and the benchmarks share it.
 */
export class QualyticsSimulator {
  /** 'http://127.0.0.1:<port>', without /api. */
  readonly url: string
  /** Every request, in order of arrival, faulted ones included. */
  readonly requests: RequestRecord[] = []
  /** Counts of injected faults by kind ('error', 'reset', 'storm', ...). */
  readonly faults: Record<string, number> = {}
  /** Mutable: tests may change behaviour or chaos between steps. */
  scenario: Scenario
  readonly #server: Server
  readonly #clock: Clock
  readonly #store: OperationStore
  readonly #chaos = new ChaosEngine()
  readonly #onRequest: ((record: RequestRecord) => void) | undefined
  readonly #onAnswer: SimulatorOptions['onAnswer']
  /** Pending latency sleeps, ended at once by close(). */
  readonly #sleeps = new Map<NodeJS.Timeout, () => void>()
  #closed = false
  /** The gateway limiter (scenario.rateLimit), counting every arrival. */
  #limiter: SlidingLimiter | undefined

  private constructor(
    server: Server,
    url: string,
    scenario: Scenario,
    options: SimulatorOptions
  ) {
    this.#server = server
    this.url = url
    this.scenario = scenario
    this.#clock = options.clock ?? systemClock
    this.#store = new OperationStore(this.#clock)
    this.#onRequest = options.onRequest
    this.#onAnswer = options.onAnswer
    const origin = this.#clock.now()
    for (const seeded of scenario.history ?? [])
      this.#store.seed(seeded, origin)
    if (scenario.rateLimit)
      this.#limiter = new SlidingLimiter(scenario.rateLimit.perSecond)
  }

  /** Start a simulator listening on 127.0.0.1 (a random port by default). */
  static async start(
    scenario: Partial<Scenario> & { datastores: SimDatastore[] },
    options: SimulatorOptions = {}
  ): Promise<QualyticsSimulator> {
    const server = createServer()
    const host = options.host ?? '127.0.0.1'
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
    const { port } = server.address() as AddressInfo
    const shownHost = host.includes(':') ? `[${host}]` : host
    const url = `http://${shownHost}:${port}`
    const sim = new QualyticsSimulator(
      server,
      url,
      normaliseScenario(scenario),
      options
    )
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      sim.#handle(req, res).catch(() => {
        // A bug in the simulator must not hang the client: answer or drop.
        if (!res.headersSent)
          writeAnswer(res, fail(500, 'Internal Server Error'), sim.#clock.now())
        else res.destroy()
      })
    })
    return sim
  }

  /** The valid bearer token. */
  get token(): string {
    return this.scenario.token
  }

  /** Server-side truth, brought up to date with the clock on each read. */
  get operations(): Map<number, SimOperation> {
    this.#store.refreshAll()
    return this.#store.operations
  }

  /**
   * Count requests matching method and path prefix,
   * e.g. count('GET', '/api/operations/').
   */
  count(method: string, pathPrefix?: string): number {
    const m = method.toUpperCase()
    return this.requests.filter(
      r => r.method === m && (!pathPrefix || r.path.startsWith(pathPrefix))
    ).length
  }

  /** The operation's final truth: what result it ended (or will end) with. */
  finalResult(id: number): OperationResult | undefined {
    const op = this.#store.operations.get(id)
    return op && this.#store.finalResult(op)
  }

  /** Stop listening and close every socket at once (keep-alive included). */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    for (const [timer, wake] of this.#sleeps) {
      clearTimeout(timer)
      wake()
    }
    this.#sleeps.clear()
    await new Promise<void>(resolve => {
      this.#server.close(() => resolve())
      this.#server.closeAllConnections()
    })
  }

  async #handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://simulator')
    const authorization = req.headers.authorization
    const record: RequestRecord = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: queryRecord(url.searchParams),
      body: undefined,
      status: 0,
      at: this.#clock.now(),
      ...(authorization !== undefined && { authorization })
    }
    this.requests.push(record)
    const { text, tooLarge } = await readBody(req)
    record.body = parseLoggedBody(text)
    if (tooLarge) {
      return this.#finish(res, record, fail(413, 'Request body too large'))
    }

    if (this.#limiter?.over(record.at)) {
      const seconds = this.scenario.rateLimit?.retryAfterSeconds ?? 1
      const answer: Answer = {
        status: 429,
        body: { detail: 'Too Many Requests' },
        headers: { 'retry-after': String(seconds) }
      }
      return this.#finish(res, record, answer, 'throttled')
    }
    const matched = matchRoute(record.method, url.pathname)
    const key = 'route' in matched ? matched.route.key : null
    const chaos = this.scenario.chaos
    const decision = this.#chaos.decide(chaos, key, key === 'run')
    if (decision.latencyMs > 0) await this.#sleep(decision.latencyMs)
    if (this.#closed) return this.#drop(req, record)

    // Faults other than drop-after-create answer before the handler runs,
    // so they never change server truth.
    const { fault, variant } = decision
    if (fault === 'reset') return this.#drop(req, record, fault)
    if (fault === 'storm' || fault === 'rate-limit') {
      const answer = this.#chaos.rateLimited(chaos, this.#clock.now())
      return this.#finish(res, record, answer, fault)
    }
    if (fault === 'error') {
      const answer = this.#chaos.serverError(variant)
      return this.#finish(res, record, answer, fault)
    }
    if (fault === 'corrupt' && record.method !== 'GET') {
      const answer = this.#chaos.corrupt(variant, undefined)
      return this.#finish(res, record, answer, fault)
    }

    const answer = this.#route(matched, url.searchParams, text, authorization)
    if (fault === 'corrupt') {
      const spoiled = this.#chaos.corrupt(variant, serialise(answer))
      return this.#finish(res, record, spoiled, fault)
    }
    const drop = answer.created ? decision.dropAfterCreate : undefined
    if (drop === 'reset') return this.#drop(req, record, 'drop-after-create')
    if (drop !== undefined) {
      return this.#finish(res, record, gatewayPage(drop), 'drop-after-create')
    }
    this.#finish(res, record, answer)
  }

  #route(
    matched: { route: Route; match: RegExpMatchArray } | Answer,
    params: URLSearchParams,
    bodyText: string,
    authorization: string | undefined
  ): RouteResult {
    if (!('route' in matched)) return matched
    const { route, match } = matched
    if (route.key && this.scenario.missingEndpoints?.includes(route.key)) {
      return fail(404, 'Not Found')
    }
    let auth: Authenticated = { readOnly: false }
    if (route.auth) {
      const result = this.#authenticate(authorization)
      if ('status' in result) return result
      auth = result
    }
    const ctx = {
      params,
      bodyText,
      scenario: this.scenario,
      store: this.#store,
      readOnly: auth.readOnly
    }
    return route.handle(ctx, match)
  }

  /** Bearer auth; the two 401 bodies tell "no token" from "bad token". */
  #authenticate(header: string | undefined): Authenticated | Answer {
    const unauthorised = (detail: string): Answer => ({
      ...fail(401, detail),
      headers: { 'www-authenticate': 'Bearer' }
    })
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header?.trim() ?? '')
    const token = m?.[1]
    if (token === undefined) return unauthorised('Not authenticated')
    if (token === this.scenario.token) return { readOnly: false }
    if (this.scenario.readOnlyTokens?.includes(token)) return { readOnly: true }
    return unauthorised('Could not validate credentials')
  }

  #count(fault: FaultKind): void {
    this.faults[fault] = (this.faults[fault] ?? 0) + 1
  }

  #finish(
    res: ServerResponse,
    record: RequestRecord,
    answer: Answer,
    fault?: FaultKind
  ): void {
    const sent =
      this.scenario.echoToken && record.authorization !== undefined
        ? withEchoedToken(answer, record.authorization)
        : answer
    record.status = sent.status
    if (fault) {
      record.fault = fault
      this.#count(fault)
    }
    writeAnswer(res, sent, this.#clock.now())
    this.#onAnswer?.(record, sent)
    this.#onRequest?.(record)
  }

  /** Destroy the socket without a byte of answer (status 0 in the log). */
  #drop(req: IncomingMessage, record: RequestRecord, fault?: FaultKind): void {
    record.status = 0
    if (fault) {
      record.fault = fault
      this.#count(fault)
    }
    req.socket.destroy()
    this.#onRequest?.(record)
  }

  #sleep(ms: number): Promise<void> {
    return new Promise(resolve => {
      const timer = setTimeout(() => {
        this.#sleeps.delete(timer)
        resolve()
      }, ms)
      this.#sleeps.set(timer, resolve)
    })
  }
}
